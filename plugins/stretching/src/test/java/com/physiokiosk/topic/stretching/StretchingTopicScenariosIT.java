package com.physiokiosk.topic.stretching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Severity;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.TopicUnderTest;
import com.physiokiosk.testkit.Scenario;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The packaged plugin, loaded through PF4J as the kiosk loads it: a table of scenarios, each about one
 * rule firing or staying quiet, and whole visits, given a patient's answers, exactly these findings.
 * The host applies skip logic before the rules run, as it does at the kiosk. Every rule is seen both
 * firing and staying quiet.
 */
@TopicPluginTest
@DisplayName("Pain after stretching, as the kiosk runs it")
class StretchingTopicScenariosIT {

    /**
     * A whole visit with nothing to flag, mild pain right now (the host's fact, given by its id): most
     * scenarios change one or two answers of it.
     */
    private static final String[] CALM = {
            "fact.pain-now=3", "pain-change=not-worse", "leg-symptoms=none", "spine-condition=none",
            "stretches=hip-thigh", "hold-time=20-to-30", "technique=none", "new-exercise=no",
            "muscle-balance=similar"};

    /** The calm visit with some of its answers replaced (a later answer to a question replaces the earlier) or added. */
    private static String[] calmBut(String... changes) {
        return Stream.concat(Stream.of(CALM), Stream.of(changes)).toArray(String[]::new);
    }

    private static Scenario calmVisit(PluginUnderTest plugin) {
        return plugin.given().answers(CALM);
    }

    // ---- loading -----------------------------------------------------------------------------

    @Test
    @DisplayName("the kiosk loads the plugin and offers the topic with its icon and texts in both languages")
    void kioskOffersTheTopic(PluginUnderTest plugin) {
        TopicUnderTest topic = plugin.topic();
        assertEquals("stretching", topic.id());
        assertEquals(20, topic.info().order());
        assertTrue(topic.hasAsset("stretching.svg"));
        assertEquals("Pain after stretching", topic.title("en"));
        assertEquals("Dolor después de estirar", topic.title("es"));
    }

    // ---- scenarios: every rule fires in one and stays quiet in a close one -------------------

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios(PluginUnderTest plugin) {
        return plugin.table()
                // nerve-both-legs
                .fires("nerve-both-legs", "tingling in both legs is urgent",
                        "leg-symptoms=tingling", "leg-pattern=both-legs")
                .fires("nerve-both-legs", "shooting pain that moves from leg to leg is urgent",
                        "leg-symptoms=shooting", "leg-pattern=both-legs,worse")
                .quiet("nerve-both-legs", "tingling in one leg is not urgent for both legs",
                        "leg-symptoms=tingling", "leg-pattern=neither")
                .quiet("nerve-both-legs", "no leg symptoms raise no both-legs flag", "leg-symptoms=none")

                // nerve-getting-worse
                .fires("nerve-getting-worse", "numbness that is spreading is urgent",
                        "leg-symptoms=numbness", "leg-pattern=worse")
                .fires("nerve-getting-worse", "weakness that is getting worse is urgent",
                        "leg-symptoms=weakness", "leg-pattern=worse")
                .quiet("nerve-getting-worse", "steady numbness in one leg is not urgent",
                        "leg-symptoms=numbness", "leg-pattern=neither")
                .fires("nerve-getting-worse", "a foot that catches and is getting weaker is urgent, as on the safety screen",
                        "leg-symptoms=weakness,tingling", "leg-pattern=worse")
                .quiet("nerve-getting-worse", "symptoms in both legs that are not spreading go to the both-legs rule",
                        "leg-symptoms=numbness", "leg-pattern=both-legs")
                .quiet("nerve-getting-worse", "tingling getting worse in one leg is a consult, not a red flag",
                        "leg-symptoms=tingling", "leg-pattern=worse")
                .quiet("nerve-getting-worse", "leg pain spreading down one leg is a consult, not a red flag",
                        "leg-symptoms=shooting", "leg-pattern=worse")

                // nerve-symptoms
                .fires("nerve-symptoms", "pain shooting down a leg asks to stop stretching and consult",
                        "leg-symptoms=shooting", "leg-pattern=neither")
                .fires("nerve-symptoms", "pins and needles in a foot asks to stop stretching and consult",
                        "leg-symptoms=tingling", "leg-pattern=neither")
                .fires("nerve-symptoms", "numbness in a leg asks to stop stretching and consult",
                        "leg-symptoms=numbness", "leg-pattern=neither")
                .fires("nerve-symptoms", "tingling getting worse in one leg stays a consult",
                        "leg-symptoms=tingling", "leg-pattern=worse")
                .quiet("nerve-symptoms", "symptoms in both legs are the urgent flag's, not a second consult",
                        "leg-symptoms=tingling", "leg-pattern=both-legs")
                .quiet("nerve-symptoms", "numbness getting worse is the urgent flag's, not a consult",
                        "leg-symptoms=numbness", "leg-pattern=worse")
                .quiet("nerve-symptoms", "no leg symptoms raise no nerve flag", "leg-symptoms=none")

                // leg-weakness
                .fires("leg-weakness", "a weak leg is flagged on its own",
                        "leg-symptoms=tingling,weakness", "leg-pattern=neither")
                .fires("leg-weakness", "a foot that catches (possible foot drop), not getting worse, is a consult",
                        "leg-symptoms=weakness", "leg-pattern=neither")
                .quiet("leg-weakness", "tingling without weakness gets no weakness flag",
                        "leg-symptoms=tingling", "leg-pattern=neither")
                .quiet("leg-weakness", "a foot getting weaker is urgent instead",
                        "leg-symptoms=weakness", "leg-pattern=worse")

                // structural-sudden-pain
                .fires("structural-sudden-pain", "a sudden sharp pain or pop while stretching is flagged",
                        "pain-change=sudden")
                .fires("structural-sudden-pain", "a pop and pain afterwards is flagged",
                        "pain-change=sudden,after")
                .quiet("structural-sudden-pain", "pain that built up after stretching is not a sudden pop",
                        "pain-change=after")

                // structural-known-condition
                .fires("structural-known-condition", "a known herniated disc made worse by stretching is flagged",
                        "pain-change=after", "spine-condition=disc-herniation")
                .fires("structural-known-condition", "worn discs hurting while stretching are flagged",
                        "pain-change=during", "spine-condition=disc-degeneration")
                .fires("structural-known-condition", "a vertebra out of line and worse after stretching is flagged",
                        "pain-change=after", "spine-condition=misalignment")
                .quiet("structural-known-condition", "a known disc problem not made worse is only noted",
                        "pain-change=not-worse", "spine-condition=disc-herniation")
                .quiet("structural-known-condition", "pain after stretching with no known spine problem is not flagged",
                        "pain-change=after", "spine-condition=none")

                // spine-condition-note
                .fires("spine-condition-note", "a known back condition not made worse is noted for the physiotherapist",
                        "pain-change=not-worse", "spine-condition=spine-injury")
                .quiet("spine-condition-note", "a known condition made worse is flagged instead of noted",
                        "pain-change=during", "spine-condition=spine-injury")
                .quiet("spine-condition-note", "no known condition gets no note",
                        "pain-change=not-worse", "spine-condition=none")

                // stretch-routine
                .fires("stretch-routine", "the stretches done are noted for the physiotherapist",
                        "stretches=bend-forward,knees-to-chest")
                .fires("stretch-routine", "back arches are noted for the physiotherapist", "stretches=arch-back")
                .quiet("stretch-routine", "no named stretches gets no routine note", "stretches=not-sure")

                // deconditioned
                .fires("deconditioned", "a recent start after years of inactivity is noted", "new-exercise=yes")
                .quiet("deconditioned", "someone who has kept active gets no note", "new-exercise=no")

                // muscle-imbalance
                .fires("muscle-imbalance", "tummy muscles stronger than back muscles is noted",
                        "muscle-balance=tummy-stronger")
                .fires("muscle-imbalance", "back muscles stronger than tummy muscles is noted",
                        "muscle-balance=back-stronger")
                .quiet("muscle-imbalance", "balanced muscles get no note", "muscle-balance=similar")
                .quiet("muscle-imbalance", "not knowing which is stronger gets no note", "muscle-balance=unsure")

                // advice-stretch-gently
                .fires("advice-stretch-gently", "bouncing gets the gentle, held stretch advice",
                        calmBut("technique=bounce"))
                .fires("advice-stretch-gently", "short holds get the 20 to 30 second advice",
                        calmBut("hold-time=under-20"))
                .fires("advice-stretch-gently", "pain after stretching gets the gentle stretch advice",
                        calmBut("pain-change=after"))
                .quiet("advice-stretch-gently", "good technique with no worse pain needs no stretching advice",
                        CALM)
                .quiet("advice-stretch-gently", "with nerve symptoms the patient is told to pause, not how to stretch",
                        calmBut("technique=into-pain", "leg-symptoms=tingling", "leg-pattern=neither"))
                .quiet("advice-stretch-gently", "after a sudden pop the patient is told to pause, not how to stretch",
                        calmBut("pain-change=sudden", "technique=bounce"))
                .quiet("advice-stretch-gently", "a known disc problem made worse is told to pause",
                        calmBut("pain-change=during", "spine-condition=disc-herniation"))

                // advice-build-up
                .fires("advice-build-up", "a recent start after inactivity gets build-up advice", "new-exercise=yes")
                .fires("advice-build-up", "rushing into deep stretches gets build-up advice",
                        "new-exercise=no", "technique=rush")
                .fires("advice-build-up", "pushing into pain gets build-up advice",
                        "new-exercise=no", "technique=into-pain")
                .quiet("advice-build-up", "a long-time exerciser who eases in gets no build-up advice",
                        "new-exercise=no", "technique=none")
                .quiet("advice-build-up", "bouncing alone is covered by the stretch advice, not build-up",
                        "new-exercise=no", "technique=bounce")
                .quiet("advice-build-up", "no 'add a bit more each week' while told to pause stretching",
                        "new-exercise=yes", "leg-symptoms=tingling", "leg-pattern=neither")
                .quiet("advice-build-up", "no build-up advice after a sudden pop", "new-exercise=yes", "pain-change=sudden")
                .quiet("advice-build-up", "no build-up advice beside a red flag", "new-exercise=yes",
                        "leg-symptoms=numbness", "leg-pattern=both-legs")

                // advice-core-balance
                .fires("advice-core-balance", "stronger tummy muscles get core advice", "muscle-balance=tummy-stronger")
                .fires("advice-core-balance", "not knowing which is stronger still gets core advice",
                        "muscle-balance=unsure")
                .fires("advice-core-balance", "a vertebra out of line gets stabilising core advice",
                        "muscle-balance=similar", "spine-condition=misalignment")
                .quiet("advice-core-balance", "balanced muscles and no misalignment get no core advice",
                        "muscle-balance=similar", "spine-condition=none")
                .quiet("advice-core-balance", "no core advice beside a leg getting weaker",
                        "muscle-balance=tummy-stronger", "leg-symptoms=weakness", "leg-pattern=worse")

                // advice-target-muscles
                .fires("advice-target-muscles", "pain after stretching gets ask-which-muscles advice",
                        "pain-change=after", "stretches=twist")
                .fires("advice-target-muscles", "not knowing the stretches gets ask-which-muscles advice",
                        "pain-change=not-worse", "stretches=not-sure")
                .quiet("advice-target-muscles", "no worse pain with known stretches gets no such advice",
                        "pain-change=not-worse", "stretches=twist")
                .quiet("advice-target-muscles", "no advice beside symptoms in both legs",
                        "pain-change=after", "stretches=twist", "leg-symptoms=shooting", "leg-pattern=both-legs")
                .tests();
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
                .fact(Facts.PAIN_NOW, "5")
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
    @DisplayName("the seed's beginner who bends forward and bounces into pain after years off gets advice and no flags")
    void seedBeginnerBendingForward(PluginUnderTest plugin) {
        plugin.given()
                .answers(calmBut("pain-change=after", "fact.pain-now=5", "stretches=bend-forward", "hold-time=under-20",
                        "technique=bounce,into-pain", "new-exercise=yes", "muscle-balance=tummy-stronger"))
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

    @Test
    @DisplayName("a patient who answers nothing raises nothing")
    void nothingAnsweredRaisesNothing(PluginUnderTest plugin) {
        plugin.given().andNothingElse();
    }

    // ---- consult -----------------------------------------------------------------------------

    @Test
    @DisplayName("pain shooting down one leg after stretching asks to pause stretching and consult, with no build-up advice")
    void shootingPainDownOneLegConsults(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-change", "after")
                .answer("leg-symptoms", "shooting", "tingling")
                .answer("leg-pattern", "neither")
                .answer("technique", "into-pain")
                .expect(Severity.CONSULT, "nerve-symptoms")
                .expect(Severity.ADVICE, "advice-target-muscles")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("a herniated disc with tingling down one leg after stretching is told to stop and consult, not how to stretch")
    void discWithSciaticaConsults(PluginUnderTest plugin) {
        plugin.given()
                .answers(calmBut("pain-change=during,after", "leg-symptoms=shooting,tingling", "leg-pattern=neither",
                        "spine-condition=disc-herniation", "stretches=knees-to-chest"))
                .expect(Severity.CONSULT, "nerve-symptoms")
                .expect(Severity.CONSULT, "structural-known-condition")
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
    @DisplayName("severe pain (9 out of 10 now, or 8 on average) is the host's flag: the topic adds nothing of its own")
    void severePainIsTheHostsFlag(PluginUnderTest plugin) {
        calmVisit(plugin)
                .fact(Facts.PAIN_NOW, "9")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
        calmVisit(plugin)
                .fact(Facts.PEG_PAIN, "8")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    // ---- urgent ------------------------------------------------------------------------------

    @Test
    @DisplayName("numbness in both legs after stretching sends the patient to reception now, with no advice beside it")
    void numbnessInBothLegsIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-change", "after")
                .answer("leg-symptoms", "numbness")
                .answer("leg-pattern", "both-legs")
                .answer("muscle-balance", "tummy-stronger")
                .expect(Severity.URGENT, "nerve-both-legs")
                .expect(Severity.INFO, "stretch-routine")
                .expect(Severity.INFO, "muscle-imbalance")
                .andNothingElse();
    }

    @Test
    @DisplayName("tingling spreading down one leg is a consult, as one-sided tingling is in every topic")
    void spreadingTinglingInOneLegIsAConsult(PluginUnderTest plugin) {
        calmVisit(plugin)
                .fact(Facts.PAIN_NOW, "0")
                .answer("leg-symptoms", "tingling")
                .answer("leg-pattern", "worse")
                .expect(Severity.CONSULT, "nerve-symptoms")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("a foot that catches: a consult when steady, urgent when getting weaker")
    void footDrop(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("leg-symptoms", "weakness")
                .answer("leg-pattern", "neither")
                .expect(Severity.CONSULT, "nerve-symptoms")
                .expect(Severity.CONSULT, "leg-weakness")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
        calmVisit(plugin)
                .answer("leg-symptoms", "weakness")
                .answer("leg-pattern", "worse")
                .expect(Severity.URGENT, "nerve-getting-worse")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    @Test
    @DisplayName("weakness in both legs that is getting worse raises both urgent flags, whatever else was answered")
    void worseningWeaknessInBothLegsIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("pain-change", "sudden", "after")
                .fact(Facts.PAIN_NOW, "9")
                .answer("leg-symptoms", "weakness", "numbness")
                .answer("leg-pattern", "both-legs", "worse")
                .answer("spine-condition", "disc-herniation")
                .answer("technique", "bounce")
                .answer("new-exercise", "yes")
                .expect(Severity.URGENT, "nerve-both-legs")
                .expect(Severity.URGENT, "nerve-getting-worse")
                .atLeast();
    }

    @Test
    @DisplayName("numbness in both legs is urgent even with no back pain today")
    void numbnessInBothLegsWithoutPainIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin)
                .fact(Facts.PAIN_NOW, "0")
                .answer("leg-symptoms", "numbness")
                .answer("leg-pattern", "both-legs")
                .expect(Severity.URGENT, "nerve-both-legs")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }

    // ---- skip logic, as the host applies it --------------------------------------------------

    @Test
    @DisplayName("a leg-pattern answer left over after changing to no leg symptoms does not count")
    void staleLegPatternDoesNotCount(PluginUnderTest plugin) {
        calmVisit(plugin)
                .answer("leg-symptoms", "none")
                .staleAnswer("leg-pattern", "both-legs", "worse")
                .expect(Severity.INFO, "stretch-routine")
                .andNothingElse();
    }
}
