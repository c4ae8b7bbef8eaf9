package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Wrong URLs and wrong answers: a kind message, the same screen again, nothing stored. */
@DisplayName("Bad input on the patient side")
class BadInputTest {

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.start();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private static Browser startedVisit(int port) {
        Browser b = new Browser(port);
        b.get("/");
        b.postRaw("/start", "lang", "en");
        b.get("/name");
        b.post("/name", "name", "");
        return b;
    }

    /** Answers the safety screen and About you calmly, up to the topic choice. */
    private static void answerSafety(Browser b) {
        assertEquals("/topics", new Walker(b).answerFrom("/q/safety/saddle-numbness"));
    }

    @Test
    void anUnknownTopicInAUrlGetsTheNotAvailablePageWithStatus404() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = startedVisit(server.port());
            HttpResponse<String> r = b.get("/q/no-such-topic/anything");
            assertEquals(404, r.statusCode());
            assertTrue(r.body().contains("Not available"));
            assertEquals(404, client.get("/q/no-such-topic/anything").code(), "also without a visit");
            assertEquals(404, client.get("/no/such/page").code());
            assertTrue(client.get("/no/such/page").body().string().contains("Not available"));
        });
    }

    @Test
    void anUnknownQuestionOfAKnownTopicIs404() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = startedVisit(server.port());
            answerSafety(b);
            b.get("/topics");
            b.post("/topics", "topic", "cramps");
            assertEquals(404, b.get("/q/cramps/no-such-question").statusCode());
            assertEquals(404, b.post("/topics", "topic", "no-such-topic").statusCode());
        });
    }

    @Test
    void aMissingAnswerShowsTheSameScreenAgainWithAMessage() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = startedVisit(server.port());
            b.get("/q/safety/saddle-numbness");
            HttpResponse<String> r = b.post("/q/safety/saddle-numbness");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("Please choose an answer to go on."));
            assertTrue(r.body().contains("action=\"/q/safety/saddle-numbness\""), "same screen again");
            // Nothing was recorded: the kiosk still wants this question answered first.
            assertEquals("/q/safety/saddle-numbness", Browser.location(b.get("/topics")));
        });
    }

    @Test
    void outOfRangeAndUnknownAnswersAreRefused() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = startedVisit(server.port());
            b.get("/q/safety/saddle-numbness");
            assertEquals(400, b.post("/q/safety/saddle-numbness", "answer", "maybe").statusCode());
            assertEquals(400, b.post("/q/safety/saddle-numbness", "answer", "yes", "answer", "no").statusCode());
            Walker w = new Walker(b);
            w.answerUntil("/q/safety/saddle-numbness", "/q/about/fact.pain-now");
            HttpResponse<String> eleven = b.post("/q/about/fact.pain-now", "answer", "11");
            assertEquals(400, eleven.statusCode());
            assertTrue(eleven.body().contains("whole number from 0 to 10"));
            assertEquals(400, b.post("/q/about/fact.pain-now", "answer", "-1").statusCode());
            assertEquals(400, b.post("/q/about/fact.pain-now", "answer", "5.5").statusCode());
            assertEquals("/q/about/fact.pain-areas", Browser.location(b.post("/q/about/fact.pain-now", "answer", "5")));
            b.get("/q/about/fact.pain-areas");
            HttpResponse<String> notARegion = b.post("/q/about/fact.pain-areas", "answer", "back-left-low-back",
                    "answer", "back-left-wing");
            assertEquals(400, notARegion.statusCode(), "a region not on the map");
            assertTrue(notARegion.body().contains("Please choose from the answers shown."));
            assertEquals("/topics", Browser.location(b.post("/q/about/fact.pain-areas", "answer", "back-left-low-back")));
            b.get("/topics");
            w.answerUntil(Browser.location(b.post("/topics", "topic", "cramps")), "/q/cramps/trigger");
            HttpResponse<String> multi = b.post("/q/cramps/trigger", "answer", "lifting", "answer", "none");
            assertEquals(400, multi.statusCode());
            assertTrue(multi.body().contains("cannot be chosen together"));
            assertEquals(400, b.post("/q/cramps/trigger", "answer", "rocket").statusCode());
            assertEquals(303, b.post("/q/cramps/trigger", "answer", "lifting").statusCode());
            assertTrue(kiosk.app.checkIns().idsForDay(LocalDate.now()).isEmpty(), "nothing stored before submit");
        });
    }

    @Test
    void jumpingAheadOrSubmittingEarlyLandsOnTheNextUnansweredQuestion() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = startedVisit(server.port());
            // Nothing seen yet: the safety screen's lead-in comes first.
            assertEquals("/q/safety/lead-in", Browser.location(b.get("/q/safety/night-pain")));
            assertEquals("/q/safety/lead-in", Browser.location(b.get("/review")));
            assertEquals("/q/safety/lead-in", Browser.location(b.post("/submit")));
            assertEquals("/q/safety/lead-in", Browser.location(b.get("/q/cramps/trigger")));
            assertEquals("/q/safety/lead-in", Browser.location(b.get("/q/about/fact.pain-now")));
            assertTrue(kiosk.app.checkIns().idsForDay(LocalDate.now()).isEmpty());
        });
    }

    @Test
    void aFormWithoutTheSessionTokenIsRefusedKindly() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = startedVisit(server.port());
            HttpResponse<String> r = b.postRaw("/q/safety/saddle-numbness", "answer", "no", "csrf", "forged");
            assertEquals(403, r.statusCode());
            assertTrue(r.body().contains("This page has expired"));
            assertEquals(403, b.postRaw("/q/safety/saddle-numbness", "answer", "no").statusCode());
        });
    }

    @Test
    void withoutAVisitEveryPatientStepGoesBackToTheWelcomeScreen() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            for (String path : new String[] {"/name", "/topics", "/review", "/q/safety/fever", "/done"}) {
                HttpResponse<String> r = b.get(path);
                assertEquals(303, r.statusCode(), path);
                assertEquals("/", Browser.location(r), path);
            }
        });
    }

    @Test
    void aNameWithOddCharactersIsRefusedAndNotKept() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/");
            b.postRaw("/start", "lang", "en");
            b.get("/name");
            HttpResponse<String> r = b.post("/name", "name", "<script>alert(1)</script>");
            assertEquals(400, r.statusCode());
            assertFalse(r.body().contains("<script>alert"), "never echoed unescaped");
            assertTrue(r.body().contains("letters only"));
            assertEquals(400, b.post("/name", "name", "x".repeat(41)).statusCode());
            assertEquals(303, b.post("/name", "name", "María-José O'Neil").statusCode());
        });
    }

    @Test
    void patientPagesAreNeverCachedAndCarrySecurityHeaders() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = startedVisit(server.port());
            HttpResponse<String> r = b.get("/q/safety/saddle-numbness");
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'")
                    && csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
            HttpResponse<String> start = new Browser(server.port()).postRaw("/start", "lang", "en");
            String cookie = start.headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.contains("HttpOnly"), cookie);
            assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        });
    }
}
