package com.physiokiosk.topic.postpartum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.plugins.LoadedTopic;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.Scenario;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The postpartum plugin as the kiosk runs it: the packaged jar loaded through PF4J, validated, and its
 * rules evaluated with skip logic applied, on a table of scenarios (each about one rule firing or staying
 * quiet) and on whole visits. Every rule must be seen both firing and quiet.
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

    // ---- scenarios: every rule fires in one and stays quiet in a close one -------------------

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios(PluginUnderTest plugin) {
        return plugin.table()
                // leg-nerve-signs
                .fires("leg-nerve-signs", "numbness in a leg is urgent", "leg-symptoms=numbness")
                .fires("leg-nerve-signs", "tingling in a leg is urgent", "leg-symptoms=tingling")
                .fires("leg-nerve-signs", "a weak leg with numbness is urgent", "leg-symptoms=weakness,numbness")
                .quiet("leg-nerve-signs", "no leg symptoms is not urgent", "leg-symptoms=none")

                // possible-vertebral-fracture
                .fires("possible-vertebral-fracture", "sudden, very severe pain is urgent",
                        "sudden-or-height=sudden-severe")
                .fires("possible-vertebral-fracture", "becoming shorter is urgent", "sudden-or-height=height-loss")
                .fires("possible-vertebral-fracture", "sudden severe pain with loss of height is urgent",
                        "sudden-or-height=sudden-severe,height-loss")
                .quiet("possible-vertebral-fracture", "neither sign is not urgent", "sudden-or-height=none")

                // night-pain-no-position
                .fires("night-pain-no-position", "night pain that no position eases is urgent",
                        "night-pain=no-position")
                .quiet("night-pain-no-position", "night pain that eases on getting up is not urgent",
                        "night-pain=eases-on-rising")
                .quiet("night-pain-no-position", "night pain that stays after getting up is not urgent",
                        "night-pain=stays")

                // pain-beyond-six-weeks
                .fires("pain-beyond-six-weeks", "pain for six weeks or more is flagged", "pain-duration=6-weeks-plus")
                .fires("pain-beyond-six-weeks", "unsure how long, months after the birth, is flagged",
                        "gave-birth=yes", "weeks-since-birth=3-12-months", "pain-duration=unsure")
                .fires("pain-beyond-six-weeks", "a carer unsure how long is flagged",
                        "gave-birth=no", "pain-duration=unsure")
                .quiet("pain-beyond-six-weeks", "pain for less than six weeks is not flagged",
                        "pain-duration=under-6-weeks")
                .quiet("pain-beyond-six-weeks", "unsure how long, within six weeks of the birth, is not flagged",
                        "gave-birth=yes", "weeks-since-birth=under-6-weeks", "pain-duration=unsure")

                // worse-with-activity
                .fires("worse-with-activity", "pain worse with activity is flagged", "activity-worse=yes")
                .quiet("worse-with-activity", "pain not worse with activity is not flagged", "activity-worse=no")

                // night-pain-persists
                .fires("night-pain-persists", "night pain that stays after getting up is flagged", "night-pain=stays")
                .quiet("night-pain-persists", "night pain that eases on getting up is not flagged",
                        "night-pain=eases-on-rising")
                .quiet("night-pain-persists", "night pain that no position eases goes to the urgent rule instead",
                        "night-pain=no-position")

                // severe-pain
                .fires("severe-pain", "pain of 8 out of 10 is flagged as severe", "pain-score=8")
                .fires("severe-pain", "pain of 10 out of 10 is flagged as severe", "pain-score=10")
                .quiet("severe-pain", "pain of 7 out of 10 is not flagged as severe", "pain-score=7")

                // note-night-pattern
                .fires("note-night-pattern", "night pain easing on getting up gets a clinician note",
                        "night-pain=eases-on-rising")
                .quiet("note-night-pattern", "no night pain gets no note", "night-pain=no")
                .quiet("note-night-pattern", "night pain that stays gets the consult flag, not this note",
                        "night-pain=stays")

                // note-lactation-bone
                .fires("note-lactation-bone", "breastfeeding with night pain gets a bone-health note",
                        "gave-birth=yes", "night-pain=eases-on-rising", "breastfeeding=yes")
                .fires("note-lactation-bone", "recently stopped breastfeeding with little calcium gets the note",
                        "gave-birth=yes", "night-pain=no", "breastfeeding=stopped", "calcium-vitamin-d=little")
                .fires("note-lactation-bone", "breastfeeding with loss of height gets the note",
                        "gave-birth=yes", "sudden-or-height=height-loss", "breastfeeding=yes")
                .quiet("note-lactation-bone", "night pain without breastfeeding gets no bone-health note",
                        "gave-birth=yes", "night-pain=eases-on-rising", "breastfeeding=no")
                .quiet("note-lactation-bone", "breastfeeding with a supplement and no night pain gets no note",
                        "gave-birth=yes", "night-pain=no", "sudden-or-height=none", "breastfeeding=yes",
                        "calcium-vitamin-d=supplement")

                // advice-core-exercise
                .fires("advice-core-exercise", "night pain that eases on rising gets core exercise advice",
                        "night-pain=eases-on-rising", "leg-symptoms=none", "sudden-or-height=none")
                .quiet("advice-core-exercise", "no exercise advice with tingling in a leg",
                        "night-pain=eases-on-rising", "leg-symptoms=tingling", "sudden-or-height=none")
                .quiet("advice-core-exercise", "no exercise advice with signs of a possible fracture",
                        "night-pain=eases-on-rising", "leg-symptoms=none", "sudden-or-height=sudden-severe")
                .quiet("advice-core-exercise", "no night pain, no core exercise advice", "night-pain=no")

                // advice-pelvic-core-rehab
                .fires("advice-pelvic-core-rehab", "a patient who gave birth gets the rehabilitation advice",
                        "gave-birth=yes", "leg-symptoms=none")
                .quiet("advice-pelvic-core-rehab", "a partner gets no rehabilitation advice", "gave-birth=no")
                .quiet("advice-pelvic-core-rehab", "no rehabilitation advice with numbness in a leg",
                        "gave-birth=yes", "leg-symptoms=numbness")

                // advice-calcium-vitamin-d
                .fires("advice-calcium-vitamin-d", "little calcium gets calcium and vitamin D advice",
                        "gave-birth=yes", "calcium-vitamin-d=little")
                .fires("advice-calcium-vitamin-d", "calcium from food only gets the advice",
                        "gave-birth=yes", "calcium-vitamin-d=food")
                .fires("advice-calcium-vitamin-d", "not knowing gets the advice",
                        "gave-birth=yes", "calcium-vitamin-d=unsure")
                .quiet("advice-calcium-vitamin-d", "taking a supplement gets no calcium advice",
                        "gave-birth=yes", "calcium-vitamin-d=supplement")

                // advice-warmth-massage
                .fires("advice-warmth-massage", "pain now gets warmth and massage advice", "pain-score=3")
                .fires("advice-warmth-massage", "night pain without pain right now still gets the advice",
                        "pain-score=0", "night-pain=stays")
                .quiet("advice-warmth-massage", "no pain now and none at night gets no advice",
                        "pain-score=0", "night-pain=no")

                // advice-topical-nursing
                .fires("advice-topical-nursing", "breastfeeding with pain is told to ask before using a gel",
                        "gave-birth=yes", "pain-score=4", "breastfeeding=yes")
                .quiet("advice-topical-nursing", "after stopping breastfeeding the ordinary gel advice applies",
                        "gave-birth=yes", "pain-score=4", "breastfeeding=stopped")
                .quiet("advice-topical-nursing", "breastfeeding without pain gets no gel advice",
                        "gave-birth=yes", "pain-score=0", "night-pain=no", "breastfeeding=yes")

                // advice-topical-relief
                .fires("advice-topical-relief", "a partner with pain is offered a pharmacy gel",
                        "gave-birth=no", "pain-score=4")
                .fires("advice-topical-relief", "not breastfeeding, with pain, is offered a pharmacy gel",
                        "gave-birth=yes", "pain-score=4", "breastfeeding=no")
                .quiet("advice-topical-relief", "breastfeeding is not simply offered a pharmacy gel",
                        "gave-birth=yes", "pain-score=4", "breastfeeding=yes")
                .quiet("advice-topical-relief", "no pain gets no gel advice",
                        "gave-birth=no", "pain-score=0", "night-pain=no")

                // advice-feeding-support
                .fires("advice-feeding-support", "hunching over to feed gets pillow advice", "feeding-posture=hunched")
                .fires("advice-feeding-support", "not sure how one sits to feed gets the advice",
                        "feeding-posture=varies")
                .quiet("advice-feeding-support", "sitting supported gets no feeding advice", "feeding-posture=supported")
                .quiet("advice-feeding-support", "someone who does not feed the baby gets no feeding advice",
                        "feeding-posture=not-feeding")

                // advice-lifting
                .fires("advice-lifting", "lifting the baby with straight legs gets bend-your-knees advice",
                        "lifting=back-bent")
                .fires("advice-lifting", "not sure how one lifts gets the advice", "lifting=varies")
                .quiet("advice-lifting", "lifting with bent knees gets no lifting advice", "lifting=knees-bent")

                // advice-footwear
                .fires("advice-footwear", "pain worse when active gets footwear advice", "activity-worse=yes")
                .quiet("advice-footwear", "pain not worse when active gets no footwear advice", "activity-worse=no")

                // advice-mattress
                .fires("advice-mattress", "a sagging mattress gets mattress advice", "mattress=soft-sagging")
                .fires("advice-mattress", "a very hard mattress gets mattress advice", "mattress=too-hard")
                .fires("advice-mattress", "not knowing gets mattress advice", "mattress=unsure")
                .quiet("advice-mattress", "a supportive mattress gets no mattress advice", "mattress=supportive")
                .tests();
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
    @DisplayName("fracture signs with night pain that eases on rising hold back the core exercises that night pain would get")
    void fractureSignsHoldBackCoreExercise(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("pain-score", "9")
                .answer("night-pain", "eases-on-rising")
                .answer("sudden-or-height", "sudden-severe", "height-loss")
                .answer("breastfeeding", "yes")
                .expect(Severity.URGENT, "possible-vertebral-fracture")
                .expect(Severity.CONSULT, "severe-pain")
                .expect(Severity.INFO, "note-night-pattern")
                .expect(Severity.INFO, "note-lactation-bone")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-nursing")
                .andNothingElse();
    }

    @Test
    @DisplayName("each red flag alone, on an otherwise calm visit, raises its urgent finding")
    void everyRedFlagIsUrgentOnItsOwn(PluginUnderTest plugin) {
        Map<String, String> flags = Map.of(
                "leg-symptoms=numbness", "leg-nerve-signs",
                "leg-symptoms=weakness", "leg-nerve-signs",
                "leg-symptoms=tingling", "leg-nerve-signs",
                "sudden-or-height=sudden-severe", "possible-vertebral-fracture",
                "sudden-or-height=height-loss", "possible-vertebral-fracture",
                "night-pain=no-position", "night-pain-no-position");
        flags.forEach((flag, rule) -> calmBirthParent(plugin).answers(flag).expect(Severity.URGENT, rule).atLeast());
    }

    @Test
    @DisplayName("a partner with tingling in a leg is urgent and gets no birth-related advice")
    void partnerWithTinglingIsUrgent(PluginUnderTest plugin) {
        calmPartner(plugin)
                .answer("pain-score", "5")
                .answer("activity-worse", "yes")
                .answer("leg-symptoms", "tingling")
                .answer("lifting", "back-bent")
                .expect(Severity.URGENT, "leg-nerve-signs")
                .expect(Severity.CONSULT, "worse-with-activity")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .expect(Severity.ADVICE, "advice-lifting")
                .expect(Severity.ADVICE, "advice-footwear")
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
                .staleAnswer("breastfeeding", "yes")
                .staleAnswer("calcium-vitamin-d", "little")
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
