package com.physiokiosk.ui;

import com.physiokiosk.engine.config.ConfigLoader;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.config.PluginMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real kiosk for a test: its own temporary data folder, the topic plugin jars the build put in
 * {@code target/plugins} (or a folder of the test's choosing), port 0.
 */
final class TestKiosk implements AutoCloseable {

    /** The plugins folder the build fills with every topic plugin jar. */
    static final Path BUILT_PLUGINS = Path.of(System.getProperty("kiosk.test.plugins-dir", "target/plugins"));

    final Path dataDir;
    final KioskApp app;

    private TestKiosk(Path dataDir, KioskApp app) {
        this.dataDir = dataDir;
        this.app = app;
    }

    static TestKiosk start() {
        return start(BUILT_PLUGINS, Map.of(), Clock.systemDefaultZone());
    }

    /** A kiosk on {@code pluginsDir} with extra settings (env-style names, e.g. KIOSK_ASK_NAME). */
    static TestKiosk start(Path pluginsDir, Map<String, String> env, Clock clock) {
        try {
            Path data = Files.createTempDirectory("kiosk-test-data");
            Map<String, String> all = new HashMap<>(env);
            all.putIfAbsent("KIOSK_DATA_DIR", data.toString());
            all.put("KIOSK_PORT", "7070");
            all.put("KIOSK_CONFIG", writeEmptyConfig(data).toString());
            KioskConfig config = new ConfigLoader(pluginsDir).load(all, new String[0])
                    .withPluginsDir(pluginsDir, PluginMode.DEPLOYMENT);
            return new TestKiosk(data, KioskApp.create(config, clock));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeEmptyConfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("test-kiosk.properties"), "# test: built-in defaults\n");
    }

    @Override
    public void close() {
        app.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
