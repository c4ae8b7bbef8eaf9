package com.physiokiosk.engine.checkin;

import com.physiokiosk.api.Answers;
import com.physiokiosk.api.Finding;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.flow.QuestionnaireFlow;
import com.physiokiosk.engine.flow.RuleEvaluator;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.plugins.LoadedTopic;
import com.physiokiosk.engine.plugins.TopicRegistry;
import com.physiokiosk.engine.storage.CheckInRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a visit: evaluates every topic's rules on the answers that count, resolves the texts
 * (what the patient was told in their language, the rest in the staff language) and stores it all
 * in one durable transaction.
 */
public final class CheckInService {

    private static final Logger log = LoggerFactory.getLogger(CheckInService.class);

    private static final MessageBundle TEXTS = MessageBundle.load("the kiosk", CheckInService.class.getClassLoader(),
            "com/physiokiosk/engine/checkin/messages");

    private final TopicRegistry registry;
    private final CheckInRepository repository;
    private final Clock clock;
    private final Supplier<String> staffLanguage;
    private final List<Consumer<CheckInStored>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param clock         gives the time and, through its zone, the clinic's "today"
     * @param staffLanguage the language staff read answers and notes in, as set now
     */
    public CheckInService(TopicRegistry registry, CheckInRepository repository, Clock clock,
                          Supplier<String> staffLanguage) {
        this.registry = registry;
        this.repository = repository;
        this.clock = clock;
        this.staffLanguage = staffLanguage;
    }

    /**
     * Calls {@code listener} after each check-in is stored, on the submitting thread: a listener
     * must hand slow work to a thread of its own. A listener that fails does not fail the
     * submission, which is already stored.
     */
    public void addListener(Consumer<CheckInStored> listener) {
        listeners.add(listener);
    }

    /** Why a visit cannot be submitted yet. */
    public static final class IncompleteVisitException extends RuntimeException {
        public IncompleteVisitException(String message) {
            super(message);
        }
    }

    /**
     * Stores {@code visit}.
     *
     * @throws IncompleteVisitException when the safety screen or a chosen topic is not complete, or a
     *                                  topic is no longer available
     * @throws com.physiokiosk.engine.storage.StorageException when it could not be stored
     */
    public SubmissionResult submit(Visit visit) {
        List<LoadedTopic> topics = new ArrayList<>();
        topics.add(registry.safety());
        for (String topicId : visit.answers().keySet()) {
            if (!topicId.equals(registry.safety().id())) {
                topics.add(registry.find(topicId).orElseThrow(
                        () -> new IncompleteVisitException("topic '" + topicId + "' is not available")));
            }
        }
        if (topics.size() < 2) {
            throw new IncompleteVisitException("no topic chosen");
        }
        List<TopicResponse> responses = new ArrayList<>();
        List<String> advice = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (LoadedTopic topic : topics) {
            QuestionnaireFlow flow = QuestionnaireFlow.of(topic.questions(), visit.answersFor(topic.id()));
            Optional<Question> missing = flow.firstMissing();
            if (missing.isPresent()) {
                throw new IncompleteVisitException("topic '" + topic.id() + "' is missing '" + missing.get().linkId() + "'");
            }
            Answers answers = flow.effective();
            List<Finding> findings = RuleEvaluator.evaluate(topic, answers);
            for (Finding f : findings) {
                if (f.patientKey() != null) {
                    String text = topic.text(visit.language(), f.patientKey());
                    (f.severity() == Severity.ADVICE ? advice : notes).add(text);
                }
            }
            responses.add(response(topic, flow.asked(), answers, findings, visit.language()));
        }
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, clock.getZone());
        CheckIn stored = repository.insert(day, now, visit.language(), visit.displayName(), responses);
        log.info("Check-in {} of {} stored (topics {}, urgent {})", stored.number(), day,
                responses.stream().map(TopicResponse::topicId).toList(), stored.urgent());
        CheckInStored event = new CheckInStored(day, stored.number(), stored.urgent());
        for (Consumer<CheckInStored> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.error("A check-in listener failed: {}", e.getClass().getName());
            }
        }
        return new SubmissionResult(stored.number(), stored.urgent(), advice, notes);
    }

    private TopicResponse response(LoadedTopic topic, List<Question> asked, Answers answers, List<Finding> findings,
                                   String patientLanguage) {
        String staffLanguage = this.staffLanguage.get();
        List<StoredAnswer> stored = new ArrayList<>();
        for (Question q : asked) {
            if (answers.isAnswered(q.linkId())) {
                stored.add(new StoredAnswer(q.linkId(), q.type(), topic.text(staffLanguage, q.textKey()),
                        answers.get(q.linkId()), display(topic, q, answers.get(q.linkId()), staffLanguage)));
            }
        }
        List<StoredFinding> storedFindings = findings.stream().map(f -> new StoredFinding(f.ruleId(), f.severity(),
                f.patientKey() == null ? null : topic.text(patientLanguage, f.patientKey()),
                RuleEvaluator.RULE_FAILED.equals(f.clinicianKey())
                        ? TEXTS.get(staffLanguage, RuleEvaluator.RULE_FAILED, f.ruleId())
                        : topic.text(staffLanguage, f.clinicianKey()),
                List.copyOf(f.triggeredBy().asMap().keySet()), f.source().toString())).toList();
        return new TopicResponse(topic.id(), topic.pluginId(), topic.pluginVersion(), topic.title(staffLanguage),
                stored, storedFindings);
    }

    /** An answer as people read it, in {@code language}. */
    public static String display(LoadedTopic topic, Question q, List<String> values, String language) {
        if (q.type() == QuestionType.YES_NO) {
            return TEXTS.get(language, "answer." + values.get(0));
        }
        if (q.type() == QuestionType.SCALE_0_10) {
            return TEXTS.get(language, "answer.scale", values.get(0));
        }
        if (q.type().hasOptions()) {
            Map<String, String> labels = q.options().stream()
                    .collect(Collectors.toMap(o -> o.code(), o -> topic.text(language, o.textKey())));
            return values.stream().map(v -> labels.getOrDefault(v, v)).collect(Collectors.joining(", "));
        }
        return String.join(", ", values);
    }
}
