package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.backup.Backup;
import com.physiokiosk.engine.backup.BackupJob;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.storage.Database;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar physio-kiosk.jar restore FILE}, run through the command's own code path: it refuses a
 * bad backup and a running kiosk, changing nothing, and restores a good one, migrated, audited, with the
 * database it replaced kept aside.
 */
@DisplayName("Restoring a backup from the command line")
class RestoreCommandTest {

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T01:30:00Z"), ZoneId.of("Europe/Madrid"));

    private record Run(int exit, String out, String err) {
    }

    private Run restore(Path data, String... args) throws IOException {
        return restore(Map.of(), data, args);
    }

    /** As {@link #restore(Path, String...)}, with the settings {@code env} too. */
    private Run restore(Map<String, String> env, Path data, String... args) throws IOException {
        Path config = tmp.resolve("empty.properties");
        if (!Files.exists(config)) {
            Files.writeString(config, "# built-in defaults\n");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KIOSK_DATA_DIR", data.toString());
        all.put("KIOSK_CONFIG", config.toString());
        int exit = RestoreCommand.run(args, all,
                clock, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Stores a check-in for {@code name} in the database of {@code data} and gives its public id. */
    private String checkIn(Database db, String name) {
        Instant at = clock.instant();
        return new CheckInRepository(db).insert(LocalDate.ofInstant(at, clock.getZone()), at, "en", name, List.of(
                new TopicResponse("cramps", "cramps", "1.0.0", "Back cramps",
                        List.of(new StoredAnswer("pain", QuestionType.SCALE_0_10, "How bad?", List.of("6"), "6 out of 10")),
                        List.of(new StoredFinding("pain", Severity.CONSULT, null, "Pain.", List.of("pain"), "seed")))))
                .publicId();
    }

    /** A backup of the database of {@code data}, made as the kiosk makes them, into {@code folder}. */
    private Path backUp(Database db, Path folder) {
        Backup made = new BackupJob(db, new AuditLog(db, clock), clock, folder, 100, LocalTime.of(2, 30), () -> 30)
                .runNow(AuditLog.SYSTEM).orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        return made.file();
    }

    private static <T> T with(Path data, Function<Database, T> read) {
        try (Database db = Database.open(data)) {
            return read.apply(db);
        }
    }

    /** Every file in {@code dir} with a digest of its content. */
    private static Map<String, String> snapshot(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName().toString(), Files.isRegularFile(f)
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))) : "dir");
            }
        }
        return out;
    }

    private static void sql(Path file, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static List<AuditEntry> restores(Database db) {
        return new AuditLog(db, java.time.Clock.systemUTC()).latest(50).stream()
                .filter(e -> e.action() == AuditAction.DATABASE_RESTORED).toList();
    }

    @Test
    void everyBadBackupAndARunningKioskAreRefusedNamingTheProblemAndNothingChanges() throws Exception {
        Path data = tmp.resolve("data");
        Path backups = tmp.resolve("backups");
        Path good;
        String current;
        try (Database db = Database.open(data)) {
            current = checkIn(db, "Ana");
            good = backUp(db, backups);
        }

        Path notSqlite = Files.writeString(tmp.resolve("notes.db"), "Monday: call the plumber about the waiting-room tap.");
        Path damaged = Files.copy(good, tmp.resolve("damaged.db"));
        try (RandomAccessFile raf = new RandomAccessFile(damaged.toFile(), "rw")) {
            byte[] garbage = new byte[6 * 4096];
            java.util.Arrays.fill(garbage, (byte) 0x5a);
            raf.seek(2 * 4096);
            raf.write(garbage);
        }
        Path newer = Files.copy(good, tmp.resolve("newer.db"));
        sql(newer, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from a newer kiosk', 'SQL',"
                + " 'V99__from_a_newer_kiosk.sql', 0, 'kiosk', CURRENT_TIMESTAMP, 1, 1)");
        Path notKiosk = tmp.resolve("other-app.db");
        sql(notKiosk, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER)");

        Map<String, String> before = snapshot(data);
        String folderMode = mode(data);
        Map<Path, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put(tmp.resolve("no-such-backup.db"), "there is no file " + tmp.resolve("no-such-backup.db"));
        refusals.put(notSqlite, notSqlite + " is not an SQLite database");
        refusals.put(damaged, damaged + " is damaged: PRAGMA integrity_check says: ");
        refusals.put(newer, newer + " was made by a newer kiosk (schema version 99; this kiosk knows up to " + newest() + ")");
        refusals.put(notKiosk, notKiosk + " is not a kiosk database (it has no schema history)");
        refusals.put(data.resolve(Database.FILE_NAME), "is the kiosk's database itself");
        for (Map.Entry<Path, String> bad : refusals.entrySet()) {
            Run r = restore(data, bad.getKey().toString());
            assertEquals(Commands.REFUSED, r.exit(), bad.getKey() + ": " + r.err());
            assertTrue(r.err().startsWith("restore: refused, nothing changed: "), r.err());
            assertTrue(r.err().contains(bad.getValue()), "expected '" + bad.getValue() + "' in " + r.err());
            assertEquals(before, snapshot(data), bad.getKey() + " changed nothing in the data folder");
        }

        // A good backup while the kiosk runs on the folder.
        try (TestKiosk running = TestKiosk.start(TestKiosk.BUILT_PLUGINS, Map.of("KIOSK_DATA_DIR", data.toString()), clock)) {
            String during = checkIn(running.app.database(), "Bea");
            Run r = restore(data, good.toString());
            assertEquals(Commands.REFUSED, r.exit(), r.err());
            assertTrue(r.err().contains("the kiosk is running on " + data.toAbsolutePath()), r.err());
            assertTrue(r.err().contains("stop it first"), r.err());
            assertTrue(running.app.checkIns().find(during).isPresent(), "the running kiosk's data untouched");
            assertTrue(running.app.checkIns().find(current).isPresent());
            assertTrue(restores(running.app.database()).isEmpty());
        }
        assertEquals(folderMode, mode(data), "the data folder's permissions as they were");
        try (Stream<Path> files = Files.list(data)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains("restor")), "no copy, nothing kept aside");
        }

        Run usage = restore(data);
        assertEquals(Commands.CANNOT_RUN, usage.exit());
        assertTrue(usage.err().startsWith("Usage: java -jar physio-kiosk.jar restore BACKUP-FILE"), usage.err());
    }

    @Test
    void withTheDataOnPostgresqlItRefusesPointingToPgRestoreAndChangesNothing() throws Exception {
        Path data = tmp.resolve("data");
        Path good;
        try (Database db = Database.open(data)) {
            checkIn(db, "Ana");
            good = backUp(db, tmp.resolve("backups"));
        }
        Map<String, String> before = snapshot(data);
        String url = "jdbc:postgresql://db.clinic.example:5432/kiosk?sslmode=verify-full";
        Run r = restore(Map.of("KIOSK_DATABASE_URL", url), data, good.toString());
        assertEquals(Commands.REFUSED, r.exit(), r.err());
        assertTrue(r.err().startsWith("restore: refused, nothing changed: kiosk.database-url is set"), r.err());
        assertTrue(r.err().contains("PostgreSQL server " + url) && r.err().contains("pg_restore"), r.err());
        assertEquals("", r.out());
        assertEquals(before, snapshot(data), "the SQLite file and its folder are as they were");
    }

    @Test
    void aGoodBackupIsRestoredTheReplacedDatabaseWithItsLogIsKeptAsideAndTheRestoreIsAudited() throws Exception {
        Path data = tmp.resolve("data");
        Path backup;
        String inBackup;
        String afterBackup;
        Path crashed = Files.createDirectories(tmp.resolve("crashed"));
        try (Database db = Database.open(data)) {
            inBackup = checkIn(db, "Ana");
            backup = backUp(db, tmp.resolve("backups"));
            // A check-in written after the backup, still only in the write-ahead log when the power goes: a reader
            // keeps the log from being folded in, the files are copied as a crash would leave them.
            try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Database.FILE_NAME))) {
                reader.createStatement().executeQuery("SELECT count(*) FROM check_in").close();
                afterBackup = checkIn(db, "Bea");
                for (String f : List.of("kiosk.db", "kiosk.db-wal", "kiosk.db-shm")) {
                    Files.copy(data.resolve(f), crashed.resolve(f));
                }
            }
        }
        assertTrue(Files.size(crashed.resolve("kiosk.db-wal")) > 0, "the crash left a log");

        clock.advance(Duration.ofHours(8));
        Run r = restore(crashed, backup.toString());
        assertEquals(Commands.DONE, r.exit(), r.err());
        String name = backup.getFileName().toString();
        Path aside = crashed.resolve("kiosk.db.before-restore-20261129-093001Z");
        assertEquals("Restored " + crashed.resolve("kiosk.db").toAbsolutePath() + " from " + name + " (schema version " + newest() + ").\n"
                + "The database it replaced is kept as " + aside.toAbsolutePath() + ": delete it once the restored one is"
                + " checked (it holds health data).\n"
                + "The restore is in the audit log. Start the kiosk again (systemctl start physio-kiosk).\n", r.out());
        assertEquals(List.of("kiosk.db", "kiosk.db.before-restore-20261129-093001Z",
                "kiosk.db.before-restore-20261129-093001Z-wal", "kiosk.lock"), names(crashed), "no stale log or shared memory");

        with(crashed, db -> {
            CheckInRepository checkIns = new CheckInRepository(db);
            assertTrue(checkIns.find(inBackup).isPresent(), "the backup's check-in is there");
            assertTrue(checkIns.find(afterBackup).isEmpty(), "the crashed database's log was not applied to the backup");
            AuditEntry line = restores(db).get(0);
            assertEquals(AuditLog.SYSTEM, line.username());
            assertTrue(line.detail().startsWith("database restored from " + name + " (command line on the kiosk machine, as "),
                    line.detail());
            return null;
        });
        // The database kept aside, with its log, still holds what was written after the backup.
        Path reopened = Files.createDirectories(tmp.resolve("aside"));
        Files.copy(aside, reopened.resolve("kiosk.db"));
        Files.copy(crashed.resolve(aside.getFileName() + "-wal"), reopened.resolve("kiosk.db-wal"));
        boolean keptAfterBackup = with(reopened, db -> new CheckInRepository(db).find(afterBackup).isPresent());
        assertTrue(keptAfterBackup);
        if (Files.getFileStore(crashed).supportsFileAttributeView("posix")) {
            for (String f : List.of("kiosk.db", aside.getFileName().toString())) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(crashed.resolve(f))), f);
            }
        }
    }

    @Test
    void aBackupOfAnOlderSchemaIsMigratedAsAtStartUpAndANewMachinesEmptyFolderTakesIt() throws Exception {
        // As an older kiosk made it: the schema of V7 (before titles, FHIR history, API clients and sites), by
        // Flyway's own hand, with a check-in in it as that kiosk stored one.
        Path backup = Files.createDirectories(tmp.resolve("backups")).resolve("kiosk-20261128-013000Z.db");
        org.sqlite.SQLiteDataSource old = new org.sqlite.SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + backup);
        org.flywaydb.core.Flyway.configure().dataSource(old)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite").target("7").load().migrate();
        String checkIn = "0123456789abcdef0123456789abcdef";
        sql(backup, "INSERT INTO check_in (id, public_id, day, number, created_at, language, display_name, urgent, finished,"
                        + " updated_at) VALUES (1, '" + checkIn + "', '2026-11-28', 1, '2026-11-28T09:00:00Z', 'en', 'Ana', 0, 1,"
                        + " '2026-11-28T09:00:00Z')",
                "INSERT INTO topic_response (id, check_in_id, position, topic_id, plugin_id, plugin_version, topic_title)"
                        + " VALUES (1, 1, 0, 'cramps', 'cramps', '1.0.0', 'Back cramps')",
                "INSERT INTO answer (topic_response_id, position, link_id, question_text, answer_values, display_value,"
                        + " question_type) VALUES (1, 0, 'rhythmic', 'Rhythmic?', 'no', 'No', 'YES_NO')",
                "INSERT INTO plugin_state (plugin_id, enabled, changed_at) VALUES ('sleep', 0, '2026-11-28T09:00:00Z')");
        assertEquals("7", Database.check(backup).version());

        Path fresh = tmp.resolve("new-machine").resolve("physio-kiosk");
        Run r = restore(fresh, backup.toString());
        assertEquals(Commands.DONE, r.exit(), r.err());
        assertTrue(r.out().contains("(schema version 7, migrated to " + newest() + ").\nThere was no database before it.\n"), r.out());
        assertEquals(newest(), with(fresh, db -> {
            db.read("check the newer tables", c -> {
                try (Statement st = c.createStatement()) {
                    return st.executeQuery("SELECT titles FROM site_plugin_state WHERE site = 'main' AND enabled = 0").next();
                }
            });
            assertTrue(new CheckInRepository(db).find(checkIn).isPresent());
            assertEquals(1, restores(db).size());
            return newest();
        }));
        assertEquals(newest(), Database.check(fresh.resolve(Database.FILE_NAME)).version());
        assertFalse(Files.exists(fresh.resolve(".kiosk.db.restoring")));
    }

    /** The newest schema version this kiosk knows, as a restore reports it. */
    private String newest() {
        Path dir = tmp.resolve("newest-schema");
        Database.open(dir).close();
        return Database.check(dir.resolve(Database.FILE_NAME)).known();
    }

    private static String mode(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix")
                ? PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)) : "";
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
