package com.physiokiosk.engine.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Source;
import com.physiokiosk.api.Symptom;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.catalogue.RulesCatalogue.QuestionEntry;
import com.physiokiosk.engine.catalogue.RulesCatalogue.RuleEntry;
import com.physiokiosk.engine.catalogue.RulesCatalogue.Section;
import com.physiokiosk.engine.catalogue.RulesCatalogue.SymptomRow;
import com.physiokiosk.engine.catalogue.RulesCatalogue.Text;
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.safety.SafetyScreen;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The clinical rules catalogue, generated from the running sections")
class RulesCatalogueTest {

    private static final LoadedTopic SAFETY = SafetyScreen.load();
    private static final LoadedTopic ABOUT = AboutYou.load();

    /** A topic as a plugin would give it, with a rule that rates its symptom against the policy (never validated). */
    private static LoadedTopic legs() {
        MessageBundle texts = MessageBundle.of("legs", Map.of(
                "en", Map.of("t", "Legs", "s", "Legs", "q.where", "Which legs?", "o.one", "One leg",
                        "o.both", "Both legs", "r.p", "Please mention it.", "r.c", "Leg symptoms.", "q.help", "Help"),
                "es", Map.of("t", "Piernas", "s", "Piernas", "q.where", "¿Qué piernas?", "o.one", "Una pierna",
                        "o.both", "Ambas piernas", "r.p", "Coméntelo, por favor.", "r.c", "Síntomas en las piernas.",
                        "q.help", "Ayuda")));
        List<Question> questions = List.of(
                Question.singleChoice("where", "q.where", AnswerOption.of("one", "o.one"), AnswerOption.of("both", "o.both"))
                        .withHelp("q.help").withEnableWhen(Facts.aged50OrOver()),
                Question.scale("ache", "q.where").optional());
        List<Rule> rules = List.of(
                Rule.of("one-leg", Severity.URGENT, Condition.equals("where", "one"), "r.p", "r.c",
                        Source.guideline("NICE", "NICE NG59", "Low back pain", 2016, "https://www.nice.org.uk/guidance/ng59"))
                        .about(Symptom.ONE_LEG),
                Rule.of("both-legs", Severity.URGENT, Condition.equals("where", "both"), null, "r.c", Source.of("seed"))
                        .about(Symptom.BOTH_LEGS),
                Rule.of("old", Severity.INFO, Facts.aged50OrOver(), null, "r.c", Source.of("seed")));
        return new LoadedTopic("legs", "2.3.4", new TopicInfo("legs", "t", "s", null, 5), questions, rules, texts,
                RulesCatalogueTest.class.getClassLoader(), null);
    }

    private static RulesCatalogue catalogue(String language) {
        return RulesCatalogue.of(List.of(SAFETY, ABOUT, legs()), ABOUT, language);
    }

    private static Section section(RulesCatalogue c, String id) {
        return c.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static SymptomRow row(RulesCatalogue c, Symptom symptom) {
        return c.symptoms().stream().filter(r -> r.symptom() == symptom).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("every section with its plugin and version, every question and every rule, in order")
    void everySectionQuestionAndRule() {
        RulesCatalogue c = catalogue("en");
        assertEquals(List.of("safety", "about", "legs"), c.sections().stream().map(Section::id).toList());
        assertEquals(List.of("en", "es"), c.languages());
        Section safety = section(c, "safety");
        assertTrue(safety.host());
        assertEquals("host", safety.pluginId());
        assertEquals(SAFETY.questions().stream().map(Question::linkId).toList(),
                safety.questions().stream().map(QuestionEntry::linkId).toList());
        assertEquals(SAFETY.rules().stream().map(Rule::id).toList(), safety.rules().stream().map(RuleEntry::id).toList());
        Section legs = section(c, "legs");
        assertFalse(legs.host());
        assertEquals("Legs", legs.title());
        assertEquals("2.3.4", legs.pluginVersion());
    }

    @Test
    @DisplayName("a question: its texts in every language, its options, required or not, when it is asked")
    void questions() {
        Section legs = section(catalogue("en"), "legs");
        QuestionEntry where = legs.questions().get(0);
        assertEquals(QuestionType.SINGLE_CHOICE, where.type());
        assertEquals(List.of(new Text("en", "Which legs?"), new Text("es", "¿Qué piernas?")), where.text());
        assertEquals(List.of(new Text("en", "Help"), new Text("es", "Ayuda")), where.help());
        assertEquals("both", where.options().get(1).code());
        assertEquals(List.of(new Text("en", "Both legs"), new Text("es", "Ambas piernas")), where.options().get(1).label());
        assertTrue(where.required());
        assertEquals("“How old are you?” (About you) is one of: 50 to 64, 65 or over", where.skipLogic());
        QuestionEntry ache = legs.questions().get(1);
        assertFalse(ache.required());
        assertNull(ache.skipLogic(), "asked of everyone");
        assertTrue(ache.numeric());
        assertEquals(10, ache.max());

        QuestionEntry thinBones = section(catalogue("en"), "safety").questions().stream()
                .filter(q -> q.linkId().equals(SafetyScreen.THIN_BONES)).findFirst().orElseThrow();
        assertEquals("“Did your back pain start after a small fall, or after lifting something?” is Yes",
                thinBones.skipLogic());
        QuestionEntry fever = section(catalogue("en"), "safety").questions().stream()
                .filter(q -> q.linkId().equals("fever")).findFirst().orElseThrow();
        assertEquals(List.of("yes", "no"), fever.options().stream().map(RulesCatalogue.OptionEntry::code).toList(),
                "a yes/no question lists its two answers");
    }

    @Test
    @DisplayName("a rule: severity, condition in words, texts in every language, its source and link")
    void rules() {
        Section legs = section(catalogue("en"), "legs");
        RuleEntry oneLeg = legs.rules().get(0);
        assertEquals(Severity.URGENT, oneLeg.severity());
        assertEquals("“Which legs?” is One leg", oneLeg.condition());
        assertEquals(Symptom.ONE_LEG, oneLeg.symptom());
        assertEquals(List.of(new Text("en", "Please mention it."), new Text("es", "Coméntelo, por favor.")), oneLeg.patient());
        assertEquals(List.of(new Text("en", "Leg symptoms."), new Text("es", "Síntomas en las piernas.")), oneLeg.clinician());
        assertEquals("NICE NG59: Low back pain (2016), https://www.nice.org.uk/guidance/ng59", oneLeg.source());
        assertEquals("https://www.nice.org.uk/guidance/ng59", oneLeg.sourceLink());
        assertFalse(oneLeg.followsPolicy());
        RuleEntry both = legs.rules().get(1);
        assertEquals(List.of(), both.patient(), "no patient text");
        assertNull(both.sourceLink());
        assertTrue(both.followsPolicy());

        RuleEntry minorFall = section(catalogue("en"), "safety").rules().stream()
                .filter(r -> r.id().equals("minor-fall")).findFirst().orElseThrow();
        assertEquals("all of: (“Did your back pain start after a small fall, or after lifting something?” is Yes;"
                + " any of: (“Have you been told you have thin bones, or do you take steroid tablets for a long time?”"
                + " is Yes; “How old are you?” (About you) is one of: 50 to 64, 65 or over))", minorFall.condition());
    }

    @Test
    @DisplayName("same symptom, same severity: each symptom with every rule that flags it, a mismatch marked")
    void symptomTable() {
        RulesCatalogue c = catalogue("en");
        assertEquals(Arrays.asList(Symptom.values()), c.symptoms().stream().map(SymptomRow::symptom).toList());
        SymptomRow bothLegs = row(c, Symptom.BOTH_LEGS);
        assertEquals(List.of("safety/both-legs", "about/drawing-both-legs", "legs/both-legs"),
                bothLegs.uses().stream().map(u -> u.sectionId() + "/" + u.ruleId()).toList());
        assertTrue(bothLegs.consistent());
        SymptomRow oneLeg = row(c, Symptom.ONE_LEG);
        assertEquals(Severity.CONSULT, oneLeg.policy());
        assertFalse(oneLeg.consistent(), "the test topic makes one leg URGENT");
        assertEquals(Severity.URGENT, oneLeg.uses().stream().filter(u -> u.sectionId().equals("legs")).findFirst()
                .orElseThrow().severity());
        assertFalse(c.followsPolicy());
        assertEquals("Pain, numbness, tingling or weakness in one leg, not getting weaker or more numb", oneLeg.name());
        assertEquals(List.of(), row(c, Symptom.REGULAR_CRAMPS_IN_PREGNANCY).uses(), "no section here flags it");

        RulesCatalogue hostOnly = RulesCatalogue.of(List.of(SAFETY, ABOUT), ABOUT, "en");
        assertTrue(hostOnly.followsPolicy(), "the kiosk's own sections follow the policy");
        assertEquals(List.of("about/severe-pain"), row(hostOnly, Symptom.SEVERE_PAIN).uses().stream()
                .map(u -> u.sectionId() + "/" + u.ruleId()).toList());
    }

    @Test
    @DisplayName("in the staff language: Spanish words and titles, texts still in every language")
    void spanish() {
        RulesCatalogue c = catalogue("es");
        assertEquals("es", c.language());
        assertEquals("Piernas", section(c, "legs").title());
        assertEquals("Preguntas de seguridad", section(c, "safety").title());
        assertEquals("«¿Qué piernas?» es Una pierna", section(c, "legs").rules().get(0).condition());
        assertTrue(row(c, Symptom.BOTH_LEGS).name().startsWith("Dolor, entumecimiento"));
        assertEquals(2, section(c, "legs").rules().get(0).clinician().size());
        assertEquals("en", RulesCatalogue.of(List.of(SAFETY, ABOUT), ABOUT, "fr").language(),
                "an unsupported language falls back to English");
    }
}
