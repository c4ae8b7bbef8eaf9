package com.physiokiosk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Plugin API model")
class ModelTest {

    @Test
    @DisplayName("a rule declares the symptom it flags; the factory flags none")
    void aRuleDeclaresTheSymptomItFlags() {
        Rule plain = Rule.of("legs", Severity.CONSULT, Condition.yes("legs"), null, "legs.clinician", Source.of("d"));
        assertEquals(null, plain.symptom());
        Rule tagged = plain.about(Symptom.ONE_LEG);
        assertEquals(Symptom.ONE_LEG, tagged.symptom());
        assertEquals(plain.id(), tagged.id());
        assertEquals(plain.severity(), tagged.severity());
        assertEquals(Severity.CONSULT, Symptom.ONE_LEG.severity());
        assertEquals(Severity.URGENT, Symptom.BOTH_LEGS.severity());
        assertThrows(NullPointerException.class, () -> plain.about(null));
    }

    @Test
    void badDefinitionsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> new TopicInfo("Bad Id", "t", "s", null, 1));
        assertThrows(IllegalArgumentException.class, () -> Question.yesNo("Bad Link", "t"));
        assertThrows(IllegalArgumentException.class, () -> Question.singleChoice("a", "t"));
        assertThrows(IllegalArgumentException.class, () -> Question.number("a", "t", 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Question.yesNo("a", "t").withIllustration("../x.jte"));
        assertThrows(IllegalArgumentException.class, () -> AnswerOption.of("Has Space", "t"));
        IllegalArgumentException advice = assertThrows(IllegalArgumentException.class,
                () -> Rule.of("r", Severity.ADVICE, Condition.always(), null, "c", Source.of("d")));
        assertTrue(advice.getMessage().contains("advice rule 'r' needs a patient text"));
    }

    @Test
    @DisplayName("a source is a guideline, a study or a document, printed on one line")
    void sourcesNameWhatARuleRestsOn() {
        Source ng59 = Source.guideline("NICE", "NICE NG59",
                "Low back pain and sciatica in over 16s: assessment and management", 2016,
                "https://www.nice.org.uk/guidance/ng59");
        Source cited = ng59.at("recommendation 1.2.1");
        assertTrue(cited.isGuideline());
        assertEquals("NICE", cited.issuer());
        assertEquals(2016, cited.year());
        assertEquals("NICE NG59: Low back pain and sciatica in over 16s: assessment and management (2016), "
                + "recommendation 1.2.1, https://www.nice.org.uk/guidance/ng59", cited.toString());
        Source ces = new Source("GIRFT CES pathway", "red flags", "NHS England GIRFT",
                "National Suspected Cauda Equina Syndrome (CES) Pathway", 2023, null);
        assertEquals("GIRFT CES pathway: National Suspected Cauda Equina Syndrome (CES) Pathway "
                + "(NHS England GIRFT, 2023), red flags", ces.toString());

        Source trial = Source.study("Kovacs FM et al., Lancet 2003;362:1599-604", 2003).at("medium-firm better than firm");
        assertFalse(trial.isGuideline());
        assertEquals("Kovacs FM et al., Lancet 2003;362:1599-604 (medium-firm better than firm)", trial.toString());

        // The 1.0 forms are unchanged, and print as they always did.
        assertEquals("003_e7d96563a60eeb5c.txt (paragraph 2)", new Source("003_e7d96563a60eeb5c.txt", "paragraph 2").toString());
        assertEquals("seed 003", Source.of("seed 003").toString());
        assertFalse(Source.of("seed 003").isGuideline());
        assertEquals(new Source("d", "c", null, null, null, null), new Source("d", "c"));
    }

    @Test
    @DisplayName("a guideline without title, or without link and section, and a broken part are refused")
    void badSourcesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Source("NICE NG59", "1.2.1", "NICE", null, 2016, null));
        assertThrows(IllegalArgumentException.class, () -> new Source("NICE NG59", null, "NICE", "Low back pain", 2016, null));
        assertThrows(IllegalArgumentException.class, () -> new Source(" ", null));
        assertThrows(IllegalArgumentException.class, () -> new Source("doc", "two\nlines"));
        assertThrows(IllegalArgumentException.class, () -> new Source("doc", ""));
        assertThrows(IllegalArgumentException.class, () -> Source.study("Someone 1850", 1850));
        assertThrows(IllegalArgumentException.class,
                () -> Source.guideline("NICE", "NICE NG59", "Low back pain", 2016, "www.nice.org.uk"));
        assertThrows(NullPointerException.class, () -> Source.guideline("NICE", "NICE NG59", "Low back pain", 2016, null));
    }
}
