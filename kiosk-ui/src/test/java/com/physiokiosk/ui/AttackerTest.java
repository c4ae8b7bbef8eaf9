package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.ui.web.PatientSessions;
import io.javalin.testtools.JavalinTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * An attacker on the clinic's network, against the real app on 127.0.0.1 only, every loop bounded in
 * count and time: slow request bodies, floods of "Start", requests naming another host or posted from
 * another site, and the malformed requests that used to cost a 500 and a stack trace.
 */
@DisplayName("An attacker on the clinic's network")
class AttackerTest {

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    @DisplayName("300 connections sending a body a byte at a time do not stop patients")
    void slowBodiesHoldNoThread() throws Exception {
        kiosk.app.javalin().start("127.0.0.1", 0);
        int port = kiosk.app.javalin().port();
        List<Socket> slow = Collections.synchronizedList(new ArrayList<>());
        ExecutorService trickle = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket("127.0.0.1", port);
                OutputStream out = s.getOutputStream();
                out.write(("POST /q/safety/fever HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\na")
                        .getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                slow.add(s);
            }
            // A byte on each every second for the whole test: the slowloris keeps its connections alive.
            Future<?> keepAlive = trickle.submit(() -> {
                for (int round = 0; round < 30 && !Thread.currentThread().isInterrupted(); round++) {
                    for (Socket s : slow) {
                        try {
                            s.getOutputStream().write('a');
                            s.getOutputStream().flush();
                        } catch (java.io.IOException closed) {
                            // the kiosk may hang up on it: fine
                        }
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            List<Long> latencies = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(25);
            int visits = 0;
            while (visits < 3 && System.nanoTime() < deadline) {
                long t0 = System.nanoTime();
                Browser b = new Browser(port);
                HttpResponse<String> r = b.get("/");
                latencies.add((System.nanoTime() - t0) / 1_000_000);
                assertEquals(200, r.statusCode());
                Walker w = new Walker(b).topic("cramps", PatientFlowTest.calmCramps());
                assertEquals("/review", w.toReview("en", "Ana", "cramps"));
                w.send();
                visits++;
            }
            keepAlive.cancel(true);
            Collections.sort(latencies);
            long p99 = latencies.get(Math.max(0, (int) Math.ceil(latencies.size() * 0.99) - 1));
            System.out.println("[attack] slow bodies: 300 connections trickling; " + visits
                    + " whole visits completed meanwhile; welcome screen p99 " + p99 + " ms");
            assertEquals(3, visits, "patients finish their visits while the slow clients trickle");
        } finally {
            trickle.shutdownNow();
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    @DisplayName("a flood of Start creates at most a bounded number of sessions and a patient mid-visit is kept")
    void aFloodOfStartsIsBounded() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser patient = new Browser(server.port());
            Walker w = new Walker(patient).topic("cramps", PatientFlowTest.calmCramps());
            w.answerUntil(w.start("en", "Ana"), "/q/safety/fever");
            long t0 = System.nanoTime();
            for (int i = 0; i < 2_000; i++) {
                // No cookies: every start is a new session, as a flood's would be.
                HttpResponse<String> r = new Browser(server.port()).postRaw("/start", "lang", "en");
                assertTrue(r.statusCode() == 303 || r.statusCode() == 429, "start answered " + r.statusCode());
            }
            System.out.println("[attack] 2000 starts in " + (System.nanoTime() - t0) / 1_000_000 + " ms; patient sessions "
                    + kiosk.app.patientSessions().count());
            assertTrue(kiosk.app.patientSessions().count() <= PatientSessions.MAX_SESSIONS,
                    "sessions bounded: " + kiosk.app.patientSessions().count());
            // The patient who had answered carries on.
            assertEquals("/topics", w.answerFrom("/q/safety/fever"));
            assertEquals("/review", w.answerFrom(w.choose("cramps")));
            w.send();
            assertEquals(1, kiosk.app.checkIns().idsForDay(LocalDate.now()).size());
        });
    }

    @Test
    @DisplayName("a page elsewhere cannot drive the kiosk: another Host, another Origin, a cross-site form")
    void otherHostsAndOriginsAreRefused() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            int port = server.port();
            // DNS rebinding: the attacker's name points at 127.0.0.1; the browser still sends that name.
            RawHttp.Response setup = RawHttp.send(port, "GET", "/staff/sign-in",
                    List.of("Host: evil.example:" + port, "Accept: text/html"), null);
            assertEquals(421, setup.status());
            assertTrue(setup.body().contains("does not name the kiosk"), setup.body());
            RawHttp.Response start = RawHttp.send(port, "POST", "/start",
                    List.of("Host: evil.example", "Content-Type: application/x-www-form-urlencoded"),
                    "lang=en".getBytes(StandardCharsets.UTF_8));
            assertEquals(421, start.status());
            RawHttp.Response cross = RawHttp.send(port, "POST", "/start",
                    List.of("Origin: http://evil.example", "Content-Type: application/x-www-form-urlencoded"),
                    "lang=en".getBytes(StandardCharsets.UTF_8));
            assertEquals(403, cross.status());
            assertTrue(cross.body().contains("did not come from the kiosk"), cross.body());
            RawHttp.Response fetchSite = RawHttp.send(port, "POST", "/start",
                    List.of("Sec-Fetch-Site: cross-site", "Content-Type: application/x-www-form-urlencoded"),
                    "lang=en".getBytes(StandardCharsets.UTF_8));
            assertEquals(403, fetchSite.status());
            // The kiosk's own names and pages still work.
            RawHttp.Response own = RawHttp.send(port, "POST", "/start",
                    List.of("Origin: http://127.0.0.1:" + port, "Sec-Fetch-Site: same-origin",
                            "Content-Type: application/x-www-form-urlencoded"),
                    "lang=en".getBytes(StandardCharsets.UTF_8));
            assertEquals(303, own.status());
            RawHttp.Response noReferrer = RawHttp.send(port, "POST", "/start",
                    List.of("Origin: null", "Sec-Fetch-Site: same-origin",
                            "Content-Type: application/x-www-form-urlencoded"),
                    "lang=en".getBytes(StandardCharsets.UTF_8));
            assertEquals(303, noReferrer.status(), "the kiosk's own forms, sent with no referrer");
            RawHttp.Response sandboxed = RawHttp.send(port, "POST", "/start",
                    List.of("Origin: null", "Sec-Fetch-Site: cross-site",
                            "Content-Type: application/x-www-form-urlencoded"),
                    "lang=en".getBytes(StandardCharsets.UTF_8));
            assertEquals(403, sandboxed.status(), "a sandboxed page elsewhere");
            assertEquals(200, RawHttp.send(port, "GET", "/", List.of("Host: evil.example"), null).status(),
                    "reading the welcome screen changes nothing and is not refused");
        });
    }

    @Test
    @DisplayName("malformed requests get a 4xx with a message and no stack trace")
    void malformedRequestsAreRefusedWithAMessage() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        try {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                int port = server.port();
                Browser patient = new Browser(port);
                new Walker(patient).start("en", "Ana");
                String cookie = "KIOSK_SESSION=" + patient.cookie("KIOSK_SESSION");
                RawHttp.Response charset = RawHttp.send(port, "POST", "/q/safety/saddle-numbness",
                        List.of("Cookie: " + cookie, "Content-Type: application/x-www-form-urlencoded; charset=bogus-42"),
                        ("answer=no&csrf=" + patient.csrf()).getBytes(StandardCharsets.UTF_8));
                assertEquals(415, charset.status());
                assertTrue(charset.body().contains("UTF-8"), charset.body());

                Browser admin = TestKiosk.admin(port);
                admin.page("/staff/admin/topics");
                String staffCookie = "KIOSK_STAFF=" + admin.cookie("KIOSK_STAFF");
                RawHttp.Response noBoundary = RawHttp.send(port, "POST", "/staff/admin/topics/upload",
                        List.of("Cookie: " + staffCookie, "Content-Type: multipart/form-data"),
                        "x".getBytes(StandardCharsets.UTF_8));
                assertEquals(400, noBoundary.status());
                RawHttp.Response huge = RawHttp.sendHeadOnly(port, "POST", "/staff/admin/topics/upload",
                        List.of("Cookie: " + staffCookie, "Content-Type: multipart/form-data; boundary=xyz",
                                "Content-Length: " + 25 * 1024 * 1024));
                assertEquals(413, huge.status());
                assertTrue(huge.body().contains("at most 20 MB"), huge.body());

                assertEquals(400, admin.page("/staff/check-ins?day=-999999999-01-01").statusCode());
                assertEquals(400, admin.page("/staff/check-ins?day=%2B999999999-12-31").statusCode());

                admin.page("/staff/admin/settings");
                HttpResponse<String> name = admin.post("/staff/admin/settings", "clinicName", "Clinic \uFFFE",
                        "languages", "en", "defaultLanguage", "en", "idleTimeoutSeconds", "90", "retentionDays", "30");
                assertEquals(400, name.statusCode(), name.body());
                assertTrue(name.body().contains("id=\"clinic-name-error\""), "the refused field is named, next to it");

                // A check-in stored before noncharacters were refused still prints.
                CheckIn old = kiosk.app.checkIns().insert(LocalDate.now(), Instant.now(), "en", "Bo\uFFFFb",
                        List.of(new TopicResponse("old", "old", "1", "Old \uFFFE topic", List.of(new StoredAnswer("x",
                                null, "Anything?", List.of("a\uFFFEb"), "a\uFFFEb")), List.of())));
                assertEquals(200, admin.bytes("/staff/check-ins/" + old.publicId() + "/pdf").statusCode());
            });
        } finally {
            root.detachAppender(log);
        }
        List<String> traces = log.list.stream().filter(e -> e.getThrowableProxy() != null)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), traces, "no stack trace logged");
        assertFalse(log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("Unexpected failure")));
    }
}
