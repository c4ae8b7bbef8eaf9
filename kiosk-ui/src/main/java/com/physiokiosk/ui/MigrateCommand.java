package com.physiokiosk.ui;

import com.physiokiosk.engine.backup.CopyToPostgresql;
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
 * Moves a clinic's SQLite database into the chain's shared PostgreSQL database, under this kiosk's site:
 * {@code java -jar physio-kiosk.jar migrate-to-postgresql --from=/var/lib/physio-kiosk/data/kiosk.db}, with the
 * kiosk's settings naming the shared database ({@code kiosk.database-url}, its user and password) and the site
 * ({@code kiosk.site}). The SQLite file is left as it was; a site moved in before is refused
 * ({@link CopyToPostgresql} says what it checks and does).
 */
final class MigrateCommand {

    /** The first argument that selects this command. */
    static final String NAME = "migrate-to-postgresql";

    private MigrateCommand() {
    }

    static int run(String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        String from = null;
        List<String> settings = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("--from=")) {
                from = a.substring("--from=".length());
            } else {
                settings.add(a);
            }
        }
        if (from == null || from.isBlank()) {
            err.println("Usage: java -jar physio-kiosk.jar " + NAME + " --from=SQLITE-FILE [--site=SITE] [--config=FILE]");
            err.println("The shared database is the kiosk's kiosk.database-url (password from KIOSK_DATABASE_PASSWORD or"
                    + " kiosk.database-password-file); the clinic's check-ins go under kiosk.site.");
            return Commands.CANNOT_RUN;
        }
        KioskConfig config = Commands.config(NAME, settings, env, err);
        if (config == null) {
            return Commands.CANNOT_RUN;
        }
        if (!config.database().isPostgresql()) {
            err.println(NAME + ": kiosk.database-url is empty: set it (or KIOSK_DATABASE_URL) to the shared PostgreSQL database");
            return Commands.CANNOT_RUN;
        }
        Path file;
        try {
            file = Path.of(from);
        } catch (InvalidPathException e) {
            err.println(NAME + ": '" + from + "' is not a file name: " + e.getReason());
            return Commands.CANNOT_RUN;
        }
        try (Database target = config.database().open(config.dataDir())) {
            CopyToPostgresql.Done done = CopyToPostgresql.run(file, target, config.site(), clock,
                    System.getProperty("user.name", "?"));
            out.println("Moved " + file.toAbsolutePath() + " into " + target.name() + " as site '" + config.site() + "':");
            done.counts().forEach((table, n) -> out.println("  " + table + ": " + n));
            if (!done.accountsKept().isEmpty()) {
                out.println("Staff accounts the shared database had already, left as they were: "
                        + String.join(", ", done.accountsKept()));
            }
            out.println("The SQLite file is unchanged; keep it until the kiosk runs on the shared database, then delete it"
                    + " (it holds health data).");
            return Commands.DONE;
        } catch (CopyToPostgresql.Refused e) {
            err.println(NAME + ": refused, nothing changed: " + e.getMessage());
            return Commands.REFUSED;
        } catch (StorageException e) {
            err.println(NAME + ": " + e.getMessage());
            return Commands.CANNOT_RUN;
        }
    }
}
