package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.safety.SafetyScreen;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The whole patient flow over HTTP against the real app, then the stored visit read back. */
@DisplayName("Patient flow over HTTP")
class PatientFlowTest {

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.start();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    /** A calm cramps visit: lifting at the gym, nothing alarming, no link with periods. */
    static Map<String, List<String>> calmCramps() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("intro", List.of());
        a.put("trigger", List.of("lifting", "sitting"));
        a.put("muscular", List.of("muscular"));
        a.put("rhythmic", List.of("no"));
        a.put("belly", List.of("no"));
        a.put("unwell", List.of("none"));
        a.put("period-link", List.of("no"));
        return a;
    }

    /** Cramps with a menstrual link (an INFO note); with {@link #SEVERE_PAIN} the host adds a CONSULT. */
    static Map<String, List<String>> severeCramps() {
        Map<String, List<String>> a = calmCramps();
        a.put("period-link", List.of("yes"));
        return a;
    }

    /** Pain of 8 out of 10 right now: the host's one threshold for severe pain (a CONSULT finding). */
    static final Map<String, String> SEVERE_PAIN = Map.of("about/fact.pain-now", "8");

    /**
     * Walks from the welcome screen to the result screen; returns the result page. {@code hostAnswers} are
     * by safety linkId ({@code "fever"}) or {@code "section/linkId"} ({@code "about/fact.pain-now"}); an
     * urgent answer shows the urgent screen, and the patient carries on to the end.
     */
    static HttpResponse<String> walk(Browser b, String lang, String name, Map<String, String> hostAnswers,
                                     Map<String, List<String>> topicAnswers) {
        Walker w = new Walker(b).topic("cramps", topicAnswers);
        hostAnswers.forEach((key, answer) -> w.answer(key.contains("/") ? key : "safety/" + key, answer));
        assertEquals("/review", w.toReview(lang, name, "cramps"));
        return w.send();
    }

    @Test
    void aCalmVisitIsStoredWithAnswersFindingsAndPluginVersion() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            HttpResponse<String> done = walk(b, "en", "Ana", Map.of(), calmCramps());
            assertEquals(200, done.statusCode());
            assertTrue(done.body().contains("id=\"check-in-number\">1<"), "first check-in of the day is number 1");
            assertFalse(done.body().contains("speak to reception now"), "nothing urgent");
            assertTrue(done.body().contains("Ana"));
            assertTrue(done.body().contains("data-return-seconds=\"60\""), "back to the welcome screen by itself after a minute");

            List<String> ids = kiosk.app.checkIns().idsForDay(LocalDate.now());
            assertEquals(1, ids.size());
            CheckIn stored = kiosk.app.checkIns().find(ids.get(0)).orElseThrow();
            assertEquals("Ana", stored.displayName());
            assertEquals("en", stored.language());
            assertEquals(1, stored.number());
            assertFalse(stored.urgent());
            assertEquals(List.of("safety", "about", "cramps"), stored.topics().stream().map(TopicResponse::topicId).toList());
            assertTrue(stored.finished());

            TopicResponse safety = stored.topics().get(0);
            List<String> safetyAsked = new java.util.ArrayList<>(SafetyScreen.FLAGS);
            safetyAsked.add(SafetyScreen.INFECTION_RISK);
            assertEquals(safetyAsked, safety.answers().stream().map(StoredAnswer::linkId).toList(),
                    "one question per flag; thin bones only after a fall");
            assertTrue(safety.findings().isEmpty());

            TopicResponse about = stored.topics().get(1);
            assertEquals(List.of(Facts.AGE_BAND, Facts.FIRST_EPISODE, Facts.MATERNITY, Facts.PEG_PAIN,
                    Facts.PEG_ENJOYMENT, Facts.PEG_ACTIVITY, Facts.PAIN_NOW, Facts.PAIN_AREAS),
                    about.answers().stream().map(StoredAnswer::linkId).toList(), "the shared facts, weeks skipped");
            assertEquals(List.of("back-right-low-back", "back-left-low-back"),
                    about.answers().get(about.answers().size() - 1).values(), "the pain drawing, in the map's order");

            TopicResponse cramps = stored.topics().get(2);
            assertEquals("0.1.0-SNAPSHOT", cramps.pluginVersion());
            assertEquals("cramps", cramps.pluginId());
            // The information screen is not an answer; the topic asks no pain score or pregnancy of its own.
            assertEquals(List.of("trigger", "muscular", "rhythmic", "belly", "unwell", "period-link"),
                    cramps.answers().stream().map(StoredAnswer::linkId).toList());
            StoredAnswer trigger = cramps.answers().get(0);
            assertEquals(List.of("lifting", "sitting"), trigger.values());
            assertFalse(trigger.displayValue().isBlank());
            List<String> rules = cramps.findings().stream().map(StoredFinding::ruleId).toList();
            assertTrue(rules.contains("advice-lifting"), "lifting advice stored: " + rules);
            assertTrue(rules.contains("advice-posture"), "posture advice stored: " + rules);
            assertTrue(cramps.findings().stream().noneMatch(f -> f.severity() == Severity.URGENT));
            StoredFinding lifting = cramps.findings().stream().filter(f -> f.ruleId().equals("advice-lifting"))
                    .findFirst().orElseThrow();
            assertNotNull(lifting.patientText());
            assertTrue(done.body().contains(escapeHtml(lifting.patientText())), "the advice stored is the advice shown");
            assertTrue(lifting.source().contains("003_e7d96563a60eeb5c.txt"));
            assertTrue(lifting.triggeredBy().contains("trigger"), "the answers that raised it: " + lifting.triggeredBy());
        });
    }

    @Test
    void aRedFlagOnTheSafetyScreenShowsTheUrgentMessageAndIsStoredUrgent() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            HttpResponse<String> done = walk(b, "en", "", Map.of("saddle-numbness", "yes"), calmCramps());
            assertTrue(done.body().contains("Please speak to reception now"));
            assertFalse(done.body().contains("While you wait"), "an urgent visit shows no advice");
            CheckIn stored = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
            assertTrue(stored.urgent());
            assertTrue(stored.finished());
            assertNull(stored.displayName(), "an empty name is stored as none");
            StoredFinding flag = stored.topics().get(0).findings().get(0);
            assertEquals("saddle-numbness", flag.ruleId());
            assertEquals(Severity.URGENT, flag.severity());
            assertTrue(flag.clinicianText().contains("cauda equina"));
            assertTrue(flag.source().contains("GIRFT"), flag.source());
        });
    }

    @Test
    void aRedFlagInTheTopicShowsTheUrgentMessageInSpanish() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Map<String, List<String>> answers = calmCramps();
            answers.put("unwell", List.of("vomiting", "dizzy"));
            HttpResponse<String> done = walk(b, "es", "José", Map.of(), answers);
            assertTrue(done.body().contains("Hable con recepción ahora"), done.body());
            assertFalse(done.body().contains("José"), "no name on the urgent screen");
            assertTrue(done.body().contains("lang=\"es\""));
            CheckIn stored = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
            assertTrue(stored.urgent());
            assertEquals("es", stored.language());
            assertTrue(stored.findings().stream().anyMatch(f -> f.ruleId().equals("unwell-signs")
                    && f.severity() == Severity.URGENT));
        });
    }

    @Test
    void checkInNumbersCountUpWithinTheDayAndEachPatientGetsAFreshSession() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            walk(b, "en", "Ana", Map.of(), calmCramps());
            String firstCookie = sessionCookie(b);
            HttpResponse<String> second = walk(b, "en", "Ben", Map.of(), calmCramps());
            assertTrue(second.body().contains("id=\"check-in-number\">2<"));
            assertFalse(second.body().contains("Ana"), "nothing of the previous patient");
            assertFalse(firstCookie.equals(sessionCookie(b)), "session rotated for the new patient");
            assertEquals(2, kiosk.app.checkIns().idsForDay(LocalDate.now()).size());
        });
    }

    @Test
    void changingAnAnswerFromReviewDropsAnswersToQuestionsNoLongerAsked() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b).topic("cramps", calmCramps());
            assertEquals("/review", w.toReview("en", "", "cramps"));
            assertTrue(b.get("/review").body().contains("/q/cramps/period-link?from=review"));
            // Now she says she is pregnant: the period question is no longer asked.
            b.get("/q/about/fact.maternity?from=review");
            HttpResponse<String> changed = b.post("/q/about/fact.maternity", "answer", "pregnant", "from", "review");
            assertEquals("/q/about/fact.pregnancy-weeks?from=review", Browser.location(changed),
                    "the question the change brings in comes first");
            b.get("/q/about/fact.pregnancy-weeks?from=review");
            assertEquals("/review", Browser.location(b.post("/q/about/fact.pregnancy-weeks", "answer", "12",
                    "from", "review")), "back to review once complete");
            String review = b.get("/review").body();
            assertFalse(review.contains("period-link"), "no longer asked, no longer shown");
            b.post("/submit");
            CheckIn stored = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
            List<String> linkIds = stored.topics().get(2).answers().stream().map(StoredAnswer::linkId).toList();
            assertFalse(linkIds.contains("period-link"));
            assertTrue(stored.findings().stream().anyMatch(f -> f.ruleId().equals("pregnant")), "the host's note");
        });
    }

    @Test
    void switchingLanguageMidwayKeepsTheAnswers() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/");
            b.postRaw("/start", "lang", "en");
            b.get("/name");
            b.post("/name", "name", "Ana");
            b.get("/q/safety/saddle-numbness");
            b.post("/q/safety/saddle-numbness", "answer", "no");
            b.get("/q/safety/bladder");
            HttpResponse<String> switched = b.post("/language", "lang", "es", "returnTo", "/q/safety/bladder");
            assertEquals("/q/safety/bladder", Browser.location(switched));
            HttpResponse<String> page = b.get("/q/safety/bladder");
            assertTrue(page.body().contains("lang=\"es\""));
            assertTrue(page.body().contains("aria-current=\"step\">Seguridad<"), "progress in Spanish");
            HttpResponse<String> back = b.get("/q/safety/saddle-numbness");
            assertTrue(back.body().contains("aria-pressed=\"true\""), "the earlier answer is still selected");
        });
    }

    @Test
    void whenTheClinicTurnsTheNameQuestionOffItIsNotAsked() {
        try (TestKiosk noName = TestKiosk.start(TestKiosk.BUILT_PLUGINS, Map.of("KIOSK_ASK_NAME", "false"),
                java.time.Clock.systemDefaultZone())) {
            JavalinTest.test(noName.app.javalin(), (server, client) -> {
                Browser b = new Browser(server.port());
                b.get("/");
                HttpResponse<String> r = b.postRaw("/start", "lang", "en");
                assertEquals("/q/safety/lead-in", Browser.location(r), "the safety screen's lead-in first");
                assertFalse(b.get("/q/safety/lead-in").body().contains("href=\"/name\""),
                        "back from the first screen goes to the welcome screen, not the name");
            });
        }
    }

    private static String sessionCookie(Browser b) {
        return b.http.cookieHandler().map(h -> ((java.net.CookieManager) h).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("KIOSK_SESSION")).map(java.net.HttpCookie::getValue)
                .findFirst().orElse("")).orElse("");
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&#34;")
                .replace("'", "&#39;");
    }
}
