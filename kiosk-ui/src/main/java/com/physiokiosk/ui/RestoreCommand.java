package com.physiokiosk.ui;

import com.physiokiosk.engine.backup.Restore;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.StorageException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Puts a backup in the place of the kiosk's database, on the kiosk machine, with the kiosk stopped:
 * {@code java -jar physio-kiosk.jar restore BACKUP-FILE [--data-dir=…|--config=…]}, run as the kiosk's
 * user. It reads the same settings as the kiosk, so it finds its data folder, and refuses, changing
 * nothing, a file that is not a sound kiosk database of this kiosk's schema or older, or a data folder the
 * kiosk is running on ({@link Restore} says what it checks and does). Its backups are SQLite's: with the data on
 * PostgreSQL ({@code kiosk.database-url} set) it refuses, pointing to {@code pg_restore}.
 */
final class RestoreCommand {

    /** The first argument that selects this command. */
    static final String NAME = "restore";

    private RestoreCommand() {
    }

    /**
     * Runs the command with {@code args} (those after {@value #NAME}).
     *
     * @param clock the time, for the name of the database kept aside and the audit line (in the clinic's zone)
     * @return {@link Commands#DONE}, {@link Commands#REFUSED} (nothing changed) or {@link Commands#CANNOT_RUN}
     *         (bad arguments or settings, or a failure part-way, said in the message)
     */
    static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        String file = null;
        List<String> settings = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--")) {
                settings.add(a);
            } else if (file == null) {
                file = a;
            } else {
                file = null;
                break;
            }
        }
        if (file == null || file.isBlank()) {
            err.println("Usage: java -jar physio-kiosk.jar " + NAME + " BACKUP-FILE [--data-dir=DIR | --config=FILE]");
            err.println("Stop the kiosk first, and run this as the user the kiosk runs as.");
            return Commands.CANNOT_RUN;
        }
        KioskConfig config = Commands.config(NAME, settings, env, err);
        if (config == null) {
            return Commands.CANNOT_RUN;
        }
        if (config.database().isPostgresql()) {
            err.println(NAME + ": refused, nothing changed: kiosk.database-url is set, so the kiosk's data is on the"
                    + " PostgreSQL server " + Database.withoutSecrets(config.database().url()) + ", not in an SQLite"
                    + " file this command could put a backup in the place of. Restore that database from its pg_dump"
                    + " backup with pg_restore (README, \"One clinic or a chain: SQLite or PostgreSQL\").");
            return Commands.REFUSED;
        }
        Path backup;
        try {
            backup = Path.of(file);
        } catch (InvalidPathException e) {
            err.println(NAME + ": '" + file + "' is not a file name: " + e.getReason());
            return Commands.CANNOT_RUN;
        }
        try {
            Restore.Done done = Restore.run(backup, config.dataDir(), clock.withZone(config.zone()),
                    System.getProperty("user.name", "?"));
            out.println("Restored " + done.database().toAbsolutePath() + " from " + done.backup() + " (schema version "
                    + done.version() + (done.migratedTo() == null ? "" : ", migrated to " + done.migratedTo()) + ").");
            out.println(done.keptAside() == null ? "There was no database before it."
                    : "The database it replaced is kept as " + done.keptAside().toAbsolutePath()
                            + ": delete it once the restored one is checked (it holds health data).");
            out.println("The restore is in the audit log. Start the kiosk again (systemctl start physio-kiosk).");
            return Commands.DONE;
        } catch (Restore.Refused e) {
            err.println(NAME + ": refused, nothing changed: " + e.getMessage());
            return Commands.REFUSED;
        } catch (StorageException e) {
            err.println(NAME + ": " + e.getMessage());
            return Commands.CANNOT_RUN;
        }
    }
}
