package com.physiokiosk.engine.flow;

import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.topic.ConditionLinks;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a topic's rules on the answers that count, most severe findings first. */
public final class RuleEvaluator {

    private static final Logger log = LoggerFactory.getLogger(RuleEvaluator.class);

    /** Clinician key of the note left when a rule throws; the host resolves it from its own texts. */
    public static final String RULE_FAILED = "kiosk.rule-failed";

    private RuleEvaluator() {
    }

    /**
     * The findings of {@code topic}'s rules for {@code answers} (skip logic applied first). A rule
     * that throws becomes a CONSULT note asking staff to read the answers, instead of losing the visit.
     */
    public static List<Finding> evaluate(LoadedTopic topic, Answers answers) {
        return evaluate(topic, answers, Answers.empty());
    }

    /**
     * The findings of {@code topic}'s rules for {@code answers}, where rules may also read the host's
     * shared facts in {@code facts} (see {@link com.physiokiosk.api.Facts}).
     */
    public static List<Finding> evaluate(LoadedTopic topic, Answers answers, Answers facts) {
        Answers counted = QuestionnaireFlow.of(topic.questions(), answers, facts).forRules();
        List<Finding> out = new ArrayList<>();
        for (Rule rule : topic.rules()) {
            try {
                evaluate(rule, counted).ifPresent(out::add);
            } catch (RuntimeException e) {
                log.error("Rule {} of topic {} failed: {}", rule.id(), topic.id(), e.getClass().getName());
                out.add(new Finding(rule.id(), Severity.CONSULT, null, RULE_FAILED, Answers.empty(), rule.source()));
            }
        }
        out.sort(Comparator.comparing(Finding::severity));
        return out;
    }

    /** The finding {@code rule} raises for {@code answers}, with the answers it read, if its condition holds. */
    public static Optional<Finding> evaluate(Rule rule, Answers answers) {
        if (!Conditions.test(rule.when(), answers)) {
            return Optional.empty();
        }
        Map<String, List<String>> triggeredBy = new LinkedHashMap<>();
        for (String linkId : ConditionLinks.of(rule.when())) {
            if (answers.isAnswered(linkId)) {
                triggeredBy.put(linkId, answers.get(linkId));
            }
        }
        return Optional.of(new Finding(rule.id(), rule.severity(), rule.patientKey(), rule.clinicianKey(),
                Answers.of(triggeredBy), rule.source()));
    }
}
