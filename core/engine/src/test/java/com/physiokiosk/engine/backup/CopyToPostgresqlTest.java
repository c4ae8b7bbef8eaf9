package com.physiokiosk.engine.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.plugins.DatabasePluginStatusProvider;
import com.physiokiosk.engine.staff.Passwords;
import com.physiokiosk.engine.staff.Role;
import com.physiokiosk.engine.staff.StaffRepository;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.Dialect;
import com.physiokiosk.engine.storage.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One clinic's SQLite database moved into the chain's PostgreSQL database under its site: whole, counted, once. */
@DisplayName("Moving a clinic's SQLite database into the shared PostgreSQL one")
class CopyToPostgresqlTest {

    @TempDir
    Path dir;

    @Test
    void everythingArrivesUnderTheSiteTheCountsMatchTheFileIsUntouchedAndASecondRunIsRefused() throws Exception {
        Clock clock = Clock.systemUTC();
        List<String> ids = new ArrayList<>();
        Path sqlite = dir.resolve("clinic");
        try (Database db = Database.open(sqlite)) {
            CheckInRepository repo = new CheckInRepository(db);
            for (int i = 0; i < 3; i++) {
                ids.add(repo.insert(LocalDate.of(2026, 11, 28), Instant.parse("2026-11-28T09:0" + i + ":00Z"), "es", "Ana " + i,
                        List.of(new TopicResponse("cramps", "cramps", "1.0.0", "Back cramps", List.of(
                                new StoredAnswer("trigger", QuestionType.MULTI_CHOICE, "What set it off?",
                                        List.of("lifting", "sitting"), "Lifting, Sitting")),
                                List.of(new StoredFinding("labour", Severity.URGENT, "Speak to reception.", "Labour?",
                                        List.of("trigger"), "seed", i == 1))))).publicId());
            }
            new StaffRepository(db).insert("admin", Role.ADMIN, new Passwords(new Passwords.Cost(64, 1, 1)).hash("a long password here"),
                    Instant.now(), false, c -> null);
            new StaffRepository(db).insert("maria", Role.STAFF, "hash", Instant.now(), false, c -> null);
            new AuditLog(db, clock).record("admin", AuditAction.VIEW, ids.get(0), null);
            new DatabasePluginStatusProvider(db, clock).store("sleep", false, Map.of("en", "Sleep"), c -> null);
        }
        Path file = sqlite.resolve(Database.FILE_NAME);
        byte[] before = sha(file);

        try (Database shared = TestDatabases.open(Dialect.POSTGRESQL, dir.resolve("pg"))) {
            new StaffRepository(shared).insert("admin", Role.ADMIN, "the chain's own", Instant.now(), false, c -> null);
            CopyToPostgresql.Done done = CopyToPostgresql.run(file, shared, "north", clock, "root");
            assertEquals(3, done.counts().get("check_in"));
            assertEquals(3, done.counts().get("answer"));
            assertEquals(List.of("admin"), done.accountsKept(), "an account the chain has already is left as it was");
            assertEquals(1, done.counts().get("staff_account"));

            CheckInRepository north = new CheckInRepository(shared, "north");
            try (Database source = Database.open(sqlite)) {
                CheckInRepository old = new CheckInRepository(source);
                for (String id : ids) {
                    CheckIn was = old.find(id).orElseThrow();
                    CheckIn is = north.find(id).orElseThrow();
                    assertEquals("north", is.site());
                    assertEquals(was.topics(), is.topics(), "answers and findings, withdrawn marks too");
                    assertEquals(List.of(was.number(), was.displayName(), was.language(), was.urgent()),
                            List.of(is.number(), is.displayName(), is.language(), is.urgent()));
                }
            }
            assertEquals(3, north.summariesForDay(LocalDate.of(2026, 11, 28)).size());
            assertTrue(new DatabasePluginStatusProvider(shared, clock, "north").isPluginDisabled("sleep"), "its topic choices");
            assertEquals(AuditAction.DATABASE_MIGRATED, new AuditLog(shared, clock, "north").latest(1).get(0).action());

            CopyToPostgresql.Refused twice = assertThrows(CopyToPostgresql.Refused.class,
                    () -> CopyToPostgresql.run(file, shared, "north", clock, "root"));
            assertTrue(twice.getMessage().contains("'north'"), twice.getMessage());
            assertEquals(3, north.summariesForDay(LocalDate.of(2026, 11, 28)).size(), "nothing added the second time");
        }
        assertArrayEquals(before, sha(file), "the SQLite file is left as it was");

        Path damaged = dir.resolve("damaged.db");
        Files.write(damaged, new byte[] {1, 2, 3});
        try (Database shared = TestDatabases.open(Dialect.POSTGRESQL, dir.resolve("pg2"))) {
            assertThrows(RuntimeException.class, () -> CopyToPostgresql.run(damaged, shared, "south", clock, "root"));
        }
    }

    private static byte[] sha(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
