package com.physiokiosk.topic.sleep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Severity;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.TopicUnderTest;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The packaged plugin, loaded through PF4J the way the kiosk loads it, answering a table of scenarios
 * (each about one rule firing or staying quiet) and whole visits. Findings are those the kiosk would
 * store: skip logic applied first. Every rule is seen both firing and staying quiet.
 *
 * <p>A recent birth, breastfeeding, pregnancy, age and the pain scores are the host's facts ("About you"),
 * given by their ids ({@code fact.maternity}, {@code fact.weeks-since-birth}, {@code fact.age-band},
 * {@code fact.pain-now}); the topic reads them and does not ask them again.
 */
@TopicPluginTest
@DisplayName("Sleep topic, as the kiosk runs it")
class SleepTopicScenariosIT {

    // ---- loading -------------------------------------------------------------------------------

    @Test
    @DisplayName("the kiosk loads the plugin and offers the sleep topic, with its icon, pictures and template")
    void kioskOffersTheTopic(PluginUnderTest plugin) {
        TopicUnderTest topic = plugin.topic();
        assertEquals("sleep", topic.id());
        assertEquals(50, topic.info().order());
        assertEquals("Sleep, mattress and back pain", topic.title("en"));
        assertEquals("Sueño, colchón y dolor de espalda", topic.title("es"));
        assertTrue(topic.hasAsset("sleep.svg"));
        for (String picture : SleepTopic.TEMPLATE_ASSETS) {
            assertTrue(topic.hasAsset(picture), picture);
        }
        assertTrue(topic.hasTemplates(), "the plugin's own templates are loaded");
    }

    // ---- scenarios: every rule fires in one and stays quiet in a close one -------------------

    @TestFactory
    @DisplayName("scenarios")
    Stream<DynamicTest> scenarios(PluginUnderTest plugin) {
        return plugin.table()
                // night-pain-unrelieved
                .fires("night-pain-unrelieved", "night pain that no position eases is urgent",
                        "pain-timing=night", "position-eases=no")
                .fires("night-pain-unrelieved", "unsure when it is worst, but no position eases it in bed, is urgent",
                        "pain-timing=none", "position-eases=no")
                .fires("night-pain-unrelieved", "night pain that no position eases is urgent also when the day is worse",
                        "pain-timing=activity,night", "position-eases=no")
                .quiet("night-pain-unrelieved", "night pain that eases on turning over is not urgent",
                        "pain-timing=night", "position-eases=yes")
                .quiet("night-pain-unrelieved", "night pain that eases a little is not urgent",
                        "pain-timing=night", "position-eases=partly")
                .quiet("night-pain-unrelieved", "no pain in bed is not urgent",
                        "pain-timing=none", "position-eases=no-pain-in-bed")

                // leg-symptoms: one leg, not getting worse, is a consult (as in every topic)
                .fires("leg-symptoms", "numbness in one leg is a consult, not urgent", "warning-signs=leg-numb",
                        "leg-pattern=neither")
                .fires("leg-symptoms", "tingling in one leg is a consult", "warning-signs=leg-tingling", "leg-pattern=neither")
                .fires("leg-symptoms", "tingling getting worse in one leg stays a consult", "warning-signs=leg-tingling",
                        "leg-pattern=worse")
                .fires("leg-symptoms", "weakness in one leg, steady, is a consult", "warning-signs=leg-weak",
                        "leg-pattern=neither")
                .quiet("leg-symptoms", "no warning signs is not flagged", "warning-signs=none")
                .quiet("leg-symptoms", "getting shorter is not a leg symptom", "warning-signs=height-loss")
                .quiet("leg-symptoms", "both legs is the urgent flag's", "warning-signs=leg-numb", "leg-pattern=both-legs")

                // nerve-both-legs
                .fires("nerve-both-legs", "numbness in both legs is urgent", "warning-signs=leg-numb", "leg-pattern=both-legs")
                .fires("nerve-both-legs", "tingling in both legs is urgent", "warning-signs=leg-tingling",
                        "leg-pattern=both-legs")
                .quiet("nerve-both-legs", "one leg is not this flag", "warning-signs=leg-weak", "leg-pattern=neither")

                // nerve-getting-worse: weaker or more numb, as on the safety screen
                .fires("nerve-getting-worse", "a leg getting weaker is urgent", "warning-signs=leg-weak", "leg-pattern=worse")
                .fires("nerve-getting-worse", "a foot getting more numb is urgent", "warning-signs=leg-numb",
                        "leg-pattern=worse")
                .quiet("nerve-getting-worse", "tingling alone getting worse is a consult", "warning-signs=leg-tingling",
                        "leg-pattern=worse")
                .quiet("nerve-getting-worse", "steady weakness is a consult", "warning-signs=leg-weak", "leg-pattern=neither")

                // possible-fracture: sudden severe pain with loss of height, older age, thin bones or breastfeeding
                .fires("possible-fracture", "sudden severe pain with thin bones or steroid tablets is urgent",
                        "fact.age-band=20-49", "fact.maternity=none", "warning-signs=sudden-severe", "thin-bones=yes")
                .fires("possible-fracture", "sudden severe pain with loss of height is urgent",
                        "warning-signs=sudden-severe,height-loss")
                .fires("possible-fracture", "sudden severe back pain at 50 or over is urgent",
                        "fact.age-band=50-64", "warning-signs=sudden-severe")
                .fires("possible-fracture", "sudden severe back pain at 65 or over is urgent",
                        "fact.age-band=65-plus", "warning-signs=sudden-severe")
                .fires("possible-fracture", "sudden severe back pain while breastfeeding is urgent",
                        "fact.age-band=20-49", "fact.maternity=breastfeeding", "warning-signs=sudden-severe")
                .quiet("possible-fracture", "sudden severe back pain alone, under 50 and not breastfeeding, is not a red flag",
                        "fact.age-band=20-49", "fact.maternity=none", "warning-signs=sudden-severe", "thin-bones=no")
                .quiet("possible-fracture", "getting shorter without sudden severe pain is a consult, not a red flag",
                        "fact.age-band=65-plus", "warning-signs=height-loss")
                .quiet("possible-fracture", "no warning signs raises no fracture flag", "warning-signs=none")
                .quiet("possible-fracture", "leg weakness alone raises no fracture flag", "warning-signs=leg-weak")

                // sudden-severe-pain
                .fires("sudden-severe-pain", "sudden severe back pain alone, under 50, is flagged for the consult",
                        "fact.age-band=20-49", "fact.maternity=none", "warning-signs=sudden-severe", "thin-bones=no")
                .quiet("sudden-severe-pain", "with thin bones or steroids it is urgent instead",
                        "fact.age-band=20-49", "fact.maternity=none", "warning-signs=sudden-severe", "thin-bones=yes")
                .fires("sudden-severe-pain", "sudden severe back pain alone, after a birth but not breastfeeding, is flagged for the consult",
                        "fact.age-band=20-49", "fact.maternity=recent-birth", "fact.weeks-since-birth=10",
                        "warning-signs=sudden-severe")
                .quiet("sudden-severe-pain", "at 50 or over it is urgent instead",
                        "fact.age-band=50-64", "warning-signs=sudden-severe")
                .quiet("sudden-severe-pain", "with loss of height it is urgent instead",
                        "fact.age-band=20-49", "warning-signs=sudden-severe,height-loss")
                .quiet("sudden-severe-pain", "no sudden severe pain, no flag", "warning-signs=leg-numb")

                // height-loss
                .fires("height-loss", "getting shorter is flagged for the consult", "warning-signs=height-loss")
                .fires("height-loss", "getting shorter while breastfeeding is flagged for the consult",
                        "fact.maternity=breastfeeding", "warning-signs=height-loss")
                .quiet("height-loss", "with sudden severe pain it is urgent instead", "warning-signs=sudden-severe,height-loss")
                .quiet("height-loss", "no loss of height, no flag", "warning-signs=none")

                // night-pain-partly-relieved
                .fires("night-pain-partly-relieved", "night pain that a new position eases only a little is flagged",
                        "pain-timing=night", "position-eases=partly")
                .quiet("night-pain-partly-relieved", "night pain that eases on turning over is not flagged",
                        "pain-timing=night", "position-eases=yes")
                .quiet("night-pain-partly-relieved", "night pain that never eases is urgent instead",
                        "pain-timing=night", "position-eases=no")

                // pain-persists-when-up
                .fires("pain-persists-when-up", "morning pain that does not ease once up is flagged",
                        "pain-timing=waking", "eases-on-rising=no")
                .quiet("pain-persists-when-up", "morning pain that eases within half an hour is not flagged",
                        "pain-timing=waking", "eases-on-rising=quickly")
                .quiet("pain-persists-when-up", "morning pain that eases slowly is not flagged",
                        "pain-timing=waking", "eases-on-rising=slowly")

                // postpartum-pain-persisting
                .fires("postpartum-pain-persisting", "back pain that has lasted six weeks or more after a birth is flagged",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "pain-duration=6-weeks-plus")
                .fires("postpartum-pain-persisting", "unsure how long, ten weeks after the birth, is flagged",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "pain-duration=unsure")
                .fires("postpartum-pain-persisting", "back pain worst when active two weeks after a birth is flagged",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=2", "pain-timing=activity",
                        "pain-duration=under-6-weeks")
                .quiet("postpartum-pain-persisting", "pain of two weeks, thirty weeks after a birth, is not flagged: "
                        + "how long the pain has lasted counts, not how long ago the birth was",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=30", "pain-timing=night",
                        "pain-duration=under-6-weeks")
                .quiet("postpartum-pain-persisting", "no pain now or this week, months after a birth, is not flagged",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=20", "fact.pain-now=0", "fact.peg-pain=0",
                        "pain-timing=none", "pain-duration=under-6-weeks")
                .quiet("postpartum-pain-persisting", "unsure how long, five weeks after the birth, is not yet flagged",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=5", "pain-timing=night", "pain-duration=unsure")
                .quiet("postpartum-pain-persisting", "pain worse with activity without a recent birth is not this flag",
                        "fact.maternity=none", "pain-timing=activity")
                .quiet("postpartum-pain-persisting", "pregnancy is not the months after a birth",
                        "fact.maternity=pregnant", "fact.pregnancy-weeks=30", "pain-timing=activity")

                // night-pain-eased-by-position
                .fires("night-pain-eased-by-position", "night pain that eases on turning over is noted",
                        "pain-timing=night", "position-eases=yes")
                .quiet("night-pain-eased-by-position", "night pain that eases a little is not noted as mechanical",
                        "pain-timing=night", "position-eases=partly")

                // slow-to-settle-on-rising
                .fires("slow-to-settle-on-rising", "morning pain that takes over half an hour to settle is noted",
                        "pain-timing=waking", "eases-on-rising=slowly")
                .quiet("slow-to-settle-on-rising", "morning pain that settles quickly is not noted",
                        "pain-timing=waking", "eases-on-rising=quickly")

                // old-mattress
                .fires("old-mattress", "a mattress over ten years old is noted", "mattress-age=gt10")
                .quiet("old-mattress", "a mattress of five to ten years is not noted", "mattress-age=5to10")
                .quiet("old-mattress", "an unknown mattress age is not noted", "mattress-age=unsure")

                // postpartum-night-pattern
                .fires("postpartum-night-pattern", "night pain after a birth that settles on rising is noted",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=4",
                        "pain-timing=night", "eases-on-rising=quickly")
                .fires("postpartum-night-pattern", "waking pain after a birth that settles slowly is noted",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=20",
                        "pain-timing=waking", "eases-on-rising=slowly")
                .quiet("postpartum-night-pattern", "the same night pain without a recent birth is not this note",
                        "fact.maternity=none", "pain-timing=night", "eases-on-rising=quickly")
                .quiet("postpartum-night-pattern", "night pain after a birth that does not settle on rising is flagged instead",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=4",
                        "pain-timing=night", "eases-on-rising=no")

                // lactation-bone-loss: breastfeeding with pain at rest or at night, or fracture signs
                .fires("lactation-bone-loss", "breastfeeding with night pain is noted for bone loss",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=10", "pain-timing=night")
                .fires("lactation-bone-loss", "breastfeeding an older baby with loss of height is noted for bone loss",
                        "fact.maternity=breastfeeding", "warning-signs=height-loss")
                .quiet("lactation-bone-loss", "breastfeeding with pain only when active is not noted",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=10",
                        "pain-timing=activity", "warning-signs=none")
                .quiet("lactation-bone-loss", "night pain after a birth, not breastfeeding, is not noted",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=10", "pain-timing=night")

                // advice-medium-firm-not-soft
                .fires("advice-medium-firm-not-soft", "a soft mattress gets medium-firm advice", "mattress-firmness=soft")
                .fires("advice-medium-firm-not-soft", "an unknown mattress gets medium-firm advice",
                        "mattress-firmness=unsure")
                .quiet("advice-medium-firm-not-soft", "a medium-firm mattress needs no change", "mattress-firmness=medium")
                .quiet("advice-medium-firm-not-soft", "a hard mattress gets the other mattress tip",
                        "mattress-firmness=firm")
                .quiet("advice-medium-firm-not-soft", "no advice beside both legs", "mattress-firmness=soft",
                        "warning-signs=leg-numb", "leg-pattern=both-legs")

                // advice-medium-firm-not-hard
                .fires("advice-medium-firm-not-hard", "a hard mattress gets medium-firm advice", "mattress-firmness=firm")
                .fires("advice-medium-firm-not-hard", "an unknown mattress gets the hard-mattress tip too",
                        "mattress-firmness=unsure")
                .quiet("advice-medium-firm-not-hard", "a medium-firm mattress needs no change", "mattress-firmness=medium")
                .quiet("advice-medium-firm-not-hard", "a soft mattress gets the other mattress tip",
                        "mattress-firmness=soft")
                .quiet("advice-medium-firm-not-hard", "no advice beside a leg getting weaker", "mattress-firmness=firm",
                        "warning-signs=leg-weak", "leg-pattern=worse")

                // advice-pelvis-level
                .fires("advice-pelvis-level", "a side sleeper whose hip sinks in gets support advice",
                        "position=side", "pelvis-sag=yes")
                .fires("advice-pelvis-level", "a mixed sleeper unsure about the hip gets support advice",
                        "position=mixed", "pelvis-sag=unsure")
                .quiet("advice-pelvis-level", "a side sleeper whose back stays straight needs no support advice",
                        "position=side", "pelvis-sag=no")
                .quiet("advice-pelvis-level", "no advice beside a possible fracture", "position=side", "pelvis-sag=yes",
                        "fact.age-band=65-plus", "warning-signs=sudden-severe")

                // advice-knee-pillow
                .fires("advice-knee-pillow", "a side sleeper with only a head pillow is advised a knee pillow",
                        "position=side", "pillows=head")
                .fires("advice-knee-pillow", "a mixed sleeper with no pillows is advised a knee pillow",
                        "position=mixed", "pillows=none")
                .quiet("advice-knee-pillow", "a side sleeper who already uses a knee pillow is not told again",
                        "position=side", "pillows=head,between-knees")
                .quiet("advice-knee-pillow", "a side sleeper with a body pillow is not told again",
                        "position=side", "pillows=body")
                .quiet("advice-knee-pillow", "a back sleeper gets no knee-pillow advice",
                        "position=back", "pillows=head")
                .quiet("advice-knee-pillow", "no advice beside night pain that no position eases",
                        "pain-timing=night", "position-eases=no", "position=side", "pillows=head")

                // advice-side-lying
                .fires("advice-side-lying", "a back sleeper with night pain is advised to try side-lying",
                        "pain-timing=night", "position=back")
                .fires("advice-side-lying", "a front sleeper with morning pain is advised to try side-lying",
                        "pain-timing=waking", "position=front")
                .quiet("advice-side-lying", "a side sleeper is not told to lie on the side",
                        "pain-timing=night", "position=side")
                .quiet("advice-side-lying", "a back sleeper whose pain is worst in the day gets no position advice",
                        "pain-timing=activity", "position=back")
                .quiet("advice-side-lying", "no advice beside night pain that no position eases",
                        "pain-timing=night", "position-eases=no", "position=back")

                // advice-replace-mattress
                .fires("advice-replace-mattress", "a sagging old mattress gets replacement advice",
                        "mattress-age=gt10", "mattress-sag=yes")
                .quiet("advice-replace-mattress", "an old mattress that does not sag gets no replacement advice",
                        "mattress-age=gt10", "mattress-sag=no")
                .quiet("advice-replace-mattress", "unsure whether it sags gets no replacement advice",
                        "mattress-age=5to10", "mattress-sag=unsure")
                .quiet("advice-replace-mattress", "no advice beside both legs", "mattress-age=gt10", "mattress-sag=yes",
                        "warning-signs=leg-tingling", "leg-pattern=both-legs")

                // advice-warmth
                .fires("advice-warmth", "night pain gets warmth advice", "pain-timing=night")
                .fires("advice-warmth", "morning pain gets warmth advice", "pain-timing=waking")
                .quiet("advice-warmth", "pain worst in the day gets no warmth advice", "pain-timing=activity")
                .quiet("advice-warmth", "no particular time gets no warmth advice", "pain-timing=none")
                .quiet("advice-warmth", "no advice beside night pain that no position eases", "pain-timing=night",
                        "position-eases=no")

                // advice-calcium-vitamin-d
                .fires("advice-calcium-vitamin-d", "breastfeeding after a birth gets calcium and vitamin D advice",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=8")
                .quiet("advice-calcium-vitamin-d", "not breastfeeding gets no calcium advice",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=8")
                .quiet("advice-calcium-vitamin-d", "no advice beside a possible fracture",
                        "fact.maternity=breastfeeding", "warning-signs=sudden-severe")

                // advice-feeding-support
                .fires("advice-feeding-support", "after a birth, feeding and lifting advice is given",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=1")
                .quiet("advice-feeding-support", "pregnancy gets no feeding advice", "fact.maternity=pregnant")
                .quiet("advice-feeding-support", "no advice beside a leg getting weaker",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=1", "warning-signs=leg-weak",
                        "leg-pattern=worse")

                // advice-core-rehab
                .fires("advice-core-rehab", "after a birth, core and pelvic floor work is suggested",
                        "fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=12")
                .quiet("advice-core-rehab", "no recent birth, no postpartum exercise advice",
                        "fact.maternity=none")
                .quiet("advice-core-rehab", "no core exercise while loss of height is to be checked",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=12", "warning-signs=height-loss")
                .quiet("advice-core-rehab", "no core exercise with a numb leg to be checked",
                        "fact.maternity=recent-birth", "fact.weeks-since-birth=12", "warning-signs=leg-numb",
                        "leg-pattern=neither")
                .tests();
    }

    // ---- red flags: urgent whatever else was answered ------------------------------------------

    @Test
    @DisplayName("night pain that no position eases asks the patient to speak to reception now")
    void nightPainNoPositionEasesIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.PAIN_NOW, "6")
                .answer("pain-timing", "night")
                .answer("position-eases", "no")
                .answer("eases-on-rising", "quickly")
                .expect(Severity.URGENT, "night-pain-unrelieved")
                .andNothingElse();
    }

    @Test
    @DisplayName("night pain that no position eases is urgent even with a perfect bed and mild pain")
    void nightPainUrgentWhateverElse(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE)
                .fact(Facts.PAIN_NOW, "1")
                .answer("pain-timing", "none")
                .answer("position-eases", "no")
                .answer("position", "side")
                .answer("pelvis-sag", "no")
                .answer("pillows", "head", "between-knees")
                .answer("mattress-firmness", "medium")
                .answer("mattress-age", "lt5")
                .answer("warning-signs", "none")
                .expect(Severity.URGENT, "night-pain-unrelieved")
                .andNothingElse();
    }

    @Test
    @DisplayName("night pain that no position eases is urgent for a side sleeper on a good bed, with no warmth tip beside it")
    void nightPainUrgentOnAGoodBed(PluginUnderTest plugin) {
        plugin.given()
                .answers("fact.maternity=none", "fact.pain-now=1", "pain-timing=night", "position-eases=no",
                        "eases-on-rising=quickly", "position=side", "pelvis-sag=no", "pillows=between-knees",
                        "mattress-firmness=medium", "mattress-age=lt5", "warning-signs=none")
                .expect(Severity.URGENT, "night-pain-unrelieved")
                .andNothingElse();
    }

    @Test
    @DisplayName("numbness or tingling in one leg is a consult, as in every topic; in both legs it is urgent")
    void legNumbnessIsAConsultBothLegsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .answers("warning-signs=leg-numb,leg-tingling", "leg-pattern=neither")
                .expect(Severity.CONSULT, "leg-symptoms")
                .andNothingElse();
        plugin.given()
                .answers("warning-signs=leg-numb,leg-tingling", "leg-pattern=both-legs")
                .expect(Severity.URGENT, "nerve-both-legs")
                .andNothingElse();
    }

    @Test
    @DisplayName("weakness in one leg with a soft mattress is a consult with the mattress tip; getting weaker it is urgent, "
            + "with no tip beside it")
    void legWeakness(PluginUnderTest plugin) {
        plugin.given()
                .answer("mattress-firmness", "soft")
                .answers("warning-signs=leg-weak", "leg-pattern=neither")
                .expect(Severity.CONSULT, "leg-symptoms")
                .expect(Severity.ADVICE, "advice-medium-firm-not-soft")
                .andNothingElse();
        plugin.given()
                .answer("mattress-firmness", "soft")
                .answers("warning-signs=leg-weak", "leg-pattern=worse")
                .expect(Severity.URGENT, "nerve-getting-worse")
                .andNothingElse();
    }

    @Test
    @DisplayName("sudden severe back pain at 58 asks the patient to speak to reception now")
    void suddenSeverePainInOlderAgeIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.AGE_BAND, Facts.AGE_50_64)
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE)
                .answer("warning-signs", "sudden-severe")
                .expect(Severity.URGENT, "possible-fracture")
                .andNothingElse();
    }

    @Test
    @DisplayName("sudden severe back pain at 30, not breastfeeding, no thin bones, is flagged for the consult, not urgent")
    void suddenSeverePainAloneIsConsult(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.AGE_BAND, Facts.AGE_20_49)
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE)
                .answer("warning-signs", "sudden-severe")
                .answer("thin-bones", "no")
                .expect(Severity.CONSULT, "sudden-severe-pain")
                .andNothingElse();
    }

    @Test
    @DisplayName("a nursing mother who is getting shorter is flagged for the consult, with her notes; no exercise until checked")
    void heightLossAfterBirthIsAConsult(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.RECENT_BIRTH, Facts.BREASTFEEDING)
                .fact(Facts.WEEKS_SINCE_BIRTH, "4")
                .answer("warning-signs", "height-loss")
                .expect(Severity.CONSULT, "height-loss")
                .expect(Severity.INFO, "lactation-bone-loss")
                .expect(Severity.ADVICE, "advice-calcium-vitamin-d")
                .expect(Severity.ADVICE, "advice-feeding-support")
                .andNothingElse();
    }

    @Test
    @DisplayName("a nursing mother with sudden severe pain is urgent (breastfeeding read as thin bones), with no advice beside it")
    void suddenSeverePainWhileBreastfeedingIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.RECENT_BIRTH, Facts.BREASTFEEDING)
                .fact(Facts.WEEKS_SINCE_BIRTH, "4")
                .answers("warning-signs=sudden-severe", "thin-bones=no")
                .expect(Severity.URGENT, "possible-fracture")
                .expect(Severity.INFO, "lactation-bone-loss")
                .andNothingElse();
    }

    @Test
    @DisplayName("every warning sign at once, both legs and getting worse, raises every urgent flag")
    void everyWarningSign(PluginUnderTest plugin) {
        plugin.given()
                .answer("warning-signs", "leg-numb", "leg-tingling", "leg-weak", "sudden-severe", "height-loss")
                .answer("leg-pattern", "both-legs", "worse")
                .answer("thin-bones", "no")
                .expect(Severity.URGENT, "nerve-both-legs")
                .expect(Severity.URGENT, "nerve-getting-worse")
                .expect(Severity.URGENT, "possible-fracture")
                .andNothingElse();
    }

    // ---- flagged for the physiotherapist --------------------------------------------------------

    @Test
    @DisplayName("night pain that a new position eases only a little is flagged for the physiotherapist")
    void nightPainPartlyEased(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-timing", "night")
                .answer("position-eases", "partly")
                .answer("eases-on-rising", "slowly")
                .expect(Severity.CONSULT, "night-pain-partly-relieved")
                .expect(Severity.INFO, "slow-to-settle-on-rising")
                .expect(Severity.ADVICE, "advice-warmth")
                .andNothingElse();
    }

    @Test
    @DisplayName("morning pain that does not ease once up and moving is flagged")
    void morningPainThatStays(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-timing", "waking")
                .answer("position-eases", "yes")
                .answer("eases-on-rising", "no")
                .expect(Severity.CONSULT, "pain-persists-when-up")
                .expect(Severity.INFO, "night-pain-eased-by-position")
                .expect(Severity.ADVICE, "advice-warmth")
                .andNothingElse();
    }

    @Test
    @DisplayName("severe pain is the host's flag: 9 out of 10 now, or 8 on average, adds nothing of the topic's own")
    void severePainIsTheHostsFlag(PluginUnderTest plugin) {
        plugin.given().fact(Facts.PAIN_NOW, "9").answer("pain-timing", "activity").andNothingElse();
        plugin.given().fact(Facts.PEG_PAIN, "8").answer("pain-timing", "activity").andNothingElse();
    }

    @Test
    @DisplayName("back pain that has lasted six weeks or more after a birth asks the patient to mention it at reception today")
    void postpartumBeyondSixWeeks(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-timing", "night")
                .answer("position-eases", "yes")
                .answer("eases-on-rising", "quickly")
                .answer("position", "back")
                .answer("pain-duration", "6-weeks-plus")
                .fact(Facts.MATERNITY, Facts.RECENT_BIRTH)
                .fact(Facts.WEEKS_SINCE_BIRTH, "7")
                .expect(Severity.CONSULT, "postpartum-pain-persisting")
                .expect(Severity.INFO, "night-pain-eased-by-position")
                .expect(Severity.INFO, "postpartum-night-pattern")
                .expect(Severity.ADVICE, "advice-side-lying")
                .expect(Severity.ADVICE, "advice-warmth")
                .expect(Severity.ADVICE, "advice-feeding-support")
                .expect(Severity.ADVICE, "advice-core-rehab")
                .andNothingElse();
    }

    @Test
    @DisplayName("back pain worse with activity two weeks after a birth is flagged")
    void postpartumWorseWithActivity(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.RECENT_BIRTH)
                .fact(Facts.WEEKS_SINCE_BIRTH, "2")
                .answer("pain-timing", "activity")
                .expect(Severity.CONSULT, "postpartum-pain-persisting")
                .atLeast();
    }

    @Test
    @DisplayName("night pain five weeks after a birth, easing on rising, is noted but not yet flagged")
    void postpartumFiveWeeks(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-timing", "night")
                .answer("position-eases", "yes")
                .answer("eases-on-rising", "quickly")
                .fact(Facts.MATERNITY, Facts.RECENT_BIRTH, Facts.BREASTFEEDING)
                .fact(Facts.WEEKS_SINCE_BIRTH, "5")
                .expect(Severity.INFO, "postpartum-night-pattern")
                .expect(Severity.INFO, "lactation-bone-loss")
                .atLeast();
        plugin.given()
                .answer("pain-timing", "night")
                .answer("position-eases", "yes")
                .answer("eases-on-rising", "quickly")
                .fact(Facts.MATERNITY, Facts.RECENT_BIRTH, Facts.BREASTFEEDING)
                .fact(Facts.WEEKS_SINCE_BIRTH, "5")
                .doesNotRaise("postpartum-pain-persisting");
    }

    // ---- advice --------------------------------------------------------------------------------

    @Test
    @DisplayName("a side sleeper on a soft, old, sagging mattress gets bed and pillow advice and no flags")
    void softSaggingMattress(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE)
                .fact(Facts.PAIN_NOW, "4")
                .answer("pain-timing", "waking")
                .answer("position-eases", "yes")
                .answer("eases-on-rising", "quickly")
                .answer("position", "side")
                .answer("pelvis-sag", "yes")
                .answer("pillows", "head")
                .answer("mattress-firmness", "soft")
                .answer("mattress-age", "gt10")
                .answer("mattress-sag", "yes")
                .answer("warning-signs", "none")
                .expect(Severity.INFO, "night-pain-eased-by-position")
                .expect(Severity.INFO, "old-mattress")
                .expect(Severity.ADVICE, "advice-medium-firm-not-soft")
                .expect(Severity.ADVICE, "advice-pelvis-level")
                .expect(Severity.ADVICE, "advice-knee-pillow")
                .expect(Severity.ADVICE, "advice-replace-mattress")
                .expect(Severity.ADVICE, "advice-warmth")
                .andNothingElse();
    }

    @Test
    @DisplayName("a front sleeper on a hard mattress with night pain is advised medium-firm and side-lying")
    void hardMattressFrontSleeper(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE)
                .fact(Facts.PAIN_NOW, "3")
                .answer("pain-timing", "night")
                .answer("position-eases", "yes")
                .answer("eases-on-rising", "quickly")
                .answer("position", "front")
                .answer("pillows", "head")
                .answer("mattress-firmness", "firm")
                .answer("mattress-age", "lt5")
                .answer("warning-signs", "none")
                .expect(Severity.INFO, "night-pain-eased-by-position")
                .expect(Severity.ADVICE, "advice-medium-firm-not-hard")
                .expect(Severity.ADVICE, "advice-side-lying")
                .expect(Severity.ADVICE, "advice-warmth")
                .andNothingElse();
    }

    @Test
    @DisplayName("a nursing mother with night pain that settles on rising gets the postpartum notes and advice, no flag")
    void nursingMother(PluginUnderTest plugin) {
        plugin.given()
                .answers("fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=3", "fact.pain-now=5",
                        "pain-timing=night", "position-eases=yes", "eases-on-rising=quickly", "position=back",
                        "pillows=head", "mattress-firmness=medium", "mattress-age=lt5", "warning-signs=none")
                .expect(Severity.INFO, "night-pain-eased-by-position")
                .expect(Severity.INFO, "postpartum-night-pattern")
                .expect(Severity.INFO, "lactation-bone-loss")
                .expect(Severity.ADVICE, "advice-calcium-vitamin-d")
                .expect(Severity.ADVICE, "advice-feeding-support")
                .expect(Severity.ADVICE, "advice-core-rehab")
                .expect(Severity.ADVICE, "advice-side-lying")
                .expect(Severity.ADVICE, "advice-warmth")
                .andNothingElse();
    }

    @Test
    @DisplayName("a patient unsure about the mattress gets both mattress tips")
    void unsureMattress(PluginUnderTest plugin) {
        plugin.given()
                .answer("mattress-firmness", "unsure")
                .answer("mattress-age", "unsure")
                .answer("mattress-sag", "unsure")
                .expect(Severity.ADVICE, "advice-medium-firm-not-soft")
                .expect(Severity.ADVICE, "advice-medium-firm-not-hard")
                .andNothingElse();
    }

    @Test
    @DisplayName("a comfortable side sleeper on a good bed hears nothing")
    void goodBedNoFindings(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.NONE_OF_THESE)
                .fact(Facts.PAIN_NOW, "2")
                .answer("pain-timing", "activity")
                .answer("position", "side")
                .answer("pelvis-sag", "no")
                .answer("pillows", "head", "between-knees")
                .answer("mattress-firmness", "medium")
                .answer("mattress-age", "lt5")
                .answer("warning-signs", "none")
                .andNothingElse();
    }

    @Test
    @DisplayName("a pregnant patient with night pain gets the bed and warmth advice, and no postpartum note or advice")
    void pregnantPatientGetsNoPostpartumAdvice(PluginUnderTest plugin) {
        plugin.given()
                .fact(Facts.MATERNITY, Facts.PREGNANT).fact(Facts.PREGNANCY_WEEKS, "30").fact(Facts.PAIN_NOW, "4")
                .answers("pain-timing=night", "position-eases=yes", "eases-on-rising=quickly", "position=back",
                        "pillows=head", "mattress-firmness=medium", "mattress-age=lt5", "warning-signs=none")
                .expect(Severity.INFO, "night-pain-eased-by-position")
                .expect(Severity.ADVICE, "advice-side-lying")
                .expect(Severity.ADVICE, "advice-warmth")
                .andNothingElse();
    }

    @Test
    @DisplayName("a back sleeper's stale answer about the hip sinking in no longer counts")
    void staleHipAnswerDoesNotCount(PluginUnderTest plugin) {
        plugin.given()
                .answer("position", "back")
                .staleAnswer("pelvis-sag", "yes")
                .answer("pillows", "head")
                .doesNotRaise("advice-pelvis-level");
    }

    @Test
    @DisplayName("pain worst in the day: a stale 'no position eases it' from before does not count")
    void staleNightAnswerDoesNotCount(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-timing", "activity")
                .staleAnswer("position-eases", "no")
                .doesNotRaise("night-pain-unrelieved");
    }

    @Test
    @DisplayName("a patient who answers nothing raises nothing")
    void nothingAnswered(PluginUnderTest plugin) {
        plugin.given().andNothingElse();
    }
}
