package com.physiokiosk.topic.postpartum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.TopicChecks;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What is particular to the postpartum topic, checked on the packaged jar as the kiosk loads it: its skip
 * logic for partners and birth parents, its place on the topic screen, its sources, and texts that echo
 * nothing private. What every topic needs (ids, conditions, bundles, plain pictures) is checked by the
 * kiosk at load and by {@link TopicChecks}; what the patient is told for which answers, by
 * {@link PostpartumTopicScenariosIT}.
 */
@TopicPluginTest(requireRuleCoverage = false)
@DisplayName("Back pain after having a baby topic")
class PostpartumTopicIT {

    private static final List<String> BIRTH_ONLY = List.of("weeks-since-birth", "breastfeeding", "calcium-vitamin-d");

    @TestFactory
    @DisplayName("general checks")
    Stream<DynamicTest> generalChecks(PluginUnderTest plugin) {
        return TopicChecks.all(plugin);
    }

    // ---- skip logic --------------------------------------------------------------------------

    @Test
    @DisplayName("a partner or other carer skips the questions about the birth, feeding and calcium")
    void partnerSkipsBirthQuestions(PluginUnderTest plugin) {
        List<String> shown = plugin.asked("gave-birth=no");
        BIRTH_ONLY.forEach(id -> assertFalse(shown.contains(id), id));
    }

    @Test
    @DisplayName("a patient who gave birth is asked about the birth, feeding and calcium")
    void birthParentIsAskedEverything(PluginUnderTest plugin) {
        List<String> shown = plugin.asked("gave-birth=yes");
        BIRTH_ONLY.forEach(id -> assertTrue(shown.contains(id), id));
    }

    @Test
    @DisplayName("the questions only for birth parents depend on the birth question")
    void birthQuestionsDependOnGate(PluginUnderTest plugin) {
        BIRTH_ONLY.forEach(id ->
                assertEquals(Condition.yes("gave-birth"), plugin.topic().question(id).orElseThrow().enableWhen(), id));
    }

    @Test
    @DisplayName("everyone is asked about the pain, the legs, sudden pain, lifting, feeding posture and the mattress")
    void sharedQuestionsAreAlwaysAsked(PluginUnderTest plugin) {
        for (String id : List.of("intro", "gave-birth", "pain-score", "pain-duration", "night-pain",
                "activity-worse", "leg-symptoms", "sudden-or-height", "lifting", "feeding-posture", "mattress")) {
            assertEquals(Condition.always(), plugin.topic().question(id).orElseThrow().enableWhen(), id);
        }
    }

    @Test
    @DisplayName("a patient sees between 8 and 14 screens: 11 for a partner, 14 after giving birth")
    void screenCount(PluginUnderTest plugin) {
        assertEquals(11, plugin.asked("gave-birth=no").size());
        assertEquals(14, plugin.asked("gave-birth=yes").size());
    }

    @Test
    @DisplayName("the pain score question is linkId pain-score, a 0-10 scale")
    void painScoreIsAScale(PluginUnderTest plugin) {
        assertEquals(QuestionType.SCALE_0_10, plugin.topic().question("pain-score").orElseThrow().type());
    }

    @Test
    @DisplayName("the symptom questions are multiple choice with one exclusive 'none of these' option")
    void symptomQuestionsHaveExclusiveNone(PluginUnderTest plugin) {
        for (String id : List.of("leg-symptoms", "sudden-or-height")) {
            Question q = plugin.topic().question(id).orElseThrow();
            assertEquals(QuestionType.MULTI_CHOICE, q.type(), id);
            assertTrue(q.option("none").orElseThrow().exclusive(), id);
            assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count(), id);
        }
    }

    // ---- structure ---------------------------------------------------------------------------

    @Test
    @DisplayName("topic info is postpartum, order 40, with its icon")
    void topicInfo(PluginUnderTest plugin) {
        assertEquals(new TopicInfo("postpartum", "topic.title", "topic.summary", "postpartum.svg", 40), plugin.topic().info());
    }

    @Test
    @DisplayName("every rule names the seed article as its source, with the section it rests on")
    void everyRuleCitesTheSeed(PluginUnderTest plugin) {
        plugin.topic().rules().forEach(r -> {
            assertEquals("004_a5cbf8c0782e5487.txt", r.source().document(), r.id());
            assertNotNull(r.source().citation(), r.id());
        });
    }

    @Test
    @DisplayName("each red flag of the content guide is URGENT, and each 'consult' flag is CONSULT")
    void severitiesFollowTheContentGuide(PluginUnderTest plugin) {
        assertEquals(Severity.URGENT, plugin.rule("leg-nerve-signs").severity());
        assertEquals(Severity.URGENT, plugin.rule("possible-vertebral-fracture").severity());
        assertEquals(Severity.URGENT, plugin.rule("night-pain-no-position").severity());
        assertEquals(Severity.CONSULT, plugin.rule("pain-beyond-six-weeks").severity());
        assertEquals(Severity.CONSULT, plugin.rule("worse-with-activity").severity());
        assertEquals(Severity.INFO, plugin.rule("note-night-pattern").severity());
        assertEquals(Severity.INFO, plugin.rule("note-lactation-bone").severity());
    }

    // ---- texts and pictures ------------------------------------------------------------------

    @Test
    @DisplayName("Spanish is read as UTF-8 with its accents intact")
    void spanishAccents(PluginUnderTest plugin) {
        assertEquals("¿Dio usted a luz al bebé?", plugin.topic().text("es", "q.gavebirth.text"));
    }

    @Test
    @DisplayName("patient texts name no diagnosis and echo nothing private from the answers")
    void patientTextsAreDiscreet(PluginUnderTest plugin) {
        Map<String, List<String>> banned = Map.of(
                "en", List.of("breast", "milk", "nursing", "pelvic floor", "bladder", "fracture", "osteoporosis",
                        "spondylolisthesis", "bone spur", "herniat", "diagnos"),
                "es", List.of("pecho", "leche", "lactancia", "suelo pélvico", "vejiga", "fractura", "osteoporosis",
                        "espondilolistesis", "osteofito", "hernia", "diagnóstico"));
        banned.forEach((language, words) -> plugin.patientTexts(language).forEach((rule, text) -> words.forEach(word ->
                assertFalse(text.toLowerCase(Locale.ROOT).contains(word), language + " " + rule + " mentions " + word))));
    }

    @Test
    @DisplayName("the icon is a 64 by 64 line drawing in the text colour")
    void icon(PluginUnderTest plugin) {
        String svg = plugin.assetText("postpartum.svg");
        assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
        assertTrue(svg.contains("stroke=\"currentColor\""));
    }
}
