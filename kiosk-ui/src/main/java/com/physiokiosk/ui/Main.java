package com.physiokiosk.ui;

import com.physiokiosk.engine.config.ConfigException;
import com.physiokiosk.engine.config.ConfigLoader;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.config.PluginMode;
import com.physiokiosk.engine.plugins.BundledPlugins;
import com.physiokiosk.engine.staff.StaffAccounts;
import com.physiokiosk.engine.storage.StorageException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the kiosk: {@code java -jar physio-kiosk.jar [--port=7070] [--data-dir=data] …}; or, on the
 * kiosk machine, sets a staff password anew: {@code java -jar physio-kiosk.jar reset-password --user admin}
 * ({@link ResetPasswordCommand}); or puts a backup in the database's place with the kiosk stopped:
 * {@code java -jar physio-kiosk.jar restore FILE} ({@link RestoreCommand}); or records the classes a start loads:
 * {@code java -XX:ArchiveClassesAtExit=FILE -jar physio-kiosk.jar warm-up} ({@link #warmUp}).
 */
public final class Main {

    private Main() {
    }

    /**
     * Environment variable whose value becomes the {@code admin} account's password on a first start
     * with no account. Not a setting in the config file: a password does not belong in a file.
     */
    static final String ADMIN_PASSWORD = "KIOSK_ADMIN_PASSWORD";

    /** The command that starts and stops the kiosk once, to record the classes a start loads (see {@link #warmUp}). */
    static final String WARM_UP = "warm-up";

    /** Logging configuration read when present beside the config file, before the first logger is made. */
    static final String LOGBACK_FILE = "logback.xml";

    public static void main(String[] args) {
        Path logback = logbackFile(System.getenv(), args);
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(logback)) {
            System.setProperty("logback.configurationFile", logback.toAbsolutePath().toString());
        }
        if (args.length > 0 && args[0].equals(ResetPasswordCommand.NAME)) {
            System.exit(ResetPasswordCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                    System.console(), System.in, System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals(RestoreCommand.NAME)) {
            System.exit(RestoreCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                    java.time.Clock.systemUTC(), System.out, System.err));
            return;
        }
        if (args.length > 0 && args[0].equals(MigrateCommand.NAME)) {
            System.exit(MigrateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(),
                    java.time.Clock.systemUTC(), System.out, System.err));
            return;
        }
        boolean warmUp = args.length > 0 && args[0].equals(WARM_UP);
        java.util.Map<String, String> env = System.getenv();
        Path scratch = null;
        if (warmUp) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
            try {
                scratch = Files.createTempDirectory("kiosk-warm-up");
            } catch (java.io.IOException e) {
                System.err.println("Physio Kiosk cannot warm up: no scratch folder: " + e.getMessage());
                System.exit(2);
                return;
            }
            env = new java.util.HashMap<>(env);
            env.put("KIOSK_DATA_DIR", scratch.toString());
            env.put("KIOSK_BIND_ADDRESS", "127.0.0.1");
        }
        KioskConfig config;
        try {
            config = new ConfigLoader(pluginsBesideJar()).load(env, args);
        } catch (ConfigException e) {
            System.err.println("Physio Kiosk cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
        if (warmUp) {
            System.exit(warmUp(config, scratch));
            return;
        }
        Path shipped = pluginsBesideJar();
        if (shipped != null && config.pluginMode() == PluginMode.DEPLOYMENT) {
            try {
                BundledPlugins.install(shipped, config.pluginsDir());
            } catch (java.io.UncheckedIOException e) {
                System.err.println("Physio Kiosk cannot start: setting kiosk.plugins-dir='" + config.pluginsDir() + "': "
                        + e.getMessage());
                System.exit(2);
                return;
            }
        }
        KioskApp app;
        try {
            app = KioskApp.create(config, System.getenv(ADMIN_PASSWORD));
        } catch (StorageException e) {
            System.err.println("Physio Kiosk cannot start: setting kiosk.data-dir='" + config.dataDir() + "': "
                    + e.getMessage());
            System.exit(2);
            return;
        } catch (StaffAccounts.AccountException e) {
            // Never echo the password itself.
            System.err.println("Physio Kiosk cannot start: environment " + ADMIN_PASSWORD + " must be "
                    + StaffAccounts.MIN_PASSWORD_LENGTH + " to " + StaffAccounts.MAX_PASSWORD_LENGTH
                    + " characters long and not easy to guess");
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            // Anything else (the plugins folder, a plugin, the templates): said as it is, in one line.
            System.err.println("Physio Kiosk cannot start: " + com.physiokiosk.engine.topic.PluginCalls.oneLine(e));
            log.error("Start-up failed", e);
            System.exit(2);
            return;
        }
        try {
            app.start();
        } catch (RuntimeException e) {
            System.err.println("Physio Kiosk cannot start: " + (isBindFailure(e)
                    ? "cannot listen on " + config.bindAddress() + ":" + config.port()
                            + " (settings kiosk.bind-address, kiosk.port): "
                    : "") + com.physiokiosk.engine.topic.PluginCalls.oneLine(e));
            app.stop();
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "kiosk-shutdown"));
        log.info("Physio Kiosk for '{}' listening on http://{}:{}/ (data in {}, plugins from {})", config.clinicName(),
                config.bindAddress(), app.javalin().port(), config.dataDir().toAbsolutePath(),
                config.pluginsDir().toAbsolutePath());
        if (app.staffAccounts().needsSetup()) {
            log.info("No staff account yet: open http://localhost:{}/staff/setup on this machine, or start with {} set",
                    app.javalin().port(), ADMIN_PASSWORD);
        }
    }

    /**
     * {@code warm-up}: starts the kiosk once on a scratch data folder, on this machine's loopback and a free port, asks
     * it for its health and welcome pages as the first visitors do, then stops and deletes the folder. Run under
     * {@code -XX:ArchiveClassesAtExit=FILE}, it leaves the class archive that the installed kiosk starts from
     * ({@code -XX:SharedArchiveFile=FILE}, made by the package at install: BENCHMARKS.md, start-up).
     *
     * @return the exit code: 0 when the kiosk answered both pages
     */
    static int warmUp(KioskConfig config, Path scratch) {
        KioskApp app = null;
        try {
            app = KioskApp.create(config, null);
            app.javalin().start("127.0.0.1", 0);
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (String page : java.util.List.of("/health", "/")) {
                int status = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + app.javalin().port() + page)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    System.err.println("Physio Kiosk warm-up: " + page + " answered " + status);
                    return 1;
                }
            }
            return 0;
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("Physio Kiosk warm-up failed: " + com.physiokiosk.engine.topic.PluginCalls.oneLine(e));
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (app != null) {
                app.stop();
            }
            try (java.util.stream.Stream<Path> files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                System.err.println("Physio Kiosk warm-up: could not delete " + scratch + ": " + e.getMessage());
            }
        }
    }

    /** {@code logback.xml} beside the config file in use ({@code --config=}, {@code KIOSK_CONFIG} or the default one). */
    static Path logbackFile(java.util.Map<String, String> env, String[] args) {
        Path configFile = java.util.Arrays.stream(args).filter(a -> a.startsWith("--config=")).findFirst()
                .map(a -> Path.of(a.substring("--config=".length())))
                .orElse(env.get("KIOSK_CONFIG") != null ? Path.of(env.get("KIOSK_CONFIG")) : ConfigLoader.DEFAULT_CONFIG_FILE);
        return configFile.toAbsolutePath().resolveSibling(LOGBACK_FILE);
    }

    /**
     * The {@code plugins} folder beside physio-kiosk.jar: the topics shipped with the kiosk, used as they are when
     * {@code kiosk.plugins-dir} is empty, else copied into that folder ({@link BundledPlugins}). {@code null} when
     * not run from a jar.
     */
    static Path pluginsBesideJar() {
        try {
            Path location = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location.resolveSibling("plugins") : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** Whether {@code e} says the address or port could not be had (in use, not this machine's, not allowed). */
    static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.BindException || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
