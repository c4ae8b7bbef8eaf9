package com.physiokiosk.topic.sexualactivity;

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
 * The packaged plugin, loaded through PF4J as the kiosk loads it, answering a table of scenarios (each
 * about one rule firing or staying quiet) and whole visits. Skip logic is applied by the kiosk before the
 * rules run, so answers to questions that would not have been asked do not count. Every rule is seen both
 * firing and staying quiet.
 */
@TopicPluginTest
@DisplayName("Back pain and intimacy, as the kiosk runs it")
class SexualActivityTopicScenariosIT {

    /**
     * A whole, calm visit: soreness soon afterwards that lasts a few hours, mild pain, no warning
     * signs, neither pregnant nor breastfeeding. The pain scores and the pregnancy answer are the
     * host's facts ("About you"). Each scenario changes what it is about with further {@code answer}
     * or {@code fact} calls.
     */
    private static Scenario calmVisit(PluginUnderTest plugin) {
        return plugin.given()
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE)
                .fact(Facts.PEG_PAIN, "3")
                .fact(Facts.PAIN_NOW, "3")
                .answer("timing", "after")
                .answer("duration", "hours")
                .answer("pattern", "unsure")
                .answer("movement", "unsure")
                .answer("spine-condition", "none")
                .answer("symptoms", "none")
                .answer("sensation-change", "no")
                .answer("pain-relief-before", "no")
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
        TopicUnderTest topic = plugin.topic();
        assertEquals("sexual-activity", topic.id());
        assertEquals("Back pain and intimacy", topic.title("en"));
        assertEquals("Dolor de espalda e intimidad", topic.title("es"));
        assertTrue(topic.hasAsset("sexual-activity.svg"));
        assertTrue(topic.hasAsset("movement-forward.svg"));
        assertTrue(topic.hasAsset("movement-arching.svg"));
        assertTrue(topic.hasTemplates(), "the movement illustration template is loaded");
    }

    // ---- scenarios: every rule fires in one and stays quiet in a close one -------------------

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios(PluginUnderTest plugin) {
        return plugin.table()
                // genital-numbness
                .fires("genital-numbness", "less feeling in the genital area during intimacy is urgent",
                        "sensation-change=yes")
                .quiet("genital-numbness", "no change of feeling is not urgent", "sensation-change=no")

                // new-bladder-trouble
                .fires("new-bladder-trouble", "new trouble passing or holding urine is urgent",
                        "symptoms=urine-control")
                .fires("new-bladder-trouble", "new bladder trouble is urgent even alongside burning",
                        "symptoms=burning-urine,urine-control")
                .quiet("new-bladder-trouble", "burning alone is not the bladder-control red flag",
                        "symptoms=burning-urine")

                // fever-with-urinary-signs
                .fires("fever-with-urinary-signs", "fever with burning urine is urgent",
                        "symptoms=burning-urine,fever")
                .fires("fever-with-urinary-signs", "fever with one-sided flank pain is urgent",
                        "symptoms=flank-pain,fever")
                .fires("fever-with-urinary-signs", "fever with pelvic pain is urgent",
                        "symptoms=pelvic-pain,fever")
                .quiet("fever-with-urinary-signs", "burning urine without fever is not urgent",
                        "symptoms=burning-urine")
                .quiet("fever-with-urinary-signs", "fever alone goes to the fever rule", "symptoms=fever")

                // fever
                .fires("fever", "fever with back pain is urgent on its own", "symptoms=fever")
                .quiet("fever", "fever with urinary signs is raised once, by the combined rule",
                        "symptoms=fever,burning-urine")
                .quiet("fever", "no symptoms, no fever flag", "symptoms=none")

                // urinary-or-kidney-signs
                .fires("urinary-or-kidney-signs", "burning urine without fever asks to see a doctor soon",
                        "symptoms=burning-urine")
                .fires("urinary-or-kidney-signs", "one-sided flank pain without fever asks to see a doctor soon",
                        "symptoms=flank-pain")
                .quiet("urinary-or-kidney-signs", "with fever the same symptoms are urgent instead",
                        "symptoms=flank-pain,fever")
                .quiet("urinary-or-kidney-signs", "pelvic pain alone goes to the pelvic rule", "symptoms=pelvic-pain")

                // pelvic-pain
                .fires("pelvic-pain", "pelvic pain without fever asks to see a doctor soon", "symptoms=pelvic-pain")
                .fires("pelvic-pain", "pelvic pain with burning is flagged for both", "symptoms=pelvic-pain,burning-urine")
                .quiet("pelvic-pain", "pelvic pain with fever is urgent instead", "symptoms=pelvic-pain,fever")
                .quiet("pelvic-pain", "no pelvic pain, no pelvic flag", "symptoms=none")

                // lasting-pain
                .fires("lasting-pain", "pain lasting two days or more is flagged", "duration=days")
                .fires("lasting-pain", "pain that has not eased is flagged", "duration=ongoing")
                .quiet("lasting-pain", "pain lasting about a day is not flagged", "duration=day")

                // recent-spinal-fracture
                .fires("recent-spinal-fracture", "a spinal fracture in the last three months is flagged",
                        "spine-condition=fracture", "fracture-recent=yes")
                .quiet("recent-spinal-fracture", "an old spinal fracture is not flagged",
                        "spine-condition=fracture", "fracture-recent=no")

                // new-activity
                .fires("new-activity", "pain with something new is noted", "pattern=new")
                .quiet("new-activity", "a long-standing pattern is not noted as new", "pattern=long-standing")

                // recurring-pattern
                .fires("recurring-pattern", "a long-standing pattern is noted", "pattern=long-standing")
                .quiet("recurring-pattern", "something new is not noted as recurring", "pattern=new")

                // known-spine-condition
                .fires("known-spine-condition", "a known disc problem is noted", "spine-condition=disc")
                .fires("known-spine-condition", "another back condition is noted", "spine-condition=other")
                .quiet("known-spine-condition", "no known condition, no note", "spine-condition=none")

                // low-mood
                .fires("low-mood", "low mood is noted", "feelings=low-mood")
                .quiet("low-mood", "worry alone is not noted as low mood", "feelings=worry")

                // fear-avoidance
                .fires("fear-avoidance", "worry about making the back worse is noted", "feelings=worry")
                .fires("fear-avoidance", "holding back from intimacy is noted", "feelings=avoiding")
                .quiet("fear-avoidance", "low mood alone is not noted as fear-avoidance", "feelings=low-mood")

                // advice-warmth
                .fires("advice-warmth", "anyone with some pain is offered warmth", "fact.pain-now=2")
                .quiet("advice-warmth", "no warmth advice before the pain questions are answered", "timing=after")
                .quiet("advice-warmth", "no warmth advice with no pain now or over the week", "fact.pain-now=0",
                        "fact.peg-pain=0")
                .quiet("advice-warmth", "no advice beside a fever", "fact.pain-now=2", "symptoms=fever")

                // advice-massage
                .fires("advice-massage", "pain soon after gets massage advice", "timing=after")
                .quiet("advice-massage", "no massage advice beside a change of feeling", "timing=after",
                        "sensation-change=yes")
                .fires("advice-massage", "pain the next morning gets massage advice", "timing=next-morning")
                .quiet("advice-massage", "pain only during gets no massage advice", "timing=during")

                // advice-hot-cold
                .fires("advice-hot-cold", "soreness lasting about a day gets hot and cold advice", "duration=day")
                .quiet("advice-hot-cold", "pain gone within hours gets no hot and cold advice", "duration=hours")

                // advice-pain-relief: pharmacy relief only when no medicine caution applies
                .fires("advice-pain-relief", "someone not pregnant who does not premedicate is offered pharmacy relief",
                        "fact.maternity=none", "fact.pain-now=4", "pain-relief-before=no")
                .fires("advice-pain-relief", "no pain right now but pain in the past week still gets pharmacy relief advice",
                        "fact.maternity=none", "fact.peg-pain=4", "fact.pain-now=0", "pain-relief-before=no")
                .fires("advice-pain-relief", "a birth last year without breastfeeding is no bar to pharmacy relief",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=30", "fact.pain-now=4",
                        "pain-relief-before=no")
                .quiet("advice-pain-relief", "someone pregnant is not advised over-the-counter medicine",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=16", "fact.pain-now=4", "pain-relief-before=no")
                .quiet("advice-pain-relief", "someone who might be pregnant is not advised over-the-counter medicine",
                        "fact.maternity=maybe-pregnant", "fact.pain-now=4", "pain-relief-before=no")
                .quiet("advice-pain-relief", "someone breastfeeding is not advised over-the-counter medicine",
                        "fact.maternity=breastfeeding", "fact.pain-now=4", "pain-relief-before=no")
                .quiet("advice-pain-relief", "someone who already takes painkillers beforehand gets the masking advice instead",
                        "fact.maternity=none", "fact.pain-now=4", "pain-relief-before=yes")
                .quiet("advice-pain-relief", "no pain relief advice beside new bladder trouble",
                        "fact.maternity=none", "fact.pain-now=4", "symptoms=urine-control")
                .quiet("advice-pain-relief", "no pain now or in the past week, no pain relief advice",
                        "fact.maternity=none", "fact.peg-pain=0", "fact.pain-now=0", "pain-relief-before=no")

                // advice-no-masking
                .fires("advice-no-masking", "painkillers taken to carry on get the no-masking advice",
                        "pain-relief-before=yes")
                .quiet("advice-no-masking", "no painkillers beforehand, no masking advice", "pain-relief-before=no")

                // advice-medicine-check
                .fires("advice-medicine-check", "someone who might be pregnant is told to ask before medicine",
                        "fact.maternity=maybe-pregnant", "fact.pain-now=3")
                .fires("advice-medicine-check", "someone breastfeeding is told to ask before medicine",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=8", "fact.pain-now=3")
                .fires("advice-medicine-check", "breastfeeding with no birth in the last year counts the same",
                        "fact.maternity=breastfeeding", "fact.peg-pain=2")
                .quiet("advice-medicine-check", "someone neither pregnant nor breastfeeding gets no medicine check",
                        "fact.maternity=none", "fact.pain-now=3")
                .quiet("advice-medicine-check", "no medicine words for someone with no pain",
                        "fact.maternity=breastfeeding", "fact.pain-now=0", "fact.peg-pain=0")
                .quiet("advice-medicine-check", "a recent birth alone does not call for the medicine check",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=8")

                // advice-pillows
                .fires("advice-pillows", "pain during intimacy gets pillow advice", "timing=during", "movement=unsure")
                .fires("advice-pillows", "a clear movement trigger gets pillow advice", "timing=after",
                        "movement=arching-back")
                .quiet("advice-pillows", "pain afterwards with no clear movement gets no pillow advice",
                        "timing=after", "movement=unsure")

                // advice-flexion-sensitive
                .fires("advice-flexion-sensitive", "pain on bending forward gets the all-fours advice",
                        "movement=bending-forward")
                .quiet("advice-flexion-sensitive", "pain on both movements gets no one-way advice",
                        "movement=bending-forward,arching-back")
                .quiet("advice-flexion-sensitive", "pain on arching gets no bending-forward advice",
                        "movement=arching-back")

                // advice-extension-sensitive
                .fires("advice-extension-sensitive", "pain on arching gets the do-not-arch advice",
                        "movement=arching-back")
                .quiet("advice-extension-sensitive", "pain on both movements gets no one-way advice",
                        "movement=bending-forward,arching-back")

                // advice-positions
                .fires("advice-positions", "no clear movement gets the try-positions advice", "movement=unsure")
                .fires("advice-positions", "both movements get the try-positions advice",
                        "movement=bending-forward,arching-back")
                .quiet("advice-positions", "one clear movement gets specific advice instead", "movement=bending-forward")

                // advice-talk-partner
                .fires("advice-talk-partner", "pain during intimacy gets the talk-to-your-partner advice",
                        "timing=during")
                .fires("advice-talk-partner", "a long-standing pattern gets the talk-to-your-partner advice",
                        "timing=after", "pattern=long-standing")
                .fires("advice-talk-partner", "holding back gets the talk-to-your-partner advice",
                        "timing=after", "feelings=avoiding")
                .fires("advice-talk-partner", "painkillers to carry on get the talk-to-your-partner advice",
                        "timing=after", "pain-relief-before=yes")
                .quiet("advice-talk-partner", "new, short pain afterwards with no worries gets no partner advice",
                        "timing=after", "pattern=new", "feelings=none", "pain-relief-before=no")

                // advice-talk-openly
                .fires("advice-talk-openly", "recurring pain gets the talk-openly advice", "pattern=long-standing")
                .quiet("advice-talk-openly", "new pain gets no talk-openly advice", "pattern=new")

                // advice-ease-off: "ease off, then build up" (NICE NG59), never "rest for weeks" or "avoid"
                .fires("advice-ease-off", "a disc problem gets ease-off-then-build-up advice", "spine-condition=disc")
                .fires("advice-ease-off", "wear and tear gets the same advice", "spine-condition=degeneration")
                .fires("advice-ease-off", "an old fracture with a disc problem still gets it",
                        "spine-condition=disc,fracture", "fracture-recent=no")
                .quiet("advice-ease-off", "an old fracture alone gets no slowing-down advice",
                        "spine-condition=fracture", "fracture-recent=no")
                .quiet("advice-ease-off", "a fracture in the last three months is for the physiotherapist to plan",
                        "spine-condition=disc,fracture", "fracture-recent=yes")
                .quiet("advice-ease-off", "no known condition, no such advice", "spine-condition=none")
                .quiet("advice-ease-off", "no advice beside new bladder trouble", "spine-condition=disc",
                        "symptoms=urine-control")

                // advice-mattress
                .fires("advice-mattress", "next-morning pain on a sagging mattress gets mattress advice",
                        "timing=next-morning", "mattress=sagging")
                .fires("advice-mattress", "next-morning pain on a soft mattress gets mattress advice",
                        "timing=next-morning", "mattress=soft")
                .quiet("advice-mattress", "a medium-firm mattress already gets no mattress advice",
                        "timing=next-morning", "mattress=medium-firm")

                // advice-mood
                .fires("advice-mood", "low mood gets the mood advice", "feelings=low-mood,avoiding")
                .quiet("advice-mood", "no low mood, no mood advice", "feelings=none")

                // advice-usually-settles: reassurance only below the host's severe-pain threshold (8 out of 10)
                .fires("advice-usually-settles", "short, moderate soreness after something new is reassured",
                        "pattern=new", "duration=hours", "fact.peg-pain=5", "fact.pain-now=5", "symptoms=none",
                        "sensation-change=no")
                .fires("advice-usually-settles", "7 out of 10, now and on average, is below the host's severe mark",
                        "pattern=new", "duration=hours", "fact.peg-pain=7", "fact.pain-now=7", "symptoms=none",
                        "sensation-change=no")
                .quiet("advice-usually-settles", "no 'it often settles by itself' beside a fever",
                        "pattern=new", "duration=hours", "fact.pain-now=3", "symptoms=fever", "sensation-change=no")
                .quiet("advice-usually-settles", "no reassurance with burning urine",
                        "pattern=new", "duration=hours", "fact.pain-now=3", "symptoms=burning-urine",
                        "sensation-change=no")
                .quiet("advice-usually-settles", "no reassurance with pelvic pain",
                        "pattern=new", "duration=hours", "fact.pain-now=3", "symptoms=pelvic-pain",
                        "sensation-change=no")
                .quiet("advice-usually-settles", "no reassurance before the warning questions are answered",
                        "pattern=new", "duration=hours", "fact.pain-now=3")
                .quiet("advice-usually-settles", "8 out of 10 right now is severe pain and is not reassured",
                        "pattern=new", "duration=hours", "fact.peg-pain=5", "fact.pain-now=8")
                .quiet("advice-usually-settles", "8 out of 10 on average over the week is severe pain and is not reassured",
                        "pattern=new", "duration=hours", "fact.peg-pain=8", "fact.pain-now=3")
                .quiet("advice-usually-settles", "no reassurance before the pain questions are answered",
                        "pattern=new", "duration=hours")
                .quiet("advice-usually-settles", "pain lasting days after something new is not reassured",
                        "pattern=new", "duration=days", "fact.pain-now=3")
                .quiet("advice-usually-settles", "a long-standing pattern is not reassured",
                        "pattern=long-standing", "duration=hours", "fact.pain-now=3")
                .tests();
    }

    // ---- whole visits ------------------------------------------------------------------------

    @Test
    @DisplayName("short, mild soreness afterwards gets self-care advice and no flag")
    void calmVisitGetsAdviceOnly(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin)).andNothingElse();
    }

    @Test
    @DisplayName("less feeling in the genital area is urgent, whatever else was answered, and no advice stands beside it")
    void numbnessIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin).answer("sensation-change", "yes")
                .expect(Severity.URGENT, "genital-numbness")
                .andNothingElse();
    }

    @Test
    @DisplayName("less feeling in the genital area is urgent even with hardly any pain and something new")
    void numbnessIsUrgentWithMildPain(PluginUnderTest plugin) {
        calmVisit(plugin).answer("sensation-change", "yes").fact(Facts.PAIN_NOW, "1").answer("pattern", "new")
                .expect(Severity.URGENT, "genital-numbness")
                .atLeast();
    }

    @Test
    @DisplayName("new trouble passing or holding urine is urgent")
    void bladderTroubleIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin).answer("symptoms", "urine-control")
                .expect(Severity.URGENT, "new-bladder-trouble")
                .andNothingElse();
    }

    @Test
    @DisplayName("pain with fever after intimacy asks to see a doctor now")
    void feverIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin).answer("symptoms", "fever")
                .expect(Severity.URGENT, "fever")
                .andNothingElse();
    }

    @Test
    @DisplayName("burning urine and one-sided flank pain with fever is urgent, raised once")
    void kidneyTypePainWithFeverIsUrgentOnce(PluginUnderTest plugin) {
        calmVisit(plugin).answer("symptoms", "burning-urine", "flank-pain", "fever")
                .expect(Severity.URGENT, "fever-with-urinary-signs")
                .andNothingElse();
    }

    @Test
    @DisplayName("pelvic pain with fever is urgent")
    void pelvicPainWithFeverIsUrgent(PluginUnderTest plugin) {
        calmVisit(plugin).answer("symptoms", "pelvic-pain", "fever")
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
    @DisplayName("severe pain that lasts for days is flagged as lasting; the severity itself is the host's flag")
    void severeLastingPainIsConsult(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).fact(Facts.PAIN_NOW, "8").answer("duration", "days"))
                .expect(Severity.CONSULT, "lasting-pain")
                .expect(Severity.ADVICE, "advice-hot-cold")
                .andNothingElse();
    }

    @Test
    @DisplayName("pain of 6 out of 10 that has not eased is flagged as lasting")
    void ongoingModeratePain(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).fact(Facts.PAIN_NOW, "6").answer("duration", "ongoing"))
                .expect(Severity.CONSULT, "lasting-pain")
                .expect(Severity.ADVICE, "advice-hot-cold")
                .andNothingElse();
    }

    @Test
    @DisplayName("short soreness after something new at 9 out of 10 is not reassured, and the topic adds no severe flag")
    void severeNewSorenessIsNotReassured(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("pattern", "new").fact(Facts.PAIN_NOW, "9"))
                .expect(Severity.INFO, "new-activity")
                .andNothingElse();
    }

    @Test
    @DisplayName("a spinal fracture in the last three months is flagged, and left to the physiotherapist to plan")
    void recentFractureIsConsult(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("spine-condition", "fracture").answer("fracture-recent", "yes"))
                .expect(Severity.CONSULT, "recent-spinal-fracture")
                .expect(Severity.INFO, "known-spine-condition")
                .andNothingElse();
    }

    @Test
    @DisplayName("an old spinal fracture is noted but not flagged, and gets no slowing-down advice")
    void oldFractureIsNotFlagged(PluginUnderTest plugin) {
        withCalmAdvice(calmVisit(plugin).answer("spine-condition", "fracture").answer("fracture-recent", "no"))
                .expect(Severity.INFO, "known-spine-condition")
                .andNothingElse();
    }

    @Test
    @DisplayName("'fracture in the last three months' does not count unless a fracture was chosen")
    void fractureDateIgnoredWithoutFracture(PluginUnderTest plugin) {
        calmVisit(plugin).answer("spine-condition", "disc").staleAnswer("fracture-recent", "yes")
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
                .expect(Severity.ADVICE, "advice-ease-off")
                .expect(Severity.ADVICE, "advice-extension-sensitive")
                .expect(Severity.ADVICE, "advice-pillows")
                .expect(Severity.ADVICE, "advice-no-masking")
                .expect(Severity.ADVICE, "advice-talk-partner")
                .expect(Severity.ADVICE, "advice-talk-openly")
                .expect(Severity.ADVICE, "advice-warmth")
                .andNothingElse();
    }

    @Test
    @DisplayName("a recurring pattern with a disc problem, severe lasting pain and painkillers beforehand: "
            + "masking and ease-off advice, no extra pill advice")
    void recurringDiscPatient(PluginUnderTest plugin) {
        calmVisit(plugin).answer("pattern", "long-standing").answer("spine-condition", "disc")
                .answer("pain-relief-before", "yes").answer("duration", "days").fact(Facts.PAIN_NOW, "8")
                .expect(Severity.CONSULT, "lasting-pain")
                .expect(Severity.INFO, "recurring-pattern")
                .expect(Severity.INFO, "known-spine-condition")
                .expect(Severity.ADVICE, "advice-ease-off")
                .expect(Severity.ADVICE, "advice-no-masking")
                .expect(Severity.ADVICE, "advice-talk-partner")
                .expect(Severity.ADVICE, "advice-talk-openly")
                .expect(Severity.ADVICE, "advice-hot-cold")
                .expect(Severity.ADVICE, "advice-warmth")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-positions")
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
        calmVisit(plugin).answer("timing", "after").staleAnswer("mattress", "sagging")
                .doesNotRaise("advice-mattress");
    }

    @Test
    @DisplayName("a pregnant patient is told to check medicines first, never given pharmacy pain relief advice")
    void pregnantPatient(PluginUnderTest plugin) {
        calmVisit(plugin).fact(Facts.MATERNITY, Facts.PREGNANT).fact(Facts.PREGNANCY_WEEKS, "24")
                .expect(Severity.ADVICE, "advice-medicine-check")
                .expect(Severity.ADVICE, "advice-warmth")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-positions")
                .andNothingElse();
    }

    @Test
    @DisplayName("a breastfeeding patient is told to check medicines first, never given pharmacy pain relief advice")
    void breastfeedingPatient(PluginUnderTest plugin) {
        calmVisit(plugin).fact(Facts.MATERNITY, Facts.RECENT_BIRTH, Facts.BREASTFEEDING)
                .fact(Facts.WEEKS_SINCE_BIRTH, "14")
                .expect(Severity.ADVICE, "advice-medicine-check")
                .expect(Severity.ADVICE, "advice-warmth")
                .expect(Severity.ADVICE, "advice-massage")
                .expect(Severity.ADVICE, "advice-positions")
                .andNothingElse();
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
