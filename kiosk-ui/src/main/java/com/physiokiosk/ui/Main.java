package com.physiokiosk.ui;

import com.physiokiosk.engine.config.ConfigException;
import com.physiokiosk.engine.config.ConfigLoader;
import com.physiokiosk.engine.config.KioskConfig;
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
 * ({@link ResetPasswordCommand}), or puts a backup in the database's place with the kiosk stopped:
 * {@code java -jar physio-kiosk.jar restore FILE} ({@link RestoreCommand}).
 */
public final class Main {

    private Main() {
    }

    /**
     * Environment variable whose value becomes the {@code admin} account's password on a first start
     * with no account. Not a setting in the config file: a password does not belong in a file.
     */
    static final String ADMIN_PASSWORD = "KIOSK_ADMIN_PASSWORD";

    /** Logging configuration read when present, before the first logger is made. */
    static final Path LOGBACK_FILE = Path.of("config", "logback.xml");

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(LOGBACK_FILE)) {
            System.setProperty("logback.configurationFile", LOGBACK_FILE.toAbsolutePath().toString());
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
        KioskConfig config;
        try {
            config = new ConfigLoader(pluginsBesideJar()).load(System.getenv(), args);
        } catch (ConfigException e) {
            System.err.println("Physio Kiosk cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Logger log = LoggerFactory.getLogger(Main.class);
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

    /** The {@code plugins} folder beside physio-kiosk.jar, or {@code null} when not run from a jar. */
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
