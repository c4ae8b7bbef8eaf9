package com.physiokiosk.engine.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.Finding;
import com.physiokiosk.engine.safety.SafetyScreen;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.StorageException;
import com.physiokiosk.engine.storage.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.LoggerFactory;

/**
 * Live alerts across kiosk servers: two engine service stacks (database, check-in service, relay) on one fresh
 * PostgreSQL database, as two kiosk servers of a clinic chain would be. What one stores, the other's listeners hear
 * within the staff alert's 2 seconds; each server's own listeners hear its own check-ins once.
 */
@DisplayName("Live check-ins across kiosk servers sharing one PostgreSQL database")
class CheckInRelayTest {

    /** The staff alert's deadline, from a patient's submit to a staff screen on any server. */
    private static final Duration DEADLINE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();
    /** The shared database of {@link #twoServers()}. */
    private String url;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    /** A check-in its listeners heard, and when. */
    record Heard(CheckInStored event, long atNanos) {
    }

    /** One kiosk server's engine: its own pool on the shared database, its check-in service and relay. */
    private final class Server implements AutoCloseable {
        final Database db;
        final CheckInService service;
        final CheckInRelay relay;
        final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

        Server(Database db) {
            this.db = db;
            this.service = new CheckInService(new CheckInRepository(db), Clock.systemDefaultZone(), () -> "en",
                    topic -> "1");
            service.addListener(event -> heard.add(new Heard(event, System.nanoTime())));
            this.relay = new CheckInRelay(db);
            service.shareThrough(relay);
            opened.add(this);
        }

        CheckInService.Saved urgent(String name) {
            return service.save(null, "en", name, List.of(urgentSafetyScreen()), false, true);
        }

        CheckInService.Saved calm(String name) {
            return service.save(null, "en", name, List.of(), true, false);
        }

        @Override
        public void close() {
            relay.close();
            db.close();
        }
    }

    /** Two servers on a new PostgreSQL database, both listening. */
    private Server[] twoServers() throws Exception {
        url = TestDatabases.freshPostgresql();
        Server a = new Server(Database.openPostgresql(url, null, null));
        Server b = new Server(Database.openPostgresql(url, null, null));
        awaitListeners(a.db, pids -> pids.size() == 2);
        return new Server[] {a, b};
    }

    /** The safety screen with the patient's "yes" to fever: an URGENT finding. */
    private static SectionAnswers urgentSafetyScreen() {
        Finding fever = new Finding("fever", Severity.URGENT, null, "safety.fever.clinician",
                Answers.of(java.util.Map.of("fever", List.of("yes"))), Source.of("test"));
        return new SectionAnswers(SafetyScreen.load(), List.of(), Answers.empty(), List.of(fever), List.of(), false);
    }

    /** The server processes of the database's listener connections. */
    private static Set<Integer> listenerPids(Database db) {
        return db.read("test: find the listeners", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pid FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND application_name = ?")) {
                ps.setString(1, Database.LISTENER_NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    Set<Integer> pids = new HashSet<>();
                    while (rs.next()) {
                        pids.add(rs.getInt(1));
                    }
                    return pids;
                }
            }
        });
    }

    /** Waits (up to 10 s) until the database's listener connections are as {@code wanted}; gives them. */
    private static Set<Integer> awaitListeners(Database db, Predicate<Set<Integer>> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Integer> pids = listenerPids(db);
        while (!wanted.test(pids)) {
            assertTrue(System.nanoTime() < deadline, "listener connections now: " + pids);
            Thread.sleep(50);
            pids = listenerPids(db);
        }
        return pids;
    }

    /** How many threads listen on the check-in channel in this process (the servers' of the test alone). */
    private static long listeningThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().equals("database-listen-" + CheckInRelay.CHANNEL)).count();
    }

    /** The next check-in {@code server}'s listeners heard within {@code within}, or null. */
    private static Heard next(Server server, Duration within) throws InterruptedException {
        return server.heard.poll(within.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next check-in {@code server}'s listeners heard, which must come within {@code within}. */
    private static CheckInStored heardBy(Server server, Duration within) throws InterruptedException {
        Heard heard = next(server, within);
        assertNotNull(heard, "a check-in heard within " + within.toMillis() + " ms");
        return heard.event();
    }

    private static void assertHeardInTime(Heard heard, long sentNanos, String what) {
        assertNotNull(heard, what + ": heard within " + DEADLINE.toMillis() + " ms");
        long millis = TimeUnit.NANOSECONDS.toMillis(heard.atNanos() - sentNanos);
        System.out.println("[CheckInRelayTest] " + what + ": heard " + millis + " ms after the submit began");
        assertTrue(millis < DEADLINE.toMillis(), what + " took " + millis + " ms");
    }

    @Test
    void aCheckInStoredByOneServerReachesTheOtherWithinTwoSecondsAndItsOwnListenersOnce() throws Exception {
        Server[] servers = twoServers();
        Server a = servers[0];
        Server b = servers[1];
        LocalDate today = LocalDate.now();

        long submitted = System.nanoTime();
        CheckInService.Saved urgent = a.urgent("Zebulon");
        Heard alert = next(b, DEADLINE);
        assertHeardInTime(alert, submitted, "an urgent check-in on the other server");
        assertEquals(new CheckInStored(today, 1, true, true), alert.event(), "with its alert");

        // The visit goes on: the list refreshes on the other server too, without a second alert.
        submitted = System.nanoTime();
        a.service.save(urgent.publicId(), "en", "Zebulon", List.of(urgentSafetyScreen()), true, false);
        Heard update = next(b, DEADLINE);
        assertHeardInTime(update, submitted, "an update of an urgent visit");
        assertEquals(new CheckInStored(today, 1, true, false), update.event());

        // A calm check-in on the other server refreshes the first one's list.
        submitted = System.nanoTime();
        b.calm("Ana");
        // a's own two come first, told directly when stored.
        assertEquals(new CheckInStored(today, 1, true, true), heardBy(a, Duration.ZERO));
        assertEquals(new CheckInStored(today, 1, true, false), heardBy(a, Duration.ZERO));
        Heard fromB = next(a, DEADLINE);
        assertHeardInTime(fromB, submitted, "a calm check-in on the other server");
        assertEquals(new CheckInStored(today, 2, false, false), fromB.event());

        // Every server hears its own announcements too and leaves them: nothing more comes, on either side.
        Thread.sleep(1_000);
        assertNull(next(a, Duration.ZERO), "a's listeners heard each check-in once");
        List<CheckInStored> bHeard = new ArrayList<>();
        b.heard.forEach(h -> bHeard.add(h.event()));
        assertEquals(List.of(new CheckInStored(today, 2, false, false)), bHeard,
                "b's listeners heard its own check-in once (a's two were taken above)");
    }

    @Test
    void theUrgentEventTheOtherServerHearsIsTheOneStoredWithItsAlert() throws Exception {
        Server[] servers = twoServers();
        servers[0].calm("Ana");
        servers[0].urgent("Ben");
        assertEquals(new CheckInStored(LocalDate.now(), 1, false, false), heardBy(servers[1], DEADLINE));
        assertEquals(new CheckInStored(LocalDate.now(), 2, true, true), heardBy(servers[1], DEADLINE),
                "in the order stored, the alert with it");
    }

    @Test
    void theAnnouncementCarriesTheServerAndTheCheckInsFlagsAndNoPatientData() throws Exception {
        Server[] servers = twoServers();
        try (Connection raw = DriverManager.getConnection(url); Statement st = raw.createStatement()) {
            st.execute("LISTEN " + CheckInRelay.CHANNEL);
            servers[0].urgent("Zebulon Quayle");
            PGNotification[] heard = raw.unwrap(PGConnection.class).getNotifications((int) DEADLINE.toMillis());
            assertEquals(1, heard.length);
            String payload = heard[0].getParameter();
            assertFalse(payload.contains("Zebulon") || payload.contains("Quayle") || payload.contains("fever"), payload);
            JsonNode json = new ObjectMapper().readTree(payload);
            List<String> fields = new ArrayList<>();
            json.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("server", "day", "number", "urgent", "alert", "site"), fields, payload);
            assertEquals(servers[0].relay.serverId(), json.get("server").asText());
            assertEquals(LocalDate.now().toString(), json.get("day").asText());
            assertEquals(1, json.get("number").asInt());
            assertTrue(json.get("urgent").asBoolean() && json.get("alert").asBoolean(), payload);
        }
    }

    @Test
    void aCheckInThatIsNotStoredIsNotAnnounced() throws Exception {
        Server[] servers = twoServers();
        Server a = servers[0];
        TestDatabases.refuseInserts(a.db, "topic_response");
        assertThrows(StorageException.class, () -> a.urgent("Zebulon"));
        a.calm("Ana"); // no topic: nothing refused

        // The refused check-in would have been number 1 too: its alert, not Ana's, would come first.
        assertEquals(new CheckInStored(LocalDate.now(), 1, false, false), heardBy(servers[1], DEADLINE));
        assertNull(next(servers[1], Duration.ofMillis(500)), "nothing else");
    }

    @Test
    void nothingIsHeardAfterTheRelayIsClosed() throws Exception {
        Server[] servers = twoServers();
        Server a = servers[0];
        Server b = servers[1];
        Set<Integer> both = listenerPids(a.db);
        long closing = System.nanoTime();
        b.relay.close();
        long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing);
        assertTrue(closeMillis < 1_000, "closing took " + closeMillis + " ms");
        awaitListeners(a.db, pids -> pids.size() == 1 && both.containsAll(pids));
        assertEquals(1, listeningThreads(), "only a's listening thread is left");

        a.urgent("Zebulon");
        assertEquals(new CheckInStored(LocalDate.now(), 1, true, true), heardBy(a, Duration.ZERO));
        b.calm("Ana");
        assertEquals(new CheckInStored(LocalDate.now(), 2, false, false), heardBy(a, DEADLINE),
                "b still announces its own");
        assertEquals(2, heardBy(b, Duration.ZERO).number(), "b's own check-in, told directly");
        assertNull(next(b, Duration.ofMillis(1_000)), "b no longer hears a's");
    }

    @Test
    void closingTheDatabaseStopsItsListenerToo() throws Exception {
        Server[] servers = twoServers();
        Set<Integer> both = listenerPids(servers[0].db);
        servers[1].db.close();
        awaitListeners(servers[0].db, pids -> pids.size() == 1 && both.containsAll(pids));
        assertEquals(1, listeningThreads(), "only a's listening thread is left");
    }

    @Test
    void aListenerWhoseConnectionTheServerEndsConnectsAgainSaysSoAndHearsLaterCheckIns() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("com.physiokiosk.engine.storage.NotificationListener");
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            Server[] servers = twoServers();
            Server a = servers[0];
            Server b = servers[1];
            Set<Integer> before = listenerPids(a.db);
            a.db.read("test: end the listeners' connections", c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name = ?")) {
                    ps.setString(1, Database.LISTENER_NAME);
                    ps.execute();
                    return null;
                }
            });
            Set<Integer> after = awaitListeners(a.db, pids -> pids.size() == 2 && pids.stream().noneMatch(before::contains));
            System.out.println("[CheckInRelayTest] listeners " + before + " ended, " + after + " listen now");

            long submitted = System.nanoTime();
            a.urgent("Zebulon");
            Heard heard = next(b, DEADLINE);
            assertHeardInTime(heard, submitted, "an urgent check-in after the listeners connected again");
            assertEquals(new CheckInStored(LocalDate.now(), 1, true, true), heard.event());
            assertEquals(1, heardBy(a, Duration.ZERO).number(), "a's own, told directly");
            b.calm("Ana");
            assertEquals(2, heardBy(a, DEADLINE).number(), "and the other way round");

            List<String> messages = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("Not hearing " + CheckInRelay.CHANNEL)
                    && m.contains("connecting again in")), messages.toString());
            assertTrue(messages.stream().anyMatch(m -> m.startsWith("Hearing " + CheckInRelay.CHANNEL)
                    && m.endsWith(" again")), messages.toString());
        } finally {
            logger.setLevel(level);
            logger.detachAppender(logged);
        }
    }

    @Test
    void anAnnouncementIsReadForWhatItTellsIgnoringFieldsANewerServerAdds() {
        Database db = Database.open(dir);
        opened.add(db);
        CheckInRelay relay = new CheckInRelay(db);
        CheckInStored stored = new CheckInStored(LocalDate.of(2026, 3, 2), 4, true, false);
        assertEquals(stored, relay.fromAnotherServer(CheckInRelay.announcement("another", stored)).orElseThrow());
        assertTrue(relay.fromAnotherServer(CheckInRelay.announcement(relay.serverId(), stored)).isEmpty(), "its own");
        assertEquals(new CheckInStored(LocalDate.of(2026, 3, 2), 4, true, false, "north-1"),
                relay.fromAnotherServer("{\"server\":\"north\",\"site\":\"north-1\",\"day\":\"2026-03-02\","
                        + "\"number\":4,\"urgent\":true,\"alert\":false}").orElseThrow(), "its site");
        assertEquals(stored, relay.fromAnotherServer("{\"server\":\"north\",\"day\":\"2026-03-02\",\"number\":4,"
                + "\"urgent\":true,\"alert\":false,\"color\":\"red\"}").orElseThrow(),
                "an older server's names no site (the default one); a field a newer server adds is left");
        for (String unreadable : List.of("", "hello", "{}", "{\"server\":\"x\",\"day\":\"2026-03-02\",\"number\":\"4\","
                + "\"urgent\":true,\"alert\":false}", "{\"server\":\"x\",\"day\":\"March\",\"number\":4,\"urgent\":true,"
                + "\"alert\":false}")) {
            assertTrue(relay.fromAnotherServer(unreadable).isEmpty(), unreadable);
        }
    }

    @Test
    void onSqliteNothingIsListenedToAndEachCheckInIsToldOnce() throws Exception {
        Server one = new Server(Database.open(dir));
        one.urgent("Zebulon");
        assertEquals(new CheckInStored(LocalDate.now(), 1, true, true), heardBy(one, Duration.ZERO));
        assertNull(next(one, Duration.ofMillis(300)));
        assertEquals(0, listeningThreads(), "no listening thread");
    }
}
