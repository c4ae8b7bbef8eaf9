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
 * logic for partners and birth parents (read from the host's facts), its place on the topic screen, its sources, and texts that echo
 * nothing private. What every topic needs (ids, conditions, bundles, plain pictures) is checked by the
 * kiosk at load and by {@link TopicChecks}; what the patient is told for which answers, by
 * {@link PostpartumTopicScenariosIT}.
 */
@TopicPluginTest(requireRuleCoverage = false)
@DisplayName("Back pain after having a baby topic")
class PostpartumTopicIT {

    /** Asked only after a recent birth, or while breastfeeding (the host's facts). */
    private static final List<String> BIRTH_ONLY = List.of("stopped-breastfeeding", "calcium-vitamin-d");

    @TestFactory
    @DisplayName("general checks")
    Stream<DynamicTest> generalChecks(PluginUnderTest plugin) {
        return TopicChecks.all(plugin);
    }

    // ---- skip logic --------------------------------------------------------------------------

    @Test
    @DisplayName("a partner or other carer skips the questions about stopping breastfeeding and calcium")
    void partnerSkipsBirthQuestions(PluginUnderTest plugin) {
        List<String> shown = plugin.asked("fact.maternity=none");
        BIRTH_ONLY.forEach(id -> assertFalse(shown.contains(id), id));
    }

    @Test
    @DisplayName("after a recent birth, not breastfeeding now, the patient is asked whether they stopped, and about calcium")
    void birthParentIsAskedEverything(PluginUnderTest plugin) {
        List<String> shown = plugin.asked("fact.maternity=recent-birth", "fact.weeks-since-birth=8");
        BIRTH_ONLY.forEach(id -> assertTrue(shown.contains(id), id));
    }

    @Test
    @DisplayName("a patient breastfeeding now is asked about calcium, not whether they stopped")
    void breastfeedingIsAskedCalciumOnly(PluginUnderTest plugin) {
        for (List<String> shown : List.of(
                plugin.asked("fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=8"),
                plugin.asked("fact.maternity=breastfeeding"))) {
            assertTrue(shown.contains("calcium-vitamin-d"), shown.toString());
            assertFalse(shown.contains("stopped-breastfeeding"), shown.toString());
        }
    }

    @Test
    @DisplayName("everyone is asked about the pain, the legs, sudden pain, lifting, feeding posture and the mattress")
    void sharedQuestionsAreAlwaysAsked(PluginUnderTest plugin) {
        for (String id : List.of("intro", "pain-duration", "night-pain", "activity-worse", "leg-symptoms",
                "sudden-or-height", "lifting", "feeding-posture", "mattress")) {
            assertEquals(Condition.always(), plugin.topic().question(id).orElseThrow().enableWhen(), id);
        }
    }

    @Test
    @DisplayName("a patient sees 9 screens as a partner, 10 while breastfeeding, 11 after a recent birth without; "
            + "one more after a leg symptom, one more after sudden severe pain")
    void screenCount(PluginUnderTest plugin) {
        List<String> everyone = List.of("intro", "pain-duration", "night-pain", "activity-worse", "leg-symptoms",
                "sudden-or-height");
        assertEquals(List.of("intro", "pain-duration", "night-pain", "activity-worse", "leg-symptoms", "leg-pattern",
                        "sudden-or-height", "thin-bones", "lifting", "feeding-posture", "mattress"),
                plugin.asked("fact.maternity=none", "leg-symptoms=tingling", "sudden-or-height=sudden-severe"),
                "a leg symptom asks whether both legs or worse; sudden severe pain asks about thin bones");
        List<String> habits = List.of("lifting", "feeding-posture", "mattress");
        assertEquals(concat(everyone, List.of(), habits), plugin.asked("fact.maternity=none"));
        assertEquals(concat(everyone, List.of("calcium-vitamin-d"), habits),
                plugin.asked("fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=8"));
        assertEquals(concat(everyone, List.of("stopped-breastfeeding", "calcium-vitamin-d"), habits),
                plugin.asked("fact.maternity=recent-birth", "fact.weeks-since-birth=8"));
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return Stream.of(a, b, c).flatMap(List::stream).toList();
    }

    @Test
    @DisplayName("the topic asks no birth, breastfeeding, age or pain-score question of its own: it reads the host's facts")
    void asksNoSharedFact(PluginUnderTest plugin) {
        for (String gone : List.of("gave-birth", "weeks-since-birth", "pain-score", "breastfeeding")) {
            assertTrue(plugin.topic().question(gone).isEmpty(), gone);
        }
        assertTrue(plugin.topic().questions().stream()
                .noneMatch(q -> q.type() == QuestionType.SCALE_0_10 || q.type() == QuestionType.NUMBER));
        assertTrue(plugin.topic().rules().stream().noneMatch(r -> r.id().equals("severe-pain")),
                "severe pain is the host's rule");
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
    @DisplayName("red flags cite guidance (the national cauda equina pathway, NICE CKS); every other rule the seed, with its section")
    void redFlagsCiteGuidanceTheRestTheSeed(PluginUnderTest plugin) {
        assertEquals("GIRFT CES pathway", plugin.rule("nerve-both-legs").source().document());
        assertEquals("NICE CKS", plugin.rule("nerve-getting-worse").source().document());
        assertEquals("NICE CKS", plugin.rule("possible-vertebral-fracture").source().document());
        assertEquals("NICE CKS", plugin.rule("night-pain-no-position").source().document());
        plugin.topic().rules().forEach(r -> {
            if (r.severity() == Severity.URGENT) {
                assertTrue(r.source().isGuideline(), r.id());
            } else {
                assertEquals("004_a5cbf8c0782e5487.txt", r.source().document(), r.id());
                assertNotNull(r.source().citation(), r.id());
            }
        });
    }

    @Test
    @DisplayName("the seed's doubtful facts are left out of the staff notes: no pregnancy osteophytes, no routine calcitriol; "
            + "inflammatory back pain (NICE NG65) is named with the night pain")
    void doubtfulSeedFactsAreFixed(PluginUnderTest plugin) {
        for (String language : List.of("en", "es")) {
            String pattern = plugin.topic().text(language, "rule.nightpattern.clinician");
            assertTrue(pattern.contains("NICE NG65"), pattern);
            assertTrue(pattern.contains(language.equals("en") ? "do not form within the months of a pregnancy"
                    : "no se forman en los meses de un embarazo"), pattern);
            String bone = plugin.topic().text(language, "rule.lactationbone.clinician");
            assertFalse(bone.contains("calcitriol"), bone);
            assertTrue(bone.contains("colecalciferol"), bone);
            assertTrue(plugin.topic().text(language, "rule.nightstays.clinician").contains("NICE NG65"));
            assertTrue(plugin.topic().text(language, "rule.nightnoposition.clinician").contains("NICE NG65"));
        }
        assertTrue(plugin.rule("note-night-pattern").source().citation().contains("osteophytes"));
        assertTrue(plugin.rule("note-lactation-bone").source().citation().contains("not routine"));
    }

    @Test
    @DisplayName("patient words are plain and the Spanish one neutral Latin American, with usted")
    void plainWordsAndSpanish(PluginUnderTest plugin) {
        Map<String, List<String>> avoided = Map.of(
                "en", List.of("bird-dog", "clinician", "fortified", "stool"),
                "es", List.of("bird-dog", "perro de caza", "cuanto antes", "conviene", "enriquecid", "compresa", "coger"));
        avoided.forEach((language, words) -> plugin.topic().messages().keys(language).stream()
                .filter(key -> !key.endsWith(".clinician"))
                .forEach(key -> words.forEach(word -> assertFalse(
                        plugin.topic().text(language, key).toLowerCase(Locale.ROOT).contains(word),
                        language + " " + key + " says '" + word + "'"))));
        assertTrue(plugin.topic().text("es", "q.feeding.opt.hunched").contains("encorvado o encorvada"));
        assertTrue(plugin.topic().text("es", "rule.bothlegs.patient").contains("de inmediato"));
    }

    @Test
    @DisplayName("footwear is comfort advice, never a treatment (NICE NG59)")
    void footwearIsComfortOnly(PluginUnderTest plugin) {
        assertTrue(plugin.topic().text("en", "rule.footwear.patient").contains("comfortable flat shoes"));
        assertFalse(plugin.topic().text("en", "rule.footwear.patient").contains("support your feet"));
        assertTrue(plugin.topic().text("en", "rule.footwear.clinician").contains("NICE NG59"));
        assertTrue(plugin.topic().text("es", "rule.footwear.clinician").contains("NICE NG59"));
    }

    @Test
    @DisplayName("each red flag of the severity policy is URGENT, and each 'consult' flag is CONSULT, as in every topic")
    void severitiesFollowThePolicy(PluginUnderTest plugin) {
        assertEquals(Severity.CONSULT, plugin.rule("leg-nerve-signs").severity(), "one leg is a consult everywhere");
        assertEquals(Severity.URGENT, plugin.rule("nerve-both-legs").severity());
        assertEquals(Severity.URGENT, plugin.rule("nerve-getting-worse").severity());
        assertEquals(Severity.CONSULT, plugin.rule("height-loss").severity());
        assertEquals(Severity.URGENT, plugin.rule("possible-vertebral-fracture").severity());
        assertEquals(Severity.URGENT, plugin.rule("night-pain-no-position").severity());
        assertEquals(Severity.CONSULT, plugin.rule("sudden-severe-pain").severity());
        assertEquals(Severity.CONSULT, plugin.rule("pain-beyond-six-weeks").severity());
        assertEquals(Severity.CONSULT, plugin.rule("worse-with-activity").severity());
        assertEquals(Severity.INFO, plugin.rule("note-night-pattern").severity());
        assertEquals(Severity.INFO, plugin.rule("note-lactation-bone").severity());
    }

    // ---- texts and pictures ------------------------------------------------------------------

    @Test
    @DisplayName("Spanish is read as UTF-8 with its accents intact")
    void spanishAccents(PluginUnderTest plugin) {
        assertEquals("¿Toma calcio y vitamina D todos los días?", plugin.topic().text("es", "q.calcium.text"));
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
