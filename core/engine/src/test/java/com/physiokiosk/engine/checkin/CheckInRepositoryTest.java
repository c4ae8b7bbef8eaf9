package com.physiokiosk.engine.checkin;

import com.physiokiosk.engine.storage.Dialect;
import com.physiokiosk.engine.storage.OnBothDatabases;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.StorageException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.CheckInSummary;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Storing check-ins")
class CheckInRepositoryTest extends OnBothDatabases {

    @TempDir
    Path dir;

    private static List<TopicResponse> topics(boolean urgent) {
        return List.of(new TopicResponse("cramps", "cramps", "1.2.3", "Back cramps",
                List.of(new StoredAnswer("trigger", QuestionType.MULTI_CHOICE, "What started it?", List.of("lifting", "sport"), "Lifting, Sport"),
                        new StoredAnswer("notes", QuestionType.SHORT_TEXT, "Anything else?", List.of("it hurts\nat night"), "it hurts\nat night")),
                List.of(new StoredFinding("labour", urgent ? Severity.URGENT : Severity.INFO, null, "Possible labour",
                        List.of("pregnant", "rhythmic"), "seed 003"),
                        new StoredFinding("heat", Severity.ADVICE, "Try warmth.", "Heat advised", List.of(), "seed 003"))));
    }

    @Test
    void aCheckInIsStoredAndReadBackWholeWithADailyNumber() {
        Database db = openDatabase(dir);
        CheckInRepository repo = new CheckInRepository(db);
        LocalDate day = LocalDate.of(2026, 3, 2);
        CheckIn first = repo.insert(day, Instant.parse("2026-03-02T09:00:00Z"), "es", "Ana", topics(true));
        CheckIn second = repo.insert(day, Instant.parse("2026-03-02T09:05:00Z"), "en", null, topics(false));
        CheckIn nextDay = repo.insert(day.plusDays(1), Instant.parse("2026-03-03T09:00:00Z"), "en", null, topics(false));
        assertEquals(1, first.number());
        assertEquals(2, second.number());
        assertEquals(1, nextDay.number(), "numbers start again each day");
        assertFalse(first.publicId().equals(second.publicId()));

        CheckIn read = repo.find(first.publicId()).orElseThrow();
        assertEquals(first, read);
        assertTrue(read.urgent());
        assertEquals(List.of("it hurts\nat night"), read.topics().get(0).answers().get(1).values());
        assertEquals(List.of(first.publicId(), second.publicId()), repo.idsForDay(day), "urgent first, then newest");
        assertTrue(repo.find("nope").isEmpty());
    }

    @Test
    void theDatabaseIsDurableWalWithForeignKeysAndSecureDelete() {
        // SQLite's own file, pragmas and log; PostgreSQL's durability is the server's.
        org.junit.jupiter.api.Assumptions.assumeTrue(dialect == Dialect.SQLITE, "SQLite's file only");
        Database db = openDatabase(dir);
        db.read("check pragmas", c -> {
            try (var st = c.createStatement()) {
                assertEquals("wal", one(st.executeQuery("PRAGMA journal_mode")));
                assertEquals("2", one(st.executeQuery("PRAGMA synchronous")), "FULL");
                assertEquals("1", one(st.executeQuery("PRAGMA foreign_keys")));
                assertEquals("1", one(st.executeQuery("PRAGMA secure_delete")));
                assertEquals("5000", one(st.executeQuery("PRAGMA busy_timeout")));
            }
            return null;
        });
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsAClearError() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("file"), "x");
        StorageException e = org.junit.jupiter.api.Assertions.assertThrows(StorageException.class,
                () -> Database.open(file.resolve("sub")));
        assertTrue(e.getMessage().startsWith("Cannot create data folder"), e.getMessage());
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        Database db = openDatabase(dir);
        CheckInRepository repo = new CheckInRepository(db);
        List<TopicResponse> duplicateTopics = List.of(topics(false).get(0), topics(false).get(0));
        org.junit.jupiter.api.Assertions.assertThrows(StorageException.class,
                () -> repo.insert(LocalDate.of(2026, 1, 1), Instant.now(), "en", null, duplicateTopics));
        assertTrue(repo.idsForDay(LocalDate.of(2026, 1, 1)).isEmpty(), "rolled back whole");
    }

    @Test
    void theStaffListShowsEachCheckInWithItsChosenTopicsUrgentFirstThenNewest() {
        CheckInRepository repo = new CheckInRepository(openDatabase(dir));
        LocalDate day = LocalDate.of(2026, 3, 2);
        List<TopicResponse> withSafety = new java.util.ArrayList<>();
        withSafety.add(new TopicResponse("safety", "host", "1.0.0", "Safety screen", List.of(), List.of()));
        withSafety.addAll(topics(false));
        CheckIn calm = repo.insert(day, Instant.parse("2026-03-02T09:00:00Z"), "en", "Ana", withSafety);
        CheckIn urgent = repo.insert(day, Instant.parse("2026-03-02T09:05:00Z"), "en", null, topics(true));
        CheckIn later = repo.insert(day, Instant.parse("2026-03-02T09:10:00Z"), "en", "Ben", topics(false));

        List<CheckInSummary> list = repo.summariesForDay(day);
        assertEquals(List.of(urgent.publicId(), later.publicId(), calm.publicId()),
                list.stream().map(CheckInSummary::publicId).toList());
        CheckInSummary ana = list.get(2);
        assertEquals(1, ana.number());
        assertEquals("Ana", ana.displayName());
        assertEquals(List.of("Back cramps"), ana.topicTitles(), "the safety screen is not a topic chosen");
        assertEquals(Instant.parse("2026-03-02T09:00:00Z"), ana.createdAt());
        assertFalse(ana.reviewed());
        assertTrue(list.get(0).urgent());

        // A review whose audit line cannot be written is not kept either: one transaction.
        assertThrows(com.physiokiosk.engine.storage.StorageException.class, () -> repo.markReviewed(calm.publicId(),
                Instant.parse("2026-03-02T09:30:00Z"), c -> {
                    throw new java.sql.SQLException("the audit line could not be written");
                }));
        assertFalse(repo.find(calm.publicId()).orElseThrow().reviewedAt() != null, "not reviewed without its audit line");
        assertTrue(repo.markReviewed(calm.publicId(), Instant.parse("2026-03-02T10:00:00Z"), NOTHING));
        assertTrue(repo.markReviewed(calm.publicId(), Instant.parse("2026-03-02T11:00:00Z"), NOTHING));
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), repo.find(calm.publicId()).orElseThrow().reviewedAt(),
                "the first review counts");
        assertFalse(repo.markReviewed("0123456789abcdef0123456789abcdef", Instant.now(), c -> {
            throw new AssertionError("no audit line for a check-in that is not there");
        }));
        assertTrue(repo.summariesForDay(day.plusDays(1)).isEmpty());
    }

    @Test
    void oldCheckInsAreDeletedWholeAndTheWriteAheadLogIsEmptiedAfterwards() throws Exception {
        // SQLite's own file, pragmas and log; PostgreSQL's durability is the server's.
        org.junit.jupiter.api.Assumptions.assumeTrue(dialect == Dialect.SQLITE, "SQLite's file only");
        Database db = openDatabase(dir);
        CheckInRepository repo = new CheckInRepository(db);
        CheckIn old = repo.insert(LocalDate.of(2026, 1, 1), Instant.parse("2026-01-01T09:00:00Z"), "en", "Zebulon", topics(true));
        CheckIn kept = repo.insert(LocalDate.of(2026, 1, 2), Instant.parse("2026-01-02T09:00:00Z"), "en", "Kept", topics(false));

        assertThrows(com.physiokiosk.engine.storage.StorageException.class, () -> repo.deleteBefore(LocalDate.of(2026, 1, 2),
                ids -> c -> {
                    throw new java.sql.SQLException("the audit lines could not be written");
                }));
        assertTrue(repo.find(old.publicId()).isPresent(), "nothing deleted without its audit lines");
        List<List<String>> audited = new java.util.ArrayList<>();
        assertEquals(List.of(old.publicId()), repo.deleteBefore(LocalDate.of(2026, 1, 2), ids -> c -> audited.add(ids)));
        assertEquals(List.of(List.of(old.publicId())), audited, "the audit lines are written with the deletion");
        assertTrue(repo.find(old.publicId()).isEmpty());
        assertTrue(repo.find(kept.publicId()).isPresent());
        int orphans = db.read("count orphans", c -> {
            try (var ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM topic_response) + (SELECT COUNT(*) FROM answer)"
                    + " + (SELECT COUNT(*) FROM finding)"); var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(1 + 2 + 2, orphans, "only the kept check-in's rows remain");
        Path wal = db.file().resolveSibling(Database.FILE_NAME + "-wal");
        assertTrue(!java.nio.file.Files.exists(wal) || java.nio.file.Files.size(wal) == 0, "write-ahead log emptied");
        assertFalse(new String(java.nio.file.Files.readAllBytes(db.file()), java.nio.charset.StandardCharsets.UTF_8)
                .contains("Zebulon"), "secure_delete leaves no trace of the deleted name in the file");
        assertEquals(List.of(), repo.deleteBefore(LocalDate.of(2026, 1, 2), ids -> c -> {
            throw new AssertionError("no audit line when nothing is deleted");
        }));
    }

    private static final com.physiokiosk.engine.storage.Database.SqlWork<Void> NOTHING = c -> null;

    private static String one(ResultSet rs) throws java.sql.SQLException {
        rs.next();
        return rs.getString(1);
    }
}
