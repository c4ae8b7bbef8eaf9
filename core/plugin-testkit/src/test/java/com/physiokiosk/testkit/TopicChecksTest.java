package com.physiokiosk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.PluginApi;
import com.physiokiosk.testkit.fixture.MislabelledTopic;
import com.physiokiosk.testkit.fixture.SensitiveTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The general checks of the kit on fixture plugins: quiet on a sound one, loud on each kind of fault. */
@DisplayName("General topic checks of the test kit")
class TopicChecksTest {

    @TempDir
    Path dir;

    /** The message of the check's failure on the fixture jar {@code jar}. */
    private String failure(FixtureJar jar, Consumer<PluginUnderTest> check) {
        try (PluginUnderTest plugin = jar.load(dir)) {
            plugin.topic();
            return assertThrows(AssertionError.class, () -> check.accept(plugin)).getMessage();
        }
    }

    private Path templates(String name, String source) throws IOException {
        Path templates = Files.createDirectories(dir.resolve("jte-" + System.nanoTime()));
        Files.writeString(templates.resolve(name), source);
        return templates;
    }

    @Test
    @DisplayName("a sound plugin passes every check")
    void soundPluginPasses() throws Throwable {
        try (PluginUnderTest plugin = FixtureJar.fixture().load(dir)) {
            for (DynamicTest test : TopicChecks.all(plugin, dir.resolve("no-templates")).toList()) {
                test.getExecutable().execute();
            }
        }
    }

    @Test
    @DisplayName("a plugin whose id is not its topic's id is not started, and says why")
    void pluginIdIsTheTopicId() {
        FixtureJar renamed = FixtureJar.fixture().with("plugin.properties",
                "plugin.id=another-name\nplugin.version=1.0.0\nplugin.requires=>=" + PluginApi.VERSION + "\nplugin.class=\n");
        try (PluginUnderTest plugin = renamed.load(dir)) {
            AssertionError e = assertThrows(AssertionError.class, plugin::topic);
            assertTrue(e.getMessage().contains("its topic id 'fixture' is not its plugin id 'another-name': they must be"
                    + " the same"), e.getMessage());
        }
    }

    @Test
    @DisplayName("a placeholder, a blank text or a broken accent is an unfinished text")
    void unfinishedTexts() {
        assertEquals("Unfinished texts: es q.pain holds a placeholder: ¿Cuánto le duele, {0}?",
                failure(FixtureJar.fixture().withLine("messages_es.properties", "q.pain=¿Cuánto le duele, {0}?"),
                        TopicChecks::textsAreFinished));
        assertEquals("Unfinished texts: en q.weeks is blank",
                failure(FixtureJar.fixture().withLine("messages_en.properties", "q.weeks=  "),
                        TopicChecks::textsAreFinished));
        assertTrue(failure(FixtureJar.fixture().withLine("messages_es.properties", "q.weeks=\uFFFDCu\uFFFDntas?"),
                TopicChecks::textsAreFinished).contains("es q.weeks holds U+FFFD"));
    }

    @Test
    @DisplayName("a key nothing uses, a key in one language only, or a template key missing fails the bundles")
    void bundlesMustHoldExactlyTheKeysUsed() throws IOException {
        Path none = dir.resolve("no-templates");
        assertEquals("Bundles do not match the topic: messages_en holds keys nothing uses [q.old]; "
                        + "messages_es holds keys nothing uses [q.old]",
                failure(FixtureJar.fixture().withLine("messages_en.properties", "q.old=Old")
                                .withLine("messages_es.properties", "q.old=Viejo"),
                        p -> TopicChecks.bundlesHoldTheKeysUsed(p, none)));
        assertEquals("Bundles do not match the topic: messages_es holds keys nothing uses [q.extra]",
                failure(FixtureJar.fixture().withLine("messages_es.properties", "q.extra=Más"),
                        p -> TopicChecks.bundlesHoldTheKeysUsed(p, none)));
        Path templates = templates("picture.jte",
                "@param com.physiokiosk.api.ScreenContext screen\n<p>${screen.text(\"fig.caption\")}</p>\n");
        assertEquals("Bundles do not match the topic: messages_en lacks [fig.caption]; messages_es lacks [fig.caption]",
                failure(FixtureJar.fixture(), p -> TopicChecks.bundlesHoldTheKeysUsed(p, templates)));
        try (PluginUnderTest plugin = FixtureJar.fixture().withLine("messages_en.properties", "fig.caption=A picture")
                .withLine("messages_es.properties", "fig.caption=Un dibujo").load(dir)) {
            TopicChecks.bundlesHoldTheKeysUsed(plugin, templates);
        }
    }

    @Test
    @DisplayName("a staff note shown to the patient, a consult the patient is not told of, or urgent words that do not "
            + "send the patient to reception fail; urgent needs no text")
    void patientTextsFitSeverity() {
        assertEquals("Patient texts do not fit their rules: INFO rule 'note' shows the patient r.rest.patient; "
                        + "CONSULT rule 'consult' tells the patient nothing",
                failure(FixtureJar.of(MislabelledTopic.class), TopicChecks::patientTextsFitSeverity));
        assertEquals("Patient texts do not fit their rules: URGENT rule 'leg-signs' in es does not open with \""
                        + TopicChecks.URGENT_OPENING.get("es") + "\"",
                failure(FixtureJar.fixture().withLine("messages_es.properties", "r.legs.patient=Hable con recepción cuando pueda."),
                        TopicChecks::patientTextsFitSeverity));
    }

    @Test
    @DisplayName("an urgent rule that rests on a document with no issuer fails; a guideline passes")
    void urgentRulesCiteGuidelines() {
        assertEquals("Red flags without a guideline: URGENT rule 'urgent' cites kit test, which has no issuer",
                failure(FixtureJar.of(MislabelledTopic.class), TopicChecks::urgentRulesCiteGuidelines));
        try (PluginUnderTest plugin = FixtureJar.fixture().load(dir)) {
            TopicChecks.urgentRulesCiteGuidelines(plugin);
        }
    }

    @Test
    @DisplayName("a patient text over 25 words, or with a sentence over 20, fails in any language; a staff note may be longer")
    void patientTextsAreShort() {
        String tooLong = "Rest a little today, then walk a little more each day. Keep moving gently, and ask us if it "
                + "does not ease in a week or so.";
        assertEquals(27, TopicChecks.words(tooLong));
        assertTrue(failure(FixtureJar.fixture().withLine("messages_es.properties", "r.rest.patient=" + tooLong),
                TopicChecks::patientTextsAreShort).startsWith("Patient texts too long: es r.rest.patient has 27 words"));
        String longSentence = "Rest a little today and then walk a little more each day and keep moving gently as you can. Thanks.";
        String twentyOne = "Please rest a little today and then walk a little more each day and keep moving as gently as you can. Thanks.";
        assertEquals("Patient texts too long: en q.intro has a sentence of 21 words: "
                        + "Please rest a little today and then walk a little more each day and keep moving as gently as you can.",
                failure(FixtureJar.fixture().withLine("messages_en.properties", "q.intro=" + twentyOne),
                        TopicChecks::patientTextsAreShort));
        try (PluginUnderTest plugin = FixtureJar.fixture().withLine("messages_en.properties", "r.rest.clinician=" + tooLong + " " + longSentence)
                .load(dir)) {
            TopicChecks.patientTextsAreShort(plugin);
        }
    }

    @Test
    @DisplayName("a patient text, or one of its sentences, left unchanged in another language fails; one word may match")
    void patientTextsAreTranslated() {
        assertEquals("Patient texts not translated: en r.rest.patient is also in messages_es: Rest a little.; "
                        + "es r.rest.patient is also in messages_en: Rest a little.",
                failure(FixtureJar.fixture().withLine("messages_es.properties", "r.rest.patient=Rest a little."),
                        TopicChecks::patientTextsAreTranslated));
        assertEquals("Patient texts not translated: en r.severe.patient is also in messages_es: "
                        + "Your physiotherapist will ask about the pain.",
                failure(FixtureJar.fixture().withLine("messages_es.properties",
                                "r.severe.clinician=Dolor de 8 o más. Your physiotherapist will ask about the pain."),
                        TopicChecks::patientTextsAreTranslated));
        try (PluginUnderTest plugin = FixtureJar.fixture().withLine("messages_es.properties", "q.legs.none=None")
                .withLine("messages_en.properties", "q.legs.none=None").load(dir)) {
            TopicChecks.patientTextsAreTranslated(plugin);
        }
    }

    @Test
    @DisplayName("texts about intimacy or continence need the sensitive flag, and a sensitive topic's consult notes stay neutral")
    void sensitiveTopicsAreMarked() {
        assertEquals("Sensitive topic not kept discreet: topic 'fixture' is not marked sensitive (TopicInfo.asSensitive()) "
                        + "but its texts speak of sex, intimacy or continence: es q.legs.none ('intim')",
                failure(FixtureJar.fixture().withLine("messages_es.properties", "q.legs.none=Nada de esto, ni en la intimidad"),
                        TopicChecks::sensitiveTopicsAreMarked));
        assertTrue(failure(FixtureJar.fixture().withLine("messages_en.properties", "q.pain=How bad is the pain when you pass urine?"),
                TopicChecks::sensitiveTopicsAreMarked).contains("en q.pain ('urin')"));
        assertEquals("Sensitive topic not kept discreet: CONSULT text en r.severe.patient is shown on screen and says 'intima'",
                failure(FixtureJar.of(SensitiveTopic.class).withLine("messages_en.properties",
                                "r.severe.patient=Your physiotherapist will ask about pain during intimacy."),
                        TopicChecks::sensitiveTopicsAreMarked));
        try (PluginUnderTest plugin = FixtureJar.of(SensitiveTopic.class).withLine("messages_en.properties",
                "r.rest.patient=Rest a little, and try a pillow under your hips during intimacy.").load(dir)) {
            TopicChecks.sensitiveTopicsAreMarked(plugin);
        }
    }

    @Test
    @DisplayName("an asset with a script, a style, an outside reference, or of another kind fails")
    void assetsMustBePlain() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 64 64\">%s</svg>";
        assertEquals("Assets are not plain pictures: fixture.svg holds a script",
                failure(FixtureJar.fixture().with("assets/fixture.svg", svg.formatted("<script>alert(1)</script>")),
                        TopicChecks::assetsArePlain));
        assertEquals("Assets are not plain pictures: fixture.svg holds an event handler",
                failure(FixtureJar.fixture().with("assets/fixture.svg", svg.formatted("<circle onload=\"x()\"/>")),
                        TopicChecks::assetsArePlain));
        assertEquals("Assets are not plain pictures: fixture.svg holds a style",
                failure(FixtureJar.fixture().with("assets/fixture.svg", svg.formatted("<circle style=\"fill:red\"/>")),
                        TopicChecks::assetsArePlain));
        assertEquals("Assets are not plain pictures: extra.svg holds a link (href); "
                        + "extra.svg holds an embedded image or document; extra.svg holds an address other than the SVG namespace",
                failure(FixtureJar.fixture().with("assets/extra.svg",
                        svg.formatted("<image href=\"https://example.org/x.png\"/>")), TopicChecks::assetsArePlain));
        assertEquals("Assets are not plain pictures: notes.txt is neither SVG nor PNG; photo.png is not a PNG image",
                failure(FixtureJar.fixture().with("assets/notes.txt", "hello").with("assets/photo.png", "<svg/>"),
                        TopicChecks::assetsArePlain));
    }

    @Test
    @DisplayName("a template writing raw output, with a second parameter or showing a missing picture fails")
    void templatesMustBeSafe() throws IOException {
        Path unsafe = templates("picture.jte", "@param com.physiokiosk.api.ScreenContext screen\n@param String extra\n"
                + "<img src=\"${screen.asset(\"missing.svg\")}\" alt=\"\">$unsafe{extra}\n");
        assertEquals("Templates are not safe: picture.jte does not take exactly one parameter, "
                        + "@param com.physiokiosk.api.ScreenContext screen; picture.jte holds $unsafe; "
                        + "picture.jte shows missing.svg, which is not in assets/",
                failure(FixtureJar.fixture(), p -> TopicChecks.templatesAreSafe(p, unsafe)));
        Path styled = templates("picture.jte", "@param com.physiokiosk.api.ScreenContext screen\n"
                + "<img src=\"${screen.asset(\"fixture.svg\")}\" style=\"width:1px\" onclick=\"go()\">\n");
        assertEquals("Templates are not safe: picture.jte holds style=; picture.jte holds an event handler",
                failure(FixtureJar.fixture(), p -> TopicChecks.templatesAreSafe(p, styled)));
    }
}
