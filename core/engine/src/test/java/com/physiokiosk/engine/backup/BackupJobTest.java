package com.physiokiosk.engine.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.MovableClock;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.Dialect;
import com.physiokiosk.engine.storage.TestDatabases;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@DisplayName("Nightly backups: consistent while written to, kept N and no longer than retention, failures reported")
class BackupJobTest {

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    @TempDir
    Path dir;

    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(Database::close);
    }

    private Database open(Path dataDir) {
        Database db = Database.open(dataDir);
        opened.add(db);
        return db;
    }

    private static CheckIn store(CheckInRepository repo, Instant at, String name) {
        return repo.insert(LocalDate.ofInstant(at, MADRID), at, "en", name, List.of(new TopicResponse("cramps", "cramps",
                "1.0.0", "Back cramps",
                List.of(new StoredAnswer("pain", QuestionType.SCALE_0_10, "How bad?", List.of("7"), "7 out of 10")),
                List.of(new StoredFinding("severe", Severity.CONSULT, null, "Severe pain.", List.of("pain"), "seed")))));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<AuditEntry> audit(AuditLog audit, AuditAction action) {
        return audit.latest(500).stream().filter(e -> e.action() == action).toList();
    }

    @Test
    void aBackupTakenWhileCheckInsAreWrittenIsAWholeDatabaseWithEveryCheckInCommittedBeforeIt() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Database db = open(data);
        MovableClock clock = new MovableClock(Instant.parse("2026-11-29T01:30:00Z"), MADRID);
        AuditLog audit = new AuditLog(db, clock);
        CheckInRepository repo = new CheckInRepository(db);
        Set<String> committed = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 300; i++) {
            committed.add(store(repo, clock.instant(), "Patient " + i).publicId());
        }
        Path folder = dir.resolve("backups");
        BackupJob job = new BackupJob(db, audit, clock, folder, 14, LocalTime.of(2, 30), () -> 30);

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger duringBackup = new AtomicInteger();
        Thread writer = new Thread(() -> {
            int i = 0;
            while (writing.get()) {
                committed.add(store(repo, clock.instant(), "Walk-in " + i++).publicId());
                duringBackup.incrementAndGet();
            }
        });
        writer.start();
        while (duringBackup.get() < 5) {
            Thread.sleep(1);
        }
        Set<String> before = Set.copyOf(committed);
        Optional<Backup> made = job.runNow("admin");
        writing.set(false);
        writer.join();

        Backup backup = made.orElseThrow(() -> new AssertionError(job.lastFailure()));
        assertEquals("kiosk-20261129-013000Z.db", backup.name(), "named by the moment, in UTC");
        assertEquals(List.of(backup.name()), files(folder), "no hidden file left beside it");
        Database.FileCheck check = Database.check(backup.file());
        assertTrue(check.intact(), check.integrity());
        assertEquals(check.known(), check.version(), "at this kiosk's schema");

        // The backup, opened as a kiosk's database, holds every check-in committed before it was taken.
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(backup.file(), restored.resolve(Database.FILE_NAME));
        Database copy = open(restored);
        CheckInRepository fromBackup = new CheckInRepository(copy);
        for (String id : before) {
            assertTrue(fromBackup.find(id).isPresent(), "check-in " + id + " committed before the backup is in it");
        }
        copy.read("check the foreign keys", c -> {
            try (var rs = c.createStatement().executeQuery("PRAGMA foreign_key_check")) {
                assertFalse(rs.next(), "every answer belongs to a check-in in the copy");
            }
            return null;
        });

        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup.file())));
        }
        AuditEntry line = audit(audit, AuditAction.BACKUP_MADE).get(0);
        assertEquals("admin", line.username());
        assertEquals(backup.name() + ", " + backup.bytes() + " bytes", line.detail());
    }

    @Test
    void theNewestNAreKeptAndNoneOfADayBeforeTheRetentionPeriodEachRemovalAudited() throws Exception {
        Database db = open(dir.resolve("data"));
        MovableClock clock = new MovableClock(Instant.parse("2026-11-01T01:30:00Z"), MADRID);
        AuditLog audit = new AuditLog(db, clock);
        AtomicInteger retention = new AtomicInteger(30);
        Path folder = dir.resolve("backups");
        BackupJob job = new BackupJob(db, audit, clock, folder, 3, LocalTime.of(2, 30), retention::get);
        List<String> names = new ArrayList<>();
        for (int day = 0; day < 5; day++) {
            names.add(job.runNow(AuditLog.SYSTEM).orElseThrow().name());
            clock.advance(Duration.ofDays(1));
        }
        assertEquals(names.subList(2, 5), files(folder), "the newest three");
        assertEquals(List.of(names.get(4), names.get(3), names.get(2)), job.backups().stream().map(Backup::name).toList(), "listed newest first");
        List<AuditEntry> removed = audit(audit, AuditAction.BACKUP_REMOVED);
        assertEquals(List.of(names.get(1) + ": beyond the newest 3", names.get(0) + ": beyond the newest 3"),
                removed.stream().map(AuditEntry::detail).toList());
        assertEquals(5, audit(audit, AuditAction.BACKUP_MADE).size());

        // An admin shortens the retention period: the next run removes what is now too old, however few there are.
        retention.set(2);
        clock.advance(Duration.ofDays(1));
        String newest = job.runNow(AuditLog.SYSTEM).orElseThrow().name();
        // Today is 7 Nov: days before 5 Nov go; the 5th stays, as check-ins of that day do. The 3rd is the fourth
        // newest now, so it would go anyway.
        assertEquals(List.of(names.get(4), newest), files(folder));
        assertEquals(List.of(names.get(2) + ": beyond the newest 3", names.get(3) + ": older than 2 days"),
                audit(audit, AuditAction.BACKUP_REMOVED).stream().limit(2).map(AuditEntry::detail).toList());
        assertTrue(job.lastFailure().isEmpty());
    }

    @Test
    void theNightlyBackupIsMadeWhenTheClockReachesItsTimeOfDayOnceAndAfterAMissedNightAtOnce() throws Exception {
        Database db = open(dir.resolve("data"));
        // 10 Nov 2026, 01:00 in Madrid (UTC+1).
        MovableClock clock = new MovableClock(Instant.parse("2026-11-10T00:00:00Z"), MADRID);
        AuditLog audit = new AuditLog(db, clock);
        Path folder = dir.resolve("backups");
        BackupJob first = new BackupJob(db, audit, clock, folder, 14, LocalTime.of(2, 30), () -> 30);
        assertEquals(clock.instant(), first.nextRun(), "no backup since last night's time: one is due at once");
        first.tick();
        assertEquals(1, files(folder).size());
        assertEquals(Instant.parse("2026-11-10T01:30:00Z"), first.nextRun(), "then tonight at 02:30, Madrid time");

        clock.set(Instant.parse("2026-11-10T01:29:00Z"));
        first.tick();
        assertEquals(1, files(folder).size(), "02:29: not yet");
        clock.set(Instant.parse("2026-11-10T01:30:00Z"));
        first.tick();
        first.tick();
        assertEquals(List.of("kiosk-20261110-000000Z.db", "kiosk-20261110-013000Z.db"), files(folder), "02:30: once");
        assertEquals(Instant.parse("2026-11-11T01:30:00Z"), first.nextRun());

        // The kiosk restarts in the morning: last night's backup is there, so the next is tonight's.
        clock.set(Instant.parse("2026-11-10T08:00:00Z"));
        BackupJob restarted = new BackupJob(db, audit, clock, folder, 14, LocalTime.of(2, 30), () -> 30);
        assertEquals(Instant.parse("2026-11-11T01:30:00Z"), restarted.nextRun());
        // Off for two nights: the first tick after the start makes one.
        clock.set(Instant.parse("2026-11-12T09:00:00Z"));
        assertEquals(clock.instant(), new BackupJob(db, audit, clock, folder, 14, LocalTime.of(2, 30), () -> 30).nextRun());

        // Summer time: on 29 Mar 2026 Madrid's clocks skip from 02:00 to 03:00; that night's backup is at 03:30 (01:30 UTC).
        clock.set(Instant.parse("2026-03-28T12:00:00Z"));
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), restarted.nextAfter(clock.instant()));
        assertEquals(Instant.parse("2026-03-30T00:30:00Z"), restarted.nextAfter(Instant.parse("2026-03-29T01:30:00Z")));
    }

    @Test
    void onPostgresqlTheKioskMakesNoBackupsOfItsOwnNightlyOrWhenAsked() throws Exception {
        Database db = TestDatabases.open(Dialect.POSTGRESQL, dir.resolve("data"));
        opened.add(db);
        MovableClock clock = new MovableClock(Instant.parse("2026-11-10T01:30:00Z"), MADRID);
        AuditLog audit = new AuditLog(db, clock);
        Path folder = dir.resolve("backups");
        BackupJob job = new BackupJob(db, audit, clock, folder, 14, LocalTime.of(2, 30), () -> 30);
        assertFalse(job.makesBackups());
        assertEquals(db.name(), job.databaseName());
        job.start();
        job.tick(); // on SQLite, the first tick with no backup yet makes one
        job.stop();
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> job.runNow("admin"));
        assertTrue(refused.getMessage().contains("pg_dump"), refused.getMessage());
        assertFalse(Files.exists(folder), "no backup folder, no file");
        assertTrue(audit(audit, AuditAction.BACKUP_MADE).isEmpty());
    }

    @Test
    void aBackupIntoAFolderThatCannotBeMadeFailsInOneLogLineLeavesNothingAndTheKioskGoesOn() throws Exception {
        Database db = open(dir.resolve("data"));
        MovableClock clock = new MovableClock(Instant.parse("2026-11-29T01:30:00Z"), MADRID);
        AuditLog audit = new AuditLog(db, clock);
        Path blocker = Files.writeString(dir.resolve("usb-stick"), "a file where the backup disk should be mounted");
        Path folder = blocker.resolve("backups");
        BackupJob job = new BackupJob(db, audit, clock, folder, 14, LocalTime.of(2, 30), () -> 30);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(BackupJob.class);
        logger.addAppender(logged);
        logged.start();
        try {
            assertTrue(job.runNow("admin").isEmpty());
        } finally {
            logger.detachAppender(logged);
        }
        BackupJob.Failure failure = job.lastFailure().orElseThrow();
        assertEquals(clock.instant(), failure.at());
        assertTrue(failure.reason().startsWith("Backup into " + folder.toAbsolutePath() + " failed: "), failure.reason());
        List<String> errors = logged.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(failure.reason()), errors, "one line, naming the folder and the reason");
        assertTrue(logged.list.stream().allMatch(e -> e.getThrowableProxy() == null), "no stack trace");
        assertTrue(audit(audit, AuditAction.BACKUP_MADE).isEmpty());
        assertEquals(List.of("usb-stick"), files(dir).stream().filter(f -> !f.equals("data")).toList());

        // The disk is mounted again: the next backup works and the failure is no longer shown.
        Files.delete(blocker);
        assertTrue(job.runNow(AuditLog.SYSTEM).isPresent());
        assertTrue(job.lastFailure().isEmpty());
        CheckInRepository repo = new CheckInRepository(db);
        assertTrue(repo.find(store(repo, clock.instant(), "Still working").publicId()).isPresent(), "the kiosk writes on");
    }

    @Test
    void aBackupThatFailsPartWayLeavesNoPartialFile() throws Exception {
        Path data = dir.resolve("data");
        Database db = Database.open(data);
        CheckInRepository repo = new CheckInRepository(db);
        Instant at = Instant.parse("2026-11-29T01:30:00Z");
        for (int i = 0; i < 400; i++) {
            store(repo, at, "Patient " + i);
        }
        db.close();
        // Damage the last pages, where the check-ins are; the schema and Flyway's history at the start stay readable.
        Path file = data.resolve(Database.FILE_NAME);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[16 * 4096];
            java.util.Arrays.fill(garbage, (byte) 0x5a);
            raf.seek(raf.length() - garbage.length);
            raf.write(garbage);
        }
        Database damaged = open(data);
        MovableClock clock = new MovableClock(at, MADRID);
        Path folder = dir.resolve("backups");
        BackupJob job = new BackupJob(damaged, new AuditLog(damaged, clock), clock, folder, 14, LocalTime.of(2, 30), () -> 30);
        assertTrue(job.runNow(AuditLog.SYSTEM).isEmpty());
        assertTrue(job.lastFailure().orElseThrow().reason().contains("damaged"), job.lastFailure().toString());
        assertEquals(List.of(), files(folder), "neither a backup nor a hidden part of one");
    }
}
