package com.physiokiosk.ui.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The patients' sessions on their own, over HTTP (a session is its cookie), with the time moved on by
 * hand: a tiny app whose routes start, answer, read and end a session as the patient's screens do.
 */
@DisplayName("Patient sessions: a new one per patient, gone after the idle time, bounded")
class PatientSessionsTest {

    private static final Duration IDLE = Duration.ofSeconds(90);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final PatientSessions sessions = new PatientSessions(now::get);

    private Javalin app() {
        return Javalin.create(c -> {
            c.routes.post("/start", ctx -> ctx.result(sessions.startNew(ctx, null, IDLE).csrf()));
            c.routes.post("/answer", ctx -> sessions.markAnswered(ctx, IDLE));
            c.routes.post("/text", ctx -> sessions.setLargeText(ctx, true));
            c.routes.get("/token", ctx -> ctx.result(sessions.csrfToken(ctx) + "|" + sessions.largeText(ctx)));
            c.routes.post("/reset", ctx -> sessions.endAndForget(ctx));
            c.routes.post("/finish", ctx -> sessions.finish(ctx, null, "Ana", "en", IDLE));
            c.routes.get("/done", ctx -> ctx.result(sessions.finished(ctx).map(f -> f.name()).orElse("-")));
        });
    }

    private void after(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    @DisplayName("a session is its HttpOnly, SameSite=Strict cookie; the next patient's is a new one, the old one dead")
    void newSessionPerPatient() {
        JavalinTest.test(app(), (server, client) -> {
            Patient p = new Patient(server.port());
            HttpResponse<String> first = p.post("/start");
            HttpCookie cookie = p.cookie();
            String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
            assertEquals("/", cookie.getPath());
            assertEquals(first.body() + "|false", p.get("/token"), "the session's form token, on every request");

            String second = p.post("/start").body();
            assertNotEquals(first.body(), second, "a new form token");
            assertNotEquals(cookie.getValue(), p.cookie().getValue(), "a new id");
            assertEquals(1, sessions.count(), "the first patient's session is gone");
            Patient replay = new Patient(server.port());
            replay.set(cookie);
            assertEquals("|false", replay.get("/token"), "the old cookie opens nothing");
        });
    }

    @Test
    @DisplayName("unanswered, a session ends 5 s after the screen's idle time; answered, a minute after; requests keep it")
    void expiry() {
        JavalinTest.test(app(), (server, client) -> {
            Patient unanswered = new Patient(server.port());
            String token = unanswered.post("/start").body();
            after(IDLE.plusSeconds(4));
            assertEquals(token + "|false", unanswered.get("/token"), "still there just before");
            after(IDLE.plusSeconds(4));
            assertEquals(token + "|false", unanswered.get("/token"), "a request counts as activity");
            after(IDLE.plusSeconds(5));
            assertEquals("|false", unanswered.get("/token"), "gone after the idle time and 5 s");

            Patient answered = new Patient(server.port());
            token = answered.post("/start").body();
            answered.post("/answer");
            after(IDLE.plusSeconds(59));
            assertEquals(token + "|false", answered.get("/token"));
            after(IDLE.plusSeconds(60));
            assertEquals("|false", answered.get("/token"), "gone after the idle time and a minute");
            assertEquals(0, sessions.count(), "and forgotten on the server");
        });
    }

    @Test
    @DisplayName("the reset forgets the session and clears its cookie; settings need a session")
    void reset() {
        JavalinTest.test(app(), (server, client) -> {
            Patient p = new Patient(server.port());
            p.post("/text");
            assertEquals("|false", p.get("/token"), "no session: larger text is nobody's");
            assertEquals(0, sessions.count(), "and none made");
            String token = p.post("/start").body();
            p.post("/text");
            assertEquals(token + "|true", p.get("/token"));
            HttpResponse<String> reset = p.post("/reset");
            assertTrue(reset.headers().allValues("Set-Cookie").stream()
                    .anyMatch(c -> c.startsWith(PatientSessions.COOKIE + "=;")
                            && (c.contains("Max-Age=0") || c.contains("Expires=Thu, 01 Jan 1970"))),
                    reset.headers().allValues("Set-Cookie").toString());
            assertEquals(0, sessions.count());
            assertFalse(p.hasCookie(), "the browser holds no session cookie");
        });
    }

    @Test
    @DisplayName("sending the visit rotates the session; a visit ended meanwhile leaves nothing behind")
    void finish() {
        JavalinTest.test(app(), (server, client) -> {
            Patient p = new Patient(server.port());
            p.post("/start");
            p.post("/text");
            HttpCookie during = p.cookie();
            HttpResponse<String> sent = p.post("/finish");
            assertTrue(sent.headers().firstValue("Set-Cookie").isPresent(), "a new cookie");
            assertNotEquals(during.getValue(), p.cookie().getValue());
            assertEquals("Ana", p.get("/done"), "the result screen's name, in the new session");
            assertTrue(p.get("/token").endsWith("|true"), "larger text carried over");
            Patient old = new Patient(server.port());
            old.set(during);
            assertEquals("-", old.get("/done"), "the visit's own cookie opens nothing any more");
            assertEquals(1, sessions.count());

            // The screen reset itself (another request) while the visit was being sent.
            Patient slow = new Patient(server.port());
            slow.post("/start");
            HttpCookie visit = slow.cookie();
            Patient resetter = new Patient(server.port());
            resetter.set(visit);
            resetter.post("/reset");
            HttpResponse<String> late = slow.post("/finish");
            assertTrue(late.headers().allValues("Set-Cookie").isEmpty(), "no cookie for a visit already ended");
            assertEquals("-", slow.get("/done"));
            assertEquals(1, sessions.count(), "and nothing kept for it");
        });
    }

    @Test
    @DisplayName("the minute's sweep forgets expired sessions nobody asks for again")
    void sweep() {
        JavalinTest.test(app(), (server, client) -> {
            new Patient(server.port()).post("/start");
            Patient answered = new Patient(server.port());
            answered.post("/start");
            answered.post("/answer");
            after(IDLE.plusSeconds(10));
            sessions.forgetExpired();
            assertEquals(1, sessions.count(), "the unanswered one is gone, the answered one kept");
            after(Duration.ofSeconds(60));
            sessions.forgetExpired();
            assertEquals(0, sessions.count());
        });
    }

    @Test
    @DisplayName("at the bound the oldest unanswered sessions go, answered ones never; expired ones at the next start")
    void bounded() {
        JavalinTest.test(app(), (server, client) -> {
            List<Patient> answered = new java.util.ArrayList<>();
            for (int i = 0; i < PatientSessions.MAX_SESSIONS; i++) {
                Patient p = new Patient(server.port());
                p.post("/start");
                if (i % 2 == 0) {
                    p.post("/answer");
                    answered.add(p);
                }
            }
            assertEquals(PatientSessions.MAX_SESSIONS, sessions.count());
            assertTrue(sessions.makeRoom(), "room made by forgetting unanswered sessions");
            assertEquals(PatientSessions.MAX_SESSIONS * 9 / 10, sessions.count(), "down to nine tenths");
            for (Patient p : answered) {
                assertNotEquals("|false", p.get("/token"), "a patient mid-visit is kept");
            }
            after(IDLE.plusSeconds(61));
            new Patient(server.port()).post("/start");
            assertEquals(1, sessions.count(), "expired sessions are forgotten at the next start");
        });
    }

    /** One browser: its own cookie jar. */
    private static final class Patient {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http;
        private final int port;

        Patient(int port) {
            this.port = port;
            this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
        }

        HttpResponse<String> post(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        HttpCookie cookie() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(PatientSessions.COOKIE)).findFirst().orElseThrow();
        }

        boolean hasCookie() {
            return cookies.getCookieStore().getCookies().stream()
                    .anyMatch(c -> c.getName().equals(PatientSessions.COOKIE));
        }

        void set(HttpCookie cookie) {
            cookies.getCookieStore().add(uri("/"), cookie);
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
