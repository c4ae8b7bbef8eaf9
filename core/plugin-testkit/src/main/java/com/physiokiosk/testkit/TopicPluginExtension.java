package com.physiokiosk.testkit;

import com.physiokiosk.api.Rule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The JUnit 5 extension behind {@link TopicPluginTest}. */
public final class TopicPluginExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    /** System property holding the path of the plugin jar under test. */
    public static final String PLUGIN_JAR_PROPERTY = "plugin.jar";

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(TopicPluginExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        String jar = System.getProperty(PLUGIN_JAR_PROPERTY);
        if (jar == null) {
            throw new IllegalStateException("System property " + PLUGIN_JAR_PROPERTY
                    + " is not set: run plugin tests as integration tests (mvn verify) from a plugin module");
        }
        context.getStore(NS).put(PluginUnderTest.class, PluginUnderTest.load(Path.of(jar)));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        PluginUnderTest plugin = context.getStore(NS).remove(PluginUnderTest.class, PluginUnderTest.class);
        if (plugin == null) {
            return;
        }
        try {
            TopicPluginTest settings = context.getRequiredTestClass().getAnnotation(TopicPluginTest.class);
            if (settings == null || settings.requireRuleCoverage()) {
                List<String> gaps = plugin.topic().rules().stream().map(Rule::id)
                        .filter(id -> !plugin.coverage().sawFire(id) || !plugin.coverage().sawQuiet(id))
                        .map(id -> id + (plugin.coverage().sawFire(id) ? " (never asserted quiet)" : " (never asserted to fire)"))
                        .toList();
                if (!gaps.isEmpty()) {
                    throw new AssertionError("Every rule needs a scenario asserting it fires and one asserting it stays quiet; missing: "
                            + gaps);
                }
            }
        } finally {
            plugin.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PluginUnderTest.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NS).get(PluginUnderTest.class, PluginUnderTest.class);
    }
}
