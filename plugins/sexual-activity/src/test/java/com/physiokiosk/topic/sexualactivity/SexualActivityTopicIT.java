package com.physiokiosk.topic.sexualactivity;

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
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What is particular to the intimacy topic, checked on the packaged jar as the kiosk loads it: its skip
 * logic, its place on the topic screen, its sources, and texts that are discreet enough to read over a
 * shoulder. What every topic needs (ids, conditions, bundles, plain pictures, safe templates) is checked
 * by the kiosk at load and by {@link TopicChecks}; what the patient is told for which answers, by
 * {@link SexualActivityTopicScenariosIT}.
 */
@TopicPluginTest(requireRuleCoverage = false)
@DisplayName("Back pain and intimacy topic")
class SexualActivityTopicIT {

    @TestFactory
    @DisplayName("general checks")
    Stream<DynamicTest> generalChecks(PluginUnderTest plugin) {
        return TopicChecks.all(plugin);
    }

    // ---- skip logic --------------------------------------------------------------------------

    @Test
    @DisplayName("the mattress is asked about only when the pain comes the next morning")
    void mattressOnlyForNextMorning(PluginUnderTest plugin) {
        assertFalse(plugin.asked("timing=during,after").contains("mattress"));
        assertFalse(plugin.asked("timing=unsure").contains("mattress"));
        assertTrue(plugin.asked("timing=after,next-morning").contains("mattress"));
    }

    @Test
    @DisplayName("when a spinal fracture happened is asked only of those who had one")
    void fractureDateOnlyAfterFracture(PluginUnderTest plugin) {
        assertFalse(plugin.asked("spine-condition=disc,degeneration").contains("fracture-recent"));
        assertFalse(plugin.asked("spine-condition=none").contains("fracture-recent"));
        assertTrue(plugin.asked("spine-condition=disc,fracture").contains("fracture-recent"));
    }

    @Test
    @DisplayName("every safety question is asked of everyone")
    void safetyQuestionsAlwaysAsked(PluginUnderTest plugin) {
        for (String linkId : List.of("symptoms", "sensation-change", "duration")) {
            assertEquals(Condition.always(), plugin.topic().question(linkId).orElseThrow().enableWhen(), linkId);
        }
    }

    @Test
    @DisplayName("the topic asks no pain score or pregnancy question of its own: it reads the host's facts")
    void asksNoSharedFact(PluginUnderTest plugin) {
        List<String> own = plugin.topic().questions().stream().map(Question::linkId).toList();
        assertFalse(own.contains("pain-score"));
        assertFalse(own.contains("pregnancy"));
        assertTrue(plugin.topic().questions().stream()
                .noneMatch(q -> q.type() == QuestionType.SCALE_0_10 || q.type() == QuestionType.NUMBER));
        assertTrue(plugin.topic().rules().stream().noneMatch(r -> r.id().equals("severe-pain") || r.id().equals("pregnancy")),
                "severe pain and pregnancy are the host's notes");
    }

    @Test
    @DisplayName("a patient sees 10 to 12 screens, whatever their facts")
    void screenCount(PluginUnderTest plugin) {
        assertEquals(List.of("intro", "timing", "duration", "pattern", "movement", "spine-condition", "symptoms",
                        "sensation-change", "pain-relief-before", "feelings"),
                plugin.asked("timing=during", "spine-condition=none"));
        assertEquals(List.of("intro", "timing", "duration", "pattern", "movement", "mattress", "spine-condition",
                        "fracture-recent", "symptoms", "sensation-change", "pain-relief-before", "feelings"),
                plugin.asked("timing=next-morning", "spine-condition=fracture"));
        for (String maternity : List.of("none", "pregnant", "maybe-pregnant", "breastfeeding")) {
            assertEquals(10, plugin.asked("fact.maternity=" + maternity, "timing=during", "spine-condition=none").size(),
                    maternity);
        }
    }

    @Test
    @DisplayName("questions where a patient picks symptoms or feelings have exactly one exclusive 'none' option")
    void multiChoicesHaveExclusiveNone(PluginUnderTest plugin) {
        for (Question q : plugin.topic().questions()) {
            if (q.type() == QuestionType.MULTI_CHOICE) {
                assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count(), q.linkId());
                assertTrue(q.options().get(q.options().size() - 1).exclusive(), q.linkId() + ": last is exclusive");
            }
        }
        for (String linkId : List.of("symptoms", "spine-condition", "feelings")) {
            assertTrue(plugin.topic().question(linkId).orElseThrow().option("none").orElseThrow().exclusive(), linkId);
        }
    }

    @Test
    @DisplayName("the movement question, and only it, shows the movement illustration")
    void movementIllustration(PluginUnderTest plugin) {
        assertEquals("movement.jte", plugin.topic().question("movement").orElseThrow().illustration());
        assertEquals(1, plugin.topic().questions().stream().filter(q -> q.illustration() != null).count());
    }

    // ---- structure ---------------------------------------------------------------------------

    @Test
    @DisplayName("topic info is sexual-activity, order 10, with its icon")
    void topicInfo(PluginUnderTest plugin) {
        assertEquals(new TopicInfo("sexual-activity", "topic.title", "topic.summary", "sexual-activity.svg", 10).asSensitive(),
                plugin.topic().info());
        assertTrue(plugin.topic().info().sensitive(), "its advice stays off the kiosk's screen");
    }

    @Test
    @DisplayName("linkIds are lower-case words joined by hyphens")
    void linkIdsAreLowerCaseWords(PluginUnderTest plugin) {
        plugin.topic().questions().forEach(q -> assertTrue(q.linkId().matches("[a-z][a-z-]*"), q.linkId()));
    }

    @Test
    @DisplayName("red flags cite guidance; other rules a seed, a study it cites, or NICE NG59 where the seed goes against it")
    void sources(PluginUnderTest plugin) {
        assertEquals("GIRFT CES pathway", plugin.rule("genital-numbness").source().document());
        assertEquals("GIRFT CES pathway", plugin.rule("new-bladder-trouble").source().document());
        assertEquals("NICE CKS", plugin.rule("fever").source().document());
        assertEquals("NICE CKS", plugin.rule("fever-with-urinary-signs").source().document());
        assertEquals("NICE NG59", plugin.rule("advice-ease-off").source().document());
        assertTrue(plugin.rule("advice-ease-off").source().citation().contains("replaces seed 001"));
        Set<String> seeds = Set.of("000_c78e4aa8519698dc.txt", "001_f0239f123ba0a3af.txt");
        plugin.topic().rules().forEach(r -> {
            if (r.severity() == Severity.URGENT) {
                assertTrue(r.source().isGuideline(), r.id());
            } else if (!r.source().isGuideline() && !r.source().document().startsWith("Sidorkewicz")
                    && !r.source().document().startsWith("Kovacs")) {
                assertTrue(seeds.contains(r.source().document()), r.id() + " cites " + r.source().document());
            }
            assertNotNull(r.source().citation(), r.id() + " names a study or section");
        });
    }

    @Test
    @DisplayName("position advice is worded for everyone; the staff note names both studies, men 2014 and women 2015")
    void positionAdviceIsNeutral(PluginUnderTest plugin) {
        for (String rule : List.of("advice-flexion-sensitive", "advice-extension-sensitive")) {
            String source = plugin.rule(rule).source().toString();
            assertTrue(source.contains("2014") && source.contains("2015"), source);
        }
        for (String key : List.of("rule.flexion.patient", "rule.extension.patient")) {
            assertTrue(plugin.topic().text("en", key).contains("fairly straight, with the movement"), key);
            assertTrue(plugin.topic().text("es", key).contains("bastante recta, moviéndose desde las caderas"), key);
            for (String language : List.of("en", "es")) {
                String text = plugin.topic().text(language, key).toLowerCase(Locale.ROOT);
                for (String oneStudy : List.of("knees", "all-fours", "all fours", "rodillas", "cuadrupedia", "arched", "arqueada")) {
                    assertFalse(text.contains(oneStudy), language + " " + key + ": " + text);
                }
            }
            String note = plugin.topic().text("en", key.replace(".patient", ".clinician"));
            assertTrue(note.contains("Sidorkewicz and McGill") && note.contains("2014") && note.contains("2015"), note);
        }
    }

    @Test
    @DisplayName("no advice says rest for weeks or avoid: ease off, then build up (NICE NG59), in both languages")
    void noRestOrAvoidAdvice(PluginUnderTest plugin) {
        assertTrue(plugin.topic().rules().stream().noneMatch(r -> r.id().equals("advice-slow-down")
                || r.id().equals("advice-avoid-triggers")), "replaced by advice-ease-off");
        for (String language : List.of("en", "es")) {
            plugin.patientTexts(language).forEach((rule, text) -> {
                String lower = text.toLowerCase(Locale.ROOT);
                for (String word : List.of("avoid", "few weeks", "let the back heal", "push your back too far", "evit", "unas semanas",
                        "dejar que la espalda se cure", "forzar")) {
                    assertFalse(lower.contains(word), language + " " + rule + ": " + text);
                }
            });
        }
        assertTrue(plugin.topic().text("en", "rule.easeoff.patient").contains("ease off, then build up"));
        assertTrue(plugin.topic().text("es", "rule.easeoff.patient").contains("Mantenerse activo"));
    }

    @Test
    @DisplayName("the mattress advice rests on the Kovacs trial, not on figures a review does not report")
    void mattressSource(PluginUnderTest plugin) {
        assertEquals("Kovacs FM et al., Lancet 2003;362:1599-604", plugin.rule("advice-mattress").source().document());
        for (String language : List.of("en", "es")) {
            String note = plugin.topic().text(language, "rule.mattress.clinician");
            assertTrue(note.contains("Kovacs et al., Lancet 2003;362:1599-604"), note);
            assertFalse(note.contains("55") || note.contains("48"), note);
        }
    }

    @Test
    @DisplayName("texts are the kiosk's own: the partner and pillow advice no longer follow the seed's sentences")
    void ownWords(PluginUnderTest plugin) {
        String partner = plugin.topic().text("en", "rule.partner.patient");
        assertFalse(partner.contains("what makes the pain worse") || partner.contains("which positions"), partner);
        String pillows = plugin.topic().text("en", "rule.pillows.patient");
        assertFalse(pillows.contains("back, hips and neck"), pillows);
        assertFalse(plugin.topic().text("en", "q.spine.opt.degeneration").contains("spondylosis"));
    }

    @Test
    @DisplayName("Spanish: holding urine is 'aguantar', not 'retener' (retention); 'debe', not 'conviene'")
    void spanishWording(PluginUnderTest plugin) {
        assertTrue(plugin.topic().text("es", "rule.bladder.patient").contains("aguantar la orina"));
        plugin.topic().messages().keys("es").forEach(key -> {
            String text = plugin.topic().text("es", key);
            assertFalse(text.contains("retener") || text.contains("conviene") || text.contains("tumbar"), key + ": " + text);
        });
    }

    @Test
    @DisplayName("every flag of CONTENT.md is there with its severity")
    void contentFlags(PluginUnderTest plugin) {
        assertEquals(Severity.URGENT, plugin.rule("genital-numbness").severity());
        assertEquals(Severity.URGENT, plugin.rule("fever-with-urinary-signs").severity());
        assertEquals(Severity.CONSULT, plugin.rule("urinary-or-kidney-signs").severity());
        assertEquals(Severity.CONSULT, plugin.rule("lasting-pain").severity());
    }

    // ---- texts and pictures ------------------------------------------------------------------

    @Test
    @DisplayName("Spanish is read as UTF-8 with its accents intact")
    void spanishAccents(PluginUnderTest plugin) {
        assertEquals("¿Cómo es su colchón?", plugin.topic().text("es", "q.mattress.text"));
    }

    @Test
    @DisplayName("patient texts use discreet words that are fine to read over a shoulder")
    void discreetPatientTexts(PluginUnderTest plugin) {
        List<String> banned = List.of("sex", "coit", "intercourse", "erection", "penetrat", "orgasm",
                "genital", "vagin", "penis", "diagnos", "infection", "cauda", "herniat", "fracture");
        plugin.patientTexts("en").forEach((rule, text) -> banned.forEach(word ->
                assertFalse(text.toLowerCase(Locale.ROOT).contains(word), rule + " says '" + word + "'")));
        String summary = (plugin.topic().text("en", "topic.title") + " " + plugin.topic().text("en", "topic.summary"))
                .toLowerCase(Locale.ROOT);
        assertFalse(summary.contains("sex"), summary);
    }

    @Test
    @DisplayName("see-a-doctor-soon texts ask the patient to mention it at reception today")
    void soonTextsMentionReceptionToday(PluginUnderTest plugin) {
        for (String rule : List.of("urinary-or-kidney-signs", "pelvic-pain")) {
            assertTrue(plugin.patientTexts("en").get(rule).contains("mention this at reception today"), rule);
            assertTrue(plugin.patientTexts("es").get(rule).contains("hoy en recepción"), rule);
        }
    }

    @Test
    @DisplayName("the movement picture shows both figures with their captions, in the patient's language")
    void movementIllustrationRenders(PluginUnderTest plugin) {
        for (String language : List.of("en", "es")) {
            String html = plugin.renderIllustration("movement", language);
            assertTrue(html.contains("/topic-assets/sexual-activity/movement-forward.svg"), html);
            assertTrue(html.contains("/topic-assets/sexual-activity/movement-arching.svg"), html);
            assertTrue(html.contains(plugin.topic().text(language, "ill.movement.forward")), html);
            assertTrue(html.contains(plugin.topic().text(language, "ill.movement.arching")), html);
        }
    }

    @Test
    @DisplayName("the icon and the movement pictures are 64 by 64 line drawings in the text colour")
    void pictures(PluginUnderTest plugin) {
        for (String file : List.of("sexual-activity.svg", "movement-forward.svg", "movement-arching.svg")) {
            String svg = plugin.assetText(file);
            assertTrue(svg.contains("viewBox=\"0 0 64 64\""), file);
            assertTrue(svg.contains("stroke=\"currentColor\""), file);
        }
    }
}
