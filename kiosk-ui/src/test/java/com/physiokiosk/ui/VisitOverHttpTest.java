package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.storage.Dialect;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The visit over HTTP against the real app: a red flag acted on the moment it is answered, nothing
 * lost when the patient walks away or changes topic, and taps for a screen no longer shown ignored.
 */
@DisplayName("The visit over HTTP: escalation, abandon, several topics, stale taps")
@ParameterizedClass(name = "on {0}")
@EnumSource(Dialect.class)
class VisitOverHttpTest {

    /** The database the kiosk keeps its data in: every test here runs on SQLite and on PostgreSQL. */
    @Parameter
    Dialect dialect;

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin(dialect);
    }

    @AfterEach
    void stop() {
        if (kiosk != null) { // none when the test was skipped before starting one (no PostgreSQL for it)
            kiosk.close();
        }
    }

    private List<CheckIn> stored() {
        return kiosk.app.checkIns().idsForDay(LocalDate.now()).stream()
                .map(id -> kiosk.app.checkIns().find(id).orElseThrow()).toList();
    }

    @Test
    @DisplayName("a 'yes' to a red flag is stored as urgent before the next screen; walking away keeps it")
    void aRedFlagIsStoredAtOnceAndKeptWhenThePatientWalksAway() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            w.answerUntil(w.start("en", "Zelda"), "/q/safety/bowel");
            HttpResponse<String> yes = b.post("/q/safety/bowel", "answer", "yes");
            assertEquals("/urgent", Browser.location(yes), "the urgent screen, not the next question");
            List<CheckIn> now = stored();
            assertEquals(1, now.size(), "stored before the next screen is shown");
            CheckIn c = now.get(0);
            assertTrue(c.urgent());
            assertFalse(c.finished());
            assertEquals("Zelda", c.displayName());

            String urgent = b.get("/urgent").body();
            assertTrue(urgent.contains("Please speak to reception now"));
            assertTrue(urgent.contains("id=\"check-in-number\">" + c.number() + "<"), "the number, large");
            assertFalse(urgent.contains("Zelda"), "no name on the screen");
            assertFalse(urgent.toLowerCase().contains("bowel") || urgent.contains("cauda"), "no finding on the screen");
            assertTrue(urgent.contains("data-return-seconds=\"20\""), "back to the welcome screen by itself in 20 s");
            assertTrue(urgent.contains("action=\"/urgent/carry-on\""), "may carry on answering while waiting");

            Browser staff = TestKiosk.admin(server.port());
            String list = staff.page("/staff/check-ins").body();
            assertTrue(list.contains("URGENT") && list.contains("Not finished"), list);

            // The patient walks to reception; the screen resets. The check-in stays, urgent and not finished.
            b.post("/reset");
            assertEquals(1, stored().size());
            assertFalse(stored().get(0).finished());
            String summary = staff.page("/staff/check-ins/" + c.publicId()).body();
            assertTrue(summary.contains("The patient has not finished"), "summary says so");
            assertTrue(summary.contains("bowel"), "the finding for staff");
        });
    }

    @Test
    @DisplayName("carrying on after the urgent screen adds every later answer to the same check-in")
    void carryingOnAddsToTheSameCheckIn() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b).answer("safety/fever", "yes").topic("cramps", PatientFlowTest.calmCramps());
            assertEquals("/review", w.toReview("en", "Ana", "cramps"));
            assertEquals(1, w.urgentScreens.size());
            CheckIn during = stored().get(0);
            assertTrue(during.topics().stream().anyMatch(t -> t.topicId().equals("cramps")),
                    "the topic answered after the urgent screen is already with staff");
            HttpResponse<String> done = w.send();
            assertEquals(1, stored().size(), "one check-in for the visit");
            CheckIn after = stored().get(0);
            assertEquals(during.number(), after.number());
            assertTrue(after.finished());
            assertTrue(done.body().contains("Please speak to reception now"));
            assertTrue(done.body().contains("id=\"check-in-number\">" + after.number() + "<"));
            assertFalse(done.body().contains("Ana"), "no name");
            assertFalse(done.body().contains("While you wait"), "no advice for an urgent visit");
            assertTrue(after.findings().stream().anyMatch(f -> f.severity() == com.physiokiosk.api.Severity.ADVICE),
                    "the advice is kept for staff");
            String summary = TestKiosk.admin(server.port()).page("/staff/check-ins/" + after.publicId()).body();
            assertTrue(summary.contains("Not shown to the patient"), "staff see the advice was held back");
        });
    }

    @Test
    @DisplayName("a visit with nothing urgent that is abandoned is forgotten")
    void aCalmAbandonedVisitIsForgotten() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            assertEquals("/topics", w.answerFrom(w.start("en", "Ana")));
            w.answerUntil(w.choose("cramps"), "/q/cramps/rhythmic");
            b.post("/reset");
            assertTrue(stored().isEmpty());
        });
    }

    @Test
    @DisplayName("a second topic is added from the review, and both are stored")
    void aSecondTopicIsAddedAndBothAreStored() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b).topic("cramps", PatientFlowTest.calmCramps());
            assertEquals("/review", w.toReview("en", "Ana", "cramps"));
            assertTrue(b.get("/review").body().contains("href=\"/topics\""), "add another topic from the review");
            String topics = b.get("/topics").body();
            assertTrue(topics.contains("Answered"), "the topic done is marked");
            assertEquals("/review", w.answerFrom(w.choose("sleep")));
            String review = b.get("/review").body();
            assertTrue(review.contains("/q/cramps/") && review.contains("/q/sleep/"));
            w.send();
            CheckIn c = stored().get(0);
            assertEquals(List.of("safety", "about", "cramps", "sleep"),
                    c.topics().stream().map(TopicResponse::topicId).toList());
            assertTrue(c.topics().stream().allMatch(TopicResponse::finished));
        });
    }

    @Test
    @DisplayName("leaving a topic half-way asks first and keeps its answers")
    void leavingATopicAsksFirstAndKeepsItsAnswers() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            assertEquals("/topics", w.answerFrom(w.start("en", "Ana")));
            w.answerUntil(w.choose("cramps"), "/q/cramps/rhythmic");
            assertTrue(b.get("/q/cramps/rhythmic").body().contains("href=\"/topics\""), "another topic on offer");
            b.get("/topics");
            HttpResponse<String> ask = b.post("/topics", "topic", "sleep");
            assertEquals(200, ask.statusCode());
            assertTrue(ask.body().contains("You have not finished"), ask.body());
            assertTrue(ask.body().contains("kept for your physiotherapist"));
            assertEquals("/q/cramps/rhythmic", Browser.location(b.get("/review")), "nothing changed yet");

            HttpResponse<String> leave = b.post("/topics", "topic", "sleep", "confirm", "leave");
            assertEquals("/review", w.answerFrom(Browser.location(leave)));
            assertTrue(b.get("/review").body().contains("(not finished)"));
            w.send();
            TopicResponse cramps = stored().get(0).topics().get(2);
            assertEquals("cramps", cramps.topicId());
            assertFalse(cramps.finished());
            assertEquals(List.of("trigger", "muscular"), cramps.answers().stream().map(StoredAnswer::linkId).toList());
            String fhir = TestKiosk.admin(server.port())
                    .get("/staff/check-ins/" + stored().get(0).publicId() + "/fhir/cramps").body();
            assertTrue(fhir.contains("\"status\" : \"stopped\""), "left part-way, in FHIR too: " + fhir);
        });
    }

    @Test
    @DisplayName("a sensitive topic's advice stays off the screen and is printed for the patient")
    void aSensitiveTopicsAdviceIsPrintedNotShown() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            assertTrue(kiosk.app.host().find("sexual-activity").orElseThrow().info().sensitive());
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            assertEquals("/review", w.toReview("en", "Ana", "sexual-activity"));
            String result = w.send().body();
            CheckIn c = stored().get(0);
            List<String> advice = c.findings().stream()
                    .filter(f -> f.severity() == com.physiokiosk.api.Severity.ADVICE && f.patientText() != null)
                    .map(f -> f.patientText()).toList();
            assertFalse(advice.isEmpty(), "the calm visit raised advice: " + c.findings());
            assertTrue(result.contains("Your physiotherapist will go through your self-care advice"), result);
            for (String text : advice) {
                assertFalse(result.contains(PatientFlowTest.escapeHtml(text)), "kept off the screen: " + text);
            }
            TopicResponse topic = c.topics().get(2);
            assertTrue(topic.sensitive());
            String summary = TestKiosk.admin(server.port()).page("/staff/check-ins/" + c.publicId()).body();
            int onPaper = summary.indexOf("For the patient, on paper");
            assertTrue(onPaper > 0, "a section to give on paper");
            for (String text : advice) {
                assertTrue(summary.indexOf(PatientFlowTest.escapeHtml(text)) > onPaper, "printed for the patient: " + text);
            }
        });
    }

    @Test
    @DisplayName("a tap for a screen no longer shown changes nothing and puts the patient back where they were")
    void staleTapsChangeNothing() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            w.start("en", "Ana");
            b.get("/q/safety/saddle-numbness");
            String token = b.screen();
            assertEquals("/q/safety/bladder", Browser.location(b.post("/q/safety/saddle-numbness", "answer", "no")));
            // The second tap of a double tap: the same form again, now with "yes".
            HttpResponse<String> again = b.postRaw("/q/safety/saddle-numbness", "answer", "yes", "screen", token,
                    "csrf", b.csrf());
            assertEquals(303, again.statusCode());
            assertEquals("/q/safety/saddle-numbness", Browser.location(again), "back to the screen last shown");
            assertTrue(stored().isEmpty(), "the replayed 'yes' raised nothing");
            // The next screen is shown; a tap with the old token, none, or for another question changes nothing.
            b.get("/q/safety/bladder");
            assertEquals("/q/safety/bladder", Browser.location(b.postRaw("/q/safety/bladder", "answer", "yes",
                    "screen", token, "csrf", b.csrf())));
            assertEquals("/q/safety/bladder", Browser.location(b.postRaw("/q/safety/bladder", "answer", "yes",
                    "csrf", b.csrf())));
            assertEquals("/q/safety/bladder", Browser.location(b.postRaw("/q/safety/bowel", "answer", "yes",
                    "screen", b.screen(), "csrf", b.csrf())));
            assertEquals("/q/safety/bladder", Browser.location(b.postRaw("/q/cramps/rhythmic", "answer", "yes",
                    "screen", b.screen(), "csrf", b.csrf())), "a topic not in the visit");
            assertTrue(stored().isEmpty());
            assertTrue(b.get("/q/safety/saddle-numbness").body().contains("value=\"no\" class=\"tile\" aria-pressed=\"true\""),
                    "the first answer is still 'no'");

            // After the visit is sent, nothing more is taken.
            Walker rest = new Walker(b).topic("cramps", PatientFlowTest.calmCramps());
            assertEquals("/topics", rest.answerFrom("/q/safety/saddle-numbness"));
            rest.answerFrom(rest.choose("cramps"));
            rest.send();
            HttpResponse<String> late = b.postRaw("/q/safety/saddle-numbness", "answer", "yes", "screen", token,
                    "csrf", b.csrf());
            assertTrue(late.statusCode() == 303 || late.statusCode() == 403, "refused: " + late.statusCode());
            assertEquals(1, stored().size());
            assertFalse(stored().get(0).urgent());
        });
    }
}
