package com.physiokiosk.engine.visit;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.checkin.CheckInService;
import com.physiokiosk.engine.checkin.SectionAnswers;
import com.physiokiosk.engine.flow.AnswerParser;
import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.Finding;
import com.physiokiosk.engine.flow.QuestionnaireFlow;
import com.physiokiosk.engine.flow.RuleEvaluator;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.storage.StorageException;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.topic.TopicCatalog;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's visit: what comes next, what is complete, and what each answer triggers. The web layer
 * shows what this says and posts the patient's taps back; every method takes the visit's lock, so
 * taps that arrive together are applied one after the other.
 *
 * <p>A visit goes: name (if the clinic asks it), the safety screen, "About you" (the shared facts),
 * one or more topics, review, send. Every answer is checked against the screen it was given on: an
 * answer for a question that is no longer on screen changes nothing.
 *
 * <p>The severity policy lives here, once. The moment an answer raises an URGENT finding (in the
 * safety screen, the facts or any topic), the visit so far is stored as an urgent check-in and staff
 * are alerted, before the next screen is shown; the patient is asked to speak to reception now and
 * may carry on answering, each later answer updating the same check-in. An urgent visit shows the
 * patient no advice and no reassurance; the advice is kept for staff. A visit with nothing urgent
 * is stored when it is sent, and forgotten if the patient walks away.
 */
public final class VisitService {

    private static final Logger log = LoggerFactory.getLogger(VisitService.class);
    private static final MessageBundle TEXTS = MessageBundle.load("the kiosk", VisitService.class.getClassLoader(),
            "com/physiokiosk/engine/visit/messages");

    /** Longest name a patient may give. */
    public static final int MAX_NAME_LENGTH = 40;
    private static final HexFormat TOKEN_DIGITS = HexFormat.of();
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}' .-]{1," + MAX_NAME_LENGTH + "}");

    private final TopicCatalog catalog;
    private final CheckInService checkIns;

    public VisitService(TopicCatalog catalog, CheckInService checkIns) {
        this.catalog = catalog;
        this.checkIns = checkIns;
    }

    // ---- what the web layer gets back ---------------------------------------------------------------

    /**
     * A question as it is to be shown.
     *
     * @param topic    the section the question belongs to, for its texts, assets and templates
     * @param question the question
     * @param answer   the patient's answer so far, empty when none
     * @param back     where "Back" goes
     * @param token    the screen's token: the answer must carry it
     */
    public record QuestionScreen(LoadedTopic topic, Question question, List<String> answer, Step back, String token) {
    }

    /** What showing a question gives: the screen, or a step to go to instead, or "not available". */
    public sealed interface Shown {
    }

    /** Show this screen. */
    public record Screen(QuestionScreen screen) implements Shown {
    }

    /** Go to this step instead; nothing changed. */
    public record Redirect(Step step) implements Shown, Answered, Chosen {
    }

    /** No such topic or question for this patient (404). */
    public record NotAvailable() implements Shown, Chosen {
    }

    /** What an answer gives. */
    public sealed interface Answered {
    }

    /** Taken; go on to {@code next}. */
    public record Moved(Step next) implements Answered, Chosen {
    }

    /** Not a valid answer: show the question again with the reason (a host message key and its arguments). */
    public record Invalid(QuestionScreen screen, String errorKey, List<Object> errorArgs) implements Answered {
    }

    /** What choosing a topic gives. */
    public sealed interface Chosen {
    }

    /** The patient is part-way through {@code leaving}: ask before leaving it for {@code chosen}. */
    public record ConfirmLeave(LoadedTopic leaving, LoadedTopic chosen) implements Chosen {
    }

    /** The named steps of a visit, in order, as the progress indicator shows them. */
    public enum Stage {
        /** The safety screen. */
        SAFETY,
        /** The shared facts. */
        ABOUT_YOU,
        /** The topic list and the topics chosen. */
        TOPIC,
        /** The review before sending. */
        CHECK
    }

    /**
     * How far the whole visit has come, for one progress indicator that never restarts between sections.
     *
     * @param stage the named step the screen belongs to
     * @param done  the share of the whole visit done, 0 to 1: each step is a quarter, filled by the questions
     *              before this one in its section; never less than any screen of this visit showed before
     *              (going back, or a section growing with a new question, leaves it where it was)
     */
    public record Progress(Stage stage, double done) {
    }

    /** One answer on the review screen. */
    public record ReviewItem(String section, String linkId, String question, String answer) {
    }

    /** One section on the review screen; {@code left} when the patient left the topic before its end. */
    public record ReviewSection(String section, String title, boolean left, List<ReviewItem> items) {
    }

    /**
     * What the patient is shown at the end, or on the urgent screen.
     *
     * @param number the check-in number, or 0 when the visit could not be stored
     * @param urgent whether to ask the patient to speak to reception now (then advice and notes are empty)
     * @param advice self-care advice, in the patient's language
     * @param notes  other texts for the patient ("please mention this to your physiotherapist")
     */
    public record Result(int number, boolean urgent, List<String> advice, List<String> notes) {
        public Result {
            advice = List.copyOf(advice);
            notes = List.copyOf(notes);
        }
    }

    // ---- the visit ----------------------------------------------------------------------------------------

    /** A new visit in {@code language}; {@code askName} when the clinic asks for a name to call. */
    public Visit start(String language, boolean askName) {
        Visit v = new Visit(language, askName);
        v.sections.put(catalog.safety().id(), new Visit.Section(catalog.safety()));
        v.sections.put(catalog.about().id(), new Visit.Section(catalog.about()));
        return v;
    }

    /** Where the patient should be now. */
    public Step next(Visit v) {
        synchronized (v) {
            return nextStep(v);
        }
    }

    /** The patient switches language; nothing else changes. */
    public void setLanguage(Visit v, String language) {
        synchronized (v) {
            v.language = language;
        }
    }

    /**
     * The name to be called by ({@code null} or blank for none).
     *
     * @return the next step, or empty when the name is not acceptable ({@link #MAX_NAME_LENGTH} letters at most)
     */
    public Optional<Step> setName(Visit v, String raw) {
        String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        synchronized (v) {
            if (v.ended) {
                return Optional.of(nextStep(v));
            }
            v.displayName = name.isEmpty() ? null : name;
            v.nameGiven = true;
            return Optional.of(nextStep(v));
        }
    }

    /** The one-time message for the next screen (a host message key), if any. */
    public Optional<String> takeNotice(Visit v) {
        synchronized (v) {
            String n = v.notice;
            v.notice = null;
            return Optional.ofNullable(n);
        }
    }

    /** Shows question {@code linkId} of {@code sectionId}, if the patient may be there now. */
    public Shown show(Visit v, String sectionId, String linkId) {
        return show(v, sectionId, linkId, false);
    }

    /**
     * Shows question {@code linkId} of {@code sectionId}, if the patient may be there now;
     * {@code fromReview} when it was opened with "Change" on the review: "Back" then returns to the
     * review (when the visit is complete enough to show it).
     */
    public Shown show(Visit v, String sectionId, String linkId, boolean fromReview) {
        synchronized (v) {
            if (v.ended) {
                return new Redirect(Step.DONE);
            }
            Visit.Section section = v.sections.get(sectionId);
            if (section == null) {
                return catalog.find(sectionId).isPresent() ? new Redirect(nextStep(v)) : new NotAvailable();
            }
            if (isWithdrawn(v, sectionId)) {
                return new Redirect(nextStep(v));
            }
            Optional<Question> q = section.topic.question(linkId);
            if (q.isEmpty()) {
                return new NotAvailable();
            }
            if (!mayBeAt(v, sectionId, linkId)) {
                return new Redirect(nextStep(v));
            }
            if (isTopic(v, sectionId)) {
                // Opening a topic's question (a "change" from the review, say) makes it the topic in hand.
                section.left = false;
                v.current = sectionId;
            }
            return new Screen(screen(v, section, q.get(), fromReview));
        }
    }

    /**
     * The patient answers {@code linkId} of {@code sectionId} with {@code raw} on the screen whose token
     * was {@code token}. An answer for a screen no longer shown (a second tap, an old tab, a replayed
     * form) changes nothing and puts the patient back where they are.
     *
     * @param fromReview the question was opened from the review: go back there once the visit is complete
     * @throws StorageException never for an urgent finding (the patient is still sent to reception); only
     *                          as {@link #submit} does
     */
    public Answered answer(Visit v, String sectionId, String linkId, String token, List<String> raw,
                           boolean fromReview) {
        synchronized (v) {
            if (v.ended) {
                return new Redirect(Step.DONE);
            }
            if (token == null || !token.equals(v.shownToken) || !sectionId.equals(v.shownSection)
                    || !linkId.equals(v.shownLinkId)) {
                return new Redirect(whereShown(v));
            }
            if (isWithdrawn(v, sectionId)) {
                return new Redirect(nextStep(v));
            }
            Visit.Section section = v.sections.get(sectionId);
            Question q = section.topic.question(linkId).orElseThrow();
            AnswerParser.Result parsed = AnswerParser.parse(q, raw);
            if (!parsed.isValid()) {
                return new Invalid(screen(v, section, q, fromReview), parsed.errorKey(), parsed.errorArgs());
            }
            v.shownToken = null;
            v.answer(section, linkId, parsed.values());
            escalateIfUrgent(v);
            if (v.urgentScreenDue) {
                return new Moved(Step.URGENT);
            }
            Step next = nextStep(v);
            if (fromReview) {
                // A changed answer may bring in a question not seen yet: ask it, then back to the review.
                Optional<Question> fresh = unansweredAfter(v, section, linkId);
                if (fresh.isPresent()) {
                    return new Moved(new Step.Ask(sectionId, fresh.get().linkId()));
                }
                if (next instanceof Step.Review) {
                    return new Moved(next);
                }
            }
            Optional<Question> following = flow(v, section).next(linkId);
            if (following.isPresent() && mayBeAt(v, sectionId, following.get().linkId())) {
                return new Moved(new Step.Ask(sectionId, following.get().linkId()));
            }
            return new Moved(next);
        }
    }

    /** The urgent screen was seen and the patient carries on answering while they wait. */
    public Step carryOn(Visit v) {
        synchronized (v) {
            v.urgentScreenDue = false;
            return nextStep(v);
        }
    }

    /** What the urgent screen shows: the check-in number (0 if it could not be stored). */
    public Optional<Result> urgentResult(Visit v) {
        synchronized (v) {
            if (v.raised.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Result(v.number, true, List.of(), List.of()));
        }
    }

    /** Whether {@code sectionId} is one of the host's sections or a topic offered now. */
    public boolean isOffered(String sectionId) {
        return catalog.isHostSection(sectionId) || catalog.find(sectionId).isPresent();
    }

    /** The topics the patient may choose now, in display order. */
    public List<LoadedTopic> topicChoices(Visit v) {
        return catalog.topics();
    }

    /** Whether {@code topicId} was answered to its end in this visit, for the topic list. */
    public boolean isAnswered(Visit v, String topicId) {
        synchronized (v) {
            Visit.Section s = v.sections.get(topicId);
            return s != null && !s.left && flow(v, s).isComplete();
        }
    }

    /**
     * Where "Back" on the topic list goes: wherever the visit is (the review, the topic in hand), or the
     * last question of About you when the visit is at the topic list itself.
     */
    public Step topicsBack(Visit v) {
        synchronized (v) {
            Step next = nextStep(v);
            if (!(next instanceof Step.Topics)) {
                return next;
            }
            List<Question> asked = flow(v, v.sections.get(catalog.about().id())).asked();
            return new Step.Ask(catalog.about().id(), asked.get(asked.size() - 1).linkId());
        }
    }

    /**
     * The progress to show on the screen of {@code at}: its named step and how much of the whole visit is
     * done. Recorded, so that no later screen of the visit shows less.
     */
    public Progress progress(Visit v, Step at) {
        synchronized (v) {
            Stage stage = Stage.SAFETY;
            double within = 0;
            if (at instanceof Step.Ask a && v.sections.containsKey(a.section())) {
                stage = a.section().equals(catalog.safety().id()) ? Stage.SAFETY
                        : a.section().equals(catalog.about().id()) ? Stage.ABOUT_YOU : Stage.TOPIC;
                QuestionnaireFlow.Progress p = flow(v, v.sections.get(a.section())).progress(a.linkId());
                within = p.position() > 0 ? (double) (p.position() - 1) / p.total() : 0;
            } else if (at instanceof Step.Topics) {
                stage = Stage.TOPIC;
            } else if (at instanceof Step.Review) {
                stage = Stage.CHECK;
                within = 0.5;
            } else if (at instanceof Step.Done) {
                stage = Stage.CHECK;
                within = 1;
            }
            double here = (stage.ordinal() + within) / Stage.values().length;
            v.progressShown = Math.max(v.progressShown, here);
            return new Progress(stage, v.progressShown);
        }
    }

    /** Whether the topic list may be shown: the safety screen and the facts come first. */
    public Optional<Step> topicsAllowed(Visit v) {
        synchronized (v) {
            if (v.ended) {
                return Optional.of(Step.DONE);
            }
            Step next = nextStep(v);
            if (next instanceof Step.Name || next instanceof Step.Urgent || next instanceof Step.Done
                    || next instanceof Step.Ask a && catalog.isHostSection(a.section())) {
                return Optional.of(next);
            }
            return Optional.empty();
        }
    }

    /**
     * The patient chooses {@code topicId} from the topic list. Leaving a topic part-way asks first
     * ({@link ConfirmLeave}); with {@code confirmed}, the topic left keeps every answer given so far.
     */
    public Chosen chooseTopic(Visit v, String topicId, boolean confirmed) {
        synchronized (v) {
            Optional<Step> notYet = topicsAllowed(v);
            // (topicsAllowed has just taken back a topic the clinic switched off)
            if (notYet.isPresent()) {
                return new Redirect(notYet.get());
            }
            Optional<LoadedTopic> topic = topicId == null ? Optional.empty() : catalog.find(topicId);
            if (topic.isEmpty()) {
                return new NotAvailable();
            }
            Visit.Section current = v.current == null ? null : v.sections.get(v.current);
            if (current != null && !v.current.equals(topicId) && !flow(v, current).isComplete()) {
                if (!confirmed) {
                    return new ConfirmLeave(current.topic, topic.get());
                }
                current.left = true;
                log.debug("Patient left topic {} part-way", v.current);
            }
            boolean fresh = !v.sections.containsKey(topicId);
            Visit.Section chosen = v.sections.computeIfAbsent(topicId, id -> new Visit.Section(topic.get()));
            chosen.left = false;
            v.current = topicId;
            if (v.checkInId != null || v.storePending) {
                storeQuietly(v, evaluate(v));
            }
            QuestionnaireFlow flow = flow(v, chosen);
            Question first = fresh ? flow.first() : flow.firstMissing().orElse(flow.first());
            return new Moved(new Step.Ask(topicId, first.linkId()));
        }
    }

    /** The review, or empty when the visit is not ready for it (then go to {@link #next}). */
    public Optional<List<ReviewSection>> review(Visit v, String language) {
        synchronized (v) {
            if (!(nextStep(v) instanceof Step.Review)) {
                return Optional.empty();
            }
            List<ReviewSection> out = new ArrayList<>();
            for (Map.Entry<String, Visit.Section> e : v.sections.entrySet()) {
                Visit.Section s = e.getValue();
                LoadedTopic topic = s.topic;
                List<ReviewItem> items = new ArrayList<>();
                for (Question q : flow(v, s).asked()) {
                    if (!q.type().isAnswerable()) {
                        continue;
                    }
                    List<String> given = s.answers.get(q.linkId());
                    items.add(new ReviewItem(e.getKey(), q.linkId(), topic.text(language, q.textKey()),
                            given.isEmpty() ? null : CheckInService.display(topic, q, given, language)));
                }
                out.add(new ReviewSection(e.getKey(), topic.title(language), s.left, items));
            }
            return Optional.of(out);
        }
    }

    /**
     * Sends the visit: stored (over the urgent check-in of this visit, if there is one) as finished.
     *
     * @return what the patient is shown, or empty when the visit is not complete (then go to {@link #next})
     * @throws StorageException when it could not be stored; the visit is kept, to send again
     */
    public Optional<Result> submit(Visit v) {
        synchronized (v) {
            if (!(nextStep(v) instanceof Step.Review)) {
                return Optional.empty();
            }
            Evaluation ev = evaluate(v);
            store(v, ev, true);
            v.ended = true;
            if (!v.raised.isEmpty()) {
                return Optional.of(new Result(v.number, true, List.of(), List.of()));
            }
            List<String> advice = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            boolean keptOffScreen = false;
            for (SectionAnswers s : ev.sections()) {
                for (Finding f : s.findings()) {
                    if (f.patientKey() == null) {
                        continue;
                    }
                    if (f.severity() == Severity.ADVICE && s.topic().info().sensitive()) {
                        // Others may read the kiosk's screen: this advice is printed for the patient instead.
                        keptOffScreen = true;
                        continue;
                    }
                    String text = s.topic().text(v.language, f.patientKey());
                    (f.severity() == Severity.ADVICE ? advice : notes).add(text);
                }
            }
            if (keptOffScreen) {
                advice.add(TEXTS.get(v.language, "advice.with-physiotherapist"));
            }
            return Optional.of(new Result(v.number, false, advice, notes));
        }
    }

    // ---- inside --------------------------------------------------------------------------------------------

    /** Every section evaluated now, and the URGENT findings among them by section and rule. */
    private record Evaluation(List<SectionAnswers> sections, Map<String, Visit.Raised> urgentFindings) {
        boolean urgent() {
            return !urgentFindings.isEmpty();
        }
    }

    private Evaluation evaluate(Visit v) {
        Answers facts = facts(v);
        List<SectionAnswers> out = new ArrayList<>();
        Map<String, Visit.Raised> urgent = new LinkedHashMap<>();
        for (Map.Entry<String, Visit.Section> e : v.sections.entrySet()) {
            String id = e.getKey();
            Visit.Section s = e.getValue();
            boolean host = catalog.isHostSection(id);
            if (host && s.answers.isEmpty()) {
                continue;
            }
            Answers given = id.equals(catalog.about().id()) ? Answers.empty() : facts;
            QuestionnaireFlow flow = flow(v, s);
            boolean complete = flow.isComplete();
            List<Finding> findings = new ArrayList<>(RuleEvaluator.evaluate(s.topic, s.answers, given));
            if (!complete && !host) {
                // Advice of a topic left half-way may rest on questions never reached.
                findings.removeIf(f -> f.severity() == Severity.ADVICE);
            }
            Set<String> firing = new LinkedHashSet<>();
            for (Finding f : findings) {
                if (f.severity() == Severity.URGENT) {
                    urgent.put(id + "/" + f.ruleId(), new Visit.Raised(id, f));
                    firing.add(f.ruleId());
                }
            }
            List<Finding> withdrawn = v.raised.values().stream()
                    .filter(r -> r.section().equals(id) && !firing.contains(r.finding().ruleId()))
                    .map(Visit.Raised::finding).toList();
            out.add(new SectionAnswers(s.topic, flow.asked(), flow.effective(), findings, withdrawn,
                    complete && !s.left));
        }
        return new Evaluation(out, urgent);
    }

    /**
     * After an answer: an URGENT finding not raised before stores the visit and alerts staff now, and the
     * patient is shown the urgent screen next. A visit already stored is brought up to date.
     */
    private void escalateIfUrgent(Visit v) {
        Evaluation ev = evaluate(v);
        boolean fresh = false;
        for (Map.Entry<String, Visit.Raised> e : ev.urgentFindings().entrySet()) {
            if (v.raised.putIfAbsent(e.getKey(), e.getValue()) == null) {
                fresh = true;
            }
        }
        if (fresh) {
            v.urgentScreenDue = true;
        }
        if (fresh || v.checkInId != null || v.storePending) {
            storeQuietly(v, ev);
        }
    }

    /**
     * Stores the visit so far, unfinished. Whatever goes wrong, the patient is still sent to reception
     * (the urgent screen needs no storage); the next answer tries to store again.
     */
    private void storeQuietly(Visit v, Evaluation ev) {
        try {
            store(v, ev, false);
        } catch (RuntimeException e) {
            v.storePending = true;
            log.error("An urgent visit could not be stored, will try again at the next answer: {}", e.toString());
        }
    }

    private void store(Visit v, Evaluation ev, boolean finished) {
        Set<String> toAlert = new LinkedHashSet<>(v.raised.keySet());
        toAlert.removeAll(v.alerted);
        CheckInService.Saved saved = checkIns.save(v.checkInId, v.language, v.displayName, ev.sections(), finished,
                !toAlert.isEmpty());
        v.checkInId = saved.publicId();
        v.number = saved.number();
        v.alerted.addAll(toAlert);
        v.storePending = false;
    }

    private Step nextStep(Visit v) {
        if (v.ended) {
            return Step.DONE;
        }
        withdrawDisabledTopic(v);
        if (v.urgentScreenDue) {
            return Step.URGENT;
        }
        if (v.askName && !v.nameGiven) {
            return Step.NAME;
        }
        for (Map.Entry<String, Visit.Section> e : v.sections.entrySet()) {
            Visit.Section s = e.getValue();
            if (s.left) {
                continue;
            }
            QuestionnaireFlow flow = flow(v, s);
            Optional<Question> missing = flow.firstMissing();
            if (missing.isPresent()) {
                // A section not begun opens at its first screen, an information screen included (the safety
                // screen's lead-in, a topic's introduction); one begun resumes at its first missing answer.
                return new Step.Ask(e.getKey(), (s.begun ? missing.get() : flow.first()).linkId());
            }
        }
        // No topic yet, or the one in hand was just switched off by the clinic: choose one.
        return v.sections.size() > 2 && v.notice == null ? Step.REVIEW : Step.TOPICS;
    }

    /** The first answerable question asked after {@code linkId} in the section that has no answer yet. */
    private Optional<Question> unansweredAfter(Visit v, Visit.Section section, String linkId) {
        List<Question> asked = flow(v, section).asked();
        boolean after = false;
        for (Question q : asked) {
            if (after && q.type().isAnswerable() && !section.answers.isAnswered(q.linkId())) {
                return Optional.of(q);
            }
            after |= q.linkId().equals(linkId);
        }
        return Optional.empty();
    }

    /** Where the screen on show is, for a stale answer: back to it, or wherever the visit is now. */
    private Step whereShown(Visit v) {
        if (v.shownSection != null && v.sections.containsKey(v.shownSection)
                && mayBeAt(v, v.shownSection, v.shownLinkId)) {
            return new Step.Ask(v.shownSection, v.shownLinkId);
        }
        return nextStep(v);
    }

    /**
     * Whether the patient may be at question {@code linkId} of {@code sectionId}: it is asked, every
     * section before it is complete, and no required question before it in its section is unanswered.
     */
    private boolean mayBeAt(Visit v, String sectionId, String linkId) {
        if (v.urgentScreenDue || v.askName && !v.nameGiven) {
            return false;
        }
        boolean topic = isTopic(v, sectionId);
        for (Map.Entry<String, Visit.Section> e : v.sections.entrySet()) {
            if (e.getKey().equals(sectionId)) {
                break;
            }
            // The host's sections come first; a topic may be reached from another topic left or done.
            if ((catalog.isHostSection(e.getKey()) || !topic) && !flow(v, e.getValue()).isComplete()) {
                return false;
            }
        }
        QuestionnaireFlow flow = flow(v, v.sections.get(sectionId));
        return flow.isAsked(linkId) && !flow.isAhead(linkId);
    }

    private QuestionScreen screen(Visit v, Visit.Section section, Question q, boolean fromReview) {
        String sectionId = section.topic.id();
        QuestionnaireFlow flow = flow(v, section);
        Step back = fromReview && nextStep(v) instanceof Step.Review ? Step.REVIEW
                : flow.previous(q.linkId()).<Step>map(p -> new Step.Ask(sectionId, p.linkId()))
                        .orElseGet(() -> backFromFirst(v, sectionId));
        section.begun = true;
        v.shownSection = sectionId;
        v.shownLinkId = q.linkId();
        // Only this showing's form is taken: a second tap, an older copy of the screen, a replay are stale. The
        // token need not be secret (whoever can post to the visit can read its screens), only new each time; always
        // eight hex digits, so a screen's page is the same size each time it is shown.
        v.shownToken = TOKEN_DIGITS.toHexDigits(++v.screensShown);
        return new QuestionScreen(section.topic, q, section.answers.get(q.linkId()), back, v.shownToken);
    }

    private Step backFromFirst(Visit v, String sectionId) {
        if (sectionId.equals(catalog.safety().id())) {
            return v.askName ? Step.NAME : Step.WELCOME;
        }
        if (sectionId.equals(catalog.about().id())) {
            List<Question> asked = flow(v, v.sections.get(catalog.safety().id())).asked();
            return new Step.Ask(catalog.safety().id(), asked.get(asked.size() - 1).linkId());
        }
        return Step.TOPICS;
    }

    /** A topic switched off by the clinic while the patient was on it: left, with its answers kept. */
    private void withdrawDisabledTopic(Visit v) {
        if (v.current != null && catalog.find(v.current).isEmpty()) {
            Visit.Section s = v.sections.get(v.current);
            if (!flow(v, s).isComplete()) {
                s.left = true;
                v.notice = "topics.withdrawn";
            }
            v.current = null;
        }
    }

    /** A topic of this visit that the clinic has switched off since: its questions are no longer asked. */
    private boolean isWithdrawn(Visit v, String sectionId) {
        if (!isTopic(v, sectionId) || catalog.find(sectionId).isPresent()) {
            return false;
        }
        nextStep(v);
        return true;
    }

    private boolean isTopic(Visit v, String sectionId) {
        return v.sections.containsKey(sectionId) && !catalog.isHostSection(sectionId);
    }

    /** The flow of section {@code s} for the visit's answers now: worked out once until an answer changes. */
    private QuestionnaireFlow flow(Visit v, Visit.Section s) {
        QuestionnaireFlow known = v.flows.get(s.topic.id());
        if (known != null) {
            return known;
        }
        Answers given = s.topic.id().equals(catalog.about().id()) ? Answers.empty() : facts(v);
        QuestionnaireFlow flow = QuestionnaireFlow.of(s.topic.questions(), s.answers, given);
        v.flows.put(s.topic.id(), flow);
        return flow;
    }

    /** The shared facts that count, for every other section's skip logic and rules. */
    private Answers facts(Visit v) {
        if (v.facts == null) {
            v.facts = flow(v, v.sections.get(catalog.about().id())).effective();
        }
        return v.facts;
    }
}
