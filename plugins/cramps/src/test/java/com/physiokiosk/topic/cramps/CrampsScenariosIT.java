package com.physiokiosk.topic.cramps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Severity;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.PluginState;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The packaged cramps jar, loaded through PF4J by the kiosk's own plugin manager: it starts, passes
 * the load-time checks, and answers the scenario table and whole visits with the findings the kiosk
 * would store (skip logic applied first). Every rule is seen both firing and staying quiet.
 */
@TopicPluginTest
@DisplayName("Back cramps plugin, loaded as the kiosk loads it")
class CrampsScenariosIT {

    @Test
    @DisplayName("the packaged jar loads and starts on its own")
    void thePackagedJarLoadsAndStartsOnItsOwn(PluginUnderTest plugin) {
        List<PluginState> plugins = plugin.plugins();
        assertEquals(1, plugins.size());
        assertEquals("cramps", plugins.get(0).id());
        assertEquals("STARTED", plugins.get(0).state());
        assertEquals("cramps", plugin.topic().id());
    }

    // ---- scenarios: every rule fires in one and stays quiet in a close one -------------------
    // How bad the pain is and whether the patient is pregnant are the host's facts ("About you"),
    // given here by their ids: fact.maternity, fact.pregnancy-weeks, fact.pain-now.

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios(PluginUnderTest plugin) {
        return plugin.table()
                // labour-signs
                .fires("labour-signs", "late pregnancy with cramps in a regular pattern is urgent, closer together or not",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=38", "rhythmic=yes")
                .fires("labour-signs", "rhythmic cramps at 20 weeks already count as possible labour",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=20", "rhythmic=yes")
                .quiet("labour-signs", "late pregnancy with steady, not rhythmic, cramps is not flagged as labour",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=38", "rhythmic=no")
                .quiet("labour-signs", "rhythmic cramps at 19 weeks are not called labour",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=19", "rhythmic=yes")
                .quiet("labour-signs", "rhythmic cramps in someone not pregnant are not called labour",
                        "fact.maternity=none", "rhythmic=yes")
                .quiet("labour-signs", "rhythmic cramps a few weeks after a birth are not called labour",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=3", "rhythmic=yes")

                // pregnancy-rhythmic-cramps
                .fires("pregnancy-rhythmic-cramps", "early pregnancy with rhythmic cramps is urgent",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=10", "rhythmic=yes")
                .fires("pregnancy-rhythmic-cramps", "maybe pregnant with rhythmic cramps is urgent",
                        "fact.maternity=maybe-pregnant", "rhythmic=yes")
                .fires("pregnancy-rhythmic-cramps", "pregnant, weeks skipped, with rhythmic cramps is urgent",
                        "fact.maternity=pregnant", "rhythmic=yes")
                .quiet("pregnancy-rhythmic-cramps", "early pregnancy without rhythmic cramps is not urgent",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=10", "rhythmic=no")
                .quiet("pregnancy-rhythmic-cramps", "late pregnancy with rhythmic cramps goes to the labour rule instead",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=30", "rhythmic=yes")
                .quiet("pregnancy-rhythmic-cramps", "breastfeeding, not pregnant, with rhythmic cramps is not a pregnancy flag",
                        "fact.maternity=breastfeeding", "rhythmic=yes")

                // unwell-signs
                .fires("unwell-signs", "cramps with vomiting are urgent",
                        "unwell=vomiting", "belly=no")
                .fires("unwell-signs", "cramps with dizziness and clammy skin are urgent",
                        "unwell=dizzy,clammy", "belly=no")
                .fires("unwell-signs", "pain wrapping to the belly with nausea is urgent",
                        "unwell=nausea", "belly=yes")
                .quiet("unwell-signs", "nausea alone, pain staying in the back, is not urgent",
                        "unwell=nausea", "belly=no")
                .quiet("unwell-signs", "none of the unwell signs is not urgent",
                        "unwell=none", "belly=no")

                // belly-or-nausea
                .fires("belly-or-nausea", "pain wrapping round to the belly is flagged for the physiotherapist",
                        "unwell=none", "belly=yes")
                .fires("belly-or-nausea", "nausea alone with cramps is flagged for the physiotherapist, not urgent",
                        "unwell=nausea", "belly=no")
                .quiet("belly-or-nausea", "pain that stays in the back with no sickness is not flagged",
                        "unwell=none", "belly=no")
                .quiet("belly-or-nausea", "belly pain with vomiting is raised as urgent, not as a consult",
                        "unwell=vomiting", "belly=yes")

                // not-muscular
                .fires("not-muscular", "pain that does not feel muscular is flagged for the physiotherapist",
                        "muscular=not-muscular")
                .quiet("not-muscular", "tight, knotted pain that eases with heat is not flagged",
                        "muscular=muscular")
                .quiet("not-muscular", "being unsure what the pain feels like is not flagged as non-muscular",
                        "muscular=unsure")

                // rhythmic-cramps
                .fires("rhythmic-cramps", "rhythmic, increasing cramps in someone not pregnant are flagged",
                        "fact.maternity=none", "rhythmic=yes")
                .fires("rhythmic-cramps", "rhythmic cramps after a recent birth are flagged for the consult",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=3", "rhythmic=yes")
                .quiet("rhythmic-cramps", "cramps that do not come in waves are not flagged",
                        "fact.maternity=none", "rhythmic=no")
                .quiet("rhythmic-cramps", "rhythmic cramps in a possible pregnancy go to the urgent pregnancy rules instead",
                        "fact.maternity=maybe-pregnant", "rhythmic=yes")

                // character-unclear
                .fires("character-unclear", "a patient unsure whether the pain is muscular gets a note",
                        "muscular=unsure")
                .quiet("character-unclear", "a patient sure the pain is muscular gets no note",
                        "muscular=muscular")

                // menstrual-link
                .fires("menstrual-link", "cramps around periods are noted for the physiotherapist",
                        "fact.maternity=none", "period-link=yes")
                .quiet("menstrual-link", "cramps unrelated to periods are not noted",
                        "fact.maternity=none", "period-link=no")

                // advice-heat
                .fires("advice-heat", "anyone with some pain is offered heat", "fact.pain-now=3")
                .fires("advice-heat", "pain over the past week counts too", "fact.pain-now=0", "fact.peg-pain=4")
                .fires("advice-heat", "heat is offered in pregnancy too", "fact.maternity=pregnant", "fact.pain-now=5",
                        "rhythmic=no")
                .quiet("advice-heat", "no heat advice before the pain questions are answered", "muscular=muscular")
                .quiet("advice-heat", "no heat advice with no pain now or over the week", "fact.pain-now=0", "fact.peg-pain=0")
                .quiet("advice-heat", "no heat advice beside a red flag of the topic: vomiting",
                        "fact.pain-now=5", "unwell=vomiting")
                .quiet("advice-heat", "no heat advice beside a red flag of the topic: cramps in a pattern in pregnancy",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=30", "fact.pain-now=5", "rhythmic=yes")

                // advice-massage
                .fires("advice-massage", "knotted, muscular pain gets massage advice", "muscular=muscular")
                .fires("advice-massage", "unsure what the pain feels like still gets massage advice", "muscular=unsure")
                .quiet("advice-massage", "pain that does not feel muscular gets no massage advice",
                        "muscular=not-muscular")
                .quiet("advice-massage", "no massage advice for a possible pregnancy with cramps in a pattern",
                        "fact.maternity=maybe-pregnant", "muscular=muscular", "rhythmic=yes")

                // advice-stretch
                .fires("advice-stretch", "cramps after sport get stretching advice", "trigger=sport")
                .fires("advice-stretch", "cramps after stretching get advice on stretching right", "trigger=stretching")
                .quiet("advice-stretch", "cramps after long sitting get no stretching advice", "trigger=sitting")
                .quiet("advice-stretch", "no stretching advice beside dizziness and clammy skin",
                        "trigger=sport", "unwell=dizzy,clammy")

                // advice-lifting
                .fires("advice-lifting", "cramps after lifting get lift-with-your-knees advice", "trigger=lifting")
                .fires("advice-lifting", "cramps after gym weights get lifting advice", "trigger=weights")
                .quiet("advice-lifting", "cramps after running get no lifting advice", "trigger=running")
                .quiet("advice-lifting", "no lifting advice beside tummy pain with nausea", "trigger=lifting",
                        "belly=yes", "unwell=nausea")

                // advice-warm-up
                .fires("advice-warm-up", "cramps after running get warm-up advice", "trigger=running")
                .fires("advice-warm-up", "cramps after sport get warm-up advice", "trigger=sport,shoes")
                .quiet("advice-warm-up", "cramps after lifting a box get no warm-up advice", "trigger=lifting")
                .quiet("advice-warm-up", "no warm-up advice beside vomiting", "trigger=running", "unwell=vomiting")

                // advice-posture
                .fires("advice-posture", "cramps after long sitting get posture advice", "trigger=sitting")
                .fires("advice-posture", "cramps after running get posture advice", "trigger=running")
                .quiet("advice-posture", "cramps after lifting get no posture advice", "trigger=lifting")
                .quiet("advice-posture", "no posture advice beside cramps in a pattern early in pregnancy",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=12", "trigger=sitting", "rhythmic=yes")

                // advice-shoes
                .fires("advice-shoes", "cramps blamed on shoes get supportive-shoe advice", "trigger=shoes")
                .quiet("advice-shoes", "cramps after sitting get no shoe advice", "trigger=sitting")
                .quiet("advice-shoes", "not sure what caused it gets no shoe advice", "trigger=none")
                .quiet("advice-shoes", "no shoe advice beside clammy skin", "trigger=shoes", "unwell=clammy")

                // advice-pain-relief: anti-inflammatories only when no medicine caution applies
                .fires("advice-pain-relief", "someone not pregnant or breastfeeding is offered over-the-counter relief",
                        "fact.maternity=none", "fact.pain-now=5")
                .fires("advice-pain-relief", "period-related cramps are offered over-the-counter relief",
                        "fact.maternity=none", "fact.pain-now=5", "period-link=yes")
                .fires("advice-pain-relief", "a recent birth without breastfeeding is no bar to over-the-counter relief",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "fact.pain-now=5")
                .quiet("advice-pain-relief", "someone pregnant is not advised over-the-counter medicine",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=12", "fact.pain-now=5")
                .quiet("advice-pain-relief", "someone who may be pregnant is not advised over-the-counter medicine",
                        "fact.maternity=maybe-pregnant", "fact.pain-now=5")
                .quiet("advice-pain-relief", "someone breastfeeding is not advised over-the-counter medicine",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=10", "fact.pain-now=5")
                .quiet("advice-pain-relief", "breastfeeding without a recent birth is no different",
                        "fact.maternity=breastfeeding", "fact.pain-now=5")
                .quiet("advice-pain-relief", "no medicine for a patient with no pain now or over the week",
                        "fact.maternity=none", "fact.pain-now=0", "fact.peg-pain=0")
                .quiet("advice-pain-relief", "no anti-inflammatory with vomiting",
                        "fact.maternity=none", "fact.pain-now=5", "unwell=vomiting")
                .quiet("advice-pain-relief", "no tablets with nausea alone: the stomach comes first",
                        "fact.maternity=none", "fact.pain-now=5", "unwell=nausea", "belly=no")
                .quiet("advice-pain-relief", "no tablets when the pain spreads to the tummy",
                        "fact.maternity=none", "fact.pain-now=5", "unwell=none", "belly=yes")

                // advice-medicine-check
                .fires("advice-medicine-check", "someone pregnant is told to ask before taking medicine",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=12", "fact.pain-now=5")
                .fires("advice-medicine-check", "someone breastfeeding is told to ask before taking medicine",
                        "fact.maternity=breastfeeding", "fact.pain-now=5")
                .quiet("advice-medicine-check", "someone neither pregnant nor breastfeeding is not given the medicine check",
                        "fact.maternity=none", "fact.pain-now=5")
                .quiet("advice-medicine-check", "a recent birth alone does not call for the medicine check",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "fact.pain-now=5")
                .quiet("advice-medicine-check", "no medicine words for a patient with no pain",
                        "fact.maternity=breastfeeding", "fact.pain-now=0", "fact.peg-pain=0")
                .quiet("advice-medicine-check", "no advice beside labour signs: reception and maternity care first",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=36", "fact.pain-now=5", "rhythmic=yes")
                .tests();
    }

    // ---- whole visits ------------------------------------------------------------------------

    @Test
    @DisplayName("a desk worker with a knotted muscle gets self-care advice and no flags")
    void deskWorkerGetsAdviceOnly(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE).fact(Facts.PAIN_NOW, "4")
                .answers("trigger=sitting", "muscular=muscular", "rhythmic=no", "belly=no", "unwell=none",
                        "period-link=no")
                .expect(Severity.ADVICE, "advice-heat")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-posture")
                .expect(Severity.ADVICE, "advice-pain-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("a runner who lifts weights gets warm-up, stretching, lifting and posture advice, and no flags")
    void runnerWhoLiftsWeights(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE).fact(Facts.PAIN_NOW, "5")
                .answers("trigger=running,weights", "muscular=muscular", "rhythmic=no", "belly=no", "unwell=none",
                        "period-link=no")
                .expect(Severity.ADVICE, "advice-warm-up")
                .expect(Severity.ADVICE, "advice-stretch")
                .expect(Severity.ADVICE, "advice-lifting")
                .expect(Severity.ADVICE, "advice-posture")
                .expect(Severity.ADVICE, "advice-heat")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-pain-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("late pregnancy with cramps in a regular pattern is urgent, and no self-care advice stands beside it")
    void lateLabourSignsAreUrgentWithNoAdvice(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.PREGNANT).fact(Facts.PREGNANCY_WEEKS, "37").fact(Facts.PAIN_NOW, "7")
                .answer("trigger", "sitting").answer("muscular", "unsure")
                .answer("rhythmic", "yes").answer("belly", "no").answer("unwell", "none")
                .expect(Severity.URGENT, "labour-signs")
                .expect(Severity.INFO, "character-unclear")
                .andNothingElse();
    }

    @Test
    @DisplayName("any pregnancy with cramps in a regular pattern is urgent, whatever the week or if the week is not known")
    void anyPregnancyWithThePatternIsUrgent(PluginUnderTest plugin) {
        for (String weeks : List.of("6", "19", "20", "30", "41", "")) {
            var given = plugin.given().fact(Facts.MATERNITY, Facts.PREGNANT);
            if (!weeks.isEmpty()) {
                given.fact(Facts.PREGNANCY_WEEKS, weeks);
            }
            given.answers("muscular=muscular", "rhythmic=yes", "belly=no", "unwell=none")
                    .expect(Severity.URGENT, weeks.isEmpty() || Integer.parseInt(weeks) < 20
                            ? "pregnancy-rhythmic-cramps" : "labour-signs")
                    .andNothingElse();
        }
    }

    @Test
    @DisplayName("nausea alone with a knotted muscle is a consult with self-care advice, but no tablets")
    void nauseaAloneIsAConsult(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE).fact(Facts.PAIN_NOW, "5")
                .answers("trigger=sitting", "muscular=muscular", "rhythmic=no", "belly=no", "unwell=nausea",
                        "period-link=no")
                .expect(Severity.CONSULT, "belly-or-nausea")
                .expect(Severity.ADVICE, "advice-heat")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-posture")
                .andNothingElse();
    }

    @Test
    @DisplayName("a breastfeeding parent with cramps after sport is told to ask before any pain relief, not offered anti-inflammatories")
    void breastfeedingGetsTheMedicineCheckNotAntiInflammatories(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.RECENT_BIRTH, Facts.BREASTFEEDING).fact(Facts.WEEKS_SINCE_BIRTH, "20")
                .fact(Facts.PAIN_NOW, "6")
                .answers("trigger=sport", "muscular=muscular", "rhythmic=no", "belly=no", "unwell=none",
                        "period-link=no")
                .expect(Severity.ADVICE, "advice-stretch")
                .expect(Severity.ADVICE, "advice-warm-up")
                .expect(Severity.ADVICE, "advice-heat")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-medicine-check")
                .andNothingElse();
    }

    @Test
    @DisplayName("the food-poisoning picture of the seed (belly, dizzy, clammy, vomiting) is urgent once, with no advice")
    void seedPostOneIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE).fact(Facts.PAIN_NOW, "8")
                .answers("trigger=none", "muscular=not-muscular", "rhythmic=no", "belly=yes",
                        "unwell=nausea,vomiting,dizzy,clammy", "period-link=no")
                .expect(Severity.URGENT, "unwell-signs")
                .expect(Severity.CONSULT, "not-muscular")
                .andNothingElse();
    }

    @Test
    @DisplayName("severe pain is the host's to flag: 9 out of 10 now, or 8 on average, adds no finding of the topic's own")
    void severePainIsFlaggedByTheHostNotAgainByTheTopic(PluginUnderTest plugin) {
        for (String[] pain : List.of(new String[] {"9", "5"}, new String[] {"6", "8"})) {
            plugin.given()
                    .fact(Facts.MATERNITY, Facts.NONE_OF_THESE)
                    .fact(Facts.PAIN_NOW, pain[0]).fact(Facts.PEG_PAIN, pain[1])
                    .answers("trigger=lifting", "muscular=muscular", "rhythmic=no", "belly=no", "unwell=none",
                            "period-link=no")
                    .expect(Severity.ADVICE, "advice-lifting")
                    .expect(Severity.ADVICE, "advice-heat")
                    .expect(Severity.ADVICE, "advice-massage")
                    .expect(Severity.ADVICE, "advice-pain-relief")
                    .andNothingElse();
        }
    }

    @Test
    @DisplayName("a patient who answers nothing raises nothing")
    void nothingAnsweredRaisesNothing(PluginUnderTest plugin) {
        plugin.given().andNothingElse();
    }

    // ---- skip logic, as the kiosk applies it -------------------------------------------------

    @Test
    @DisplayName("a period answer left over after the patient said in About you that she is pregnant does not count")
    void skippedQuestionsDoNotCountEvenIfStaleAnswersRemain(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.PREGNANT).fact(Facts.PREGNANCY_WEEKS, "12")
                .answer("muscular", "muscular").answer("rhythmic", "no")
                .staleAnswer("period-link", "yes")
                .doesNotRaise("menstrual-link");
    }
}
