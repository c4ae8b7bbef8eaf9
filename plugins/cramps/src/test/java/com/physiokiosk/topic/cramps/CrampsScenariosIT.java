package com.physiokiosk.topic.cramps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.plugins.PluginStatus;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.Scenario;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The packaged cramps jar, loaded through PF4J by the kiosk's own plugin manager: it starts, passes
 * the load-time checks, and every scenario of the table gives the same findings as in the unit tests.
 */
@TopicPluginTest
@DisplayName("Back cramps plugin, loaded as the kiosk loads it")
class CrampsScenariosIT {

    @Test
    void thePackagedJarLoadsAndStartsOnItsOwn(PluginUnderTest plugin) {
        List<PluginStatus> plugins = plugin.plugins();
        assertEquals(1, plugins.size());
        assertEquals("cramps", plugins.get(0).id());
        assertEquals("STARTED", plugins.get(0).state());
        assertEquals("cramps", plugin.topic().id());
    }

    @TestFactory
    Stream<DynamicTest> theScenarioTableHoldsInsideTheKiosk(PluginUnderTest plugin) {
        return CrampsTopicTest.SCENARIOS.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Scenario scenario = plugin.given();
            s.answers().asMap().forEach((linkId, values) -> scenario.answer(linkId, values.toArray(String[]::new)));
            if (s.fires()) {
                Severity severity = plugin.topic().rules().stream().filter(r -> r.id().equals(s.ruleId()))
                        .findFirst().orElseThrow().severity();
                scenario.expect(severity, s.ruleId()).atLeast();
            } else {
                scenario.doesNotRaise(s.ruleId());
            }
        }));
    }

    @Test
    void lateLabourSignsAreUrgentWithNoPainkillerAdvice(PluginUnderTest plugin) {
        plugin.given()
                .answer("trigger", "none").answer("pain-score", "7").answer("muscular", "unsure")
                .answer("rhythmic", "yes").answer("belly", "no").answer("unwell", "none")
                .answer("periods-or-pregnant", "yes").answer("pregnant", "yes").answer("pregnancy-weeks", "37")
                .expect(Severity.URGENT, "labour-signs")
                .expect(Severity.INFO, "pregnancy")
                .expect(Severity.INFO, "character-unclear")
                .expect(Severity.ADVICE, "advice-heat")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-medicine-check")
                .andNothingElse();
    }

    @Test
    void skippedQuestionsDoNotCountEvenIfStaleAnswersRemain(PluginUnderTest plugin) {
        // Pregnancy answers given, then the patient changed "periods or pregnant" to no: they no longer count.
        plugin.given()
                .answer("pain-score", "3").answer("muscular", "muscular").answer("rhythmic", "yes")
                .answer("periods-or-pregnant", "no").answer("pregnant", "yes").answer("pregnancy-weeks", "38")
                .doesNotRaise("labour-signs");
    }
}
