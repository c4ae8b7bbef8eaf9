package com.physiokiosk.engine.backup;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.schedule.Repeating;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.Dialect;
import com.physiokiosk.engine.storage.PrivateFiles;
import com.physiokiosk.engine.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs the database up every night at the configured time of day (in the clinic's time zone), and when
 * an admin asks. A backup is SQLite's {@code VACUUM INTO} on one of the database's read connections: a
 * consistent copy of everything committed when it starts, taken while the kiosk goes on writing (WAL
 * readers never wait for the writer, nor it for them). It is written under a hidden name, synced, and
 * renamed to its own name in the transaction that writes its audit line ({@link BackupFolder}).
 *
 * <p>Then the folder is pruned: only the newest {@code keep} backups are kept, and none of a day before the
 * retention period (the same rule as the check-ins': backups hold health data); each removal has its audit
 * line. A backup that fails (a full disk, a folder that cannot be written) leaves no file behind, is logged
 * in one line naming the folder and the reason, and is kept as the {@linkplain #lastFailure last failure}
 * for the settings page until a backup succeeds; it never stops the kiosk.
 *
 * <p>Whether a night's backup is due is decided by the clock on each {@linkplain #tick tick} (every minute),
 * not by a timer set for hours: a machine that slept, a clock set right, or summer time changes nothing.
 * If the kiosk was not running at the last backup time and no backup was made since, one is made at the
 * first tick.
 *
 * <p>All of this is SQLite's: on a clinic chain's PostgreSQL server the job does nothing ({@link #makesBackups()}
 * is false): that database is backed up where it runs, the PostgreSQL way ({@code pg_dump}, see the README), not by
 * each kiosk server.
 */
public final class BackupJob {

    private static final Logger log = LoggerFactory.getLogger(BackupJob.class);

    /** How often the clock is looked at. */
    static final Duration TICK = Duration.ofMinutes(1);

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final BackupFolder folder;
    private final int keep;
    private final LocalTime timeOfDay;
    private final IntSupplier retentionDays;
    /** When the next backup is due. */
    private volatile Instant due;
    private volatile Failure lastFailure;
    private final Repeating schedule = new Repeating("kiosk-backup", TICK, TICK, log, "Backup schedule", this::tick);

    /** A backup (or the removal of an old one) that failed: when, and why in plain words. */
    public record Failure(Instant at, String reason) {
    }

    /**
     * @param clock         the clinic's clock: its zone is the clinic's time zone
     * @param folder        where the backups go
     * @param keep          how many backups are kept, the newest
     * @param timeOfDay     when the nightly backup is made
     * @param retentionDays backups of a day more than this many days before today are deleted; read on
     *                      every run, so a clinic admin's change applies to the next one
     */
    public BackupJob(Database db, AuditLog audit, Clock clock, Path folder, int keep, LocalTime timeOfDay,
                     IntSupplier retentionDays) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.folder = new BackupFolder(folder);
        this.keep = keep;
        this.timeOfDay = timeOfDay;
        this.retentionDays = retentionDays;
        this.due = firstDue(clock.instant());
    }

    /**
     * Whether the kiosk backs its database up itself: the SQLite file, yes; a PostgreSQL server is backed up where
     * it runs ({@code pg_dump}), so no.
     */
    public boolean makesBackups() {
        return db.dialect() == Dialect.SQLITE;
    }

    /** The database backed up (or, on PostgreSQL, not), as messages name it: never a password. */
    public String databaseName() {
        return db.name();
    }

    /** Looks at the clock every minute, on a daemon thread of its own; on PostgreSQL, does nothing ({@link #makesBackups()}). */
    public void start() {
        if (!makesBackups()) {
            log.info("No backups of the kiosk's own: the database {} is PostgreSQL's, backed up where it runs (pg_dump)",
                    db.name());
            return;
        }
        schedule.start();
    }

    public void stop() {
        schedule.stop();
    }

    /** Makes the night's backup if it is due, and sets when the next one is. */
    public synchronized void tick() {
        Instant now = clock.instant();
        if (!makesBackups() || now.isBefore(due)) {
            return;
        }
        runNow(AuditLog.SYSTEM);
        due = nextAfter(clock.instant());
    }

    /**
     * Makes a backup now, then prunes the folder.
     *
     * @param by who asked, for the audit log ({@link AuditLog#SYSTEM} for the nightly one)
     * @return the backup made, or empty when it failed ({@link #lastFailure()} says why)
     * @throws IllegalStateException on PostgreSQL, whose backups are not the kiosk's ({@link #makesBackups()})
     */
    public synchronized Optional<Backup> runNow(String by) {
        if (!makesBackups()) {
            throw new IllegalStateException("The database " + db.name() + " is PostgreSQL's: it is backed up where it"
                    + " runs (pg_dump), not by the kiosk");
        }
        Optional<Backup> made = backUp(by);
        prune();
        return made;
    }

    /** When the next nightly backup is made (at the next tick from then on). */
    public Instant nextRun() {
        return due;
    }

    /** The last backup or removal that failed, if none has succeeded since. */
    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /** The backups in the folder, newest first. */
    public List<Backup> backups() throws IOException {
        return folder.list();
    }

    /** Where the backups are. */
    public Path folder() {
        return folder.path();
    }

    /** How many backups are kept. */
    public int keep() {
        return keep;
    }

    private Optional<Backup> backUp(String by) {
        Instant at = clock.instant();
        String name = BackupFolder.nameFor(at);
        Path target = folder.path().resolve(name);
        Path unfinished = folder.unfinished(name);
        try {
            folder.prepare();
            if (Files.exists(target)) {
                // Asked twice within a second: that second's backup is there already.
                return Optional.of(new Backup(target, at, Files.size(target)));
            }
            PrivateFiles.create(unfinished);
            db.read("back up the database", c -> {
                try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                    ps.setString(1, unfinished.toAbsolutePath().toString());
                    ps.execute();
                }
                return null;
            });
            PrivateFiles.sync(unfinished);
            long bytes = Files.size(unfinished);
            db.write("record the backup", c -> {
                Integer line = audit.entry(by, AuditAction.BACKUP_MADE, null, name + ", " + bytes + " bytes").run(c);
                rename(unfinished, target);
                return line;
            });
            lastFailure = null;
            log.info("Backup {} made in {} ({} bytes)", name, folder.path().toAbsolutePath(), bytes);
            return Optional.of(new Backup(target, at, bytes));
        } catch (IOException e) {
            failed(at, "Backup into " + folder.path().toAbsolutePath() + " failed: " + PrivateFiles.reason(e));
        } catch (UncheckedIOException e) {
            failed(at, "Backup into " + folder.path().toAbsolutePath() + " failed: " + PrivateFiles.reason(e.getCause()));
        } catch (StorageException | IllegalStateException e) {
            failed(at, "Backup into " + folder.path().toAbsolutePath() + " failed: " + e.getMessage());
        } finally {
            discardUnfinished();
        }
        return Optional.empty();
    }

    /** Deletes the backups beyond the newest {@link #keep} and those of a day before the retention period. */
    private void prune() {
        int days = retentionDays.getAsInt();
        LocalDate firstDayKept = LocalDate.now(clock).minusDays(days);
        List<Backup> all;
        try {
            all = folder.list();
        } catch (IOException e) {
            failed(clock.instant(), "Could not list the backups in " + folder.path().toAbsolutePath() + ": "
                    + PrivateFiles.reason(e));
            return;
        }
        for (int i = 0; i < all.size(); i++) {
            Backup b = all.get(i);
            String why = i >= keep ? "beyond the newest " + keep
                    : LocalDate.ofInstant(b.at(), clock.getZone()).isBefore(firstDayKept) ? "older than " + days + " days"
                    : null;
            if (why != null) {
                remove(b, why);
            }
        }
    }

    private void remove(Backup b, String why) {
        try {
            db.write("record the removal of a backup", c -> {
                Integer line = audit.entry(AuditLog.SYSTEM, AuditAction.BACKUP_REMOVED, null, b.name() + ": " + why).run(c);
                try {
                    Files.deleteIfExists(b.file());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return line;
            });
            log.info("Backup {} removed: {}", b.name(), why);
        } catch (UncheckedIOException e) {
            failed(clock.instant(), "Could not remove the old backup " + b.file().toAbsolutePath() + ": "
                    + PrivateFiles.reason(e.getCause()));
        } catch (StorageException | IllegalStateException e) {
            failed(clock.instant(), "Could not remove the old backup " + b.file().toAbsolutePath() + ": " + e.getMessage());
        }
    }

    private void failed(Instant at, String reason) {
        lastFailure = new Failure(at, reason);
        log.error(reason);
    }

    private void discardUnfinished() {
        try {
            folder.discardUnfinished();
        } catch (IOException e) {
            log.error("Could not delete an unfinished backup in {}: {}", folder.path().toAbsolutePath(),
                    PrivateFiles.reason(e));
        }
    }

    private static void rename(Path from, Path to) {
        try {
            PrivateFiles.rename(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * When the first backup is due: now if none was made since the last time one should have been (the
     * kiosk was off then, or this is its first start), otherwise at the next backup time.
     */
    private Instant firstDue(Instant now) {
        ZonedDateTime last = now.atZone(clock.getZone()).toLocalDate().atTime(timeOfDay).atZone(clock.getZone());
        while (last.toInstant().isAfter(now)) {
            last = last.toLocalDate().minusDays(1).atTime(timeOfDay).atZone(clock.getZone());
        }
        Instant lastTime = last.toInstant();
        try {
            List<Backup> made = folder.list();
            if (made.isEmpty() || made.get(0).at().isBefore(lastTime)) {
                return now;
            }
        } catch (IOException e) {
            return now;
        }
        return nextAfter(now);
    }

    /** The first backup time strictly after {@code now}, in the clinic's time zone (a time summer time skips moves on). */
    Instant nextAfter(Instant now) {
        ZonedDateTime local = now.atZone(clock.getZone());
        ZonedDateTime candidate = local.toLocalDate().atTime(timeOfDay).atZone(clock.getZone());
        while (!candidate.toInstant().isAfter(now)) {
            candidate = candidate.toLocalDate().plusDays(1).atTime(timeOfDay).atZone(clock.getZone());
        }
        return candidate.toInstant();
    }
}
