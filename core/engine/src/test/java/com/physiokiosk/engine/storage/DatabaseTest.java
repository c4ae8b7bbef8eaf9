package com.physiokiosk.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.sqlite.SQLiteDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The database's writer connection")
class DatabaseTest {

    @TempDir
    Path dir;

    private static int insert(Database db, String key) {
        return db.write("store a plugin state", c -> insert(c, key));
    }

    private static int count(Database db) {
        return db.read("count plugin states", c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM site_plugin_state")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void staysOpenBetweenWritesSoTheWriteAheadLogIsNotCheckpointedAndDeletedAtEveryCommit() {
        Database db = Database.open(dir);
        Path wal = dir.resolve(Database.FILE_NAME + "-wal");
        insert(db, "a");
        assertTrue(Files.exists(wal), "the log outlives the transaction: the writer's connection is still open");
        insert(db, "b");
        assertEquals(2, count(db));

        db.close();
        assertFalse(Files.exists(wal), "closing the last connection checkpoints the log into the database file");
        Database reopened = Database.open(dir);
        assertEquals(2, count(reopened), "nothing committed is lost at close");
        reopened.close();
    }

    @Test
    void letsGoOfTheDatabaseWhenIdleSoTheLogIsFoldedIntoTheFileAndTheNextWriteReopens() throws InterruptedException {
        Database db = Database.open(dir, Duration.ofMillis(200));
        Path wal = dir.resolve(Database.FILE_NAME + "-wal");
        insert(db, "a");
        assertTrue(Files.exists(wal));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.exists(wal) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(Files.exists(wal), "idle, the writer closed its connection and SQLite folded the log into the file");
        insert(db, "b");
        assertTrue(Files.exists(wal), "the next write opened a connection again");
        assertEquals(2, count(db));
        db.close();
    }

    @Test
    void aFailedTransactionIsRolledBackAndTheNextWriteWorks() {
        Database db = Database.open(dir);
        insert(db, "a");
        StorageException duplicate = assertThrows(StorageException.class, () -> db.write("store two plugin states", c -> {
            insert(c, "b");
            return insert(c, "a");
        }));
        assertTrue(duplicate.getMessage().startsWith("Could not store two plugin states"), duplicate.getMessage());
        assertEquals(1, count(db), "the half-done transaction left nothing");
        assertThrows(IllegalArgumentException.class, () -> db.write("fail in code", c -> {
            insert(c, "c");
            throw new IllegalArgumentException("refused");
        }));
        assertEquals(1, count(db), "a failure in the caller's code rolls back too");
        insert(db, "d");
        assertEquals(2, count(db));
        db.close();
    }

    @Test
    void aLockHeldByAnotherProgramFailsTheWriteWithItsReasonAndLaterWritesWorkOnceItIsGone() throws SQLException {
        Database db = Database.open(dir);
        insert(db, "a");
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db.file() + "?busy_timeout=0");
             Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            StorageException locked = assertThrows(StorageException.class, () -> insert(db, "b"));
            assertTrue(locked.getMessage().contains("locked by another program"), locked.getMessage());
            st.execute("ROLLBACK");
        }
        insert(db, "c");
        assertEquals(2, count(db));
        db.close();
    }

    @Test
    void callersWaitingForTheWriterAreCommittedTogetherAndAFailingOneSparesTheOthers() throws Exception {
        Database db = Database.open(dir);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> first = callers.submit(() -> db.write("hold the writer", c -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return insert(c, "first");
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            Map<String, Thread> ranOn = new ConcurrentHashMap<>();
            List<Thread> waiting = new CopyOnWriteArrayList<>();
            List<Future<Integer>> queued = new ArrayList<>();
            for (String key : List.of("a", "first", "b")) {
                queued.add(callers.submit(() -> {
                    waiting.add(Thread.currentThread());
                    return db.write("store " + key, c -> {
                        ranOn.put(key, Thread.currentThread());
                        return insert(c, key);
                    });
                }));
            }
            // All three have queued their work and wait for the writer lock.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((waiting.size() < 3 || waiting.stream().anyMatch(t -> t.getState() != Thread.State.WAITING))
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            release.countDown();

            assertEquals(1, first.get(10, TimeUnit.SECONDS));
            assertEquals(1, queued.get(0).get(10, TimeUnit.SECONDS), "a stored");
            ExecutionException duplicate = assertThrows(ExecutionException.class, () -> queued.get(1).get(10, TimeUnit.SECONDS));
            assertTrue(duplicate.getCause().getMessage().startsWith("Could not store first: "), duplicate.getCause().getMessage());
            assertEquals(1, queued.get(2).get(10, TimeUnit.SECONDS), "b stored: a neighbour's failure undid only its own writes");
            assertEquals(3, count(db), "first, a and b");
            assertEquals(1, new HashSet<>(ranOn.values()).size(), "the three queued callers' work ran in one transaction, on one thread: "
                    + ranOn);
        } finally {
            callers.shutdownNow();
            db.close();
        }
    }

    @Test
    void manyConcurrentWritersAllGetTheirOwnCommittedResult() throws Exception {
        Database db = Database.open(dir);
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String key = "k" + i;
                results.add(callers.submit(() -> db.write("store " + key, c -> {
                    insert(c, key);
                    try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM site_plugin_state WHERE plugin_id = ?")) {
                        ps.setString(1, key);
                        try (var rs = ps.executeQuery()) {
                            rs.next();
                            return rs.getInt(1);
                        }
                    }
                })));
            }
            Set<Integer> rowIds = new HashSet<>();
            for (Future<Integer> r : results) {
                rowIds.add(r.get(30, TimeUnit.SECONDS));
            }
            assertEquals(400, rowIds.size(), "each caller got the result of its own work");
            assertEquals(400, count(db));
        } finally {
            callers.shutdownNow();
            db.close();
        }
    }

    @Test
    void flywayChecksTheAppliedMigrationsOnEveryStart() throws SQLException {
        Database.open(dir).close();
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // As if V1 had been edited after this database was made from it.
            st.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }
        StorageException changed = assertThrows(StorageException.class, () -> Database.open(dir));
        assertTrue(changed.getMessage().contains("checksum mismatch") && changed.getMessage().contains("1"),
                changed.getMessage());
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '1'");
        }
        Database.open(dir).close();
    }

    @Test
    void aDatabaseANewerKioskMigratedIsRefusedNotWrittenInto() throws SQLException {
        Database.open(dir).close();
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve(Database.FILE_NAME));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success)"
                    + " VALUES (99, '99', 'from a newer kiosk', 'SQL', 'V99__from_a_newer_kiosk.sql', 0, 'kiosk',"
                    + " CURRENT_TIMESTAMP, 1, 1)");
        }
        StorageException newer = assertThrows(StorageException.class, () -> Database.open(dir));
        assertTrue(newer.getMessage().contains("99"), newer.getMessage());
    }

    @Test
    void aWriteInsideAnotherIsRefusedAndTheOuterOneKeepsNothing() {
        Database db = Database.open(dir);
        try {
            IllegalStateException nested = assertThrows(IllegalStateException.class, () -> db.write("outer", c -> {
                insert(c, "outer row");
                return insert(db, "inner row");
            }));
            assertTrue(nested.getMessage().contains("inside another write"), nested.getMessage());
            assertEquals(0, count(db), "neither the inner nor the outer write is kept");
            insert(db, "after");
            assertEquals(1, count(db));
        } finally {
            db.close();
        }
    }

    @Test
    void anErrorInAWriteGoesUpAsItselfKeepsNothingAndTheNextWriteWorks() {
        Database db = Database.open(dir);
        try {
            AssertionError error = assertThrows(AssertionError.class, () -> db.write("fail badly", c -> {
                insert(c, "half");
                throw new AssertionError("a bug, not a storage failure");
            }));
            assertEquals("a bug, not a storage failure", error.getMessage());
            assertEquals(0, count(db));
            insert(db, "after");
            assertEquals(1, count(db));
        } finally {
            db.close();
        }
    }

    @Test
    void refusesWritesOnceClosed() {
        Database db = Database.open(dir);
        db.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> insert(db, "a"));
        assertTrue(closed.getMessage().contains(db.file().toString()), closed.getMessage());
        db.close();
    }

    private static int insert(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_plugin_state(site, plugin_id, enabled, changed_at) VALUES ('main', ?, 1, 'now')")) {
            ps.setString(1, key);
            return ps.executeUpdate();
        }
    }
}
