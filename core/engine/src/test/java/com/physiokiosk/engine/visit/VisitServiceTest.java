package com.physiokiosk.engine.visit;

import com.physiokiosk.engine.storage.OnBothDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.CheckInService;
import com.physiokiosk.engine.checkin.CheckInStored;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.topic.TopicCatalog;
import com.physiokiosk.engine.topic.TopicValidator;
import com.physiokiosk.engine.safety.SafetyScreen;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The visit as scenarios: the patient's answers in, the next screen and what is stored out. Runs the
 * real safety screen and About you against a small topic of its own, on a real SQLite database.
 */
@DisplayName("The engine's visit: next screen, escalation, nothing lost")
class VisitServiceTest extends OnBothDatabases {

    private static final Source SOURCE = Source.of("test");

    /** A small topic: an information screen, a choice, a CONSULT, an URGENT, advice with a medicine guard. */
    static LoadedTopic backache(String id) {
        List<Question> questions = List.of(
                Question.info("intro", "q.intro"),
                Question.singleChoice("kind", "q.kind", AnswerOption.of("ache", "q.kind.ache"),
                        AnswerOption.of("sharp", "q.kind.sharp")),
                Question.yesNo("one-leg", "q.one-leg"),
                Question.yesNo("worse", "q.worse"),
                Question.shortText("more", "q.more"));
        List<Rule> rules = List.of(
                Rule.of("worse-fast", Severity.URGENT, Condition.yes("worse"), null, "r.worse.clinician", SOURCE),
                Rule.of("one-leg", Severity.CONSULT, Condition.yes("one-leg"), "r.one-leg.patient",
                        "r.one-leg.clinician", SOURCE),
                Rule.of("move", Severity.ADVICE, Condition.answered("kind"), "r.move.patient", "r.move.clinician", SOURCE),
                Rule.of("ibuprofen", Severity.ADVICE,
                        Condition.all(Condition.answered("kind"), Condition.not(Facts.medicineCaution())),
                        "r.ibuprofen.patient", "r.ibuprofen.clinician", SOURCE),
                Rule.of("severe-ache", Severity.INFO, Facts.severePain(), null, "r.severe-ache.clinician", SOURCE));
        TopicInfo info = new TopicInfo(id, "title", "summary", null, 10);
        MessageBundle messages = MessageBundle.load("test topic", VisitServiceTest.class.getClassLoader(),
                "com/physiokiosk/engine/visit/backache");
        List<String> problems = TopicValidator.validate(info, questions, rules, messages, AboutYou.factQuestions());
        assertEquals(List.of(), problems, "the test topic is valid");
        return new LoadedTopic("test-" + id, "1.0.0", info, questions, rules, messages,
                VisitServiceTest.class.getClassLoader(), null);
    }

    /** A catalog of the host's sections and two topics, one of which the clinic can switch off. */
    static final class Catalog implements TopicCatalog {
        final LoadedTopic safety = SafetyScreen.load();
        final LoadedTopic about = AboutYou.load();
        final Map<String, LoadedTopic> offered = new LinkedHashMap<>();

        Catalog() {
            offered.put("backache", backache("backache"));
            offered.put("stiffness", backache("stiffness"));
        }

        @Override
        public LoadedTopic safety() {
            return safety;
        }

        @Override
        public LoadedTopic about() {
            return about;
        }

        @Override
        public Optional<LoadedTopic> find(String topicId) {
            return Optional.ofNullable(offered.get(topicId));
        }

        @Override
        public List<LoadedTopic> topics() {
            return List.copyOf(offered.values());
        }
    }

    @TempDir
    Path dir;

    private Database db;
    private CheckInRepository repository;
    private Catalog catalog;
    private VisitService visits;
    private final List<CheckInStored> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        db = openDatabase(dir);
        repository = new CheckInRepository(db);
        catalog = new Catalog();
        CheckInService checkIns = new CheckInService(repository, Clock.systemDefaultZone(), () -> "en",
                new com.physiokiosk.engine.fhir.QuestionnaireArchive(db, new com.fasterxml.jackson.databind.ObjectMapper(),
                        Clock.systemDefaultZone(), "https://clinic.example.org/fhir"));
        checkIns.addListener(events::add);
        visits = new VisitService(catalog, checkIns);
    }

    @AfterEach
    void close() {
        if (db != null) { // not opened when the PostgreSQL half is skipped
            db.close();
        }
    }

    // ---- a patient driving the visit as the web layer does -------------------------------------------

    /** The calm answer to any question: "no", "none of these", the first option, a low score. */
    private static List<String> calm(Question q) {
        if (q.type() == QuestionType.YES_NO) {
            return List.of("no");
        }
        if (q.type() == QuestionType.SCALE_0_10) {
            return List.of("3");
        }
        if (q.type() == QuestionType.NUMBER) {
            return List.of(Integer.toString(q.min()));
        }
        if (q.type().hasOptions()) {
            return List.of(q.options().stream().filter(AnswerOption::exclusive).findFirst()
                    .orElse(q.options().get(0)).code());
        }
        return List.of();
    }

    /** Shows the screen {@code step} names and answers it; returns the step after. */
    private Step answerAt(Visit v, Step step, List<String> answer) {
        Step.Ask ask = assertInstanceOf(Step.Ask.class, step, "expected a question");
        VisitService.Screen screen = assertInstanceOf(VisitService.Screen.class,
                visits.show(v, ask.section(), ask.linkId()));
        VisitService.Moved moved = assertInstanceOf(VisitService.Moved.class,
                visits.answer(v, ask.section(), ask.linkId(), screen.screen().token(), answer, false));
        return moved.next();
    }

    /**
     * Answers every question the visit asks, in order, until it asks for something other than a question;
     * {@code given} by "section/linkId", the rest calm.
     */
    private Step walk(Visit v, Map<String, List<String>> given) {
        Step step = visits.next(v);
        while (step instanceof Step.Ask ask) {
            Question q = section(ask.section()).question(ask.linkId()).orElseThrow();
            List<String> answer = given.getOrDefault(ask.section() + "/" + ask.linkId(), calm(q));
            step = answerAt(v, step, answer);
        }
        return step;
    }

    private LoadedTopic section(String id) {
        return id.equals(SafetyScreen.ID) ? catalog.safety : id.equals(AboutYou.ID) ? catalog.about
                : catalog.offered.get(id);
    }

    private Visit started() {
        Visit v = visits.start("en", true);
        assertEquals(Step.NAME, visits.next(v));
        assertEquals(new Step.Ask("safety", SafetyScreen.LEAD_IN), visits.setName(v, "Ana").orElseThrow(),
                "the safety screen opens with its lead-in");
        return v;
    }

    private Step choose(Visit v, String topic) {
        return assertInstanceOf(VisitService.Moved.class, visits.chooseTopic(v, topic, false)).next();
    }

    private static Map<String, List<String>> answers(String... entries) {
        Map<String, List<String>> out = new HashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            out.put(e.substring(0, eq), List.of(e.substring(eq + 1).split(",")));
        }
        return out;
    }

    private List<CheckIn> stored() {
        return repository.idsForDay(LocalDate.now()).stream().map(id -> repository.find(id).orElseThrow()).toList();
    }

    private static List<String> ruleIds(CheckIn c) {
        return c.findings().stream().map(StoredFinding::ruleId).toList();
    }

    // ---- scenarios ------------------------------------------------------------------------------------

    @Test
    @DisplayName("a calm visit: safety, About you, a topic, review; nothing stored until it is sent")
    void aCalmVisitIsStoredOnlyWhenSent() {
        Visit v = started();
        assertEquals(Step.TOPICS, walk(v, Map.of()), "after the safety screen and About you, the topic choice");
        assertEquals(new Step.Ask("backache", "intro"), choose(v, "backache"));
        assertEquals(Step.REVIEW, walk(v, answers("backache/one-leg=yes")));
        assertTrue(stored().isEmpty(), "a visit with nothing urgent is not stored before it is sent");

        VisitService.Result result = visits.submit(v).orElseThrow();
        assertFalse(result.urgent());
        assertEquals(List.of("Keep moving gently (en).", "An anti-inflammatory may help (en)."), result.advice());
        assertEquals(List.of("Mention the leg (en)."), result.notes());
        CheckIn c = stored().get(0);
        assertTrue(c.finished());
        assertFalse(c.urgent());
        assertEquals(List.of("safety", "about", "backache"), c.topics().stream().map(TopicResponse::topicId).toList());
        assertEquals(1, events.size());
        assertFalse(events.get(0).alert());
        assertEquals(Step.DONE, visits.next(v));
    }

    @Test
    @DisplayName("the safety screen opens with a lead-in saying some questions are personal, then asks the flags")
    void theSafetyScreenOpensWithItsLeadIn() {
        Visit v = started();
        VisitService.Screen leadIn = assertInstanceOf(VisitService.Screen.class,
                visits.show(v, "safety", SafetyScreen.LEAD_IN));
        assertEquals(QuestionType.INFO, leadIn.screen().question().type());
        assertEquals(Step.NAME, leadIn.screen().back(), "back from the lead-in: the name");
        assertEquals(new Step.Ask("safety", SafetyScreen.FLAGS.get(0)),
                answerAt(v, new Step.Ask("safety", SafetyScreen.LEAD_IN), List.of()));
        assertEquals(new Step.Ask("safety", SafetyScreen.FLAGS.get(0)), visits.next(v),
                "once seen, the visit resumes at the first flag, not the lead-in");
        VisitService.Screen first = assertInstanceOf(VisitService.Screen.class,
                visits.show(v, "safety", SafetyScreen.FLAGS.get(0)));
        assertEquals(new Step.Ask("safety", SafetyScreen.LEAD_IN), first.screen().back());
    }

    @Test
    @DisplayName("one progress for the whole visit: the named steps in order, and a bar that never goes back")
    void progressNeverGoesBackOrRestarts() {
        Visit v = started();
        List<VisitService.Progress> shown = new ArrayList<>();
        Step step = visits.next(v);
        Map<String, List<String>> given = answers("about/fact.maternity=pregnant");
        while (step instanceof Step.Ask || step instanceof Step.Topics) {
            shown.add(visits.progress(v, step));
            if (step instanceof Step.Topics) {
                step = choose(v, "backache");
                continue;
            }
            Step.Ask ask = (Step.Ask) step;
            Question q = section(ask.section()).question(ask.linkId()).orElseThrow();
            if (ask.linkId().equals(Facts.PEG_PAIN)) {
                // Back to the question before: the bar stays where it was.
                double before = shown.get(shown.size() - 1).done();
                VisitService.Screen previous = assertInstanceOf(VisitService.Screen.class,
                        visits.show(v, ask.section(), Facts.PREGNANCY_WEEKS));
                assertEquals(before, visits.progress(v, new Step.Ask(ask.section(), Facts.PREGNANCY_WEEKS)).done());
                assertNotNull(previous);
            }
            step = answerAt(v, step, given.getOrDefault(ask.section() + "/" + ask.linkId(), calm(q)));
        }
        assertEquals(Step.REVIEW, step);
        shown.add(visits.progress(v, Step.REVIEW));
        for (int i = 1; i < shown.size(); i++) {
            assertTrue(shown.get(i).done() >= shown.get(i - 1).done(), "never backwards: " + shown);
            assertTrue(shown.get(i).stage().compareTo(shown.get(i - 1).stage()) >= 0, "steps in order: " + shown);
        }
        assertEquals(0.0, shown.get(0).done(), "nothing done at the lead-in");
        assertEquals(VisitService.Stage.SAFETY, shown.get(0).stage());
        assertEquals(List.of(VisitService.Stage.values()),
                shown.stream().map(VisitService.Progress::stage).distinct().toList(), "every named step, once each");
        VisitService.Progress atTopics = shown.stream().filter(p -> p.stage() == VisitService.Stage.TOPIC)
                .findFirst().orElseThrow();
        assertEquals(0.5, atTopics.done(), "the topic list is half-way");
        assertTrue(shown.get(shown.size() - 1).done() > 0.75 && shown.get(shown.size() - 1).done() < 1,
                "the review: most of the bar, not all of it");

        // Adding a topic from the review: the step is the topic again, the bar stays at the review's.
        double atReview = shown.get(shown.size() - 1).done();
        Step added = choose(v, "stiffness");
        VisitService.Progress again = visits.progress(v, added);
        assertEquals(VisitService.Stage.TOPIC, again.stage());
        assertEquals(atReview, again.done());
        walk(v, Map.of());
        visits.submit(v).orElseThrow();
        assertEquals(1.0, visits.progress(v, Step.DONE).done());
    }

    @Test
    @DisplayName("'Back' from a question opened with 'Change' on the review returns to the review")
    void backFromAChangeReturnsToTheReview() {
        Visit v = started();
        walk(v, Map.of());
        choose(v, "backache");
        assertEquals(Step.REVIEW, walk(v, Map.of()));
        VisitService.Screen changing = assertInstanceOf(VisitService.Screen.class,
                visits.show(v, "about", Facts.PAIN_NOW, true));
        assertEquals(Step.REVIEW, changing.screen().back());
        VisitService.Screen inOrder = assertInstanceOf(VisitService.Screen.class,
                visits.show(v, "about", Facts.PAIN_NOW, false));
        assertEquals(new Step.Ask("about", Facts.PEG_ACTIVITY), inOrder.screen().back(), "otherwise the question before");
    }

    @Test
    @DisplayName("'Back' on the topic list: the last About you question, or the review when adding a topic")
    void backFromTheTopicList() {
        Visit v = started();
        assertEquals(Step.TOPICS, walk(v, Map.of()));
        assertEquals(new Step.Ask("about", Facts.PAIN_AREAS), visits.topicsBack(v), "the pain drawing, asked last");
        choose(v, "backache");
        assertEquals(new Step.Ask("backache", "intro"), visits.topicsBack(v), "the topic in hand, where it is");
        assertEquals(Step.REVIEW, walk(v, Map.of()));
        assertEquals(Step.REVIEW, visits.topicsBack(v));
    }

    @Test
    @DisplayName("a 'yes' to a safety question is stored as urgent and staff alerted before the next screen")
    void anUrgentSafetyAnswerIsStoredAtOnce() {
        Visit v = started();
        Step next = walk(v, answers("safety/bladder=yes"));
        assertEquals(Step.URGENT, next, "the urgent screen comes next, not the next safety question");
        List<CheckIn> now = stored();
        assertEquals(1, now.size(), "stored the moment it was answered");
        CheckIn c = now.get(0);
        assertTrue(c.urgent());
        assertFalse(c.finished());
        assertEquals(List.of("bladder"), ruleIds(c));
        assertEquals("Ana", c.displayName());
        assertEquals(1, events.size());
        assertTrue(events.get(0).alert(), "staff alerted");
        VisitService.Result urgent = visits.urgentResult(v).orElseThrow();
        assertEquals(c.number(), urgent.number());
        assertTrue(urgent.advice().isEmpty());

        // The patient carries on while waiting: later answers go to the same check-in, with no new alert.
        assertEquals(new Step.Ask("safety", "bowel"), visits.carryOn(v));
        assertEquals(Step.TOPICS, walk(v, Map.of()));
        assertEquals(1, stored().size());
        CheckIn later = stored().get(0);
        assertEquals(c.number(), later.number());
        assertTrue(later.topics().stream().anyMatch(t -> t.topicId().equals("about") && !t.answers().isEmpty()),
                "the facts answered after the urgent screen are in the same check-in");
        assertTrue(events.stream().skip(1).noneMatch(CheckInStored::alert), "no second alert for the same finding");

        // Walking away now leaves it with staff, urgent and not finished.
        assertTrue(stored().get(0).urgent());
        assertFalse(stored().get(0).finished());
    }

    @Test
    @DisplayName("an urgent visit sent to the end shows no advice; the advice is kept for staff")
    void anUrgentVisitShowsNoAdvice() {
        Visit v = started();
        assertEquals(Step.URGENT, walk(v, answers("safety/fever=yes")));
        visits.carryOn(v);
        assertEquals(Step.TOPICS, walk(v, Map.of()));
        choose(v, "backache");
        assertEquals(Step.REVIEW, walk(v, Map.of()));
        VisitService.Result result = visits.submit(v).orElseThrow();
        assertTrue(result.urgent());
        assertTrue(result.advice().isEmpty() && result.notes().isEmpty(), "no advice, no reassurance");
        assertEquals(1, stored().size(), "the same check-in, finished");
        CheckIn c = stored().get(0);
        assertTrue(c.finished());
        assertTrue(ruleIds(c).containsAll(List.of("fever", "move", "ibuprofen")), "advice kept for staff: " + ruleIds(c));
    }

    @Test
    @DisplayName("a minor fall becomes urgent the moment the age answer shows the patient is over 50")
    void aRuleAcrossSectionsFiresWhenItsLastFactArrives() {
        Visit v = started();
        Step next = walk(v, answers("safety/minor-fall=yes", "safety/thin-bones=no", "about/fact.age-band=20-49"));
        assertEquals(Step.TOPICS, next, "a minor fall at 20-49 with strong bones is not a red flag");
        assertTrue(stored().isEmpty());

        Visit older = started();
        assertEquals(Step.URGENT, walk(older, answers("safety/minor-fall=yes", "safety/thin-bones=no",
                "about/fact.age-band=65-plus")));
        assertEquals(List.of("minor-fall"), ruleIds(stored().get(0)).stream().filter(id -> id.equals("minor-fall")).toList());
        assertEquals(new Step.Ask("about", Facts.FIRST_EPISODE), visits.carryOn(older));
    }

    @Test
    @DisplayName("a topic's own urgent rule escalates too, and the topic's facts are the host's")
    void aTopicRuleEscalates() {
        Visit v = started();
        walk(v, answers("about/fact.maternity=breastfeeding", "about/fact.pain-now=9"));
        choose(v, "backache");
        assertEquals(Step.URGENT, walk(v, answers("backache/worse=yes")));
        CheckIn c = stored().get(0);
        assertTrue(ruleIds(c).contains("worse-fast"));
        assertTrue(ruleIds(c).contains("severe-ache"), "the topic read the host's pain fact");
        assertFalse(ruleIds(c).contains("ibuprofen"), "no anti-inflammatory while breastfeeding");
        assertTrue(ruleIds(c).contains("severe-pain"), "the host's own severe-pain rule");
    }

    @Test
    @DisplayName("an answer for a screen no longer shown changes nothing")
    void staleAnswersChangeNothing() {
        Visit v = started();
        VisitService.Screen first = assertInstanceOf(VisitService.Screen.class,
                visits.show(v, "safety", "saddle-numbness"));
        String token = first.screen().token();
        assertEquals(new Step.Ask("safety", "bladder"), assertInstanceOf(VisitService.Moved.class,
                visits.answer(v, "safety", "saddle-numbness", token, List.of("no"), false)).next());

        // The second tap of a double tap: the same form again.
        VisitService.Redirect again = assertInstanceOf(VisitService.Redirect.class,
                visits.answer(v, "safety", "saddle-numbness", token, List.of("yes"), false));
        assertEquals(new Step.Ask("safety", "saddle-numbness"), again.step(),
                "back to the screen last shown; the answer stays 'no'");
        assertTrue(stored().isEmpty(), "the replayed 'yes' raised nothing");

        // The next question is shown; a tap carrying the old screen's token, or none, or another question's.
        VisitService.Screen second = assertInstanceOf(VisitService.Screen.class, visits.show(v, "safety", "bladder"));
        assertInstanceOf(VisitService.Redirect.class, visits.answer(v, "safety", "bladder", token, List.of("no"), false));
        assertInstanceOf(VisitService.Redirect.class, visits.answer(v, "safety", "bladder", null, List.of("no"), false));
        assertInstanceOf(VisitService.Redirect.class,
                visits.answer(v, "safety", "bowel", second.screen().token(), List.of("no"), false));
        assertEquals(new Step.Ask("safety", "bladder"), visits.next(v), "still waiting for the bladder answer");

        // A question ahead of where the patient is, a topic not chosen, one that does not exist.
        assertEquals(new VisitService.Redirect(new Step.Ask("safety", "bladder")), visits.show(v, "safety", "fever"));
        assertEquals(new VisitService.Redirect(new Step.Ask("safety", "bladder")), visits.show(v, "backache", "kind"));
        assertInstanceOf(VisitService.NotAvailable.class, visits.show(v, "no-such-topic", "kind"));
        assertInstanceOf(VisitService.NotAvailable.class, visits.show(v, "safety", "no-such-question"));

        // An invalid answer is refused on the same screen, which stays answerable.
        VisitService.Invalid invalid = assertInstanceOf(VisitService.Invalid.class,
                visits.answer(v, "safety", "bladder", second.screen().token(), List.of("perhaps"), false));
        assertEquals("error.choose-one", invalid.errorKey());
        assertInstanceOf(VisitService.Moved.class, visits.answer(v, "safety", "bladder", invalid.screen().token(),
                List.of("no"), false));

        // The same screen shown twice (a reload, a second tab): only the latest showing's form is taken.
        Step.Ask next = assertInstanceOf(Step.Ask.class, visits.next(v));
        VisitService.Screen once = assertInstanceOf(VisitService.Screen.class, visits.show(v, next.section(), next.linkId()));
        VisitService.Screen twice = assertInstanceOf(VisitService.Screen.class, visits.show(v, next.section(), next.linkId()));
        assertNotEquals(once.screen().token(), twice.screen().token(), "each showing its own token");
        assertInstanceOf(VisitService.Redirect.class,
                visits.answer(v, next.section(), next.linkId(), once.screen().token(), List.of("no"), false));
        assertInstanceOf(VisitService.Moved.class,
                visits.answer(v, next.section(), next.linkId(), twice.screen().token(), List.of("no"), false));
    }

    @Test
    @DisplayName("two taps arriving together for one screen: exactly one is taken")
    void concurrentTapsForOneScreen() throws Exception {
        Visit v = started();
        VisitService.Screen screen = assertInstanceOf(VisitService.Screen.class,
                visits.show(v, "safety", "saddle-numbness"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<VisitService.Answered>> taps = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String answer = i % 2 == 0 ? "no" : "yes";
                taps.add(pool.submit(() -> {
                    go.await();
                    return visits.answer(v, "safety", "saddle-numbness", screen.screen().token(), List.of(answer), false);
                }));
            }
            go.countDown();
            int moved = 0;
            for (Future<VisitService.Answered> tap : taps) {
                if (tap.get() instanceof VisitService.Moved) {
                    moved++;
                }
            }
            assertEquals(1, moved, "one tap answers the screen, the others are stale");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("leaving a topic half-way asks first and keeps its answers; a second topic is added")
    void severalTopicsAndLeavingOne() {
        Visit v = started();
        walk(v, Map.of());
        assertEquals(new Step.Ask("backache", "intro"), choose(v, "backache"));
        Step next = answerAt(v, new Step.Ask("backache", "intro"), List.of());
        assertEquals(new Step.Ask("backache", "kind"), next);
        next = answerAt(v, next, List.of("sharp"));
        assertEquals(new Step.Ask("backache", "worse"), answerAt(v, next, List.of("yes")));

        VisitService.ConfirmLeave ask = assertInstanceOf(VisitService.ConfirmLeave.class,
                visits.chooseTopic(v, "stiffness", false));
        assertEquals("backache", ask.leaving().id());
        assertEquals(new Step.Ask("backache", "worse"), visits.next(v), "nothing changed before the patient confirms");

        VisitService.Moved moved = assertInstanceOf(VisitService.Moved.class, visits.chooseTopic(v, "stiffness", true));
        assertEquals(new Step.Ask("stiffness", "intro"), moved.next());
        assertEquals(Step.REVIEW, walk(v, Map.of()));
        List<VisitService.ReviewSection> review = visits.review(v, "en").orElseThrow();
        assertEquals(List.of("safety", "about", "backache", "stiffness"),
                review.stream().map(VisitService.ReviewSection::section).toList());
        assertTrue(review.get(2).left());

        visits.submit(v).orElseThrow();
        CheckIn c = stored().get(0);
        TopicResponse left = c.topics().get(2);
        assertEquals("backache", left.topicId());
        assertFalse(left.finished());
        assertEquals(List.of("kind", "one-leg"), left.answers().stream().map(a -> a.linkId()).toList());
        assertEquals(List.of("one-leg"), left.findings().stream().map(StoredFinding::ruleId).toList(),
                "the finding of the left topic is kept; its advice, resting on unanswered questions, is not");
        assertTrue(c.topics().get(3).finished());
    }

    @Test
    @DisplayName("a topic the clinic switches off mid-visit is left with its answers, and the patient told")
    void aTopicSwitchedOffMidVisit() {
        Visit v = started();
        walk(v, Map.of());
        choose(v, "backache");
        Step next = answerAt(v, new Step.Ask("backache", "intro"), List.of());
        answerAt(v, next, List.of("ache"));
        catalog.offered.remove("backache");
        assertEquals(new VisitService.Redirect(Step.TOPICS), visits.show(v, "backache", "one-leg"));
        assertEquals(Optional.of("topics.withdrawn"), visits.takeNotice(v));
        assertEquals(new Step.Ask("stiffness", "intro"), choose(v, "stiffness"));
        assertEquals(Step.REVIEW, walk(v, Map.of()));
        visits.submit(v).orElseThrow();
        TopicResponse kept = stored().get(0).topics().get(2);
        assertEquals("backache", kept.topicId());
        assertEquals(List.of("kind"), kept.answers().stream().map(a -> a.linkId()).toList());
    }

    @Test
    @DisplayName("an urgent answer changed afterwards stays with staff, marked as changed")
    void aChangedUrgentAnswerIsKept() {
        Visit v = started();
        assertEquals(Step.URGENT, walk(v, answers("safety/saddle-numbness=yes")));
        visits.carryOn(v);
        VisitService.Screen again = assertInstanceOf(VisitService.Screen.class,
                visits.show(v, "safety", "saddle-numbness"));
        visits.answer(v, "safety", "saddle-numbness", again.screen().token(), List.of("no"), false);
        CheckIn c = stored().get(0);
        assertTrue(c.urgent(), "once urgent, the check-in stays urgent");
        StoredFinding f = c.findings().stream().filter(x -> x.ruleId().equals("saddle-numbness")).findFirst().orElseThrow();
        assertEquals(Severity.URGENT, f.severity());
        assertTrue(f.clinicianText().contains("later changed this answer"), f.clinicianText());
        assertTrue(f.withdrawn(), "stored as withdrawn, not only said in words");
    }

    @Test
    @DisplayName("storage failing during an urgent answer: the patient is still sent to reception")
    void storageFailureStillSendsThePatientToReception() {
        Visit v = started();
        db.close();
        assertEquals(Step.URGENT, walk(v, answers("safety/saddle-numbness=yes")));
        VisitService.Result urgent = visits.urgentResult(v).orElseThrow();
        assertEquals(0, urgent.number(), "no number to show, but still the urgent screen");
        assertTrue(urgent.urgent());
    }

    @Test
    @DisplayName("nothing changes after the visit is sent")
    void nothingChangesAfterSending() {
        Visit v = started();
        walk(v, Map.of());
        choose(v, "backache");
        walk(v, Map.of());
        visits.submit(v).orElseThrow();
        assertEquals(new VisitService.Redirect(Step.DONE), visits.show(v, "safety", "saddle-numbness"));
        assertEquals(new VisitService.Redirect(Step.DONE),
                visits.answer(v, "safety", "saddle-numbness", "x", List.of("yes"), false));
        assertTrue(visits.submit(v).isEmpty());
        assertEquals(1, stored().size());
        assertNotNull(stored().get(0).updatedAt());
        assertNull(stored().get(0).reviewedAt());
    }
}
