package com.physiokiosk.testkit;

import com.physiokiosk.api.Answers;
import com.physiokiosk.api.Finding;
import com.physiokiosk.engine.config.PluginMode;
import com.physiokiosk.engine.flow.RuleEvaluator;
import com.physiokiosk.engine.plugins.KioskPluginManager;
import com.physiokiosk.engine.plugins.LoadedTopic;
import com.physiokiosk.engine.plugins.PluginStatus;
import com.physiokiosk.engine.plugins.TopicRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A topic plugin loaded through PF4J exactly as the kiosk loads it: copied alone into an empty
 * plugins folder, started by the kiosk's own plugin manager and topic registry, and validated.
 *
 * <pre>{@code
 * try (PluginUnderTest plugin = PluginUnderTest.load(Path.of("target/cramps-0.1.0.jar"))) {
 *     LoadedTopic topic = plugin.topic();            // fails the test with the reason if it did not start
 *     plugin.evaluate(answers) ...
 * }
 * }</pre>
 */
public final class PluginUnderTest implements AutoCloseable {

    private final Path pluginsDir;
    private final TopicRegistry registry;
    private final RuleCoverage coverage = new RuleCoverage();

    private PluginUnderTest(Path pluginsDir, TopicRegistry registry) {
        this.pluginsDir = pluginsDir;
        this.registry = registry;
    }

    /** Loads the plugin jar at {@code jar} in a fresh plugins folder of its own. */
    public static PluginUnderTest load(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No plugin jar at " + jar.toAbsolutePath()
                    + " (run the tests with 'mvn verify', which packages the plugin first)");
        }
        try {
            Path dir = Files.createTempDirectory("kiosk-plugin-test");
            Files.copy(jar, dir.resolve(jar.getFileName()));
            KioskPluginManager manager = KioskPluginManager.create(dir, PluginMode.DEPLOYMENT);
            TopicRegistry registry = new TopicRegistry(manager);
            registry.start();
            return new PluginUnderTest(dir, registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plugin's topic as the kiosk would offer it.
     *
     * @throws AssertionError with the kiosk's reason when the plugin did not load, start or validate
     */
    public LoadedTopic topic() {
        List<LoadedTopic> topics = registry.topics();
        if (topics.size() != 1) {
            throw new AssertionError("Expected the plugin to offer exactly one topic, got " + topics.size()
                    + "; plugin states: " + registry.plugins());
        }
        return topics.get(0);
    }

    /** What the kiosk reports of the plugin (state, version, and why it failed if it did). */
    public List<PluginStatus> plugins() {
        return registry.plugins();
    }

    /** The findings the kiosk would store for {@code answers}, skip logic applied, most severe first. */
    public List<Finding> evaluate(Answers answers) {
        return RuleEvaluator.evaluate(topic(), answers);
    }

    /** Which rules the scenarios checked so far asserted to fire and to stay quiet. */
    public RuleCoverage coverage() {
        return coverage;
    }

    /** Starts a scenario: given these answers… */
    public Scenario given() {
        return new Scenario(this);
    }

    @Override
    public void close() {
        registry.stop();
        try (Stream<Path> files = Files.walk(pluginsDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
