package com.physiokiosk.topic.cramps;

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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What is particular to the cramps topic, checked on the packaged jar as the kiosk loads it: its skip
 * logic, its place on the topic screen, its sources and the wording of its texts. What every topic needs
 * (ids, conditions, bundles, plain pictures) is checked by the kiosk at load and by {@link TopicChecks};
 * what the patient is told for which answers, by {@link CrampsScenariosIT}.
 */
@TopicPluginTest(requireRuleCoverage = false)
@DisplayName("Back cramps topic")
class CrampsTopicIT {

    @TestFactory
    @DisplayName("general checks")
    Stream<DynamicTest> generalChecks(PluginUnderTest plugin) {
        return TopicChecks.all(plugin);
    }

    // ---- skip logic --------------------------------------------------------------------------

    @Test
    @DisplayName("a patient who is not pregnant sees seven screens, ending with the question about periods")
    void notPregnantJourney(PluginUnderTest plugin) {
        List<String> expected = List.of("intro", "trigger", "muscular", "rhythmic", "belly", "unwell", "period-link");
        for (String maternity : List.of("none", "recent-birth", "breastfeeding", "recent-birth,breastfeeding")) {
            assertEquals(expected, plugin.asked("fact.maternity=" + maternity), maternity);
        }
    }

    @Test
    @DisplayName("a patient who is pregnant, or may be, is not asked about periods")
    void pregnantSkipsPeriods(PluginUnderTest plugin) {
        List<String> expected = List.of("intro", "trigger", "muscular", "rhythmic", "belly", "unwell");
        assertEquals(expected, plugin.asked("fact.maternity=pregnant", "fact.pregnancy-weeks=30"));
        assertEquals(expected, plugin.asked("fact.maternity=pregnant"));
        assertEquals(expected, plugin.asked("fact.maternity=maybe-pregnant"));
    }

    @Test
    @DisplayName("the topic asks no pain score, pregnancy or breastfeeding question of its own: it reads the host's facts")
    void asksNoSharedFact(PluginUnderTest plugin) {
        List<String> own = plugin.topic().questions().stream().map(Question::linkId).toList();
        for (String gone : List.of("pain-score", "periods-or-pregnant", "pregnant", "pregnancy-weeks")) {
            assertFalse(own.contains(gone), gone);
        }
        assertTrue(plugin.topic().questions().stream()
                .noneMatch(q -> q.type() == QuestionType.SCALE_0_10 || q.type() == QuestionType.NUMBER));
        assertTrue(plugin.topic().rules().stream().noneMatch(r -> r.id().equals("severe-pain")),
                "severe pain is the host's rule");
    }

    @Test
    @DisplayName("the question about periods is a plain yes or no that tells patients without periods to choose No")
    void periodLinkIsYesNo(PluginUnderTest plugin) {
        Question q = plugin.topic().question("period-link").orElseThrow();
        assertEquals(QuestionType.YES_NO, q.type());
        assertTrue(plugin.topic().text("en", q.helpKey()).contains("If you do not have periods, choose No."));
    }

    @Test
    @DisplayName("'what started it' has an exclusive 'not sure / none of these' option")
    void triggerHasExclusiveNone(PluginUnderTest plugin) {
        Question q = plugin.topic().question("trigger").orElseThrow();
        assertEquals(QuestionType.MULTI_CHOICE, q.type());
        assertTrue(q.option("none").orElseThrow().exclusive());
        assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count());
    }

    // ---- structure ---------------------------------------------------------------------------

    @Test
    @DisplayName("topic info is cramps, order 30, with its icon")
    void topicInfo(PluginUnderTest plugin) {
        assertEquals(new TopicInfo("cramps", "topic.title", "topic.summary", "cramps.svg", 30), plugin.topic().info());
    }

    @Test
    @DisplayName("red flags cite NICE guidance (maternity guidance for cramps in a pregnancy); every other rule the seed")
    void redFlagsCiteGuidanceTheRestTheSeed(PluginUnderTest plugin) {
        assertEquals("NICE NG235", plugin.rule("labour-signs").source().document());
        assertTrue(plugin.rule("labour-signs").source().citation().contains("NICE NG25"), "preterm labour named too");
        assertEquals("NICE NG126", plugin.rule("pregnancy-rhythmic-cramps").source().document());
        assertEquals("NICE CKS", plugin.rule("unwell-signs").source().document());
        plugin.topic().rules().forEach(r -> {
            if (r.severity() == Severity.URGENT) {
                assertTrue(r.source().isGuideline(), r.id());
                assertEquals("NICE", r.source().issuer(), r.id());
                assertFalse(r.source().document().endsWith(".txt"), r.id() + " cites a seed");
            } else {
                assertEquals("003_e7d96563a60eeb5c.txt", r.source().document(), r.id());
                assertNotNull(r.source().citation(), r.id());
            }
        });
    }

    // ---- texts and pictures ------------------------------------------------------------------

    @Test
    @DisplayName("Spanish is read as UTF-8 with its accents intact")
    void spanishAccents(PluginUnderTest plugin) {
        assertEquals("¿Los calambres suelen aparecer durante la menstruación o cerca de ella?",
                plugin.topic().text("es", "q.periodlink.text"));
    }

    @Test
    @DisplayName("the pattern question asks one thing: a regular pattern, not also whether the cramps come more often")
    void patternQuestionAsksOneThing(PluginUnderTest plugin) {
        assertEquals("Do the cramps come and go in a regular pattern?", plugin.topic().text("en", "q.rhythmic.text"));
        assertEquals("¿Los calambres van y vienen siguiendo un ritmo regular?", plugin.topic().text("es", "q.rhythmic.text"));
        for (String language : List.of("en", "es")) {
            String question = plugin.topic().text(language, "q.rhythmic.text") + " " + plugin.topic().text(language, "q.rhythmic.help");
            for (String twoThings : List.of(" and are", "more often", "sooner", "más frecuencia", "más seguid", "antes cada vez")) {
                assertFalse(question.contains(twoThings), language + ": " + question);
            }
        }
    }

    @Test
    @DisplayName("nausea or tummy pain alone is a consult: its words send no one to a doctor today, in either language")
    void nauseaAloneIsNotSentToADoctorToday(PluginUnderTest plugin) {
        assertEquals(Severity.CONSULT, plugin.rule("belly-or-nausea").severity());
        String en = plugin.topic().text("en", "rule.bellynausea.patient");
        String es = plugin.topic().text("es", "rule.bellynausea.patient");
        assertFalse(en.contains("doctor") || en.contains("today"), en);
        assertFalse(es.contains("médico") || es.contains("hoy"), es);
        assertTrue(en.contains("physiotherapist") && es.contains("fisioterapeuta"));
        String note = plugin.topic().text("en", "rule.bellynausea.clinician");
        assertFalse(note.contains("today"), note);
    }

    @Test
    @DisplayName("shoes are comfort advice, never a treatment, as NICE NG59 advises against foot orthotics")
    void shoesAreComfortOnly(PluginUnderTest plugin) {
        assertTrue(plugin.topic().text("en", "rule.shoes.patient").startsWith("Comfortable shoes"));
        assertTrue(plugin.topic().text("en", "rule.shoes.patient").contains("not needed for back pain"));
        assertTrue(plugin.topic().text("es", "rule.shoes.patient").contains("no hacen falta plantillas"));
        assertFalse(plugin.topic().text("en", "rule.shoes.patient").contains("arch"), "no longer the seed's sentence");
        assertTrue(plugin.topic().text("en", "rule.shoes.clinician").contains("NICE NG59"));
        assertTrue(plugin.rule("advice-shoes").source().citation().contains("comfort advice only"));
    }

    @Test
    @DisplayName("Spanish: no 'regla' (it reads as 'are you on your period now'), maternity words as clinics use them, usted")
    void spanishWording(PluginUnderTest plugin) {
        Set<String> keys = plugin.topic().messages().keys("es");
        for (String key : keys) {
            String text = plugin.topic().text("es", key);
            for (String avoided : List.of("regla", "atención de maternidad", "espalda larga", "cuanto antes", "conviene", " tú ", "coger")) {
                assertFalse(text.contains(avoided), key + " says '" + avoided + "': " + text);
            }
        }
        assertTrue(plugin.topic().text("es", "rule.labour.patient").contains("urgencias de obstetricia"));
        assertTrue(plugin.topic().text("es", "rule.labour.patient").contains("de inmediato"));
    }

    @Test
    @DisplayName("the medicine check names who to ask in the patient's words as in the staff note: pharmacist, midwife or doctor")
    void medicineCheckWordsMatchTheNote(PluginUnderTest plugin) {
        String patient = plugin.topic().text("en", "rule.medicinecheck.patient");
        String note = plugin.topic().text("en", "rule.medicinecheck.clinician");
        for (String who : List.of("pharmacist", "midwife", "doctor")) {
            assertTrue(patient.contains(who) && note.contains(who), who);
        }
        assertTrue(plugin.topic().text("es", "rule.medicinecheck.patient").contains("partera"));
    }

    @Test
    @DisplayName("the icon is a 64 by 64 line drawing in the text colour")
    void icon(PluginUnderTest plugin) {
        String svg = plugin.assetText("cramps.svg");
        assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
        assertTrue(svg.contains("currentColor"));
    }
}
