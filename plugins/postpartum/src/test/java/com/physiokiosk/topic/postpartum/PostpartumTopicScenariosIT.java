package com.physiokiosk.topic.postpartum;

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
 * The postpartum plugin as the kiosk runs it: the packaged jar loaded through PF4J, validated,
 * and its rules evaluated with skip logic applied. Every rule must be seen both firing and quiet.
 */
@TopicPluginTest
@DisplayName("Back pain after having a baby, loaded as the kiosk loads it")
class PostpartumTopicScenariosIT {

    /** A whole visit of a mother with mild, recent pain, good habits and no warning signs. */
    private static Scenario calmBirthParent(PluginUnderTest plugin) {
        return plugin.given()
                .answer("gave-birth", "yes")
                .answer("weeks-since-birth", "6-12-weeks")
                .answer("pain-score", "3")
                .answer("pain-duration", "under-6-weeks")
                .answer("night-pain", "no")
                .answer("activity-worse", "no")
                .answer("leg-symptoms", "none")
                .answer("sudden-or-height", "none")
                .answer("breastfeeding", "no")
                .answer("calcium-vitamin-d", "supplement")
                .answer("lifting", "knees-bent")
                .answer("feeding-posture", "supported")
                .answer("mattress", "supportive");
    }

    /** A whole visit of a partner who cares for the baby, with mild pain and no warning signs. */
    private static Scenario calmPartner(PluginUnderTest plugin) {
        return plugin.given()
                .answer("gave-birth", "no")
                .answer("pain-score", "2")
                .answer("pain-duration", "under-6-weeks")
                .answer("night-pain", "no")
                .answer("activity-worse", "no")
                .answer("leg-symptoms", "none")
                .answer("sudden-or-height", "none")
                .answer("lifting", "knees-bent")
                .answer("feeding-posture", "not-feeding")
                .answer("mattress", "supportive");
    }

    // ---- loading -----------------------------------------------------------------------------

    @Test
    @DisplayName("the kiosk starts the plugin and offers the postpartum topic at order 40, with its icon")
    void pluginLoads(PluginUnderTest plugin) {
        LoadedTopic topic = plugin.topic();
        assertEquals("postpartum", topic.id());
        assertEquals(40, topic.info().order());
        assertEquals("Back pain after having a baby", topic.title("en"));
        assertEquals("Dolor de espalda después de tener un bebé", topic.title("es"));
        assertTrue(topic.asset("postpartum.svg").isPresent(), "icon shipped in assets/");
    }

    // ---- calm visits -------------------------------------------------------------------------

    @Test
    @DisplayName("a mother with mild recent pain and good habits gets only general self-care advice")
    void calmMotherGetsAdviceOnly(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .expect(Severity.ADVICE, "advice-pelvic-core-rehab")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("a partner with mild pain gets warmth and pharmacy gel advice, nothing about the birth")
    void calmPartnerGetsAdviceOnly(PluginUnderTest plugin) {
        calmPartner(plugin)
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("a patient with no pain, no night pain and good habits gets only the rehabilitation advice")
    void noPainNoFlags(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("pain-score", "0")
                .expect(Severity.ADVICE, "advice-pelvic-core-rehab")
                .andNothingElse();
    }

    // ---- the seed's picture ------------------------------------------------------------------

    @Test
    @DisplayName("breastfeeding, night pain that eases on waking, low calcium, bent-back lifting: notes and advice, no flag")
    void seedPicture(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("night-pain", "eases-on-rising")
                .answer("breastfeeding", "yes")
                .answer("calcium-vitamin-d", "little")
                .answer("lifting", "back-bent")
                .answer("feeding-posture", "hunched")
                .answer("mattress", "soft-sagging")
                .expect(Severity.INFO, "note-night-pattern")
                .expect(Severity.INFO, "note-lactation-bone")
                .expect(Severity.ADVICE, "advice-core-exercise")
                .expect(Severity.ADVICE, "advice-pelvic-core-rehab")
                .expect(Severity.ADVICE, "advice-calcium-vitamin-d")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-nursing")
                .expect(Severity.ADVICE, "advice-feeding-support")
                .expect(Severity.ADVICE, "advice-lifting")
                .expect(Severity.ADVICE, "advice-mattress")
                .andNothingElse();
    }

    @Test
    @DisplayName("calcium from food only, or unknown, gets calcium and vitamin D advice")
    void calciumAdvice(PluginUnderTest plugin) {
        calmBirthParent(plugin).answer("calcium-vitamin-d", "food")
                .expect(Severity.ADVICE, "advice-calcium-vitamin-d").atLeast();
        calmBirthParent(plugin).answer("calcium-vitamin-d", "unsure")
                .expect(Severity.ADVICE, "advice-calcium-vitamin-d").atLeast();
    }

    @Test
    @DisplayName("stopped breastfeeding with unknown calcium intake leaves a bone-health note, and ordinary gel advice")
    void stoppedBreastfeedingLowCalcium(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("breastfeeding", "stopped")
                .answer("calcium-vitamin-d", "unsure")
                .expect(Severity.INFO, "note-lactation-bone")
                .expect(Severity.ADVICE, "advice-calcium-vitamin-d")
                .expect(Severity.ADVICE, "advice-pelvic-core-rehab")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    // ---- urgent ------------------------------------------------------------------------------

    @Test
    @DisplayName("numbness in a leg sends the patient to reception and holds back exercise advice")
    void legNumbnessIsUrgent(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("leg-symptoms", "numbness")
                .expect(Severity.URGENT, "leg-nerve-signs")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("tingling or weakness in a leg is urgent for a partner too")
    void legTinglingOrWeaknessIsUrgent(PluginUnderTest plugin) {
        calmPartner(plugin).answer("leg-symptoms", "tingling")
                .expect(Severity.URGENT, "leg-nerve-signs").atLeast();
        calmPartner(plugin).answer("leg-symptoms", "weakness", "numbness")
                .expect(Severity.URGENT, "leg-nerve-signs").atLeast();
    }

    @Test
    @DisplayName("sudden severe pain with loss of height while breastfeeding is urgent, with no exercise advice")
    void fractureSignsAreUrgent(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("pain-score", "9")
                .answer("sudden-or-height", "sudden-severe", "height-loss")
                .answer("breastfeeding", "yes")
                .expect(Severity.URGENT, "possible-vertebral-fracture")
                .expect(Severity.CONSULT, "severe-pain")
                .expect(Severity.INFO, "note-lactation-bone")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-nursing")
                .andNothingElse();
    }

    @Test
    @DisplayName("either sudden severe pain or becoming shorter on its own is urgent")
    void eachFractureSignAloneIsUrgent(PluginUnderTest plugin) {
        calmBirthParent(plugin).answer("sudden-or-height", "sudden-severe")
                .expect(Severity.URGENT, "possible-vertebral-fracture").atLeast();
        calmBirthParent(plugin).answer("sudden-or-height", "height-loss")
                .expect(Severity.URGENT, "possible-vertebral-fracture").atLeast();
    }

    @Test
    @DisplayName("night pain that no position eases is urgent here too, whatever the safety screen said")
    void nightPainNoPositionIsUrgent(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("night-pain", "no-position")
                .expect(Severity.URGENT, "night-pain-no-position")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    // ---- consult -----------------------------------------------------------------------------

    @Test
    @DisplayName("pain for six weeks or more is flagged for the physiotherapist")
    void painBeyondSixWeeks(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("weeks-since-birth", "3-12-months")
                .answer("pain-duration", "6-weeks-plus")
                .expect(Severity.CONSULT, "pain-beyond-six-weeks")
                .expect(Severity.ADVICE, "advice-pelvic-core-rehab")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("not sure how long the pain has lasted, months after the birth, is flagged to err on the safe side")
    void unsureDurationLongAfterBirth(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("weeks-since-birth", "over-12-months")
                .answer("pain-duration", "unsure")
                .expect(Severity.CONSULT, "pain-beyond-six-weeks").atLeast();
    }

    @Test
    @DisplayName("not sure how long the pain has lasted, weeks after the birth, is not flagged")
    void unsureDurationSoonAfterBirth(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("weeks-since-birth", "under-6-weeks")
                .answer("pain-duration", "unsure")
                .doesNotRaise("pain-beyond-six-weeks");
    }

    @Test
    @DisplayName("pain worse with activity is flagged, with footwear advice")
    void worseWithActivity(PluginUnderTest plugin) {
        calmPartner(plugin)
                .answer("activity-worse", "yes")
                .expect(Severity.CONSULT, "worse-with-activity")
                .expect(Severity.ADVICE, "advice-footwear")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("night pain that does not ease on getting up is flagged, without core exercise advice")
    void nightPainThatStays(PluginUnderTest plugin) {
        calmPartner(plugin)
                .answer("night-pain", "stays")
                .expect(Severity.CONSULT, "night-pain-persists")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("pain of 8 out of 10 is flagged as severe, 7 is not")
    void severePain(PluginUnderTest plugin) {
        calmPartner(plugin).answer("pain-score", "8")
                .expect(Severity.CONSULT, "severe-pain").atLeast();
        calmPartner(plugin).answer("pain-score", "7")
                .doesNotRaise("severe-pain");
    }

    // ---- skip logic as the kiosk applies it --------------------------------------------------

    @Test
    @DisplayName("a partner's stray answers to the birth questions do not count")
    void partnerStrayAnswersDoNotCount(PluginUnderTest plugin) {
        calmPartner(plugin)
                .answer("breastfeeding", "yes")
                .answer("calcium-vitamin-d", "little")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("a partner with bent-back lifting, hunched feeding and a sagging mattress gets the matching advice")
    void partnerHabits(PluginUnderTest plugin) {
        calmPartner(plugin)
                .answer("lifting", "varies")
                .answer("feeding-posture", "varies")
                .answer("mattress", "too-hard")
                .expect(Severity.ADVICE, "advice-lifting")
                .expect(Severity.ADVICE, "advice-feeding-support")
                .expect(Severity.ADVICE, "advice-mattress")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("a patient who answers nothing raises nothing")
    void nothingAnsweredRaisesNothing(PluginUnderTest plugin) {
        plugin.given().andNothingElse();
    }
}
