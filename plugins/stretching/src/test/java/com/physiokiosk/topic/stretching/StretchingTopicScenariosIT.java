package com.physiokiosk.topic.stretching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.plugins.LoadedTopic;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.Scenario;
import com.physiokiosk.testkit.TopicPluginTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin, loaded through PF4J as the kiosk loads it, and a table of whole-visit
 * scenarios: given a patient's answers, exactly these findings. Every answer set is a complete
 * visit (every required question the patient is shown is answered), and the host applies skip
 * logic before the rules run, as it does at the kiosk.
 */
@TopicPluginTest
@DisplayName("Pain after stretching, as the kiosk runs it")
class StretchingTopicScenariosIT {

    /** A whole visit with nothing to flag: most scenarios change one or two answers of it. */
    private static Scenario calmVisit(PluginUnderTest plugin) {
        return plugin.given()
                .answer("pain-change", "not-worse")
                .answer("pain-score", "3")
                .answer("leg-symptoms", "none")
                .answer("spine-condition", "none")
                .answer("stretches", "hip-thigh")
                .answer("hold-time", "20-to-30")
                .answer("technique", "none")
                .answer("new-exercise", "no")
                .answer("muscle-balance", "similar");
    }

    // ---- loading -----------------------------------------------------------------------------

    @Test
    @DisplayName("the kiosk loads the plugin and offers the topic with its icon and texts in both languages")
    void kioskOffersTheTopic(PluginUnderTest plugin) {
        LoadedTopic topic = plugin.topic();
        assertEquals("stretching", topic.id());
        assertEquals(20, topic.info().order());
        assertTrue(topic.asset("stretching.svg").isPresent());
        assertEquals("Pain after stretching", topic.title("en"));
        assertEquals("Dolor después de estirar", topic.title("es"));
    }

    // ---- no flags ----------------------------------------------------------------------------

    @Test
    @DisplayName("a patient who stretches well and was not made worse gets only a note of the routine")
    void calmPatientGetsOnlyANote(PluginUnderTest plugin) {
        calmVisit(plugin)
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("a beginner after years off who bounces into pain gets safer-stretching advice and no flag")
    void seedBeginnerGetsAdvice(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-change", "after")
                .answer("pain-score", "5")
                .answer("stretches", "bend-forward", "twist")
                .answer("hold-time", "under-20")
                .answer("technique", "bounce", "into-pain", "rush")
                .answer("new-exercise", "yes")
                .answer("muscle-balance", "tummy-stronger")
                .expect(Severity.ADVICE, "advice-stretch-gently")
                .expect(Severity.ADVICE, "advice-build-up")
                .expect(Severity.ADVICE, "advice-core-balance")
                .expect(Severity.ADVICE, "advice-target-muscles")
                .expect(Severity.INFO, "stretch-routine")
                .expect(Severity.INFO, "deconditioned")
                .expect(Severity.INFO, "muscle-imbalance")
                .andNothingElse();
    }

    @Test
    @DisplayName("holding each stretch too briefly gets the 20 to 30 second advice")
    void shortHoldsGetHoldAdvice(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("hold-time", "under-20")
                .expect(Severity.ADVICE, "advice-stretch-gently")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("a patient unsure which stretches they did and of their muscle balance is pointed to the physio")
    void unsurePatientIsPointedToThePhysio(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("stretches", "not-sure")
                .answer("muscle-balance", "unsure")
                .expect(Severity.ADVICE, "advice-target-muscles")
                .expect(Severity.ADVICE, "advice-core-balance")
                .andNothingElse();
    }

    @Test
    @DisplayName("a known disc problem not made worse by stretching is noted for the physiotherapist only")
    void knownDiscNotWorseIsNoted(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("spine-condition", "disc-degeneration")
                .expect(Severity.INFO, "spine-condition-note")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    // ---- consult -----------------------------------------------------------------------------

    @Test
    @DisplayName("pain shooting down one leg after stretching asks to stop stretching and consult")
    void shootingPainDownOneLegConsults(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-change", "after")
                .answer("leg-symptoms", "shooting", "tingling")
                .answer("leg-pattern", "neither")
                .answer("technique", "into-pain")
                .expect(Severity.CONSULT, "nerve-symptoms")
                .expect(Severity.ADVICE, "advice-build-up")
                .expect(Severity.ADVICE, "advice-target-muscles")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("a weak foot in one leg is flagged for the consult as well as the nerve symptoms")
    void weakFootConsults(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("leg-symptoms", "weakness")
                .answer("leg-pattern", "neither")
                .expect(Severity.CONSULT, "nerve-symptoms")
                .expect(Severity.CONSULT, "leg-weakness")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("a herniated disc that hurts more after stretching is a suspected structural problem")
    void herniatedDiscMadeWorseConsults(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-change", "during", "after")
                .answer("spine-condition", "disc-herniation", "misalignment")
                .answer("stretches", "knees-to-chest")
                .answer("hold-time", "over-30")
                .expect(Severity.CONSULT, "structural-known-condition")
                .expect(Severity.ADVICE, "advice-core-balance")
                .expect(Severity.ADVICE, "advice-target-muscles")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("a sudden sharp pain or pop while stretching asks to stop that stretch and consult")
    void suddenPopConsults(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-change", "sudden")
                .answer("technique", "bounce")
                .answer("stretches", "arch-back")
                .expect(Severity.CONSULT, "structural-sudden-pain")
                .expect(Severity.ADVICE, "advice-target-muscles")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("severe pain of 8 out of 10 is flagged for the consult, 7 is not")
    void severePainConsults(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-score", "8")
                .expect(Severity.CONSULT, "severe-pain")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
        calmVisit(plugin)
                .answer("pain-score", "7")
                .doesNotRaise("severe-pain");
    }

    // ---- urgent ------------------------------------------------------------------------------

    @Test
    @DisplayName("numbness in both legs after stretching sends the patient to reception now")
    void numbnessInBothLegsIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("leg-symptoms", "numbness")
                .answer("leg-pattern", "both-legs")
                .expect(Severity.URGENT, "nerve-both-legs")
                .expect(Severity.CONSULT, "nerve-symptoms")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("tingling that is spreading sends the patient to reception now, even with no back pain today")
    void spreadingTinglingIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-score", "0")
                .answer("leg-symptoms", "tingling")
                .answer("leg-pattern", "worse")
                .expect(Severity.URGENT, "nerve-getting-worse")
                .expect(Severity.CONSULT, "nerve-symptoms")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("weakness in both legs that is getting worse raises both urgent flags, whatever else was answered")
    void worseningWeaknessInBothLegsIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-change", "sudden", "after")
                .answer("pain-score", "9")
                .answer("leg-symptoms", "weakness", "numbness")
                .answer("leg-pattern", "both-legs", "worse")
                .answer("spine-condition", "disc-herniation")
                .answer("technique", "bounce")
                .answer("new-exercise", "yes")
                .expect(Severity.URGENT, "nerve-both-legs")
                .expect(Severity.URGENT, "nerve-getting-worse")
                .atLeast();
    }

    // ---- skip logic, as the host applies it --------------------------------------------------

    @Test
    @DisplayName("a leg-pattern answer left over after changing to no leg symptoms does not count")
    void staleLegPatternDoesNotCount(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("leg-symptoms", "none")
                .answer("leg-pattern", "both-legs", "worse")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }
}
