package com.physiokiosk.engine.plugins;

import com.physiokiosk.api.ScreenContext;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A topic plugin's own precompiled jte templates, rendered by an engine of its own that loads the
 * template classes through the plugin's class loader.
 */
public final class TopicTemplates {

    private final TemplateEngine engine;

    private TopicTemplates(TemplateEngine engine) {
        this.engine = engine;
    }

    /**
     * The templates generated into {@code packageName} in the plugin behind {@code loader}.
     *
     * @throws IllegalStateException naming every template in {@code required} that the plugin lacks
     */
    public static TopicTemplates load(ClassLoader loader, String packageName, Collection<String> required) {
        // jte's precompiled engine takes its class loader from the thread at construction.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        TemplateEngine engine;
        thread.setContextClassLoader(loader);
        try {
            engine = TemplateEngine.createPrecompiled(null, ContentType.Html, loader, packageName);
        } finally {
            thread.setContextClassLoader(previous);
        }
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!engine.hasTemplate(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("templates " + missing + " are not in package " + packageName
                    + " (is src/main/jte generated with the plugin's plugin.package?)");
        }
        return new TopicTemplates(engine);
    }

    /**
     * Renders {@code template} for {@code screen} to HTML (escaped by jte), within
     * {@link PluginCalls#RENDER_LIMIT}.
     *
     * @throws PluginCalls.PluginCallException when the template fails or takes too long
     */
    public String render(String template, ScreenContext screen) {
        return PluginCalls.call("draw " + template, PluginCalls.RENDER_LIMIT, () -> {
            StringOutput out = new StringOutput();
            engine.render(template, screen, out);
            return out.toString();
        });
    }
}
