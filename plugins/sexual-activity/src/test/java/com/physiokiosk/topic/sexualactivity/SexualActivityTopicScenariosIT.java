package com.physiokiosk.topic.sexualactivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.ScreenContext;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.plugins.LoadedTopic;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.Scenario;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin, loaded through PF4J as the kiosk loads it, answering whole visits. Skip
 * logic is applied by the kiosk before the rules run, so answers to questions that would not have
 * been asked do not count. Every rule is seen both firing and staying quiet.
 */
@TopicPluginTest
@DisplayName("Back pain and intimacy, as the kiosk runs it")
class SexualActivityTopicScenariosIT {

    /**
     * A whole, calm visit: soreness soon afterwards that lasts a few hours, mild pain, no warning
     * signs. Each scenario changes what it is about with further {@code answer} calls.
     */
    private static Scenario calmVisit(PluginUnderTest plugin) {
        return plugin.given()
                .answer("timing", "after")
                .answer("duration", "hours")
                .answer("pain-score", "3")
                .answer("pattern", "unsure")
                .answer("movement", "unsure")
                .answer("spine-condition", "none")
                .answer("symptoms", "none")
                .answer("sensation-change", "no")
                .answer("pain-relief-before", "no")
                .answer("pregnancy", "no")
                .answer("feelings", "none");
    }

    /** The self-care lines a calm visit gets. */
    private static Scenario withCalmAdvice(Scenario s) {
        return s.expect(Severity.ADVICE, "advice-warmth")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-pain-relief")
                .expect(Severity.ADVICE, "advice-positions");
    }

    @Test
    @DisplayName("the kiosk offers the topic with its neutral title in both languages")
    void loadsWithNeutralTitle(PluginUnderTest plugin) {
        LoadedTopic topic = plugin.topic();
        assertEquals("sexual-activity", topic.id());
        assertEquals("Back pain and intimacy", topic.title("en"));
        assertEquals("Dolor de espalda e intimidad", topic.title("es"));
        assertTrue(topic.asset("sexual-activity.svg").isPresent());
        assertTrue(topic.asset("movement-forward.svg").isPresent());
        assertTrue(topic.asset("movement-arching.svg").isPresent());
        assertTrue(topic.templates() != null, "the movement illustration template is loaded");
    }

    @Test
    @DisplayName("the movement picture shows both figures with their captions, in the patient's language")
    void movementIllustrationRenders(PluginUnderTest plugin) {
        LoadedTopic topic = plugin.topic();
        Question movement = topic.question("movement").orElseThrow();
        for (String language : List.of("en", "es")) {
            String html = topic.templates().render(movement.illustration(), new ScreenContext() {
                @Override
                public String language() {
                    return language;
                }

                @Override
                public String text(String key) {
                    return topic.text(language, key);
                }

                @Override
                public String asset(String fileName) {
                    return "/topic-assets/" + topic.id() + "/" + fileName;
                }

                @Override
                public Question question() {
                    return movement;
                }

                @Override
                public List<String> answer() {
                    return List.of();
                }
            });
            assertTrue(html.contains("/topic-assets/sexual-activity/movement-forward.svg"), html);
            assertTrue(html.contains("/topic-assets/sexual-activity/movement-arching.svg"), html);
            assertTrue(html.contains(topic.text(language, "ill.movement.forward")), html);
            assertTrue(html.contains(topic.text(language, "ill.movement.arching")), html);
        }
    }

    @Test
    @DisplayName("short, mild soreness afterwards gets self-care advice and no flag")
    void calmVisitGetsAdviceOnly(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin)).andNothingElse();
    }

    @Test
    @DisplayName("less feeling in the genital area is urgent, whatever else was answered")
    void numbnessIsUrgent(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("sensation-change", "yes"))
                .expect(Severity.URGENT, "genital-numbness")
                .andNothingElse();
    }

    @Test
    @DisplayName("less feeling in the genital area is urgent even with hardly any pain and something new")
    void numbnessIsUrgentWithMildPain(PluginUnderTest plugin) {
        calmVisit(plugin).answer("sensation-change", "yes").answer("pain-score", "1").answer("pattern", "new")
                .expect(Severity.URGENT, "genital-numbness")
                .atLeast();
    }

    @Test
    @DisplayName("new trouble passing or holding urine is urgent")
    void bladderTroubleIsUrgent(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("symptoms", "urine-control"))
                .expect(Severity.URGENT, "new-bladder-trouble")
                .andNothingElse();
    }

    @Test
    @DisplayName("pain with fever after intimacy asks to see a doctor now")
    void feverIsUrgent(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("symptoms", "fever"))
                .expect(Severity.URGENT, "fever")
                .andNothingElse();
    }

    @Test
    @DisplayName("burning urine and one-sided flank pain with fever is urgent, raised once")
    void kidneyTypePainWithFeverIsUrgentOnce(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("symptoms", "burning-urine", "flank-pain", "fever"))
                .expect(Severity.URGENT, "fever-with-urinary-signs")
                .andNothingElse();
    }

    @Test
    @DisplayName("pelvic pain with fever is urgent")
    void pelvicPainWithFeverIsUrgent(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("symptoms", "pelvic-pain", "fever"))
                .expect(Severity.URGENT, "fever-with-urinary-signs")
                .andNothingElse();
    }

    @Test
    @DisplayName("burning urine without fever asks to mention it at reception today")
    void burningWithoutFeverIsConsult(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("symptoms", "burning-urine"))
                .expect(Severity.CONSULT, "urinary-or-kidney-signs")
                .andNothingElse();
    }

    @Test
    @DisplayName("one-sided flank pain without fever asks to mention it at reception today")
    void flankPainWithoutFeverIsConsult(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("symptoms", "flank-pain"))
                .expect(Severity.CONSULT, "urinary-or-kidney-signs")
                .andNothingElse();
    }

    @Test
    @DisplayName("pelvic pain without fever asks to mention it at reception today")
    void pelvicPainWithoutFeverIsConsult(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("symptoms", "pelvic-pain"))
                .expect(Severity.CONSULT, "pelvic-pain")
                .andNothingElse();
    }

    @Test
    @DisplayName("severe pain that lasts for days is flagged for the consult")
    void severeLastingPainIsConsult(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("pain-score", "8").answer("duration", "days"))
                .expect(Severity.CONSULT, "severe-pain")
                .expect(Severity.CONSULT, "lasting-pain")
                .expect(Severity.ADVICE, "advice-hot-cold")
                .andNothingElse();
    }

    @Test
    @DisplayName("pain of 6 out of 10 that has not eased is flagged as lasting, not as severe")
    void ongoingModeratePain(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("pain-score", "6").answer("duration", "ongoing"))
                .expect(Severity.CONSULT, "lasting-pain")
                .expect(Severity.ADVICE, "advice-hot-cold")
                .andNothingElse();
    }

    @Test
    @DisplayName("a spinal fracture in the last three months is flagged, with slow-down advice")
    void recentFractureIsConsult(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("spine-condition", "fracture").answer("fracture-recent", "yes"))
                .expect(Severity.CONSULT, "recent-spinal-fracture")
                .expect(Severity.INFO, "known-spine-condition")
                .expect(Severity.ADVICE, "advice-slow-down")
                .andNothingElse();
    }

    @Test
    @DisplayName("an old spinal fracture is noted but not flagged")
    void oldFractureIsNotFlagged(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("spine-condition", "fracture").answer("fracture-recent", "no"))
                .expect(Severity.INFO, "known-spine-condition")
                .expect(Severity.ADVICE, "advice-slow-down")
                .andNothingElse();
    }

    @Test
    @DisplayName("'fracture in the last three months' does not count unless a fracture was chosen")
    void fractureDateIgnoredWithoutFracture(PluginUnderTest plugin) {
        calmVisit(plugin).answer("spine-condition", "disc").answer("fracture-recent", "yes")
                .doesNotRaise("recent-spinal-fracture");
    }

    @Test
    @DisplayName("short soreness with a new partner, worse bending forward, is reassured and gets position tips")
    void newActivityIsReassured(PluginUnderTest plugin) {
        calmVisit(plugin).answer("pattern", "new").answer("movement", "bending-forward")
                .expect(Severity.INFO, "new-activity")
                .expect(Severity.ADVICE, "advice-usually-settles")
                .expect(Severity.ADVICE, "advice-flexion-sensitive")
                .expect(Severity.ADVICE, "advice-pillows")
                .expect(Severity.ADVICE, "advice-warmth")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-pain-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("long-standing pain during intimacy with wear and tear, worse arching, masked with painkillers")
    void recurringWearAndTearWithPremedication(PluginUnderTest plugin) {
        calmVisit(plugin).answer("timing", "during").answer("pattern", "long-standing")
                .answer("movement", "arching-back").answer("spine-condition", "degeneration")
                .answer("pain-relief-before", "yes")
                .expect(Severity.INFO, "recurring-pattern")
                .expect(Severity.INFO, "known-spine-condition")
                .expect(Severity.ADVICE, "advice-avoid-triggers")
                .expect(Severity.ADVICE, "advice-extension-sensitive")
                .expect(Severity.ADVICE, "advice-pillows")
                .expect(Severity.ADVICE, "advice-no-masking")
                .expect(Severity.ADVICE, "advice-talk-partner")
                .expect(Severity.ADVICE, "advice-talk-openly")
                .expect(Severity.ADVICE, "advice-warmth")
                .andNothingElse();
    }

    @Test
    @DisplayName("pain on both bending and arching gets the general position advice, not a one-way tip")
    void bothMovements(PluginUnderTest plugin) {
        calmVisit(plugin).answer("movement", "bending-forward", "arching-back")
                .expect(Severity.ADVICE, "advice-positions")
                .expect(Severity.ADVICE, "advice-pillows")
                .expect(Severity.ADVICE, "advice-warmth")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-pain-relief")
                .andNothingElse();
    }

    @Test
    @DisplayName("pain the next morning on a sagging mattress gets mattress advice")
    void nextMorningSaggingMattress(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("timing", "next-morning").answer("mattress", "sagging"))
                .expect(Severity.ADVICE, "advice-mattress")
                .andNothingElse();
    }

    @Test
    @DisplayName("a medium-firm mattress already gets no mattress advice")
    void nextMorningMediumFirmMattress(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("timing", "next-morning").answer("mattress", "medium-firm"))
                .andNothingElse();
    }

    @Test
    @DisplayName("a mattress answer does not count when the pain does not come the next morning")
    void mattressIgnoredWithoutNextMorningPain(PluginUnderTest plugin) {
        calmVisit(plugin).answer("timing", "after").answer("mattress", "sagging")
                .doesNotRaise("advice-mattress");
    }

    @Test
    @DisplayName("a pregnant patient is told to check medicines first, never given pharmacy pain relief advice")
    void pregnantPatient(PluginUnderTest plugin) {
        calmVisit(plugin).answer("pregnancy", "pregnant")
                .expect(Severity.INFO, "pregnancy")
                .expect(Severity.ADVICE, "advice-medicine-check")
                .expect(Severity.ADVICE, "advice-warmth")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-positions")
                .andNothingElse();
    }

    @Test
    @DisplayName("a breastfeeding patient is told to check medicines first")
    void breastfeedingPatient(PluginUnderTest plugin) {
        calmVisit(plugin).answer("pregnancy", "breastfeeding")
                .expect(Severity.INFO, "pregnancy")
                .expect(Severity.ADVICE, "advice-medicine-check")
                .atLeast();
    }

    @Test
    @DisplayName("low mood and holding back from intimacy are noted, with mood and partner advice")
    void lowMoodAndAvoidance(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("feelings", "low-mood", "avoiding"))
                .expect(Severity.INFO, "low-mood")
                .expect(Severity.INFO, "fear-avoidance")
                .expect(Severity.ADVICE, "advice-mood")
                .expect(Severity.ADVICE, "advice-talk-partner")
                .andNothingElse();
    }

    @Test
    @DisplayName("a patient who answers nothing raises nothing")
    void noAnswersRaiseNothing(PluginUnderTest plugin) {
        plugin.given().andNothingElse();
    }
}
