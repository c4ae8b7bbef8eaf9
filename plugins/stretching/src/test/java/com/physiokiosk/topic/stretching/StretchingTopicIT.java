package com.physiokiosk.topic.stretching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.TopicChecks;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What is particular to the stretching topic, checked on the packaged jar as the kiosk loads it: its skip
 * logic, its place on the topic screen, its sources and the wording of its texts. What every topic needs
 * (ids, conditions, bundles, plain pictures) is checked by the kiosk at load and by {@link TopicChecks};
 * what the patient is told for which answers, by {@link StretchingTopicScenariosIT}.
 */
@TopicPluginTest(requireRuleCoverage = false)
@DisplayName("Pain after stretching topic")
class StretchingTopicIT {

    @TestFactory
    @DisplayName("general checks")
    Stream<DynamicTest> generalChecks(PluginUnderTest plugin) {
        return TopicChecks.all(plugin);
    }

    // ---- skip logic --------------------------------------------------------------------------

    @Test
    @DisplayName("a patient with no leg symptoms skips the both-legs and getting-worse question")
    void noLegSymptomsSkipsPattern(PluginUnderTest plugin) {
        assertFalse(plugin.asked("leg-symptoms=none").contains("leg-pattern"));
    }

    @Test
    @DisplayName("a patient with any leg symptom is asked whether it is in both legs or getting worse")
    void legSymptomsAskPattern(PluginUnderTest plugin) {
        for (String symptom : List.of("shooting", "tingling", "numbness", "weakness")) {
            assertTrue(plugin.asked("leg-symptoms=" + symptom).contains("leg-pattern"), symptom);
        }
    }

    @Test
    @DisplayName("the leg pattern question is not asked before the leg symptoms are answered")
    void patternWaitsForSymptoms(PluginUnderTest plugin) {
        assertFalse(plugin.asked().contains("leg-pattern"));
    }

    @Test
    @DisplayName("the topic asks no pain score of its own and adds no severe-pain flag: both are the host's")
    void asksNoSharedFact(PluginUnderTest plugin) {
        assertTrue(plugin.topic().question("pain-score").isEmpty());
        assertTrue(plugin.topic().questions().stream()
                .noneMatch(q -> q.type() == QuestionType.SCALE_0_10 || q.type() == QuestionType.NUMBER));
        assertTrue(plugin.topic().rules().stream().noneMatch(r -> r.id().equals("severe-pain")));
    }

    @Test
    @DisplayName("a patient sees 9 screens, one more with leg symptoms")
    void screenCount(PluginUnderTest plugin) {
        assertEquals(List.of("intro", "pain-change", "leg-symptoms", "spine-condition", "stretches", "hold-time",
                "technique", "new-exercise", "muscle-balance"), plugin.asked("leg-symptoms=none"));
        assertEquals(List.of("intro", "pain-change", "leg-symptoms", "leg-pattern", "spine-condition", "stretches",
                "hold-time", "technique", "new-exercise", "muscle-balance"), plugin.asked("leg-symptoms=tingling"));
    }

    @Test
    @DisplayName("every symptom or multi-choice question has exactly one exclusive 'none' option, last")
    void multiChoiceHasExclusiveNone(PluginUnderTest plugin) {
        plugin.topic().questions().stream().filter(q -> q.type() == QuestionType.MULTI_CHOICE).forEach(q -> {
            assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count(), q.linkId());
            assertTrue(q.options().get(q.options().size() - 1).exclusive(), q.linkId());
        });
        Question legs = plugin.topic().question("leg-symptoms").orElseThrow();
        assertEquals(QuestionType.MULTI_CHOICE, legs.type());
        assertTrue(legs.option("none").orElseThrow().exclusive());
    }

    // ---- structure ---------------------------------------------------------------------------

    @Test
    @DisplayName("topic info is stretching, order 20, with its icon")
    void topicInfo(PluginUnderTest plugin) {
        assertEquals(new TopicInfo("stretching", "topic.title", "topic.summary", "stretching.svg", 20), plugin.topic().info());
    }

    @Test
    @DisplayName("red flags cite guidance (the national cauda equina pathway, NICE CKS); every other rule the seed, with its section")
    void redFlagsCiteGuidanceTheRestTheSeed(PluginUnderTest plugin) {
        assertEquals("GIRFT CES pathway", plugin.rule("nerve-both-legs").source().document());
        assertEquals(2023, plugin.rule("nerve-both-legs").source().year());
        assertEquals("NICE CKS", plugin.rule("nerve-getting-worse").source().document());
        plugin.topic().rules().forEach(r -> {
            if (r.severity() == Severity.URGENT) {
                assertTrue(r.source().isGuideline(), r.id());
            } else {
                assertEquals("002_3884f06a989bdb52.txt", r.source().document(), r.id());
                assertNotNull(r.source().citation(), r.id());
            }
        });
    }

    @Test
    @DisplayName("the same symptom has the same severity as in every topic: one leg CONSULT, both legs or a leg getting weaker URGENT")
    void severityPolicy(PluginUnderTest plugin) {
        assertEquals(Severity.CONSULT, plugin.rule("leg-weakness").severity());
        assertTrue(plugin.rule("leg-weakness").source().citation().contains("foot drop"));
        assertTrue(plugin.topic().text("en", "rule.weakness.clinician").contains("safety screen"));
        assertTrue(plugin.topic().text("es", "rule.weakness.clinician").contains("cribado de seguridad"));
    }

    @Test
    @DisplayName("patient texts use plain words in both languages: no 'nerve symptoms', 'degenerative', 'core', 'tropieza'")
    void plainWords(PluginUnderTest plugin) {
        Map<String, List<String>> avoided = Map.of(
                "en", List.of("nerve symptoms", "degenerative", "core", "clinician"),
                "es", List.of("molestias de los nervios", "degenerativa", "core", "tropieza", "escalar", "conviene"));
        avoided.forEach((language, words) -> plugin.topic().messages().keys(language).forEach(key -> {
            String text = plugin.topic().text(language, key).toLowerCase(Locale.ROOT);
            boolean staffNote = key.endsWith(".clinician");
            for (String word : words) {
                if (!staffNote || word.equals("core") || word.equals("escalar")) {
                    assertFalse(text.contains(word), language + " " + key + " says '" + word + "'");
                }
            }
        }));
    }

    @Test
    @DisplayName("a patient asked to pause stretching is still told to keep moving gently, in both languages (NICE NG59)")
    void pauseButKeepMoving(PluginUnderTest plugin) {
        for (String key : List.of("rule.nerve.patient", "rule.structural.patient")) {
            assertTrue(plugin.topic().text("en", key).contains("keep moving gently"), key);
            assertTrue(plugin.topic().text("es", key).contains("siga moviéndose con suavidad"), key);
        }
    }

    @Test
    @DisplayName("both CONTENT.md flags are there with their severities")
    void contentFlags(PluginUnderTest plugin) {
        assertEquals(Severity.CONSULT, plugin.rule("nerve-symptoms").severity());
        assertEquals(Severity.CONSULT, plugin.rule("structural-known-condition").severity());
        assertEquals(Severity.CONSULT, plugin.rule("structural-sudden-pain").severity());
        assertEquals(Severity.URGENT, plugin.rule("nerve-both-legs").severity());
        assertEquals(Severity.URGENT, plugin.rule("nerve-getting-worse").severity());
    }

    // ---- texts and pictures ------------------------------------------------------------------

    @Test
    @DisplayName("Spanish is read as UTF-8 with its accents intact")
    void spanishAccents(PluginUnderTest plugin) {
        assertEquals("¿Qué estiramientos ha estado haciendo?", plugin.topic().text("es", "q.stretches.text"));
    }

    @Test
    @DisplayName("consult patient texts ask the patient to mention it at reception or say who will follow up")
    void consultTextsSayWhatToDo(PluginUnderTest plugin) {
        plugin.patientTexts(Severity.CONSULT, "en").forEach((rule, text) -> assertTrue(text.contains("reception"), rule));
        plugin.patientTexts(Severity.CONSULT, "es").forEach((rule, text) -> assertTrue(text.contains("recepción"), rule));
    }

    @Test
    @DisplayName("patient texts never name a diagnosis as certain")
    void noDiagnosis(PluginUnderTest plugin) {
        List<String> banned = List.of("you have a", "you have sciatica", "diagnos", "cauda equina", "herniated");
        plugin.patientTexts("en").forEach((rule, text) -> banned.forEach(word ->
                assertFalse(text.toLowerCase(Locale.ROOT).contains(word), rule + " contains " + word)));
    }

    @Test
    @DisplayName("the icon is a 64 by 64 line drawing in the text colour")
    void icon(PluginUnderTest plugin) {
        String svg = plugin.assetText("stretching.svg");
        assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
        assertTrue(svg.contains("currentColor"));
    }
}
