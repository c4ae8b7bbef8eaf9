package com.physiokiosk.testkit;

import com.physiokiosk.api.Answers;
import com.physiokiosk.api.Finding;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One row of a scenario table: given these answers, exactly these findings with these severities.
 *
 * <pre>{@code
 * plugin.given().answer("pregnant", "yes").answer("pregnancy-weeks", "38").answer("rhythmic", "yes")
 *       .expect(Severity.URGENT, "possible-labour")
 *       .expect(Severity.ADVICE, "heat")
 *       .andNothingElse();
 * }</pre>
 */
public final class Scenario {

    private final PluginUnderTest plugin;
    private final Map<String, List<String>> answers = new LinkedHashMap<>();
    private final Map<String, Severity> expected = new TreeMap<>();

    Scenario(PluginUnderTest plugin) {
        this.plugin = plugin;
    }

    /** The patient answered {@code linkId} with {@code values} (option codes, or one number or text). */
    public Scenario answer(String linkId, String... values) {
        answers.put(linkId, List.of(values));
        return this;
    }

    /** …then the rule {@code ruleId} raises a finding of {@code severity}. */
    public Scenario expect(Severity severity, String ruleId) {
        expected.put(ruleId, severity);
        return this;
    }

    /** Checks that the findings are exactly those expected: every other rule is asserted quiet. */
    public void andNothingElse() {
        Map<String, Severity> actual = actual();
        if (!actual.equals(expected)) {
            throw new AssertionError("Given " + answers.keySet() + ": expected findings " + expected
                    + " but got " + actual);
        }
        plugin.coverage().assertedFired(expected.keySet());
        plugin.coverage().assertedQuiet(plugin.topic().rules().stream().map(Rule::id)
                .filter(id -> !expected.containsKey(id)).toList());
    }

    /** Checks that the expected findings are raised, whatever else is. */
    public void atLeast() {
        Map<String, Severity> actual = actual();
        expected.forEach((rule, severity) -> {
            if (actual.get(rule) != severity) {
                throw new AssertionError("Given " + answers.keySet() + ": expected " + severity + " finding '" + rule
                        + "' among " + actual);
            }
        });
        plugin.coverage().assertedFired(expected.keySet());
    }

    /** Checks that {@code ruleId} raises nothing for these answers. */
    public void doesNotRaise(String ruleId) {
        Map<String, Severity> actual = actual();
        if (actual.containsKey(ruleId)) {
            throw new AssertionError("Given " + answers.keySet() + ": rule '" + ruleId + "' should not fire, got "
                    + actual);
        }
        plugin.coverage().assertedQuiet(List.of(ruleId));
    }

    private Map<String, Severity> actual() {
        Map<String, Severity> out = new TreeMap<>();
        for (Finding f : plugin.evaluate(Answers.of(answers))) {
            out.put(f.ruleId(), f.severity());
        }
        return out;
    }
}
