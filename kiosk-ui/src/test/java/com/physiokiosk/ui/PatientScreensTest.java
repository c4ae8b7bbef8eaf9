package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The patient's screens over HTTP, as a product: the welcome in every language, larger text from the
 * first screen, one progress for the visit, mistakes easy to undo, and the kiosk's own messages.
 */
@DisplayName("The patient's screens over HTTP: welcome, progress, undo, validation")
class PatientScreensTest {

    private static final Pattern PROGRESS = Pattern.compile("<progress max=\"100\" value=\"(\\d+)\"");
    private static final Pattern CURRENT_STEP = Pattern.compile("aria-current=\"step\">([^<]+)<");

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.start();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    @DisplayName("the welcome screen speaks every language offered, says how long it takes, and offers larger text")
    void theWelcomeScreenInEveryLanguage() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            String welcome = b.get("/").body();
            for (String text : List.of("Please answer a few short questions", "It takes about 5 minutes",
                    "see your answers: reception and your physiotherapist", "Start in English",
                    "Responda unas preguntas breves", "Le llevará unos 5 minutos",
                    "Sus respuestas solo las ve el personal", "Empezar en español")) {
                assertTrue(welcome.contains(PatientFlowTest.escapeHtml(text)), text);
            }
            assertTrue(welcome.contains("<section class=\"welcome-card\" lang=\"es\""), "marked as Spanish for a reader");
            assertTrue(welcome.contains("aria-pressed=\"false\""), "larger text offered, off");
            assertFalse(welcome.contains("/start-again"), "no visit yet: nothing to start again");

            String large = b.get("/?text=large").body();
            assertTrue(large.contains("class=\"kiosk large-text\""), "the text is larger at once");
            assertTrue(large.contains("aria-pressed=\"true\""), "and the toggle shows it is on");
            assertTrue(large.contains("data-return-seconds=\"" + kiosk.app.config().idleTimeout().toSeconds() + "\""),
                    "left alone, the welcome screen goes back to normal text");
            assertTrue(large.contains("<input type=\"hidden\" name=\"text\" value=\"large\">"), "carried into the visit");

            assertEquals("/name", Browser.location(b.postRaw("/start", "lang", "es", "text", "large")));
            assertTrue(b.get("/name").body().contains("class=\"kiosk large-text\""), "the visit keeps larger text");
        });
    }

    @Test
    @DisplayName("one progress for the whole visit: named steps, a bar that never goes back, not on the first screens")
    void oneProgressForTheWholeVisit() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b).topic("cramps", PatientFlowTest.calmCramps());
            String next = w.start("en", "Ana");
            assertFalse(b.get("/name").body().contains("<progress"), "the name comes before the steps");
            List<Integer> bar = new ArrayList<>();
            List<String> steps = new ArrayList<>();
            for (int guard = 0; guard < 60 && next.startsWith("/q/"); guard++) {
                String page = b.get(next).body();
                bar.add(progress(page));
                steps.add(currentStep(page));
                List<String> answer = Walker.calm(page);
                if (next.startsWith("/q/cramps/")) {
                    answer = PatientFlowTest.calmCramps().getOrDefault(next.substring("/q/cramps/".length()), answer);
                }
                String[] fields = answer.stream().flatMap(v -> java.util.stream.Stream.of("answer", v))
                        .toArray(String[]::new);
                next = Browser.location(b.post(next, fields));
                if (next.equals("/topics")) {
                    String topics = b.get("/topics").body();
                    bar.add(progress(topics));
                    steps.add(currentStep(topics));
                    next = w.choose("cramps");
                }
            }
            assertEquals("/review", next);
            String review = b.get("/review").body();
            bar.add(progress(review));
            steps.add(currentStep(review));
            for (int i = 1; i < bar.size(); i++) {
                assertTrue(bar.get(i) >= bar.get(i - 1), "the bar never goes back: " + bar);
            }
            assertEquals(0, bar.get(0), "nothing done on the first screen");
            assertTrue(bar.get(bar.size() - 1) >= 80 && bar.get(bar.size() - 1) < 100, "the review: " + bar);
            assertEquals(List.of("Safety", "About you", "Your topic", "Check"), steps.stream().distinct().toList(),
                    "the four named steps, in order, each once");

            // Going back to an earlier question leaves the bar where it was.
            int atReview = bar.get(bar.size() - 1);
            assertEquals(atReview, progress(b.get("/q/safety/bladder").body()));
            assertEquals("Safety", currentStep(b.get("/q/safety/bladder").body()));
        });
    }

    @Test
    @DisplayName("'Start again' asks first; 'No' goes back to the same screen with every answer kept")
    void startAgainAsksFirst() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            w.answerUntil(w.start("en", "Ana"), "/q/safety/bladder");
            String question = b.get("/q/safety/bladder").body();
            assertTrue(question.contains("href=\"/start-again?back=%2Fq%2Fsafety%2Fbladder\""), "a link, not a reset");
            assertEquals(1, question.split("action=\"/reset\"", -1).length - 1,
                    "no form that resets at one tap: the idle reset's hidden form alone");
            assertTrue(question.contains("<form method=\"post\" action=\"/reset\" id=\"reset-form\" hx-boost=\"false\" hidden>"));

            HttpResponse<String> ask = b.get("/start-again?back=%2Fq%2Fsafety%2Fbladder");
            assertEquals(200, ask.statusCode());
            assertTrue(ask.body().contains("Start again from the beginning?"));
            assertTrue(ask.body().contains("<form method=\"post\" action=\"/reset\" hx-boost=\"false\">"), "yes: the reset, asked for");
            assertTrue(ask.body().contains("href=\"/q/safety/bladder\""), "no: back to the question");
            assertEquals(200, b.get("/q/safety/bladder").statusCode(), "asking changed nothing");
            assertTrue(b.get("/q/safety/lead-in").statusCode() == 200);

            assertTrue(b.get("/start-again?back=//evil.example/").body().contains("href=\"/q/safety/bladder\""),
                    "a foreign address is not followed: back to where the visit is");

            assertEquals("/", Browser.location(b.post("/reset")));
            assertEquals("/", Browser.location(b.get("/start-again?back=/review")), "no visit: the welcome screen");
        });
    }

    @Test
    @DisplayName("'Back' from a question opened with 'Change' returns to the review; 'Back' on the topic list too")
    void backReturnsWhereThePatientCameFrom() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b).topic("cramps", PatientFlowTest.calmCramps());
            assertEquals("/topics", w.answerFrom(w.start("en", "Ana")));
            assertTrue(b.get("/topics").body().contains("href=\"/q/about/fact.pain-areas\""),
                    "back from the topic list: the last About you question, the pain drawing");
            assertEquals("/review", w.answerFrom(w.choose("cramps")));
            assertTrue(b.get("/topics").body().contains("class=\"button secondary back\" href=\"/review\""),
                    "adding a topic from the review: back to the review");

            String changing = b.get("/q/safety/bladder?from=review").body();
            assertTrue(changing.contains("class=\"button secondary back\" href=\"/review\""), "back to the review");
            assertTrue(changing.contains("name=\"returnTo\" value=\"/q/safety/bladder?from=review\""),
                    "switching language or text size keeps the way back");
            String inOrder = b.get("/q/safety/bladder").body();
            assertTrue(inOrder.contains("class=\"button secondary back\" href=\"/q/safety/saddle-numbness\""));
            assertEquals("/review", Browser.location(b.post("/q/safety/bladder?from=review", "answer", "no",
                    "from", "review")), "the changed answer goes back to the review");
        });
    }

    @Test
    @DisplayName("a number out of range: the kiosk's own message in the patient's language, next to the field")
    void theKiosksOwnValidationMessages() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b).answer("about/fact.maternity", "pregnant");
            w.answerUntil(w.start("es", "Ana"), "/q/about/fact.pregnancy-weeks");
            String page = b.get("/q/about/fact.pregnancy-weeks").body();
            assertTrue(page.contains("novalidate"), "no browser tooltip in the browser's language");
            assertTrue(page.contains("data-keyboard=\"number\""), "the kiosk's keypad");
            assertFalse(page.contains("class=\"text number\""), "not styled as the check-in number");

            HttpResponse<String> wrong = b.post("/q/about/fact.pregnancy-weeks", "answer", "99");
            assertEquals(400, wrong.statusCode());
            assertTrue(wrong.body().contains("id=\"answer-error\">Escriba un número entero del 1 al 42.<"),
                    wrong.body());
            assertTrue(wrong.body().contains("aria-describedby=\"answer-error answer-hint\""), "read with the field");
            assertTrue(wrong.body().contains("aria-invalid=\"true\""));

            w.answerUntil("/q/about/fact.pregnancy-weeks", "/q/about/fact.peg-pain");
            HttpResponse<String> none = b.post("/q/about/fact.peg-pain");
            assertEquals(400, none.statusCode());
            assertTrue(none.body().contains("Elija una respuesta para continuar."));
        });
    }

    @Test
    @DisplayName("the safety screen opens with a lead-in: some questions are personal, and why everyone is asked")
    void aLeadInBeforeTheSensitiveQuestions() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            assertEquals("/q/safety/lead-in", w.start("en", "Ana"));
            String leadIn = b.get("/q/safety/lead-in").body();
            assertTrue(leadIn.contains("Some of the next questions are personal"));
            assertTrue(leadIn.contains("We ask everyone"));
            assertTrue(leadIn.contains("class=\"button secondary back\" href=\"/name\""));
            assertEquals("/q/safety/saddle-numbness", Browser.location(b.post("/q/safety/lead-in")));
            assertEquals("/q/safety/saddle-numbness", Browser.location(b.get("/topics")),
                    "once read, the visit goes on from the first question");
        });
    }

    @Test
    @DisplayName("no patient page carries an inline style or script (the CSP forbids them), every page has the bar")
    void noInlineStyleOnAnyPatientPage() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            List<String> pages = new ArrayList<>();
            pages.add(b.get("/").body());
            Walker w = new Walker(b).topic("cramps", PatientFlowTest.calmCramps()).answer("about/fact.maternity", "pregnant");
            String next = w.start("en", "Ana");
            pages.add(b.get("/name").body());
            for (int guard = 0; guard < 60 && next.startsWith("/q/"); guard++) {
                String page = b.get(next).body();
                pages.add(page);
                List<String> answer = next.startsWith("/q/cramps/")
                        ? PatientFlowTest.calmCramps().getOrDefault(next.substring("/q/cramps/".length()), Walker.calm(page))
                        : next.endsWith("fact.maternity") ? List.of("pregnant") : Walker.calm(page);
                next = Browser.location(b.post(next, answer.stream()
                        .flatMap(v -> java.util.stream.Stream.of("answer", v)).toArray(String[]::new)));
                if (next.equals("/topics")) {
                    pages.add(b.get("/topics").body());
                    next = w.choose("cramps");
                }
            }
            pages.add(b.get("/review").body());
            pages.add(b.get("/start-again?back=/review").body());
            pages.add(w.send().body());
            for (String page : pages) {
                assertFalse(page.contains(" style="), "an inline style: " + page);
                assertFalse(page.contains("<script>"), "an inline script: " + page);
                assertTrue(page.contains("<footer class=\"action-bar\">"), "the bottom bar: " + page);
                assertTrue(page.contains("class=\"site-header\""), "the clinic's header: " + page);
            }
        });
    }

    private static int progress(String page) {
        Matcher m = PROGRESS.matcher(page);
        assertTrue(m.find(), "a progress bar: " + page);
        return Integer.parseInt(m.group(1));
    }

    private static String currentStep(String page) {
        Matcher m = CURRENT_STEP.matcher(page);
        assertTrue(m.find(), "a current step: " + page);
        return m.group(1);
    }
}
