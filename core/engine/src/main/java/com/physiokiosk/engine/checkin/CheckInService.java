package com.physiokiosk.engine.checkin;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.body.BodyMap;
import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.Finding;
import com.physiokiosk.engine.flow.RuleEvaluator;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores visits as check-ins: resolves the texts (what the patient was told in their language, the
 * rest in the staff language), stores everything in one durable transaction and tells the staff
 * screens. What a visit holds and when it is stored is the visit's business
 * ({@link com.physiokiosk.engine.visit.VisitService}).
 */
public final class CheckInService {

    private static final Logger log = LoggerFactory.getLogger(CheckInService.class);

    private static final MessageBundle TEXTS = MessageBundle.load("the kiosk", CheckInService.class.getClassLoader(),
            "com/physiokiosk/engine/checkin/messages");

    private final CheckInRepository repository;
    private final Clock clock;
    private final Supplier<String> staffLanguage;
    private final QuestionnaireVersions questionnaires;
    private final List<Consumer<CheckInStored>> listeners = new CopyOnWriteArrayList<>();
    /** Shares the check-ins with the other kiosk servers on the same database; {@code null} until {@link #shareThrough}. */
    private volatile CheckInRelay relay;

    /**
     * @param clock         gives the time and, through its zone, the clinic's "today"
     * @param staffLanguage the language staff read answers and notes in, as set now
     * @param questionnaires keeps each section's questions, as the patient saw them, for the record system
     */
    public CheckInService(CheckInRepository repository, Clock clock, Supplier<String> staffLanguage,
                          QuestionnaireVersions questionnaires) {
        this.repository = repository;
        this.clock = clock;
        this.staffLanguage = staffLanguage;
        this.questionnaires = questionnaires;
    }

    /**
     * Keeps the questions of a section, with every text in every language, unchanged for as long as a
     * response points to them, and names the version kept (the FHIR export, {@code fhir.QuestionnaireArchive}).
     */
    @FunctionalInterface
    public interface QuestionnaireVersions {
        /**
         * The version of {@code topic}'s questions as they are now, stored if new.
         *
         * @throws com.physiokiosk.engine.storage.StorageException when it could not be stored
         */
        String keep(LoadedTopic topic);
    }

    /**
     * Calls {@code listener} after each check-in is stored, on the submitting thread, and, once
     * {@linkplain #shareThrough shared}, after each check-in another kiosk server on the same database stored, on
     * the relay's thread: a listener must hand slow work to a thread of its own. A listener that fails does not
     * fail the submission, which is already stored.
     */
    public void addListener(Consumer<CheckInStored> listener) {
        listeners.add(listener);
    }

    /**
     * From now on announces each check-in stored here to the other kiosk servers on the same database, in the
     * transaction that stores it, and tells the listeners of each one they announce ({@link CheckInRelay}; nothing on
     * SQLite). Closing {@code relay} stops hearing them.
     *
     * @throws IllegalStateException when this service shares through a relay already, or {@code relay} was started
     */
    public synchronized void shareThrough(CheckInRelay relay) {
        if (this.relay != null) {
            throw new IllegalStateException("Check-ins are shared through a relay already");
        }
        relay.start(this::tell);
        this.relay = relay;
    }

    /**
     * What was stored.
     *
     * @param publicId the check-in's random id
     * @param day      its clinic-local day
     * @param number   its check-in number, the one the patient tells reception
     * @param urgent   whether it holds an URGENT finding
     */
    public record Saved(String publicId, LocalDate day, int number, boolean urgent) {
    }

    /**
     * Stores a visit, as a new check-in or over the one stored earlier in the same visit, in one durable
     * transaction, then tells the listeners. Texts are resolved now: what the patient was told in their
     * language, questions, answers and clinician notes in the staff language.
     *
     * @param publicId    the check-in stored earlier in this visit, or {@code null} for a new one
     * @param language    the patient's language
     * @param displayName the name the patient wants to be called by, or {@code null}
     * @param sections    the safety screen, the facts and each topic, in the order asked
     * @param finished    whether the patient has reached the end of the visit
     * @param alert       whether this store raises an URGENT finding staff have not been alerted to yet
     * @throws com.physiokiosk.engine.storage.StorageException when it could not be stored
     */
    public Saved save(String publicId, String language, String displayName, List<SectionAnswers> sections,
                      boolean finished, boolean alert) {
        String staff = staffLanguage.get();
        List<TopicResponse> responses = sections.stream().map(s -> response(s, language, staff)).toList();
        Instant now = clock.instant();
        CheckInRelay shared = relay;
        CheckInRepository.Alongside announce = shared == null ? (c, day, number, urgent) -> { }
                : (c, day, number, urgent) -> shared.announce(c, new CheckInStored(day, number, urgent, alert,
                        repository.site()));
        Saved saved;
        if (publicId == null) {
            LocalDate day = LocalDate.ofInstant(now, clock.getZone());
            CheckIn stored = repository.insert(day, now, language, displayName, responses, finished, announce);
            saved = new Saved(stored.publicId(), day, stored.number(), stored.urgent());
        } else {
            if (!repository.replace(publicId, now, language, displayName, responses, finished, announce)) {
                throw new com.physiokiosk.engine.storage.StorageException("the check-in of this visit is gone", null);
            }
            CheckIn stored = repository.find(publicId).orElseThrow();
            saved = new Saved(publicId, stored.day(), stored.number(), stored.urgent());
        }
        log.info("Check-in {} of {} stored (topics {}, urgent {}, finished {})", saved.number(), saved.day(),
                responses.stream().map(TopicResponse::topicId).toList(), saved.urgent(), finished);
        tell(new CheckInStored(saved.day(), saved.number(), saved.urgent(), alert, repository.site()));
        return saved;
    }

    /** Tells every listener of a stored check-in, this server's or another's. */
    private void tell(CheckInStored event) {
        for (Consumer<CheckInStored> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.error("A check-in listener failed: {}", e.getClass().getName());
            }
        }
    }

    private TopicResponse response(SectionAnswers section, String patientLanguage, String staffLanguage) {
        LoadedTopic topic = section.topic();
        Answers answers = section.answers();
        List<StoredAnswer> stored = new ArrayList<>();
        for (Question q : section.asked()) {
            if (answers.isAnswered(q.linkId())) {
                stored.add(new StoredAnswer(q.linkId(), q.type(), topic.text(staffLanguage, q.textKey()),
                        answers.get(q.linkId()), display(topic, q, answers.get(q.linkId()), staffLanguage)));
            }
        }
        List<StoredFinding> findings = new ArrayList<>();
        for (Finding f : section.findings()) {
            findings.add(stored(topic, f, patientLanguage, staffLanguage, false));
        }
        for (Finding f : section.withdrawn()) {
            findings.add(stored(topic, f, patientLanguage, staffLanguage, true));
        }
        return new TopicResponse(topic.id(), topic.pluginId(), topic.pluginVersion(), topic.title(staffLanguage),
                stored, findings, section.finished(), topic.info().sensitive(), questionnaires.keep(topic));
    }

    private static StoredFinding stored(LoadedTopic topic, Finding f, String patientLanguage, String staffLanguage,
                                        boolean withdrawn) {
        String clinician = RuleEvaluator.RULE_FAILED.equals(f.clinicianKey())
                ? TEXTS.get(staffLanguage, RuleEvaluator.RULE_FAILED, f.ruleId())
                : topic.text(staffLanguage, f.clinicianKey());
        if (withdrawn) {
            clinician = clinician + " " + TEXTS.get(staffLanguage, "finding.withdrawn");
        }
        return new StoredFinding(f.ruleId(), f.severity(),
                f.patientKey() == null ? null : topic.text(patientLanguage, f.patientKey()),
                clinician, List.copyOf(f.triggeredBy().asMap().keySet()), f.source().toString(), withdrawn);
    }

    /** An answer as people read it, in {@code language}. */
    public static String display(LoadedTopic topic, Question q, List<String> values, String language) {
        if (q.type() == QuestionType.YES_NO) {
            return TEXTS.get(language, "answer." + values.get(0));
        }
        if (q.type() == QuestionType.SCALE_0_10) {
            return TEXTS.get(language, "answer.scale", values.get(0));
        }
        if (q.type() == QuestionType.BODY_AREAS) {
            // As the patient saw them on the review ("Calf, your left"); region names hold commas, so one region
            // from the next by a semicolon.
            return BodyMap.get().inOrder(values).stream().map(id -> BodyMap.get().patientLabel(id, language))
                    .collect(Collectors.joining("; "));
        }
        if (q.type().hasOptions()) {
            Map<String, String> labels = q.options().stream()
                    .collect(Collectors.toMap(o -> o.code(), o -> topic.text(language, o.textKey())));
            return values.stream().map(v -> labels.getOrDefault(v, v)).collect(Collectors.joining(", "));
        }
        return String.join(", ", values);
    }
}
