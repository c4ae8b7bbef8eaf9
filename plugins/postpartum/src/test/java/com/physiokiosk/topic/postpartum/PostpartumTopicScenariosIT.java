package com.physiokiosk.topic.postpartum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Severity;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.TopicUnderTest;
import com.physiokiosk.testkit.Scenario;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.List;
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
 *
 * <p>The birth, breastfeeding, pregnancy, age and pain answers are the host's facts ("About you"), given
 * by their ids ({@code fact.maternity}, {@code fact.weeks-since-birth}, {@code fact.age-band},
 * {@code fact.pain-now}, {@code fact.peg-pain}); the topic reads them and does not ask them again.
 */
@TopicPluginTest
@DisplayName("Back pain after having a baby, loaded as the kiosk loads it")
class PostpartumTopicScenariosIT {

    /** A whole visit of a mother eight weeks after the birth, not breastfeeding, with mild pain, good habits and no warning signs. */
    private static Scenario calmBirthParent(PluginUnderTest plugin) {
        return plugin.given()
                .fact(Facts.AGE_BAND, Facts.AGE_20_49)
                .fact(Facts.MATERNITY, Facts.RECENT_BIRTH)
                .fact(Facts.WEEKS_SINCE_BIRTH, "8")
                .fact(Facts.PEG_PAIN, "3")
                .fact(Facts.PAIN_NOW, "3")
                .answer("pain-duration", "under-6-weeks")
                .answer("night-pain", "no")
                .answer("activity-worse", "no")
                .answer("leg-symptoms", "none")
                .answer("sudden-or-height", "none")
                .answer("stopped-breastfeeding", "no")
                .answer("calcium-vitamin-d", "supplement")
                .answer("lifting", "knees-bent")
                .answer("feeding-posture", "supported")
                .answer("mattress", "supportive");
    }

    /** The same mother, breastfeeding now: not asked whether she stopped. */
    private static Scenario calmBreastfeedingParent(PluginUnderTest plugin) {
        return plugin.given()
                .fact(Facts.AGE_BAND, Facts.AGE_20_49)
                .fact(Facts.MATERNITY, Facts.RECENT_BIRTH, Facts.BREASTFEEDING)
                .fact(Facts.WEEKS_SINCE_BIRTH, "8")
                .fact(Facts.PEG_PAIN, "3")
                .fact(Facts.PAIN_NOW, "3")
                .answer("pain-duration", "under-6-weeks")
                .answer("night-pain", "no")
                .answer("activity-worse", "no")
                .answer("leg-symptoms", "none")
                .answer("sudden-or-height", "none")
                .answer("calcium-vitamin-d", "supplement")
                .answer("lifting", "knees-bent")
                .answer("feeding-posture", "supported")
                .answer("mattress", "supportive");
    }

    /** A whole visit of a partner who cares for the baby, with mild pain and no warning signs. */
    private static Scenario calmPartner(PluginUnderTest plugin) {
        return plugin.given()
                .fact(Facts.AGE_BAND, Facts.AGE_20_49)
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE)
                .fact(Facts.PEG_PAIN, "2")
                .fact(Facts.PAIN_NOW, "2")
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
        TopicUnderTest topic = plugin.topic();
        assertEquals("postpartum", topic.id());
        assertEquals(40, topic.info().order());
        assertEquals("Back pain after having a baby", topic.title("en"));
        assertEquals("Dolor de espalda después de tener un bebé", topic.title("es"));
        assertTrue(topic.hasAsset("postpartum.svg"), "icon shipped in assets/");
    }

    // ---- scenarios: every rule fires in one and stays quiet in a close one -------------------

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios(PluginUnderTest plugin) {
        return plugin.table()
                // leg-nerve-signs: one leg, not getting worse, is a consult (as in every topic)
                .fires("leg-nerve-signs", "numbness in one leg is a consult", "leg-symptoms=numbness", "leg-pattern=neither")
                .fires("leg-nerve-signs", "tingling in one leg is a consult", "leg-symptoms=tingling", "leg-pattern=neither")
                .fires("leg-nerve-signs", "tingling getting worse in one leg stays a consult",
                        "leg-symptoms=tingling", "leg-pattern=worse")
                .fires("leg-nerve-signs", "a weak leg with numbness, steady, is a consult",
                        "leg-symptoms=weakness,numbness", "leg-pattern=neither")
                .quiet("leg-nerve-signs", "no leg symptoms is not flagged", "leg-symptoms=none")
                .quiet("leg-nerve-signs", "both legs is the urgent flag's", "leg-symptoms=numbness", "leg-pattern=both-legs")
                .quiet("leg-nerve-signs", "a leg getting weaker is the urgent flag's", "leg-symptoms=weakness",
                        "leg-pattern=worse")

                // nerve-both-legs
                .fires("nerve-both-legs", "numbness in both legs is urgent", "leg-symptoms=numbness", "leg-pattern=both-legs")
                .fires("nerve-both-legs", "tingling in both legs is urgent", "leg-symptoms=tingling", "leg-pattern=both-legs")
                .quiet("nerve-both-legs", "one leg is not this flag", "leg-symptoms=tingling", "leg-pattern=neither")
                .quiet("nerve-both-legs", "no leg symptoms, no flag", "leg-symptoms=none")

                // nerve-getting-worse: weaker or more numb, as on the safety screen
                .fires("nerve-getting-worse", "a leg getting weaker is urgent", "leg-symptoms=weakness", "leg-pattern=worse")
                .fires("nerve-getting-worse", "a leg getting more numb is urgent", "leg-symptoms=numbness", "leg-pattern=worse")
                .quiet("nerve-getting-worse", "tingling getting worse, without numbness or weakness, is a consult",
                        "leg-symptoms=tingling", "leg-pattern=worse")
                .quiet("nerve-getting-worse", "steady weakness is a consult", "leg-symptoms=weakness", "leg-pattern=neither")

                // possible-vertebral-fracture: sudden severe pain with height loss, older age, thin bones or steroids
                .fires("possible-vertebral-fracture", "sudden severe pain with thin bones or steroid tablets is urgent",
                        "fact.age-band=20-49", "fact.maternity=none", "sudden-or-height=sudden-severe", "thin-bones=yes")
                .fires("possible-vertebral-fracture", "sudden severe pain with loss of height is urgent",
                        "sudden-or-height=sudden-severe,height-loss")
                .fires("possible-vertebral-fracture", "sudden severe pain while breastfeeding is urgent",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=10",
                        "sudden-or-height=sudden-severe")
                .fires("possible-vertebral-fracture", "sudden severe pain soon after stopping breastfeeding is urgent",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=20", "sudden-or-height=sudden-severe",
                        "stopped-breastfeeding=yes")
                .fires("possible-vertebral-fracture", "sudden severe pain at 50 or over is urgent",
                        "fact.age-band=50-64", "fact.maternity=none", "sudden-or-height=sudden-severe")
                .quiet("possible-vertebral-fracture", "sudden severe pain alone, under 50 and not breastfeeding, is not a red flag",
                        "fact.age-band=20-49", "fact.maternity=recent-birth", "fact.weeks-since-birth=10",
                        "sudden-or-height=sudden-severe", "thin-bones=no", "stopped-breastfeeding=no")
                .quiet("possible-vertebral-fracture", "becoming shorter without sudden severe pain is a consult, not a red flag",
                        "fact.age-band=65-plus", "sudden-or-height=height-loss")
                .quiet("possible-vertebral-fracture", "neither sign is not urgent",
                        "fact.age-band=65-plus", "fact.maternity=breastfeeding", "sudden-or-height=none")

                // sudden-severe-pain
                .fires("sudden-severe-pain", "sudden severe pain alone, under 50 and not breastfeeding, is flagged for the consult",
                        "fact.age-band=20-49", "fact.maternity=recent-birth", "fact.weeks-since-birth=10",
                        "sudden-or-height=sudden-severe", "thin-bones=no", "stopped-breastfeeding=no")
                .quiet("sudden-severe-pain", "with thin bones or steroids it is urgent instead",
                        "fact.age-band=20-49", "fact.maternity=none", "sudden-or-height=sudden-severe", "thin-bones=yes")
                .fires("sudden-severe-pain", "a young partner with sudden severe pain is flagged for the consult",
                        "fact.age-band=under-20", "fact.maternity=none", "sudden-or-height=sudden-severe")
                .quiet("sudden-severe-pain", "while breastfeeding it is urgent instead",
                        "fact.age-band=20-49", "fact.maternity=breastfeeding", "sudden-or-height=sudden-severe")
                .quiet("sudden-severe-pain", "at 65 or over it is urgent instead",
                        "fact.age-band=65-plus", "fact.maternity=none", "sudden-or-height=sudden-severe")
                .quiet("sudden-severe-pain", "with loss of height it is urgent instead",
                        "fact.age-band=20-49", "fact.maternity=none", "sudden-or-height=sudden-severe,height-loss")
                .quiet("sudden-severe-pain", "no sudden severe pain, no flag", "sudden-or-height=none")

                // height-loss
                .fires("height-loss", "becoming shorter or more rounded is flagged for the consult",
                        "fact.age-band=20-49", "sudden-or-height=height-loss")
                .fires("height-loss", "at 65 or over too, without sudden severe pain",
                        "fact.age-band=65-plus", "sudden-or-height=height-loss")
                .quiet("height-loss", "with sudden severe pain it is urgent instead",
                        "fact.age-band=20-49", "sudden-or-height=sudden-severe,height-loss")
                .quiet("height-loss", "no loss of height, no flag", "sudden-or-height=none")

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
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=20", "pain-duration=unsure")
                .fires("pain-beyond-six-weeks", "unsure how long, six weeks after the birth, is flagged",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=6", "pain-duration=unsure")
                .fires("pain-beyond-six-weeks", "a carer unsure how long is flagged",
                        "fact.maternity=none", "pain-duration=unsure")
                .quiet("pain-beyond-six-weeks", "pain for less than six weeks is not flagged",
                        "pain-duration=under-6-weeks")
                .quiet("pain-beyond-six-weeks", "unsure how long, five weeks after the birth, is not flagged",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=5", "pain-duration=unsure")

                // worse-with-activity
                .fires("worse-with-activity", "pain worse with activity is flagged", "activity-worse=yes")
                .quiet("worse-with-activity", "pain not worse with activity is not flagged", "activity-worse=no")

                // night-pain-persists
                .fires("night-pain-persists", "night pain that stays after getting up is flagged", "night-pain=stays")
                .quiet("night-pain-persists", "night pain that eases on getting up is not flagged",
                        "night-pain=eases-on-rising")
                .quiet("night-pain-persists", "night pain that no position eases goes to the urgent rule instead",
                        "night-pain=no-position")

                // note-night-pattern
                .fires("note-night-pattern", "night pain easing on getting up gets a clinician note",
                        "night-pain=eases-on-rising")
                .quiet("note-night-pattern", "no night pain gets no note", "night-pain=no")
                .quiet("note-night-pattern", "night pain that stays gets the consult flag, not this note",
                        "night-pain=stays")

                // note-lactation-bone
                .fires("note-lactation-bone", "breastfeeding with night pain gets a bone-health note",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=10",
                        "night-pain=eases-on-rising")
                .fires("note-lactation-bone", "recently stopped breastfeeding with little calcium gets the note",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=30", "night-pain=no",
                        "stopped-breastfeeding=yes", "calcium-vitamin-d=little")
                .fires("note-lactation-bone", "breastfeeding with loss of height gets the note",
                        "fact.maternity=breastfeeding", "sudden-or-height=height-loss")
                .quiet("note-lactation-bone", "night pain without breastfeeding gets no bone-health note",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "night-pain=eases-on-rising",
                        "stopped-breastfeeding=no")
                .quiet("note-lactation-bone", "breastfeeding with a supplement and no night pain gets no note",
                        "fact.maternity=breastfeeding", "night-pain=no", "sudden-or-height=none",
                        "calcium-vitamin-d=supplement")

                // advice-core-exercise
                .fires("advice-core-exercise", "night pain that eases on rising gets core exercise advice",
                        "night-pain=eases-on-rising", "leg-symptoms=none", "sudden-or-height=none")
                .quiet("advice-core-exercise", "no exercise advice with tingling in a leg",
                        "night-pain=eases-on-rising", "leg-symptoms=tingling", "leg-pattern=neither", "sudden-or-height=none")
                .quiet("advice-core-exercise", "no core exercise with a possible fracture",
                        "fact.age-band=50-64", "night-pain=eases-on-rising", "leg-symptoms=none",
                        "sudden-or-height=sudden-severe")
                .quiet("advice-core-exercise", "no core exercise while loss of height is to be checked",
                        "night-pain=eases-on-rising", "leg-symptoms=none", "sudden-or-height=height-loss")
                .quiet("advice-core-exercise", "no exercise advice after sudden severe pain, even when not a red flag",
                        "fact.age-band=20-49", "fact.maternity=none", "night-pain=eases-on-rising",
                        "leg-symptoms=none", "sudden-or-height=sudden-severe")
                .quiet("advice-core-exercise", "no night pain, no core exercise advice", "night-pain=no")

                // advice-pelvic-core-rehab
                .fires("advice-pelvic-core-rehab", "a patient who gave birth this year gets the rehabilitation advice",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "leg-symptoms=none")
                .quiet("advice-pelvic-core-rehab", "a partner gets no rehabilitation advice",
                        "fact.maternity=none", "leg-symptoms=none")
                .quiet("advice-pelvic-core-rehab", "no rehabilitation advice with numbness in a leg",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "leg-symptoms=numbness",
                        "leg-pattern=neither")

                // advice-calcium-vitamin-d
                .fires("advice-calcium-vitamin-d", "little calcium gets calcium and vitamin D advice",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "calcium-vitamin-d=little")
                .fires("advice-calcium-vitamin-d", "calcium from food only gets the advice",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "calcium-vitamin-d=food")
                .fires("advice-calcium-vitamin-d", "breastfeeding an older baby, not knowing, gets the advice",
                        "fact.maternity=breastfeeding", "calcium-vitamin-d=unsure")
                .quiet("advice-calcium-vitamin-d", "taking a supplement gets no calcium advice",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "calcium-vitamin-d=supplement")
                .quiet("advice-calcium-vitamin-d", "no advice beside a possible fracture",
                        "fact.maternity=breastfeeding", "calcium-vitamin-d=little", "sudden-or-height=sudden-severe")

                // advice-warmth-massage
                .fires("advice-warmth-massage", "pain now gets warmth and massage advice", "fact.pain-now=3")
                .fires("advice-warmth-massage", "pain in the past week, none right now, still gets the advice",
                        "fact.peg-pain=4", "fact.pain-now=0")
                .fires("advice-warmth-massage", "night pain without pain right now still gets the advice",
                        "fact.peg-pain=0", "fact.pain-now=0", "night-pain=stays")
                .quiet("advice-warmth-massage", "no pain now, in the past week or at night gets no advice",
                        "fact.peg-pain=0", "fact.pain-now=0", "night-pain=no")
                .quiet("advice-warmth-massage", "no advice beside night pain that no position eases",
                        "fact.pain-now=3", "night-pain=no-position")

                // advice-topical-check: a gel only after asking, when pregnant, maybe pregnant or breastfeeding
                .fires("advice-topical-check", "breastfeeding with pain is told to ask before using a gel",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=10", "fact.pain-now=4")
                .fires("advice-topical-check", "pregnant again with pain is told to ask before using a gel",
                        "fact.maternity=pregnant,recent-birth", "fact.weeks-since-birth=40", "fact.pain-now=4")
                .fires("advice-topical-check", "a carer who may be pregnant is told to ask before using a gel",
                        "fact.maternity=maybe-pregnant", "fact.pain-now=4")
                .quiet("advice-topical-check", "after stopping breastfeeding the ordinary gel advice applies",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=30", "fact.pain-now=4",
                        "stopped-breastfeeding=yes")
                .quiet("advice-topical-check", "breastfeeding without pain gets no gel advice",
                        "fact.maternity=breastfeeding", "fact.peg-pain=0", "fact.pain-now=0", "night-pain=no")
                .quiet("advice-topical-check", "no advice beside both legs",
                        "fact.maternity=breastfeeding", "fact.pain-now=4", "leg-symptoms=numbness", "leg-pattern=both-legs")

                // advice-topical-relief: guarded by the medicine caution
                .fires("advice-topical-relief", "a partner with pain is offered a pharmacy gel",
                        "fact.maternity=none", "fact.pain-now=4")
                .fires("advice-topical-relief", "a recent birth, not breastfeeding, with pain, is offered a pharmacy gel",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "fact.pain-now=4",
                        "stopped-breastfeeding=no")
                .quiet("advice-topical-relief", "breastfeeding is not simply offered a pharmacy gel",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=10", "fact.pain-now=4")
                .quiet("advice-topical-relief", "pregnancy is not simply offered a pharmacy gel",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=12", "fact.pain-now=4")
                .quiet("advice-topical-relief", "no pain gets no gel advice",
                        "fact.maternity=none", "fact.peg-pain=0", "fact.pain-now=0", "night-pain=no")
                .quiet("advice-topical-relief", "no advice beside a leg getting weaker",
                        "fact.maternity=none", "fact.pain-now=4", "leg-symptoms=weakness", "leg-pattern=worse")

                // advice-feeding-support
                .fires("advice-feeding-support", "hunching over to feed gets pillow advice", "feeding-posture=hunched")
                .fires("advice-feeding-support", "not sure how one sits to feed gets the advice",
                        "feeding-posture=varies")
                .quiet("advice-feeding-support", "sitting supported gets no feeding advice", "feeding-posture=supported")
                .quiet("advice-feeding-support", "someone who does not feed the baby gets no feeding advice",
                        "feeding-posture=not-feeding")
                .quiet("advice-feeding-support", "no advice beside night pain that no position eases",
                        "feeding-posture=hunched", "night-pain=no-position")

                // advice-lifting
                .fires("advice-lifting", "lifting the baby with straight legs gets bend-your-knees advice",
                        "lifting=back-bent")
                .fires("advice-lifting", "not sure how one lifts gets the advice", "lifting=varies")
                .quiet("advice-lifting", "lifting with bent knees gets no lifting advice", "lifting=knees-bent")
                .quiet("advice-lifting", "no advice beside a possible fracture", "lifting=back-bent",
                        "fact.age-band=50-64", "sudden-or-height=sudden-severe")

                // advice-footwear
                .fires("advice-footwear", "pain worse when active gets footwear advice", "activity-worse=yes")
                .quiet("advice-footwear", "pain not worse when active gets no footwear advice", "activity-worse=no")
                .quiet("advice-footwear", "no advice beside both legs", "activity-worse=yes", "leg-symptoms=tingling",
                        "leg-pattern=both-legs")

                // advice-mattress
                .fires("advice-mattress", "a sagging mattress gets mattress advice", "mattress=soft-sagging")
                .fires("advice-mattress", "a very hard mattress gets mattress advice", "mattress=too-hard")
                .fires("advice-mattress", "not knowing gets mattress advice", "mattress=unsure")
                .quiet("advice-mattress", "a supportive mattress gets no mattress advice", "mattress=supportive")
                .quiet("advice-mattress", "no advice beside night pain that no position eases", "mattress=unsure",
                        "night-pain=no-position")
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
    @DisplayName("a breastfeeding mother with mild pain is told to ask before using a gel, never simply offered one")
    void calmBreastfeedingMotherGetsTheMedicineCheck(PluginUnderTest plugin) {
        calmBreastfeedingParent(plugin)
                .expect(Severity.ADVICE, "advice-pelvic-core-rehab")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-check")
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
    @DisplayName("a patient with no pain now or in the past week, no night pain and good habits gets only the rehabilitation advice")
    void noPainNoFlags(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .fact(Facts.PEG_PAIN, "0")
                .fact(Facts.PAIN_NOW, "0")
                .expect(Severity.ADVICE, "advice-pelvic-core-rehab")
                .andNothingElse();
    }

    @Test
    @DisplayName("severe pain is the host's flag: 9 out of 10 now, or 8 on average, adds nothing of the topic's own")
    void severePainIsTheHostsFlag(PluginUnderTest plugin) {
        calmPartner(plugin).fact(Facts.PAIN_NOW, "9")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
        calmPartner(plugin).fact(Facts.PEG_PAIN, "8")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    // ---- the seed's picture ------------------------------------------------------------------

    @Test
    @DisplayName("breastfeeding, night pain that eases on waking, low calcium, bent-back lifting: notes and advice, no flag")
    void seedPicture(PluginUnderTest plugin) {
        calmBreastfeedingParent(plugin)
                .answer("night-pain", "eases-on-rising")
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
                .expect(Severity.ADVICE, "advice-topical-check")
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
                .answer("stopped-breastfeeding", "yes")
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
    @DisplayName("numbness in one leg, not getting worse, is a consult that holds back exercise advice")
    void legNumbnessIsAConsult(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("leg-symptoms", "numbness")
                .answer("leg-pattern", "neither")
                .expect(Severity.CONSULT, "leg-nerve-signs")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("leg symptoms in both legs, or a leg getting weaker, are urgent for a partner too, with no advice")
    void bothLegsOrWorseningIsUrgent(PluginUnderTest plugin) {
        calmPartner(plugin).answer("leg-symptoms", "tingling").answer("leg-pattern", "both-legs")
                .expect(Severity.URGENT, "nerve-both-legs")
                .andNothingElse();
        calmPartner(plugin).answer("leg-symptoms", "weakness", "numbness").answer("leg-pattern", "worse")
                .expect(Severity.URGENT, "nerve-getting-worse")
                .andNothingElse();
    }

    @Test
    @DisplayName("sudden severe pain with loss of height while breastfeeding is urgent, with no advice beside it")
    void fractureSignsAreUrgent(PluginUnderTest plugin) {
        calmBreastfeedingParent(plugin)
                .fact(Facts.PAIN_NOW, "9")
                .answer("sudden-or-height", "sudden-severe", "height-loss")
                .answer("thin-bones", "no")
                .expect(Severity.URGENT, "possible-vertebral-fracture")
                .expect(Severity.INFO, "note-lactation-bone")
                .andNothingElse();
    }

    @Test
    @DisplayName("fracture signs with night pain that eases on rising hold back the core exercises that night pain would get")
    void fractureSignsHoldBackCoreExercise(PluginUnderTest plugin) {
        calmBreastfeedingParent(plugin)
                .fact(Facts.PAIN_NOW, "9")
                .answer("night-pain", "eases-on-rising")
                .answer("sudden-or-height", "sudden-severe", "height-loss")
                .answer("thin-bones", "no")
                .expect(Severity.URGENT, "possible-vertebral-fracture")
                .expect(Severity.INFO, "note-night-pattern")
                .expect(Severity.INFO, "note-lactation-bone")
                .andNothingElse();
    }

    @Test
    @DisplayName("becoming shorter alone is a consult: self-care advice, but no exercise until it is checked")
    void heightLossAloneIsAConsult(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("sudden-or-height", "height-loss")
                .expect(Severity.CONSULT, "height-loss")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("sudden severe pain alone, at 35 and not breastfeeding, is flagged for the consult and holds back exercise advice")
    void suddenSeverePainAloneIsConsult(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("sudden-or-height", "sudden-severe")
                .answer("thin-bones", "no")
                .expect(Severity.CONSULT, "sudden-severe-pain")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("the same sudden severe pain is urgent while breastfeeding, or after stopping, or at 50 or over")
    void suddenSeverePainWithThinBonesOrAgeIsUrgent(PluginUnderTest plugin) {
        calmBreastfeedingParent(plugin).answer("sudden-or-height", "sudden-severe")
                .expect(Severity.URGENT, "possible-vertebral-fracture").atLeast();
        calmBirthParent(plugin).answer("stopped-breastfeeding", "yes").answer("sudden-or-height", "sudden-severe")
                .expect(Severity.URGENT, "possible-vertebral-fracture").atLeast();
        calmPartner(plugin).fact(Facts.AGE_BAND, Facts.AGE_50_64).answer("sudden-or-height", "sudden-severe")
                .expect(Severity.URGENT, "possible-vertebral-fracture").atLeast();
        calmPartner(plugin).answer("sudden-or-height", "sudden-severe").answer("thin-bones", "yes")
                .expect(Severity.URGENT, "possible-vertebral-fracture").atLeast();
    }

    @Test
    @DisplayName("each red flag alone, on an otherwise calm visit, raises its urgent finding")
    void everyRedFlagIsUrgentOnItsOwn(PluginUnderTest plugin) {
        Map<List<String>, String> flags = Map.of(
                List.of("leg-symptoms=numbness", "leg-pattern=both-legs"), "nerve-both-legs",
                List.of("leg-symptoms=tingling", "leg-pattern=both-legs"), "nerve-both-legs",
                List.of("leg-symptoms=weakness", "leg-pattern=worse"), "nerve-getting-worse",
                List.of("leg-symptoms=numbness", "leg-pattern=worse"), "nerve-getting-worse",
                List.of("sudden-or-height=sudden-severe,height-loss"), "possible-vertebral-fracture",
                List.of("sudden-or-height=sudden-severe", "thin-bones=yes"), "possible-vertebral-fracture",
                List.of("night-pain=no-position"), "night-pain-no-position");
        flags.forEach((flag, rule) -> calmBirthParent(plugin).answers(flag.toArray(String[]::new))
                .expect(Severity.URGENT, rule).andNothingElse());
    }

    @Test
    @DisplayName("a partner with tingling in one leg is a consult and gets no birth-related advice")
    void partnerWithTinglingIsAConsult(PluginUnderTest plugin) {
        calmPartner(plugin)
                .fact(Facts.PAIN_NOW, "5")
                .answer("activity-worse", "yes")
                .answer("leg-symptoms", "tingling")
                .answer("leg-pattern", "neither")
                .answer("lifting", "back-bent")
                .expect(Severity.CONSULT, "leg-nerve-signs")
                .expect(Severity.CONSULT, "worse-with-activity")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .expect(Severity.ADVICE, "advice-lifting")
                .expect(Severity.ADVICE, "advice-footwear")
                .andNothingElse();
    }

    @Test
    @DisplayName("night pain that no position eases is urgent here too, whatever the safety screen said")
    void nightPainNoPositionIsUrgent(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .answer("night-pain", "no-position")
                .expect(Severity.URGENT, "night-pain-no-position")
                .andNothingElse();
    }

    // ---- consult -----------------------------------------------------------------------------

    @Test
    @DisplayName("pain for six weeks or more is flagged for the physiotherapist")
    void painBeyondSixWeeks(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .fact(Facts.WEEKS_SINCE_BIRTH, "20")
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
                .fact(Facts.WEEKS_SINCE_BIRTH, "40")
                .answer("pain-duration", "unsure")
                .expect(Severity.CONSULT, "pain-beyond-six-weeks").atLeast();
    }

    @Test
    @DisplayName("not sure how long the pain has lasted, weeks after the birth, is not flagged")
    void unsureDurationSoonAfterBirth(PluginUnderTest plugin) {
        calmBirthParent(plugin)
                .fact(Facts.WEEKS_SINCE_BIRTH, "3")
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

    // ---- skip logic as the kiosk applies it --------------------------------------------------

    @Test
    @DisplayName("a partner's stray answers to the birth questions do not count")
    void partnerStrayAnswersDoNotCount(PluginUnderTest plugin) {
        calmPartner(plugin)
                .staleAnswer("stopped-breastfeeding", "yes")
                .staleAnswer("calcium-vitamin-d", "little")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("a 'stopped breastfeeding' answer left over after the patient said in About you that they are breastfeeding does not count")
    void staleStoppedAnswerDoesNotCount(PluginUnderTest plugin) {
        calmBreastfeedingParent(plugin)
                .staleAnswer("stopped-breastfeeding", "yes")
                .expect(Severity.ADVICE, "advice-pelvic-core-rehab")
                .expect(Severity.ADVICE, "advice-warmth-massage")
                .expect(Severity.ADVICE, "advice-topical-check")
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
