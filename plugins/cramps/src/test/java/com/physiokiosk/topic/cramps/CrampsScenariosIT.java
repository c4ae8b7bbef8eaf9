package com.physiokiosk.topic.cramps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.plugins.PluginStatus;
import com.physiokiosk.testkit.PluginUnderTest;
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
        List<PluginStatus> plugins = plugin.plugins();
        assertEquals(1, plugins.size());
        assertEquals("cramps", plugins.get(0).id());
        assertEquals("STARTED", plugins.get(0).state());
        assertEquals("cramps", plugin.topic().id());
    }

    // ---- scenarios: every rule fires in one and stays quiet in a close one -------------------

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios(PluginUnderTest plugin) {
        return plugin.table()
                // labour-signs
                .fires("labour-signs", "late pregnancy with rhythmic cramps is urgent",
                        "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=38", "rhythmic=yes")
                .fires("labour-signs", "rhythmic cramps at 20 weeks already count as possible labour",
                        "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=20", "rhythmic=yes")
                .quiet("labour-signs", "late pregnancy with steady, not rhythmic, cramps is not flagged as labour",
                        "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=38", "rhythmic=no")
                .quiet("labour-signs", "rhythmic cramps at 19 weeks are not called labour",
                        "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=19", "rhythmic=yes")
                .quiet("labour-signs", "rhythmic cramps in someone not pregnant are not called labour",
                        "periods-or-pregnant=yes", "pregnant=no", "rhythmic=yes")

                // pregnancy-rhythmic-cramps
                .fires("pregnancy-rhythmic-cramps", "early pregnancy with rhythmic cramps is urgent",
                        "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=10", "rhythmic=yes")
                .fires("pregnancy-rhythmic-cramps", "maybe pregnant with rhythmic cramps is urgent",
                        "periods-or-pregnant=yes", "pregnant=unsure", "rhythmic=yes")
                .fires("pregnancy-rhythmic-cramps", "pregnant with no weeks given and rhythmic cramps is urgent",
                        "periods-or-pregnant=yes", "pregnant=yes", "rhythmic=yes")
                .quiet("pregnancy-rhythmic-cramps", "early pregnancy without rhythmic cramps is not urgent",
                        "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=10", "rhythmic=no")
                .quiet("pregnancy-rhythmic-cramps", "late pregnancy with rhythmic cramps goes to the labour rule instead",
                        "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=30", "rhythmic=yes")

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
                .fires("belly-or-nausea", "pain wrapping round to the belly needs a doctor today",
                        "unwell=none", "belly=yes")
                .fires("belly-or-nausea", "nausea with cramps needs a doctor today",
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

                // severe-pain
                .fires("severe-pain", "pain of 8 out of 10 is flagged as severe", "pain-score=8")
                .fires("severe-pain", "pain of 10 out of 10 is flagged as severe", "pain-score=10")
                .quiet("severe-pain", "pain of 7 out of 10 is not flagged as severe", "pain-score=7")

                // rhythmic-cramps
                .fires("rhythmic-cramps", "rhythmic, increasing cramps in someone not pregnant are flagged",
                        "rhythmic=yes", "periods-or-pregnant=no")
                .quiet("rhythmic-cramps", "cramps that do not come in waves are not flagged",
                        "rhythmic=no", "periods-or-pregnant=no")
                .quiet("rhythmic-cramps", "rhythmic cramps in pregnancy go to the urgent pregnancy rules instead",
                        "rhythmic=yes", "periods-or-pregnant=yes", "pregnant=unsure")

                // character-unclear
                .fires("character-unclear", "a patient unsure whether the pain is muscular gets a note",
                        "muscular=unsure")
                .quiet("character-unclear", "a patient sure the pain is muscular gets no note",
                        "muscular=muscular")

                // menstrual-link
                .fires("menstrual-link", "cramps around periods are noted for the physiotherapist",
                        "periods-or-pregnant=yes", "pregnant=no", "period-link=yes")
                .quiet("menstrual-link", "cramps unrelated to periods are not noted",
                        "periods-or-pregnant=yes", "pregnant=no", "period-link=no")

                // pregnancy
                .fires("pregnancy", "pregnancy is noted for the physiotherapist",
                        "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=24")
                .fires("pregnancy", "possible pregnancy is noted for the physiotherapist",
                        "periods-or-pregnant=yes", "pregnant=unsure")
                .quiet("pregnancy", "someone who is not pregnant gets no pregnancy note",
                        "periods-or-pregnant=yes", "pregnant=no")

                // advice-heat
                .fires("advice-heat", "anyone who answers the topic is offered heat", "pain-score=3")
                .quiet("advice-heat", "no heat advice when the topic was not answered")

                // advice-massage
                .fires("advice-massage", "knotted, muscular pain gets massage advice", "muscular=muscular")
                .fires("advice-massage", "unsure what the pain feels like still gets massage advice", "muscular=unsure")
                .quiet("advice-massage", "pain that does not feel muscular gets no massage advice",
                        "muscular=not-muscular")

                // advice-stretch
                .fires("advice-stretch", "cramps after sport get stretching advice", "trigger=sport")
                .fires("advice-stretch", "cramps after stretching get advice on stretching right", "trigger=stretching")
                .quiet("advice-stretch", "cramps after long sitting get no stretching advice", "trigger=sitting")

                // advice-lifting
                .fires("advice-lifting", "cramps after lifting get lift-with-your-knees advice", "trigger=lifting")
                .fires("advice-lifting", "cramps after gym weights get lifting advice", "trigger=weights")
                .quiet("advice-lifting", "cramps after running get no lifting advice", "trigger=running")

                // advice-warm-up
                .fires("advice-warm-up", "cramps after running get warm-up advice", "trigger=running")
                .fires("advice-warm-up", "cramps after sport get warm-up advice", "trigger=sport,shoes")
                .quiet("advice-warm-up", "cramps after lifting a box get no warm-up advice", "trigger=lifting")

                // advice-posture
                .fires("advice-posture", "cramps after long sitting get posture advice", "trigger=sitting")
                .fires("advice-posture", "cramps after running get posture advice", "trigger=running")
                .quiet("advice-posture", "cramps after lifting get no posture advice", "trigger=lifting")

                // advice-shoes
                .fires("advice-shoes", "cramps blamed on shoes get supportive-shoe advice", "trigger=shoes")
                .quiet("advice-shoes", "cramps after sitting get no shoe advice", "trigger=sitting")
                .quiet("advice-shoes", "not sure what caused it gets no shoe advice", "trigger=none")

                // advice-pain-relief
                .fires("advice-pain-relief", "someone not pregnant is offered over-the-counter relief",
                        "pain-score=5", "periods-or-pregnant=no")
                .fires("advice-pain-relief", "period-related cramps are offered over-the-counter relief",
                        "pain-score=5", "periods-or-pregnant=yes", "pregnant=no", "period-link=yes")
                .quiet("advice-pain-relief", "someone pregnant is not advised over-the-counter medicine",
                        "pain-score=5", "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=12")
                .quiet("advice-pain-relief", "someone who may be pregnant is not advised over-the-counter medicine",
                        "pain-score=5", "periods-or-pregnant=yes", "pregnant=unsure")

                // advice-medicine-check
                .fires("advice-medicine-check", "someone pregnant is told to ask before taking medicine",
                        "pain-score=5", "periods-or-pregnant=yes", "pregnant=yes", "pregnancy-weeks=12")
                .quiet("advice-medicine-check", "someone not pregnant is not given the pregnancy medicine check",
                        "pain-score=5", "periods-or-pregnant=yes", "pregnant=no")
                .tests();
    }

    // ---- whole visits ------------------------------------------------------------------------

    @Test
    @DisplayName("a desk worker with a knotted muscle gets self-care advice and no flags")
    void deskWorkerGetsAdviceOnly(PluginUnderTest plugin) {
        plugin.given()
                .answers("trigger=sitting", "pain-score=4", "muscular=muscular", "rhythmic=no", "belly=no",
                        "unwell=none", "periods-or-pregnant=no")
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
                .answers("trigger=running,weights", "pain-score=5", "muscular=muscular", "rhythmic=no", "belly=no",
                        "unwell=none", "periods-or-pregnant=no")
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
    @DisplayName("late pregnancy with rhythmic cramps is urgent and gets no over-the-counter medicine advice")
    void lateLabourSignsAreUrgentWithNoPainkillerAdvice(PluginUnderTest plugin) {
        plugin.given()
                .answer("trigger", "none").answer("pain-score", "7").answer("muscular", "unsure")
                .answer("rhythmic", "yes").answer("belly", "no").answer("unwell", "none")
                .answer("periods-or-pregnant", "yes").answer("pregnant", "yes").answer("pregnancy-weeks", "37")
                .expect(Severity.URGENT, "labour-signs")
                .expect(Severity.INFO, "pregnancy")
                .expect(Severity.INFO, "character-unclear")
                .expect(Severity.ADVICE, "advice-heat")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-medicine-check")
                .andNothingElse();
    }

    @Test
    @DisplayName("the food-poisoning picture of the seed (belly, dizzy, clammy, vomiting) is urgent once")
    void seedPostOneIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .answers("trigger=none", "pain-score=8", "muscular=not-muscular", "rhythmic=no", "belly=yes",
                        "unwell=nausea,vomiting,dizzy,clammy", "periods-or-pregnant=no")
                .expect(Severity.URGENT, "unwell-signs")
                .expect(Severity.CONSULT, "not-muscular")
                .expect(Severity.CONSULT, "severe-pain")
                .expect(Severity.ADVICE, "advice-heat")
                .expect(Severity.ADVICE, "advice-pain-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("a patient who answers nothing raises nothing")
    void nothingAnsweredRaisesNothing(PluginUnderTest plugin) {
        plugin.given().andNothingElse();
    }

    // ---- skip logic, as the kiosk applies it -------------------------------------------------

    @Test
    @DisplayName("pregnancy answers left over after changing 'periods or pregnant' to no do not count")
    void skippedQuestionsDoNotCountEvenIfStaleAnswersRemain(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-score", "3").answer("muscular", "muscular").answer("rhythmic", "yes")
                .answer("periods-or-pregnant", "no")
                .staleAnswer("pregnant", "yes").staleAnswer("pregnancy-weeks", "38")
                .doesNotRaise("labour-signs");
    }
}
