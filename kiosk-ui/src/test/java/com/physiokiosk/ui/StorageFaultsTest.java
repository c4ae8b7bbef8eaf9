package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import com.physiokiosk.engine.checkin.CheckIn;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A full disk, a read-only data folder and a database locked by another program: the patient is asked
 * to tell reception, the log says what is wrong, the visit stays in the patient's session so nothing
 * they answered is lost, and nothing already stored is damaged. The data folder is a small tmpfs the
 * test mounts (root only, as on CI).
 */
@DisplayName("Storage faults")
class StorageFaultsTest {

    private Path mount;
    private TestKiosk kiosk;
    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void mountSmallDataFolder() throws Exception {
        mount = Files.createTempDirectory("kiosk-tmpfs");
        int rc = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString());
        Assumptions.assumeTrue(rc == 0, "mounting a tmpfs needs root (CI runs as root)");
        log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(Routes.class)).addAppender(log);
    }

    @AfterEach
    void unmount() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        ((Logger) LoggerFactory.getLogger(Routes.class)).detachAppender(log);
        run("umount", "-l", mount.toString());
    }

    private void startKiosk() {
        kiosk = TestKiosk.start(TestKiosk.BUILT_PLUGINS, Map.of("KIOSK_DATA_DIR", mount.resolve("data").toString()),
                Clock.systemDefaultZone());
    }

    @Test
    void aFullDiskAsksThePatientToTellReceptionAndKeepsTheirAnswers() throws Exception {
        mountIsOurDataDir();
        startKiosk();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            completeVisit(new Browser(server.port()), "Ana");
            String before = onlyId();
            Path filler = mount.resolve("filler");
            fillUp(filler);
            Browser b = new Browser(server.port());
            HttpResponse<String> refused = completeVisit(b, "Ben");
            assertEquals(503, refused.statusCode(), () -> refused.headers().firstValue("Location").orElse(refused.body()));
            assertTrue(refused.body().contains("Please tell reception"), refused.body());
            assertTrue(logged("the disk is full"), "log names the cause: " + messages());
            Files.delete(filler);
            // Space again: the same patient sends again, nothing re-typed.
            assertEquals("/done", Browser.location(b.post("/submit")));
            assertEquals(2, kiosk.app.checkIns().idsForDay(LocalDate.now()).size());
            assertEquals("Ana", kiosk.app.checkIns().find(before).orElseThrow().displayName());
        });
        assertIntact();
    }

    @Test
    void aReadOnlyDataFolderAsksThePatientToTellReception() throws Exception {
        mountIsOurDataDir();
        startKiosk();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            completeVisit(new Browser(server.port()), "Ana");
            remountReadOnly();
            Browser b = new Browser(server.port());
            HttpResponse<String> refused = completeVisit(b, "Ben");
            assertEquals(503, refused.statusCode(), () -> refused.headers().firstValue("Location").orElse(refused.body()));
            assertTrue(refused.body().contains("Please tell reception"));
            assertTrue(logged("read-only") || logged("cannot be read or written"), "log names the cause: " + messages());
            assertEquals(0, run("mount", "-o", "remount,rw", mount.toString()));
            assertEquals("/done", Browser.location(b.post("/submit")));
        });
        assertIntact();
    }

    @Test
    void aDatabaseLockedByAnotherProgramAsksThePatientToTellReception() throws Exception {
        mountIsOurDataDir();
        startKiosk();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            completeVisit(new Browser(server.port()), "Ana");
            Browser b = new Browser(server.port());
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + mount.resolve("data/kiosk.db"));
                 Statement st = other.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                HttpResponse<String> refused = completeVisit(b, "Ben");
                assertEquals(503, refused.statusCode(), () -> refused.headers().firstValue("Location").orElse(refused.body()));
                assertTrue(refused.body().contains("Please tell reception"));
                assertTrue(logged("locked by another program"), "log names the cause: " + messages());
                st.execute("ROLLBACK");
            }
            assertEquals("/done", Browser.location(b.post("/submit")));
        });
        assertIntact();
    }

    @Test
    void aRedFlagAnsweredWhileTheDatabaseIsLockedStillSendsThePatientToReceptionAndIsStoredAfter() throws Exception {
        mountIsOurDataDir();
        startKiosk();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b).topic("cramps", PatientFlowTest.calmCramps());
            w.answerUntil(w.start("en", "Ana"), "/q/safety/both-legs");
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + mount.resolve("data/kiosk.db"));
                 Statement st = other.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                HttpResponse<String> yes = b.post("/q/safety/both-legs", "answer", "yes");
                assertEquals("/urgent", Browser.location(yes), "told to go to reception even though nothing could be stored");
                String urgent = b.get("/urgent").body();
                assertTrue(urgent.contains("Please speak to reception now"));
                assertFalse(urgent.contains("check-in-number"), "no number to show yet");
                st.execute("ROLLBACK");
            }
            assertTrue(kiosk.app.checkIns().idsForDay(LocalDate.now()).isEmpty());
            // The patient carries on: the next answer stores the urgent visit after all.
            String next = Browser.location(b.post("/urgent/carry-on"));
            w.answerUntil(next, "/q/safety/trauma");
            CheckIn stored = kiosk.app.checkIns().find(onlyId()).orElseThrow();
            assertTrue(stored.urgent());
            assertTrue(stored.findings().stream().anyMatch(f -> f.ruleId().equals("both-legs")));
        });
        assertIntact();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /**
     * Makes the data folder's file system read-only. Linux refuses while a file on it is open for
     * writing (a failing disk's forced remount would not ask), and the kiosk keeps its database open
     * while it is busy: so this waits until the kiosk, idle, lets go of it (Database.IDLE_RELEASE).
     */
    private void remountReadOnly() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int rc;
        while ((rc = run("mount", "-o", "remount,ro", mount.toString())) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, rc, "remounting the data folder read-only");
    }

    private void mountIsOurDataDir() throws IOException {
        Files.createDirectories(mount.resolve("data"));
    }

    /** Walks a whole visit and sends it; returns the answer to "send". */
    private static HttpResponse<String> completeVisit(Browser b, String name) {
        Walker w = new Walker(b).topic("cramps", PatientFlowTest.calmCramps());
        assertEquals("/review", w.toReview("en", name, "cramps"));
        b.get("/review");
        return b.post("/submit");
    }

    /** Takes all free space of the tmpfs. */
    private static void fillUp(Path filler) throws IOException {
        byte[] block = new byte[4096];
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            while (true) {
                f.write(block);
            }
        } catch (IOException full) {
            // no space left: that is the point
        }
    }

    private String onlyId() {
        List<String> ids = kiosk.app.checkIns().idsForDay(LocalDate.now());
        assertEquals(1, ids.size());
        return ids.get(0);
    }

    private boolean logged(String text) {
        return messages().stream().anyMatch(m -> m.contains(text));
    }

    private List<String> messages() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private void assertIntact() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mount.resolve("data/kiosk.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
