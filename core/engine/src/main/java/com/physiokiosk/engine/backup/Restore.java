package com.physiokiosk.engine.backup;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.storage.DataFolderLock;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.PrivateFiles;
import com.physiokiosk.engine.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Puts a backup in the place of the kiosk's database, with the kiosk stopped. Everything about the backup
 * is checked before anything changes: it is an SQLite database, {@code PRAGMA integrity_check} says
 * {@code ok}, it is a kiosk's (it has a Flyway history) and not a newer kiosk's, its applied migrations are
 * this kiosk's own, and nothing uses the data folder (the running kiosk holds it, see {@link DataFolderLock},
 * and this holds it to itself until done). Then: the backup is copied into the data folder under a hidden
 * name and synced, the copy checked again; the current database (and its write-ahead log, if a crash left
 * one) is kept aside as {@code kiosk.db.before-restore-<time>}; the copy is renamed into place; it is opened
 * as at start-up, which migrates it if it is older; and the audit line "database restored from &lt;file&gt;"
 * is written in it. If opening or that line fails, the database kept aside is put back.
 */
public final class Restore {

    /** What was done. */
    public record Done(Path database, String backup, Path keptAside, String version, String migratedTo) {
    }

    /** The restore was refused, for the reason given; nothing was changed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** Where the copy of the backup waits, in the data folder, until it is checked and renamed. */
    static final String INCOMING = ".kiosk.db.restoring";

    /** What SQLite writes beside a database: its log and rollback journal (which belong to it), its shared memory. */
    private static final List<String> BESIDE = List.of("-wal", "-journal", "-shm");

    private Restore() {
    }

    /**
     * Restores {@code backup} into {@code dataDir}.
     *
     * @param osUser who ran it, for the audit line
     * @throws Refused          when the backup or the situation is not right; nothing was changed
     * @throws StorageException when it failed part-way; the message says in what state it left the folder
     */
    public static Done run(Path backup, Path dataDir, Clock clock, String osUser) {
        String name = backup.getFileName() == null ? backup.toString() : backup.getFileName().toString();
        if (!Files.exists(backup)) {
            throw new Refused("there is no file " + backup.toAbsolutePath());
        }
        if (!Files.isRegularFile(backup) || !Files.isReadable(backup)) {
            throw new Refused(backup.toAbsolutePath() + " is not a file this user can read");
        }
        Database.FileCheck check = checked(backup, backup.toAbsolutePath().toString());
        Path database = dataDir.resolve(Database.FILE_NAME);
        if (isSameFile(database, backup)) {
            throw new Refused(backup.toAbsolutePath() + " is the kiosk's database itself; name one of its backups");
        }
        DataFolderLock hold = DataFolderLock.exclusive(dataDir).orElseThrow(() -> new Refused("the kiosk is running on "
                + dataDir.toAbsolutePath() + " (or another kiosk command is using it): stop it first"
                + " (systemctl stop physio-kiosk), then run this again"));
        try (hold) {
            Path incoming = dataDir.resolve(INCOMING);
            deleteLeftover(incoming);
            try {
                PrivateFiles.copy(backup, incoming);
                checked(incoming, "its copy " + incoming.toAbsolutePath());
            } catch (IOException e) {
                deleteQuietly(incoming);
                throw new Refused("could not copy it into " + dataDir.toAbsolutePath() + ": " + PrivateFiles.reason(e));
            } catch (RuntimeException e) {
                deleteQuietly(incoming);
                throw e;
            }
            Path aside = keepAside(database, clock, incoming);
            try {
                PrivateFiles.rename(incoming, database);
            } catch (IOException e) {
                putBack(database, aside);
                deleteQuietly(incoming);
                throw new StorageException("Could not put the backup in place: " + PrivateFiles.reason(e)
                        + "; the database is as it was", e);
            }
            try (Database db = Database.open(dataDir, hold)) {
                new AuditLog(db, clock).record(AuditLog.SYSTEM, AuditAction.DATABASE_RESTORED, null,
                        AuditLog.shorten("database restored from " + name + " (command line on the kiosk machine, as "
                                + osUser + ")"));
            } catch (RuntimeException e) {
                putBack(database, aside);
                throw new StorageException("The backup could not be opened as the kiosk's database: " + e.getMessage()
                        + "; the database is as it was", e);
            }
            return new Done(database, name, aside, check.version(), check.pending() > 0 ? check.known() : null);
        }
    }

    /** {@code file}'s check, or the refusal that names what is wrong with it ({@code what} names the file). */
    private static Database.FileCheck checked(Path file, String what) {
        Database.FileCheck check;
        try {
            check = Database.check(file);
        } catch (StorageException e) {
            throw new Refused(e.getMessage());
        }
        if (!check.intact()) {
            throw new Refused(what + " is damaged: PRAGMA integrity_check says: " + check.integrity());
        }
        if (check.version() == null) {
            throw new Refused(what + " is not a kiosk database (it has no schema history)");
        }
        if (!check.newer().isEmpty()) {
            throw new Refused(what + " was made by a newer kiosk (schema version " + check.version()
                    + "; this kiosk knows up to " + check.known() + "): restore it with that kiosk's version");
        }
        if (check.problem() != null) {
            throw new Refused(what + " does not match this kiosk's schema: " + check.problem());
        }
        return check;
    }

    /**
     * Renames the current database, and the log and journal that belong to it, to
     * {@code kiosk.db.before-restore-<time>}; removes its shared memory file. With no database, removes any
     * stale file SQLite would otherwise apply to the restored one.
     *
     * @return the database kept aside, or {@code null} when there was none
     */
    private static Path keepAside(Path database, Clock clock, Path incoming) {
        try {
            if (!Files.exists(database)) {
                for (String suffix : BESIDE) {
                    Files.deleteIfExists(beside(database, suffix));
                }
                return null;
            }
            Path aside = database.resolveSibling(Database.FILE_NAME + ".before-restore-"
                    + BackupFolder.stamp(clock.instant()));
            if (Files.exists(aside)) {
                throw new Refused(aside + " exists already (a restore a moment ago); run this again in a second");
            }
            PrivateFiles.rename(database, aside);
            PrivateFiles.restrict(aside);
            for (String suffix : List.of("-wal", "-journal")) {
                if (Files.exists(beside(database, suffix))) {
                    PrivateFiles.rename(beside(database, suffix), beside(aside, suffix));
                    PrivateFiles.restrict(beside(aside, suffix));
                }
            }
            Files.deleteIfExists(beside(database, "-shm"));
            return aside;
        } catch (IOException e) {
            deleteQuietly(incoming);
            throw new StorageException("Could not keep the current database aside: " + PrivateFiles.reason(e)
                    + "; check " + database.toAbsolutePath().getParent() + " before starting the kiosk", e);
        } catch (Refused e) {
            deleteQuietly(incoming);
            throw e;
        }
    }

    /** Undoes {@link #keepAside}: the restored database goes, the one kept aside comes back. */
    private static void putBack(Path database, Path aside) {
        try {
            for (String suffix : BESIDE) {
                Files.deleteIfExists(beside(database, suffix));
            }
            Files.deleteIfExists(database);
            if (aside != null) {
                for (String suffix : List.of("-wal", "-journal")) {
                    if (Files.exists(beside(aside, suffix))) {
                        PrivateFiles.rename(beside(aside, suffix), beside(database, suffix));
                    }
                }
                PrivateFiles.rename(aside, database);
            }
        } catch (IOException e) {
            throw new StorageException("Could not put the previous database back (" + PrivateFiles.reason(e) + "): it is "
                    + aside + "; rename it to " + database + " before starting the kiosk", e);
        }
    }

    private static Path beside(Path database, String suffix) {
        return database.resolveSibling(database.getFileName() + suffix);
    }

    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteLeftover(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new Refused("could not delete " + file + ", left by an earlier restore: " + PrivateFiles.reason(e));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A hidden copy that was never put in place; the next restore deletes it first.
        }
    }
}
