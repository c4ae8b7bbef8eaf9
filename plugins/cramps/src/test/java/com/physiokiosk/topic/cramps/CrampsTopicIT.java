package com.physiokiosk.topic.cramps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.TopicChecks;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.List;
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
    @DisplayName("every rule names the seed article as its source")
    void everyRuleCitesTheSeed(PluginUnderTest plugin) {
        plugin.topic().rules().forEach(r -> assertEquals("003_e7d96563a60eeb5c.txt", r.source().document(), r.id()));
    }

    // ---- texts and pictures ------------------------------------------------------------------

    @Test
    @DisplayName("Spanish is read as UTF-8 with its accents intact")
    void spanishAccents(PluginUnderTest plugin) {
        assertEquals("¿Los calambres suelen aparecer en los días de la regla o cerca de ellos?",
                plugin.topic().text("es", "q.periodlink.text"));
    }

    @Test
    @DisplayName("the icon is a 64 by 64 line drawing in the text colour")
    void icon(PluginUnderTest plugin) {
        String svg = plugin.assetText("cramps.svg");
        assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
        assertTrue(svg.contains("currentColor"));
    }
}
