package com.physiokiosk.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A table of scenarios, each about one rule: these answers make it fire, or keep it quiet. Written once,
 * run as one dynamic test per row, named after the row:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> scenarios(PluginUnderTest plugin) {
 *     return plugin.table()
 *             .fires("severe-pain", "pain of 8 out of 10 is flagged", "pain-score=8")
 *             .quiet("severe-pain", "pain of 7 out of 10 is not", "pain-score=7")
 *             .fires("labour-signs", "rhythmic cramps late in pregnancy are urgent",
 *                     "pregnant=yes", "pregnancy-weeks=38", "rhythmic=yes")
 *             .tests();
 * }
 * }</pre>
 *
 * <p>Answers are written {@code "linkId=code"}, or {@code "linkId=code,code"} for several options. A row
 * need not be a whole visit, only a possible one (see {@link Scenario}): it names the answers that matter
 * to its rule. A firing row checks that the rule raises a finding of the rule's own severity, whatever
 * else is raised; a quiet row that the rule raises nothing. Both count towards the {@link RuleCoverage}
 * that {@link TopicPluginTest} requires.
 */
public final class ScenarioTable {

    private final PluginUnderTest plugin;
    private final List<Row> rows = new ArrayList<>();

    ScenarioTable(PluginUnderTest plugin) {
        this.plugin = plugin;
    }

    private record Row(String ruleId, boolean fires, String name, String[] answers) {
    }

    /** A row: given {@code answers}, rule {@code ruleId} raises a finding. */
    public ScenarioTable fires(String ruleId, String name, String... answers) {
        rows.add(new Row(ruleId, true, name, answers.clone()));
        return this;
    }

    /** A row: given {@code answers}, rule {@code ruleId} raises nothing. */
    public ScenarioTable quiet(String ruleId, String name, String... answers) {
        rows.add(new Row(ruleId, false, name, answers.clone()));
        return this;
    }

    /** One dynamic test per row, in the order written, for a {@code @TestFactory} method to return. */
    public Stream<DynamicTest> tests() {
        return List.copyOf(rows).stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> check(row)));
    }

    private void check(Row row) {
        Scenario scenario = plugin.given().named(row.name()).answers(row.answers());
        if (row.fires()) {
            scenario.expect(plugin.rule(row.ruleId()).severity(), row.ruleId()).atLeast();
        } else {
            scenario.doesNotRaise(row.ruleId());
        }
    }
}
