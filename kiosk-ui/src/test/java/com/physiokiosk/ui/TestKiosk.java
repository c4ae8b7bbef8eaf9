package com.physiokiosk.ui;

import com.physiokiosk.engine.config.ConfigLoader;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.config.PluginMode;
import com.physiokiosk.engine.staff.Passwords;
import com.physiokiosk.engine.storage.Dialect;
import com.physiokiosk.engine.storage.TestDatabases;
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
 * {@code target/plugins} (or a folder of the test's choosing), port 0, and its data in SQLite (the default) or, given
 * {@link Dialect#POSTGRESQL}, in a new database of the tests' PostgreSQL cluster ({@link TestDatabases}: the test is
 * skipped, saying so, when there is none).
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

    /** The password of the {@code admin} account of {@link #withAdmin()}. */
    static final String ADMIN_PASSWORD = "calm blue waiting room";

    static TestKiosk start() {
        return start(BUILT_PLUGINS, Map.of(), Clock.systemDefaultZone());
    }

    /** A kiosk whose {@code admin} account was made from KIOSK_ADMIN_PASSWORD, as a clinic would start it. */
    static TestKiosk withAdmin() {
        return withAdmin(Dialect.SQLITE);
    }

    /** As {@link #withAdmin()}, its data in a new database of {@code dialect}. */
    static TestKiosk withAdmin(Dialect dialect) {
        return withAdmin(dialect, Clock.systemDefaultZone());
    }

    static TestKiosk withAdmin(Clock clock) {
        return withAdmin(Dialect.SQLITE, clock);
    }

    static TestKiosk withAdmin(Dialect dialect, Clock clock) {
        return start(dialect, BUILT_PLUGINS, Map.of("KIOSK_ADMIN_PASSWORD", ADMIN_PASSWORD), clock);
    }

    /** A browser signed in to the staff pages as {@code username}. */
    static Browser signedIn(int port, String username, String password) {
        Browser b = new Browser(port);
        b.page("/staff/sign-in");
        java.net.http.HttpResponse<String> r = b.post("/staff/sign-in", "username", username, "password", password);
        if (r.statusCode() != 303) {
            throw new AssertionError("sign-in as " + username + " failed: " + r.statusCode());
        }
        return b;
    }

    /** A browser signed in as the admin of {@link #withAdmin()}. */
    static Browser admin(int port) {
        return signedIn(port, "admin", ADMIN_PASSWORD);
    }

    /** A new account of role staff, signed in. */
    Browser staffMember(int port, String username) {
        app.staffAccounts().create("admin", username, com.physiokiosk.engine.staff.Role.STAFF, ADMIN_PASSWORD);
        return signedIn(port, username, ADMIN_PASSWORD);
    }

    /**
     * Argon2 at a test's cost: 64 KiB, one pass. Chosen here, explicitly, because the tests start the
     * kiosk many times and sign in often; the kiosk itself always hashes at {@link Passwords.Cost#OWASP},
     * and the sign-in flood test uses that.
     */
    static final Passwords.Cost CHEAP_HASHES = new Passwords.Cost(64, 1, 1);

    /** A kiosk on {@code pluginsDir} with extra settings (env-style names, e.g. KIOSK_ASK_NAME). */
    static TestKiosk start(Path pluginsDir, Map<String, String> env, Clock clock) {
        return start(Dialect.SQLITE, pluginsDir, env, clock);
    }

    /** As {@link #start(Path, Map, Clock)}, its data in a new database of {@code dialect}. */
    static TestKiosk start(Dialect dialect, Path pluginsDir, Map<String, String> env, Clock clock) {
        return start(dialect, pluginsDir, env, clock, CHEAP_HASHES);
    }

    /** As {@link #start(Path, Map, Clock)}, hashing passwords at {@code cost}. */
    static TestKiosk start(Path pluginsDir, Map<String, String> env, Clock clock, Passwords.Cost cost) {
        return start(Dialect.SQLITE, pluginsDir, env, clock, cost);
    }

    /**
     * As {@link #start(Path, Map, Clock, Passwords.Cost)}, its data in a new database of {@code dialect}: on PostgreSQL
     * through {@code KIOSK_DATABASE_URL}, read as a clinic's setting is.
     */
    static TestKiosk start(Dialect dialect, Path pluginsDir, Map<String, String> env, Clock clock, Passwords.Cost cost) {
        Map<String, String> all = new HashMap<>(env);
        if (dialect == Dialect.POSTGRESQL) {
            all.putIfAbsent("KIOSK_DATABASE_URL", TestDatabases.settings(dialect).url());
        }
        try {
            Path data = Files.createTempDirectory("kiosk-test-data");
            all.putIfAbsent("KIOSK_DATA_DIR", data.toString());
            all.put("KIOSK_PORT", "7070");
            all.put("KIOSK_CONFIG", writeEmptyConfig(data).toString());
            KioskConfig config = new ConfigLoader(pluginsDir).load(all, new String[0])
                    .withPluginsDir(pluginsDir, PluginMode.DEPLOYMENT);
            return new TestKiosk(data, KioskApp.create(config, clock, env.get("KIOSK_ADMIN_PASSWORD"), cost));
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
