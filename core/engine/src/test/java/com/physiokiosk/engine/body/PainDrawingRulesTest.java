package com.physiokiosk.engine.body;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.Finding;
import com.physiokiosk.engine.flow.RuleEvaluator;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The pain drawing's rules: both legs URGENT, one leg below the knee CONSULT, widespread a note")
class PainDrawingRulesTest {

    private static final LoadedTopic ABOUT = AboutYou.load();

    /** The drawing's findings (rule id and severity) for these regions marked; the other facts calm. */
    private static Map<String, Severity> findings(String... regions) {
        Answers answers = Answers.of(Map.of(Facts.AGE_BAND, List.of(Facts.AGE_20_49), Facts.FIRST_EPISODE,
                List.of("no"), Facts.MATERNITY, List.of(Facts.NONE_OF_THESE), Facts.PEG_PAIN, List.of("3"),
                Facts.PEG_ENJOYMENT, List.of("3"), Facts.PEG_ACTIVITY, List.of("3"), Facts.PAIN_NOW, List.of("3"),
                Facts.PAIN_AREAS, List.of(regions)));
        List<Finding> all = RuleEvaluator.evaluate(ABOUT, answers);
        return all.stream().filter(f -> f.ruleId().startsWith("drawing-"))
                .collect(Collectors.toMap(Finding::ruleId, Finding::severity));
    }

    @Test
    @DisplayName("the low back alone, or a back with a buttock, raises nothing")
    void lowBackAlone() {
        assertEquals(Map.of(), findings("back-left-low-back", "back-right-low-back"));
        assertEquals(Map.of(), findings("back-left-low-back", "back-left-buttock", "back-left-sacroiliac"));
        assertEquals(Map.of(), findings());
    }

    @Test
    @DisplayName("pain on both legs is URGENT, on the front, the back or across them, and below both knees")
    void bothLegs() {
        assertEquals(Map.of("drawing-both-legs", Severity.URGENT), findings("back-left-thigh", "back-right-thigh"));
        assertEquals(Map.of("drawing-both-legs", Severity.URGENT), findings("front-left-shin", "back-right-calf"));
        assertEquals(Map.of("drawing-both-legs", Severity.URGENT),
                findings("back-left-low-back", "front-right-foot", "front-left-knee"));
        assertEquals(Map.of("drawing-both-legs", Severity.URGENT), findings("back-left-calf", "back-right-calf"),
                "below both knees: both legs, never one leg");
    }

    @Test
    @DisplayName("below the knee of one leg, the other leg clear, is CONSULT; above the knee alone is nothing")
    void oneLegBelowTheKnee() {
        assertEquals(Map.of("drawing-one-leg-below-knee", Severity.CONSULT),
                findings("back-left-low-back", "back-left-buttock", "back-left-thigh", "back-left-calf"));
        assertEquals(Map.of("drawing-one-leg-below-knee", Severity.CONSULT), findings("front-right-foot"));
        assertEquals(Map.of(), findings("back-left-thigh"), "the thigh alone is not below the knee");
        assertEquals(Map.of(), findings("front-left-knee"), "nor is the knee");
    }

    @Test
    @DisplayName("widespread pain (ACR 1990: both sides, above and below the waist, axial) is a clinician note")
    void widespread() {
        assertEquals(Map.of("drawing-widespread", Severity.INFO),
                findings("front-left-shoulder", "front-right-forearm", "back-left-low-back", "front-right-hip"));
        assertEquals(Map.of(), findings("front-left-shoulder", "front-right-forearm", "front-right-hip"),
                "no axial pain: not widespread");
        assertEquals(Map.of(), findings("front-left-shoulder", "front-left-forearm", "back-left-low-back",
                "front-left-hip"), "one side only: not widespread");
        assertEquals(Map.of(), findings("back-left-flank", "back-left-low-back", "back-right-buttock"),
                "low back pain with a flank and a buttock: not widespread");
        assertEquals(Map.of(), findings("back-left-mid-back", "back-left-buttock", "back-right-buttock"),
                "back pain spreading to both buttocks: nothing above the waist off the spine");
        assertEquals(Map.of("drawing-widespread", Severity.INFO, "drawing-both-legs", Severity.URGENT),
                findings("back-left-neck", "front-left-hand", "front-right-hand", "back-left-calf", "back-right-knee"));
    }
}
