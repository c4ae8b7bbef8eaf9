package com.physiokiosk.topic.sleep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.testkit.PluginUnderTest;
import com.physiokiosk.testkit.TopicChecks;
import com.physiokiosk.testkit.TopicPluginTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What is particular to the sleep topic, checked on the packaged jar as the kiosk loads it: its skip
 * logic, its place on the topic screen, its sources, the wording of its texts and its sleep-position
 * picture. What every topic needs (ids, conditions, bundles, plain pictures, safe templates) is checked by
 * the kiosk at load and by {@link TopicChecks}; what the patient is told for which answers, by
 * {@link SleepTopicScenariosIT}.
 */
@TopicPluginTest(requireRuleCoverage = false)
@DisplayName("Sleep, mattress and back pain topic")
class SleepTopicIT {

    @TestFactory
    @DisplayName("general checks")
    Stream<DynamicTest> generalChecks(PluginUnderTest plugin) {
        return TopicChecks.all(plugin);
    }

    // ---- skip logic --------------------------------------------------------------------------

    @Test
    @DisplayName("pain worst only in the day skips the night-time questions")
    void dayPainSkipsNightQuestions(PluginUnderTest plugin) {
        List<String> shown = plugin.asked("pain-timing=activity");
        assertFalse(shown.contains("position-eases"));
        assertFalse(shown.contains("eases-on-rising"));
    }

    @Test
    @DisplayName("night or morning pain is asked whether a position eases it and what happens on rising")
    void nightPainAsksBoth(PluginUnderTest plugin) {
        for (String timing : List.of("night", "waking", "activity,night")) {
            List<String> shown = plugin.asked("pain-timing=" + timing);
            assertTrue(shown.contains("position-eases"), timing);
            assertTrue(shown.contains("eases-on-rising"), timing);
        }
    }

    @Test
    @DisplayName("a patient unsure when the pain is worst is still asked about pain in bed, to err on the side of flagging")
    void unsureStillAskedAboutNightPain(PluginUnderTest plugin) {
        List<String> shown = plugin.asked("pain-timing=none");
        assertTrue(shown.contains("position-eases"));
        assertFalse(shown.contains("eases-on-rising"));
    }

    @Test
    @DisplayName("only side or mixed sleepers are asked whether the hip sinks in")
    void pelvisOnlyForSideSleepers(PluginUnderTest plugin) {
        assertTrue(plugin.asked("position=side").contains("pelvis-sag"));
        assertTrue(plugin.asked("position=mixed").contains("pelvis-sag"));
        assertFalse(plugin.asked("position=back").contains("pelvis-sag"));
        assertFalse(plugin.asked("position=front").contains("pelvis-sag"));
    }

    @Test
    @DisplayName("a mattress under five years old is not asked about sagging")
    void newMattressSkipsSag(PluginUnderTest plugin) {
        assertFalse(plugin.asked("mattress-age=lt5").contains("mattress-sag"));
        for (String age : List.of("5to10", "gt10", "unsure")) {
            assertTrue(plugin.asked("mattress-age=" + age).contains("mattress-sag"), age);
        }
    }

    @Test
    @DisplayName("the topic asks no pain score, pregnancy, birth or breastfeeding question of its own: it reads the host's facts")
    void asksNoSharedFact(PluginUnderTest plugin) {
        for (String gone : List.of("pain-score", "pregnancy-or-birth", "weeks-since-birth", "breastfeeding")) {
            assertTrue(plugin.topic().question(gone).isEmpty(), gone);
        }
        assertTrue(plugin.topic().questions().stream()
                .noneMatch(q -> q.type() == QuestionType.SCALE_0_10 || q.type() == QuestionType.NUMBER));
        assertTrue(plugin.topic().rules().stream().noneMatch(r -> r.id().equals("severe-pain") || r.id().equals("pregnancy")),
                "severe pain and pregnancy are the host's notes");
    }

    @Test
    @DisplayName("a patient sees 6 to 10 screens, one more after a birth, and a follow-up after a leg sign or sudden severe pain")
    void screenCount(PluginUnderTest plugin) {
        assertEquals(List.of("pain-timing", "position", "pillows", "mattress-firmness", "mattress-age", "warning-signs"),
                plugin.asked("pain-timing=activity", "position=back", "mattress-age=lt5"));
        assertEquals(List.of("pain-timing", "position-eases", "eases-on-rising", "position", "pelvis-sag", "pillows",
                        "mattress-firmness", "mattress-age", "mattress-sag", "warning-signs"),
                plugin.asked("pain-timing=night", "position=side", "mattress-age=gt10"));
        List<String> afterABirth = new java.util.ArrayList<>(plugin.asked("pain-timing=night", "position=side",
                "mattress-age=gt10"));
        afterABirth.add("pain-duration");
        assertEquals(afterABirth, plugin.asked("fact.maternity=recent-birth,breastfeeding", "fact.weeks-since-birth=6",
                "pain-timing=night", "position=side", "mattress-age=gt10"),
                "after a birth the patient is asked how long the pain has lasted, nothing else");
        assertEquals(List.of("pain-timing", "position", "pillows", "mattress-firmness", "mattress-age", "warning-signs",
                        "leg-pattern", "thin-bones"),
                plugin.asked("pain-timing=activity", "position=back", "mattress-age=lt5",
                        "warning-signs=leg-tingling,sudden-severe"),
                "a leg sign asks whether both legs or worse; sudden severe pain asks about thin bones");
    }

    @Test
    @DisplayName("symptom and pillow questions have one exclusive 'none' option")
    void multiChoiceHaveExclusiveNone(PluginUnderTest plugin) {
        for (String linkId : List.of("pain-timing", "pillows", "warning-signs")) {
            Question q = plugin.topic().question(linkId).orElseThrow();
            assertEquals(QuestionType.MULTI_CHOICE, q.type(), linkId);
            assertTrue(q.option("none").orElseThrow().exclusive(), linkId);
            assertEquals(1, q.options().stream().filter(o -> o.exclusive()).count(), linkId);
        }
    }

    @Test
    @DisplayName("the sleep-position question, and only it, carries the plugin's own picture")
    void positionHasIllustration(PluginUnderTest plugin) {
        Question q = plugin.topic().question("position").orElseThrow();
        assertEquals("sleep-positions.jte", q.illustration());
        assertEquals(List.of("back", "side", "front", "mixed"), q.options().stream().map(o -> o.code()).toList());
        assertEquals(1, plugin.topic().questions().stream().filter(x -> x.illustration() != null).count());
    }

    // ---- structure ---------------------------------------------------------------------------

    @Test
    @DisplayName("topic info is sleep, order 50, with its icon")
    void topicInfo(PluginUnderTest plugin) {
        assertEquals(new TopicInfo("sleep", "topic.title", "topic.summary", "sleep.svg", 50), plugin.topic().info());
    }

    @Test
    @DisplayName("no urgent rule is held back by an answer that looks safer; one that needs more than the sign takes it from "
            + "the host's facts or the follow-up asked because of the sign")
    void urgentRulesHaveNoExceptions(PluginUnderTest plugin) {
        Set<String> followUps = Set.of("warning-signs", "leg-pattern", "thin-bones");
        plugin.topic().rules().stream().filter(r -> r.severity() == Severity.URGENT).forEach(r ->
                walk(r.when(), c -> {
                    assertFalse(c instanceof Condition.Not, r.id() + " must not be held back by another answer");
                    if (c instanceof Condition.AllOf) {
                        assertTrue(reads(c).stream().allMatch(id -> Facts.isFact(id) || followUps.contains(id)),
                                r.id() + " needs more than its sign only for a risk factor or a follow-up of the sign");
                    }
                }));
    }

    /** The questions {@code condition} reads. */
    private static Set<String> reads(Condition condition) {
        Set<String> ids = new java.util.HashSet<>();
        walk(condition, c -> {
            if (c instanceof Condition.Equals e) {
                ids.add(e.linkId());
            } else if (c instanceof Condition.AtLeast a) {
                ids.add(a.linkId());
            } else if (c instanceof Condition.AtMost a) {
                ids.add(a.linkId());
            } else if (c instanceof Condition.Answered a) {
                ids.add(a.linkId());
            }
        });
        return ids;
    }

    private static void walk(Condition condition, Consumer<Condition> visitor) {
        visitor.accept(condition);
        if (condition instanceof Condition.AllOf all) {
            all.conditions().forEach(c -> walk(c, visitor));
        } else if (condition instanceof Condition.AnyOf any) {
            any.conditions().forEach(c -> walk(c, visitor));
        } else if (condition instanceof Condition.Not not) {
            walk(not.condition(), visitor);
        }
    }

    @Test
    @DisplayName("severities follow the policy, the same in every topic: one leg and sudden pain alone CONSULT; both legs, "
            + "a leg getting weaker, night pain no position eases and sudden pain with a risk factor URGENT")
    void redFlagsAreUrgent(PluginUnderTest plugin) {
        assertEquals(Severity.URGENT, plugin.rule("night-pain-unrelieved").severity());
        assertEquals(Severity.URGENT, plugin.rule("nerve-both-legs").severity());
        assertEquals(Severity.URGENT, plugin.rule("nerve-getting-worse").severity());
        assertEquals(Severity.URGENT, plugin.rule("possible-fracture").severity());
        assertEquals(Severity.CONSULT, plugin.rule("leg-symptoms").severity());
        assertEquals(Severity.CONSULT, plugin.rule("sudden-severe-pain").severity());
        assertEquals(Severity.CONSULT, plugin.rule("height-loss").severity());
        assertEquals(Severity.CONSULT, plugin.rule("postpartum-pain-persisting").severity());
    }

    @Test
    @DisplayName("red flags cite guidance; the other rules a seed article with its section, or the Kovacs trial")
    void sources(PluginUnderTest plugin) {
        plugin.topic().rules().forEach(r -> {
            if (r.severity() == Severity.URGENT) {
                assertTrue(r.source().isGuideline(), r.id());
            } else if (!r.id().equals("advice-medium-firm-not-hard")) {
                assertTrue(Set.of("001_f0239f123ba0a3af.txt", "004_a5cbf8c0782e5487.txt").contains(r.source().document()),
                        r.id());
            }
            assertNotNull(r.source().citation(), r.id());
        });
        assertEquals("NICE CKS", plugin.rule("night-pain-unrelieved").source().document());
        assertEquals("GIRFT CES pathway", plugin.rule("nerve-both-legs").source().document());
    }

    @Test
    @DisplayName("the medium-firm trial is Kovacs et al., Lancet 2003;362:1599-604; the review is not credited with the seed's figures")
    void mattressAdviceCitesStudies(PluginUnderTest plugin) {
        assertTrue(plugin.rule("advice-medium-firm-not-soft").source().citation().contains("Radwan et al. 2015"));
        assertTrue(plugin.rule("advice-medium-firm-not-soft").source().citation().contains("not the review's figures"));
        assertEquals("Kovacs FM et al., Lancet 2003;362:1599-604", plugin.rule("advice-medium-firm-not-hard").source().document());
        assertEquals(2003, plugin.rule("advice-medium-firm-not-hard").source().year());
        for (String language : List.of("en", "es")) {
            String soft = plugin.topic().text(language, "rule.notsoft.clinician");
            assertFalse(soft.contains("55") || soft.contains("48"), soft);
            assertTrue(plugin.topic().text(language, "rule.nothard.clinician").contains("Lancet 2003;362:1599-604"));
        }
    }

    @Test
    @DisplayName("the seed's doubtful facts are left out of the staff notes; inflammatory back pain (NICE NG65) is named with night pain")
    void staffNotes(PluginUnderTest plugin) {
        for (String language : List.of("en", "es")) {
            for (String key : List.of("rule.nightpain.clinician", "rule.slow.clinician", "rule.persists.clinician",
                    "rule.postpartumpattern.clinician")) {
                assertTrue(plugin.topic().text(language, key).contains("NICE NG65"), language + " " + key);
            }
            String pattern = plugin.topic().text(language, "rule.postpartumpattern.clinician");
            assertTrue(pattern.contains(language.equals("en") ? "do not form within the months of a pregnancy"
                    : "no se forman en los meses de un embarazo"), pattern);
            assertFalse(plugin.topic().text(language, "rule.lactation.clinician").contains("calcitriol"));
        }
    }

    @Test
    @DisplayName("patient words are plain, and the Spanish one neutral Latin American")
    void plainWords(PluginUnderTest plugin) {
        Map<String, List<String>> avoided = Map.of(
                "en", List.of("clinician", "bird-dog", "nerve symptoms"),
                "es", List.of("sillín", "muelles", "compresa", "tropieza", "bird-dog", "conviene"));
        avoided.forEach((language, words) -> plugin.topic().messages().keys(language).stream()
                .filter(key -> !key.endsWith(".clinician"))
                .forEach(key -> words.forEach(word -> assertFalse(plugin.topic().text(language, key).contains(word),
                        language + " " + key + " says '" + word + "'"))));
        assertTrue(plugin.topic().text("es", "rule.bothlegs.clinician").contains("silla de montar"));
    }

    // ---- texts -------------------------------------------------------------------------------

    @Test
    @DisplayName("Spanish is read as UTF-8 with its accents intact")
    void spanishAccents(PluginUnderTest plugin) {
        assertEquals("¿Qué antigüedad tiene su colchón, más o menos?", plugin.topic().text("es", "q.age.text"));
    }

    @Test
    @DisplayName("consult patient texts ask the patient to mention it or tell the physiotherapist")
    void consultTextsPointToStaff(PluginUnderTest plugin) {
        plugin.patientTexts(Severity.CONSULT, "en").forEach((rule, text) ->
                assertTrue(text.contains("reception") && text.contains("physiotherapist"), rule));
    }

    @Test
    @DisplayName("patient texts echo nothing private and never diagnose")
    void patientTextsAreDiscreet(PluginUnderTest plugin) {
        List<String> banned = List.of("pregnan", "breast", "birth", "sex", "intima", "bladder", "bowel",
                "urin", "genital", "fracture", "osteopor", "cancer", "tumour", "infection", "you have");
        plugin.patientTexts("en").forEach((rule, text) -> banned.forEach(word -> assertFalse(
                Pattern.compile("\\b" + word).matcher(text.toLowerCase(Locale.ROOT)).find(), rule + " says '" + word + "'")));
    }

    // ---- pictures ----------------------------------------------------------------------------

    @Test
    @DisplayName("the topic icon is a 64 by 64 line drawing in the text colour")
    void icon(PluginUnderTest plugin) {
        String svg = plugin.assetText("sleep.svg");
        assertTrue(svg.contains("viewBox=\"0 0 64 64\""));
        assertTrue(svg.contains("currentColor"));
    }

    @Test
    @DisplayName("the position pictures are 120 by 72 line drawings")
    void positionPictures(PluginUnderTest plugin) {
        for (String name : SleepTopic.TEMPLATE_ASSETS) {
            String svg = plugin.assetText(name);
            assertTrue(svg.contains("viewBox=\"0 0 120 72\""), name);
            assertTrue(svg.contains("stroke=\""), name);
        }
    }

    @Test
    @DisplayName("the template uses exactly the texts and pictures SleepTopic lists for it")
    void templateKeysAndAssets() throws IOException {
        String source = Files.readString(TopicChecks.TEMPLATE_SOURCES.resolve(SleepTopic.POSITIONS_TEMPLATE),
                StandardCharsets.UTF_8);
        assertEquals(new LinkedHashSet<>(SleepTopic.TEMPLATE_KEYS), calls("text", source));
        assertEquals(new LinkedHashSet<>(SleepTopic.TEMPLATE_ASSETS), calls("asset", source));
    }

    /** The first string argument of every {@code screen.<method>("…")} call in {@code source}. */
    private static Set<String> calls(String method, String source) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = Pattern.compile("screen\\." + method + "\\(\"([^\"]+)\"\\)").matcher(source);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    @DisplayName("each picture is labelled exactly as its answer button, in every language: the pictures only illustrate the buttons")
    void pictureLabelsAreTheAnswerLabels(PluginUnderTest plugin) {
        for (String lang : List.of("en", "es")) {
            for (String code : List.of("back", "side", "front", "mixed")) {
                assertEquals(plugin.topic().text(lang, "q.position.opt." + code),
                        plugin.topic().text(lang, "fig.positions." + code), lang + " " + code);
            }
        }
    }

    @Test
    @DisplayName("the picture draws four labelled positions in a figure with a caption, in English, none chosen yet")
    void rendersFigureInEnglish(PluginUnderTest plugin) {
        String html = plugin.renderIllustration("position", "en");
        assertTrue(html.contains("<figure class=\"illustration sleep-positions\">"), html);
        assertTrue(html.contains("<figcaption>Ways of lying in bed."), html);
        for (String code : List.of("back", "side", "front", "mixed")) {
            assertTrue(html.contains("src=\"/topic-assets/sleep/position-" + code + ".svg\""), code);
        }
        assertEquals(4, html.split("<img ", -1).length - 1);
        assertTrue(html.contains("alt=\"Drawing of a person lying on their back"), html);
        assertFalse(html.contains("chosen"), "nothing chosen yet");
        assertFalse(html.contains("&#10003;"), "no check mark yet");
        assertTrue(html.contains("<table class=\"positions\" role=\"presentation\">"), "a row of pictures");
        assertFalse(html.contains("style="));
        assertFalse(html.contains("<script"));
    }

    @Test
    @DisplayName("the picture speaks Spanish and marks the position already chosen")
    void rendersSpanishWithChoice(PluginUnderTest plugin) {
        String html = plugin.renderIllustration("position", "es", "side");
        assertTrue(html.contains("<figcaption>Posturas en la cama."), html);
        assertTrue(html.contains("De lado"), html);
        assertTrue(html.contains("alt=\"Dibujo de una persona acostada boca arriba"), html);
        assertEquals(1, html.split("position chosen", -1).length - 1, html);
        int chosen = html.indexOf("position chosen");
        assertTrue(html.indexOf("position-side.svg", chosen) > chosen
                && html.indexOf("position-side.svg", chosen) < html.indexOf("</td>", chosen), html);
        assertEquals(1, html.split("&#10003;", -1).length - 1, "one check mark, on the chosen picture");
    }

    @Test
    @DisplayName("a front sleeper's picture marks the front position, in Spanish")
    void positionPictureMarksFront(PluginUnderTest plugin) {
        String html = plugin.renderIllustration("position", "es", "front");
        assertTrue(html.contains("<figure class=\"illustration sleep-positions\">"), html);
        assertTrue(html.contains("<figcaption>"), html);
        assertEquals(4, html.split("<img ", -1).length - 1, html);
        assertTrue(html.contains("Boca abajo"), html);
        assertEquals(1, html.split("position chosen", -1).length - 1, html);
        assertFalse(html.contains("style="), html);
        assertFalse(html.contains("<script"), html);
    }
}
