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
    @DisplayName("someone without periods who cannot be pregnant skips the pregnancy and period questions")
    void gateNoSkipsEverything(PluginUnderTest plugin) {
        List<String> shown = plugin.asked("periods-or-pregnant=no");
        assertFalse(shown.contains("pregnant"));
        assertFalse(shown.contains("pregnancy-weeks"));
        assertFalse(shown.contains("period-link"));
    }

    @Test
    @DisplayName("someone pregnant is asked how many weeks, not about periods")
    void pregnantIsAskedWeeks(PluginUnderTest plugin) {
        List<String> shown = plugin.asked("periods-or-pregnant=yes", "pregnant=yes");
        assertTrue(shown.contains("pregnancy-weeks"));
        assertFalse(shown.contains("period-link"));
    }

    @Test
    @DisplayName("someone not pregnant, or not sure, is asked about periods, not weeks")
    void notPregnantIsAskedAboutPeriods(PluginUnderTest plugin) {
        for (String answer : List.of("no", "unsure")) {
            List<String> shown = plugin.asked("periods-or-pregnant=yes", "pregnant=" + answer);
            assertFalse(shown.contains("pregnancy-weeks"), answer);
            assertTrue(shown.contains("period-link"), answer);
        }
    }

    @Test
    @DisplayName("the pain score question is linkId pain-score, a 0-10 scale")
    void painScoreIsAScale(PluginUnderTest plugin) {
        assertEquals(QuestionType.SCALE_0_10, plugin.topic().question("pain-score").orElseThrow().type());
    }

    @Test
    @DisplayName("pregnancy weeks is a number from 1 to 42")
    void weeksRange(PluginUnderTest plugin) {
        Question q = plugin.topic().question("pregnancy-weeks").orElseThrow();
        assertEquals(QuestionType.NUMBER, q.type());
        assertEquals(1, q.min());
        assertEquals(42, q.max());
    }

    @Test
    @DisplayName("a patient sees between 8 and 12 screens")
    void screenCount(PluginUnderTest plugin) {
        for (List<String> journey : List.of(
                plugin.asked("periods-or-pregnant=no"),
                plugin.asked("periods-or-pregnant=yes", "pregnant=yes"),
                plugin.asked("periods-or-pregnant=yes", "pregnant=no"),
                plugin.asked("periods-or-pregnant=yes", "pregnant=unsure"))) {
            assertTrue(journey.size() >= 8 && journey.size() <= 12, journey.size() + " screens: " + journey);
        }
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
        assertEquals("¿Está embarazada?", plugin.topic().text("es", "q.pregnant.text"));
    }

    @Test
    @DisplayName("the icon is a 64 by 64 line drawing in the text colour")
    void icon(PluginUnderTest plugin) {
        String svg = plugin.assetText("cramps.svg");
        assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
        assertTrue(svg.contains("currentColor"));
    }
}
