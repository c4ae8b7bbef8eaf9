package com.physiokiosk.testkit;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.flow.AnswerParser;
import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.Finding;
import com.physiokiosk.engine.flow.QuestionnaireFlow;
import com.physiokiosk.engine.flow.RuleEvaluator;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One patient's answers and what the kiosk must make of them: given these answers, these findings
 * with these severities.
 *
 * <pre>{@code
 * plugin.given().answer("pregnant", "yes").answer("pregnancy-weeks", "38").answer("rhythmic", "yes")
 *       .expect(Severity.URGENT, "possible-labour")
 *       .expect(Severity.ADVICE, "heat")
 *       .andNothingElse();
 * }</pre>
 *
 * <p>The host's shared facts ({@link Facts}: age band, pregnancy, pain scores, …) are given like any
 * answer, by their ids: {@code .answer(Facts.PAIN_NOW, "9")} or {@code .answers("fact.pain-now=9")}. They
 * are checked against the host's own "About you" questions, and the topic reads them as the kiosk gives them.
 *
 * <p>A scenario must be something a patient could really answer: before any rule runs, every answered
 * question must be one of the topic's, asked given the other answers (skip logic), and every answer
 * one the kiosk accepts for its question. Anything else fails with an {@link AssertionError} that names
 * the answers and what is impossible. The one exception is declared: {@link #staleAnswer} keeps an answer
 * the patient gave before changing an earlier one, which the kiosk must then leave out.
 *
 * <p>Every check records what it asserted in the plugin's {@link RuleCoverage}.
 */
public final class Scenario {

    private final PluginUnderTest plugin;
    private final Map<String, List<String>> answers = new LinkedHashMap<>();
    private final Map<String, List<String>> stale = new LinkedHashMap<>();
    private final Map<String, List<String>> facts = new LinkedHashMap<>();
    private final Map<String, Severity> expected = new TreeMap<>();
    private String name;

    Scenario(PluginUnderTest plugin) {
        this.plugin = plugin;
    }

    /**
     * The patient answered {@code linkId} with {@code values} (option codes, or one number or text); a
     * {@link Facts} id gives one of the host's shared facts.
     */
    public Scenario answer(String linkId, String... values) {
        if (Facts.isFact(linkId)) {
            facts.put(linkId, List.of(values));
            return this;
        }
        stale.remove(linkId);
        answers.put(linkId, List.of(values));
        return this;
    }

    /** The patient gave the shared fact {@code factId} (a {@link Facts} id) as {@code values}. */
    public Scenario fact(String factId, String... values) {
        if (!Facts.isFact(factId)) {
            throw new IllegalArgumentException("'" + factId + "' is not a shared fact id (see Facts)");
        }
        return answer(factId, values);
    }

    /**
     * The patient answered each entry, written {@code "linkId=code"} or {@code "linkId=code,code"}. As with
     * {@link #answer(String, String...)}, a later answer to a question replaces an earlier one. A text answer
     * with a comma in it needs {@link #answer(String, String...)}.
     */
    public Scenario answers(String... entries) {
        entries(entries).forEach((linkId, values) -> answer(linkId, values.toArray(String[]::new)));
        return this;
    }

    /**
     * The patient once answered {@code linkId} with {@code values}, then changed an earlier answer so that
     * {@code linkId} is no longer asked. The kiosk keeps such answers while the patient goes back and forth,
     * and must not count them; the scenario fails if {@code linkId} would in fact be asked.
     */
    public Scenario staleAnswer(String linkId, String... values) {
        answers.remove(linkId);
        stale.put(linkId, List.of(values));
        return this;
    }

    /** …then the rule {@code ruleId} raises a finding of {@code severity}. */
    public Scenario expect(Severity severity, String ruleId) {
        plugin.rule(ruleId);
        expected.put(ruleId, severity);
        return this;
    }

    /** Checks that the findings are exactly those expected: every other rule is asserted quiet. */
    public void andNothingElse() {
        Map<String, Severity> actual = actual();
        if (!actual.equals(expected)) {
            throw new AssertionError(this + ": expected findings " + expected + " but got " + actual);
        }
        plugin.coverage().assertedFired(expected.keySet());
        plugin.coverage().assertedQuiet(plugin.loaded().rules().stream().map(Rule::id)
                .filter(id -> !expected.containsKey(id)).toList());
    }

    /** Checks that the expected findings are raised, whatever else is. */
    public void atLeast() {
        Map<String, Severity> actual = actual();
        expected.forEach((rule, severity) -> {
            if (actual.get(rule) != severity) {
                throw new AssertionError(this + ": expected " + severity + " finding '" + rule + "' among " + actual);
            }
        });
        plugin.coverage().assertedFired(expected.keySet());
    }

    /** Checks that {@code ruleId} raises nothing for these answers. */
    public void doesNotRaise(String ruleId) {
        plugin.rule(ruleId);
        Map<String, Severity> actual = actual();
        if (actual.containsKey(ruleId)) {
            throw new AssertionError(this + ": rule '" + ruleId + "' should not fire, got " + actual);
        }
        plugin.coverage().assertedQuiet(List.of(ruleId));
    }

    /** The scenario as failure messages name it: its name, if it has one, and its answers. */
    @Override
    public String toString() {
        List<String> given = new ArrayList<>();
        facts.forEach((linkId, values) -> given.add(linkId + "=" + String.join(",", values)));
        answers.forEach((linkId, values) -> given.add(linkId + "=" + String.join(",", values)));
        stale.forEach((linkId, values) -> given.add(linkId + "=" + String.join(",", values) + " (stale)"));
        return (name == null ? "" : "'" + name + "': ") + "given " + given;
    }

    /** Names the scenario in failure messages, for a row of a {@link ScenarioTable}. */
    Scenario named(String scenarioName) {
        this.name = scenarioName;
        return this;
    }

    /** Entries {@code "linkId=code,code"} as answers; the one place that reads that notation. */
    static Map<String, List<String>> entries(String... entries) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("Answer '" + entry + "' is not written linkId=code or linkId=code,code");
            }
            out.put(entry.substring(0, eq), List.of(entry.substring(eq + 1).split(",", -1)));
        }
        return out;
    }

    /** What the kiosk finds for these answers, by rule, after checking that a patient could give them. */
    private Map<String, Severity> actual() {
        Map<String, Severity> out = new TreeMap<>();
        for (Finding f : plugin.evaluate(possibleAnswers(), possibleFacts())) {
            if (RuleEvaluator.RULE_FAILED.equals(f.clinicianKey())) {
                throw new AssertionError(this + ": rule '" + f.ruleId() + "' threw (see the log); the kiosk would "
                        + "only ask staff to read the answers");
            }
            out.put(f.ruleId(), f.severity());
        }
        return out;
    }

    /**
     * The answers as the kiosk would store them.
     *
     * @throws AssertionError naming every answer no patient could give this way
     */
    private Answers possibleAnswers() {
        LoadedTopic topic = plugin.loaded();
        Map<String, List<String>> all = new LinkedHashMap<>(answers);
        all.putAll(stale);
        QuestionnaireFlow flow = QuestionnaireFlow.of(topic.questions(), Answers.of(all), Answers.of(facts));
        List<String> impossible = new ArrayList<>();
        Map<String, List<String>> stored = new LinkedHashMap<>();
        all.forEach((linkId, values) -> {
            Optional<List<String>> parsed = parse(topic, linkId, values, impossible);
            boolean asked = flow.isAsked(linkId);
            if (stale.containsKey(linkId) && asked) {
                impossible.add("'" + linkId + "' is not stale: it is asked given the other answers");
            } else if (!stale.containsKey(linkId) && !asked && topic.question(linkId).isPresent()) {
                impossible.add("'" + linkId + "' would not be asked given the other answers");
            }
            parsed.ifPresent(v -> stored.put(linkId, v));
        });
        if (!impossible.isEmpty()) {
            throw new AssertionError("Impossible scenario " + this + ": " + String.join("; ", impossible));
        }
        return Answers.of(stored);
    }

    /**
     * The shared facts as the kiosk would store them.
     *
     * @throws AssertionError naming every fact no patient could give this way
     */
    private Answers possibleFacts() {
        LoadedTopic about = plugin.facts().loaded();
        QuestionnaireFlow flow = QuestionnaireFlow.of(about.questions(), Answers.of(facts));
        List<String> impossible = new ArrayList<>();
        Map<String, List<String>> stored = new LinkedHashMap<>();
        facts.forEach((linkId, values) -> {
            Optional<List<String>> parsed = parse(about, linkId, values, impossible);
            if (about.question(linkId).isPresent() && !flow.isAsked(linkId)) {
                impossible.add("fact '" + linkId + "' would not be asked given the other facts");
            }
            parsed.ifPresent(v -> stored.put(linkId, v));
        });
        if (!impossible.isEmpty()) {
            throw new AssertionError("Impossible scenario " + this + ": " + String.join("; ", impossible));
        }
        return Answers.of(stored);
    }

    /** The answer as the kiosk's parser stores it, or empty with the reason added to {@code impossible}. */
    static Optional<List<String>> parse(LoadedTopic topic, String linkId, List<String> values, List<String> impossible) {
        Optional<Question> question = topic.question(linkId);
        if (question.isEmpty()) {
            impossible.add("'" + linkId + "' is not a question of topic '" + topic.id() + "'");
            return Optional.empty();
        }
        Question q = question.get();
        if (!q.type().isAnswerable()) {
            impossible.add("'" + linkId + "' is an information screen, with nothing to answer");
            return Optional.empty();
        }
        AnswerParser.Result result = AnswerParser.parse(q, values);
        if (!result.isValid()) {
            impossible.add("'" + linkId + "=" + String.join(",", values) + "' is not an answer the kiosk accepts ("
                    + result.errorKey() + "; " + accepted(q) + ")");
            return Optional.empty();
        }
        return Optional.of(result.values());
    }

    private static String accepted(Question q) {
        return switch (q.type()) {
            case YES_NO -> "yes or no";
            case SINGLE_CHOICE -> "one of " + q.options().stream().map(o -> o.code()).toList();
            case MULTI_CHOICE -> "any of " + q.options().stream().map(o -> o.code()).toList()
                    + ", an exclusive one alone";
            case SCALE_0_10 -> "a whole number from 0 to 10";
            case NUMBER -> "a whole number from " + q.min() + " to " + q.max();
            case SHORT_TEXT -> "one short text";
            case INFO -> "nothing";
            case BODY_AREAS -> "regions of the body map (BodyAreas.REGIONS)";
        };
    }
}
