package com.physiokiosk.topic.sleep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.ScreenContext;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.plugins.LoadedTopic;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.TopicPluginTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The packaged plugin, loaded through PF4J the way the kiosk loads it, answering the scenario table.
 * Findings are those the kiosk would store: skip logic applied first, most severe first.
 */
@TopicPluginTest
@DisplayName("Sleep topic, as the kiosk runs it")
class SleepTopicScenariosIT {

    // ---- loading -------------------------------------------------------------------------------

    @Test
    @DisplayName("the kiosk loads the plugin and offers the sleep topic, with its icon, pictures and template")
    void kioskOffersTheTopic(PluginUnderTest plugin) {
        LoadedTopic topic = plugin.topic();
        assertEquals("sleep", topic.id());
        assertEquals(50, topic.info().order());
        assertEquals("Sleep, mattress and back pain", topic.title("en"));
        assertEquals("Sueño, colchón y dolor de espalda", topic.title("es"));
        assertTrue(topic.asset("sleep.svg").isPresent());
        for (String picture : SleepTopic.TEMPLATE_ASSETS) {
            assertTrue(topic.asset(picture).isPresent(), picture);
        }
        assertNotNull(topic.templates(), "the plugin's own templates are loaded");
    }

    @Test
    @DisplayName("the sleep-position picture renders through the plugin's own template engine")
    void positionPictureRenders(PluginUnderTest plugin) {
        LoadedTopic topic = plugin.topic();
        Question position = topic.question("position").orElseThrow();
        ScreenContext screen = new ScreenContext() {
            @Override
            public String language() {
                return "es";
            }

            @Override
            public String text(String key) {
                return topic.text("es", key);
            }

            @Override
            public String asset(String fileName) {
                return "/topics/sleep/assets/" + fileName;
            }

            @Override
            public Question question() {
                return position;
            }

            @Override
            public List<String> answer() {
                return List.of("front");
            }
        };
        String html = topic.templates().render(position.illustration(), screen);
        assertTrue(html.contains("<figure class=\"illustration sleep-positions\">"), html);
        assertTrue(html.contains("<figcaption>"), html);
        assertEquals(4, html.split("<img ", -1).length - 1, html);
        assertTrue(html.contains("Boca abajo"), html);
        assertEquals(1, html.split("position chosen", -1).length - 1, html);
        assertFalse(html.contains("style="), html);
        assertFalse(html.contains("<script"), html);
    }

    // ---- red flags: urgent whatever else was answered ------------------------------------------

    @Test
    @DisplayName("night pain that no position eases asks the patient to speak to reception now")
    void nightPainNoPositionEasesIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-score", "6")
                .answer("pain-timing", "night")
                .answer("position-eases", "no")
                .answer("eases-on-rising", "quickly")
                .expect(Severity.URGENT, "night-pain-unrelieved")
                .expect(Severity.ADVICE, "advice-warmth")
                .andNothingElse();
    }

    @Test
    @DisplayName("night pain that no position eases is urgent even with a perfect bed and mild pain")
    void nightPainUrgentWhateverElse(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-score", "1")
                .answer("pain-timing", "none")
                .answer("position-eases", "no")
                .answer("position", "side")
                .answer("pelvis-sag", "no")
                .answer("pillows", "head", "between-knees")
                .answer("mattress-firmness", "medium")
                .answer("mattress-age", "lt5")
                .answer("warning-signs", "none")
                .answer("pregnancy-or-birth", "neither")
                .expect(Severity.URGENT, "night-pain-unrelieved")
                .andNothingElse();
    }

    @Test
    @DisplayName("tingling in a leg asks the patient to speak to reception now")
    void legTinglingIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .answer("warning-signs", "leg-numb")
                .expect(Severity.URGENT, "leg-symptoms")
                .andNothingElse();
    }

    @Test
    @DisplayName("weakness in a leg with a soft mattress is urgent, and the mattress tip still shows")
    void legWeaknessIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .answer("mattress-firmness", "soft")
                .answer("warning-signs", "leg-weak")
                .expect(Severity.URGENT, "leg-symptoms")
                .expect(Severity.ADVICE, "advice-medium-firm-not-soft")
                .andNothingElse();
    }

    @Test
    @DisplayName("sudden severe back pain asks the patient to speak to reception now")
    void suddenSeverePainIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .answer("warning-signs", "sudden-severe")
                .expect(Severity.URGENT, "possible-fracture")
                .andNothingElse();
    }

    @Test
    @DisplayName("a nursing mother who is getting shorter is urgent, on top of her postpartum notes")
    void heightLossAfterBirthIsUrgent(PluginUnderTest plugin) {
        plugin.given()
                .answer("warning-signs", "height-loss")
                .answer("pregnancy-or-birth", "recent-birth")
                .answer("weeks-since-birth", "4")
                .answer("breastfeeding", "yes")
                .expect(Severity.URGENT, "possible-fracture")
                .expect(Severity.INFO, "lactation-bone-loss")
                .expect(Severity.ADVICE, "advice-calcium-vitamin-d")
                .expect(Severity.ADVICE, "advice-feeding-support")
                .expect(Severity.ADVICE, "advice-core-rehab")
                .andNothingElse();
    }

    @Test
    @DisplayName("every warning sign at once raises both urgent flags")
    void everyWarningSign(PluginUnderTest plugin) {
        plugin.given()
                .answer("warning-signs", "leg-numb", "leg-weak", "sudden-severe", "height-loss")
                .expect(Severity.URGENT, "leg-symptoms")
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
    @DisplayName("pain of 8 out of 10 is flagged as severe")
    void severePain(PluginUnderTest plugin) {
        plugin.given().answer("pain-score", "8").expect(Severity.CONSULT, "severe-pain").andNothingElse();
    }

    @Test
    @DisplayName("pain of 7 out of 10 is not flagged as severe")
    void painOfSevenIsNotSevere(PluginUnderTest plugin) {
        plugin.given().answer("pain-score", "7").doesNotRaise("severe-pain");
    }

    @Test
    @DisplayName("back pain seven weeks after a birth asks the patient to mention it at reception today")
    void postpartumBeyondSixWeeks(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-timing", "night")
                .answer("position-eases", "yes")
                .answer("eases-on-rising", "quickly")
                .answer("position", "back")
                .answer("pregnancy-or-birth", "recent-birth")
                .answer("weeks-since-birth", "7")
                .answer("breastfeeding", "no")
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
                .answer("pain-timing", "activity")
                .answer("pregnancy-or-birth", "recent-birth")
                .answer("weeks-since-birth", "2")
                .answer("breastfeeding", "no")
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
                .answer("pregnancy-or-birth", "recent-birth")
                .answer("weeks-since-birth", "5")
                .answer("breastfeeding", "yes")
                .expect(Severity.INFO, "postpartum-night-pattern")
                .expect(Severity.INFO, "lactation-bone-loss")
                .atLeast();
        plugin.given()
                .answer("pain-timing", "night")
                .answer("position-eases", "yes")
                .answer("eases-on-rising", "quickly")
                .answer("pregnancy-or-birth", "recent-birth")
                .answer("weeks-since-birth", "5")
                .answer("breastfeeding", "yes")
                .doesNotRaise("postpartum-pain-persisting");
    }

    // ---- advice --------------------------------------------------------------------------------

    @Test
    @DisplayName("a side sleeper on a soft, old, sagging mattress gets bed and pillow advice and no flags")
    void softSaggingMattress(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-score", "4")
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
                .answer("pregnancy-or-birth", "neither")
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
                .answer("pain-score", "3")
                .answer("pain-timing", "night")
                .answer("position-eases", "yes")
                .answer("eases-on-rising", "quickly")
                .answer("position", "front")
                .answer("pillows", "head")
                .answer("mattress-firmness", "firm")
                .answer("mattress-age", "lt5")
                .answer("warning-signs", "none")
                .answer("pregnancy-or-birth", "neither")
                .expect(Severity.INFO, "night-pain-eased-by-position")
                .expect(Severity.ADVICE, "advice-medium-firm-not-hard")
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
                .answer("pain-score", "2")
                .answer("pain-timing", "activity")
                .answer("position", "side")
                .answer("pelvis-sag", "no")
                .answer("pillows", "head", "between-knees")
                .answer("mattress-firmness", "medium")
                .answer("mattress-age", "lt5")
                .answer("warning-signs", "none")
                .answer("pregnancy-or-birth", "neither")
                .andNothingElse();
    }

    @Test
    @DisplayName("pregnancy is noted, and stale answers about a birth do not count")
    void pregnancyNotedPostpartumSkipped(PluginUnderTest plugin) {
        plugin.given()
                .answer("pregnancy-or-birth", "pregnant")
                .answer("weeks-since-birth", "10")
                .answer("breastfeeding", "yes")
                .expect(Severity.INFO, "pregnancy")
                .andNothingElse();
    }

    @Test
    @DisplayName("a back sleeper's stale answer about the hip sinking in no longer counts")
    void staleHipAnswerDoesNotCount(PluginUnderTest plugin) {
        plugin.given()
                .answer("position", "back")
                .answer("pelvis-sag", "yes")
                .answer("pillows", "head")
                .doesNotRaise("advice-pelvis-level");
    }

    @Test
    @DisplayName("pain worst in the day: a stale 'no position eases it' from before does not count")
    void staleNightAnswerDoesNotCount(PluginUnderTest plugin) {
        plugin.given()
                .answer("pain-timing", "activity")
                .answer("position-eases", "no")
                .doesNotRaise("night-pain-unrelieved");
    }

    @Test
    @DisplayName("a patient who answers nothing raises nothing")
    void nothingAnswered(PluginUnderTest plugin) {
        plugin.given().andNothingElse();
    }
}
