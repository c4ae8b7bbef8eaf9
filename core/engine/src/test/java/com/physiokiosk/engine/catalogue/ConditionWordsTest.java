package com.physiokiosk.engine.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.engine.i18n.MessageBundle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Conditions in words, for the rules catalogue")
class ConditionWordsTest {

    private static final MessageBundle TOPIC = MessageBundle.of("topic", Map.of(
            "en", Map.of("q.fever", "Do you have a fever?", "q.pain", "How bad is your pain right now?",
                    "q.where", "Where do you feel it?", "o.numb", "Numbness", "o.tingling", "Tingling",
                    "o.none", "None of these", "q.kind", "What kind of pain is it?", "o.dull", "Dull",
                    "o.sharp", "Sharp", "q.intro", "About this topic"),
            "es", Map.of("q.fever", "¿Tiene fiebre?", "q.pain", "¿Cuánto le duele ahora?",
                    "q.where", "¿Dónde lo siente?", "o.numb", "Entumecimiento", "o.tingling", "Hormigueo",
                    "o.none", "Nada de esto", "q.kind", "¿Qué tipo de dolor es?", "o.dull", "Sordo",
                    "o.sharp", "Agudo", "q.intro", "Sobre este tema")));
    private static final MessageBundle ABOUT = MessageBundle.of("about", Map.of(
            "en", Map.of("about.age", "How old are you?", "age.50", "50 to 64", "age.65", "65 or over",
                    "age.20", "20 to 49"),
            "es", Map.of("about.age", "¿Qué edad tiene?", "age.50", "De 50 a 64", "age.65", "65 o más",
                    "age.20", "De 20 a 49")));

    private static final Question FEVER = Question.yesNo("fever", "q.fever");
    private static final Question PAIN = Question.scale("pain", "q.pain");
    private static final Question WHERE = Question.multiChoice("where", "q.where", AnswerOption.of("numb", "o.numb"),
            AnswerOption.of("tingling", "o.tingling"), AnswerOption.exclusive("none", "o.none"));
    private static final Question KIND = Question.singleChoice("kind", "q.kind", AnswerOption.of("dull", "o.dull"),
            AnswerOption.of("sharp", "o.sharp"));
    private static final Question INTRO = Question.info("intro", "q.intro");
    private static final Question AGE = Question.singleChoice(Facts.AGE_BAND, "about.age",
            AnswerOption.of(Facts.AGE_20_49, "age.20"), AnswerOption.of(Facts.AGE_50_64, "age.50"),
            AnswerOption.of(Facts.AGE_65_PLUS, "age.65"));

    private static ConditionWords in(String language) {
        Map<String, ConditionWords.Named> named = new LinkedHashMap<>();
        named.put(AGE.linkId(), new ConditionWords.Named(AGE, ABOUT, language.equals("es") ? "Sobre usted" : "About you"));
        for (Question q : List.of(FEVER, PAIN, WHERE, KIND, INTRO)) {
            named.put(q.linkId(), new ConditionWords.Named(q, TOPIC, null));
        }
        return new ConditionWords(named, language);
    }

    private static final ConditionWords EN = in("en");

    @Test
    @DisplayName("regions of a body map read by side, each part once, the side the patient's")
    void bodyMapRegions() {
        MessageBundle texts = MessageBundle.of("drawing", Map.of("en", Map.of("q.drawing", "Where do you have pain?")));
        Question drawing = Question.bodyAreas("drawing", "q.drawing");
        ConditionWords words = new ConditionWords(Map.of("drawing", new ConditionWords.Named(drawing, texts, null)), "en");
        assertEquals("“Where do you have pain?” includes Calf, left", words.of(Condition.equals("drawing", "back-left-calf")));
        assertEquals("any of: (all of: (“Where do you have pain?” includes any of: Right: Shin, Front of the ankle,"
                        + " Top of the foot and toes, Calf, Back of the ankle, Heel and sole; not: (“Where do you have pain?”"
                        + " includes any of: Left: Front of the thigh, Front of the knee, Shin, Front of the ankle, Top of the"
                        + " foot and toes, Back of the thigh, Back of the knee, Calf, Back of the ankle, Heel and sole));"
                        + " all of: (“Where do you have pain?” includes any of: Left: Shin, Front of the ankle, Top of the foot"
                        + " and toes, Calf, Back of the ankle, Heel and sole; not: (“Where do you have pain?” includes any of:"
                        + " Right: Front of the thigh, Front of the knee, Shin, Front of the ankle, Top of the foot and toes,"
                        + " Back of the thigh, Back of the knee, Calf, Back of the ankle, Heel and sole)))",
                words.of(com.physiokiosk.api.BodyAreas.oneLegBelowKnee("drawing")));
    }

    @Test
    @DisplayName("every kind of condition reads as words: questions by their text, answers by their labels")
    void everyKindOfConditionHasWords() {
        assertEquals("always", EN.of(Condition.always()));
        assertEquals("“Do you have a fever?” is Yes", EN.of(Condition.yes("fever")));
        assertEquals("“Do you have a fever?” is No", EN.of(Condition.equals("fever", "no")));
        assertEquals("“What kind of pain is it?” is Sharp", EN.of(Condition.equals("kind", "sharp")));
        assertEquals("“Where do you feel it?” includes Tingling", EN.of(Condition.equals("where", "tingling")),
                "several answers may be chosen: 'includes'");
        assertEquals("“How bad is your pain right now?” is at least 8", EN.of(Condition.atLeast("pain", 8)));
        assertEquals("“How bad is your pain right now?” is at most 2", EN.of(Condition.atMost("pain", 2)));
        assertEquals("“Where do you feel it?” is answered", EN.of(Condition.answered("where")));
        assertEquals("“What kind of pain is it?” is one of: Dull, Sharp", EN.of(Condition.anyOf("kind", "dull", "sharp")));
        assertEquals("“Where do you feel it?” includes any of: Numbness, Tingling",
                EN.of(Condition.anyOf("where", "numb", "tingling")));
        assertEquals("all of: (“Do you have a fever?” is Yes; “How bad is your pain right now?” is at least 8)",
                EN.of(Condition.all(Condition.yes("fever"), Condition.atLeast("pain", 8))));
        assertEquals("any of: (“Do you have a fever?” is Yes; “What kind of pain is it?” is Sharp)",
                EN.of(Condition.any(Condition.yes("fever"), Condition.equals("kind", "sharp"))));
        assertEquals("not: (“Where do you feel it?” includes None of these)",
                EN.of(Condition.not(Condition.equals("where", "none"))));
    }

    @Test
    @DisplayName("nested conditions keep their grouping in brackets")
    void nestingIsBracketed() {
        Condition c = Condition.all(Condition.yes("fever"),
                Condition.any(Condition.atLeast("pain", 8), Condition.not(Condition.anyOf("kind", "dull", "sharp"))));
        assertEquals("all of: (“Do you have a fever?” is Yes; any of: (“How bad is your pain right now?” is at least 8;"
                + " not: (“What kind of pain is it?” is one of: Dull, Sharp)))", EN.of(c));
        // "All of" inside "all of" (and "any of" inside "any of") reads the same flattened.
        assertEquals("all of: (“Do you have a fever?” is Yes; “How bad is your pain right now?” is at least 8;"
                + " “What kind of pain is it?” is Sharp)", EN.of(Condition.all(Condition.all(Condition.yes("fever"),
                Condition.atLeast("pain", 8)), Condition.equals("kind", "sharp"))));
        assertEquals("any of: (“Do you have a fever?” is Yes; “What kind of pain is it?” is one of: Dull, Sharp;"
                + " “How bad is your pain right now?” is at least 8)", EN.of(Condition.any(Condition.any(
                Condition.yes("fever"), Condition.anyOf("kind", "dull", "sharp")), Condition.atLeast("pain", 8))));
    }

    @Test
    @DisplayName("a shared fact is named by its About you question, with the section that asks it")
    void factsAreNamedByTheirAboutYouQuestion() {
        assertEquals("“How old are you?” (About you) is one of: 50 to 64, 65 or over", EN.of(Facts.aged50OrOver()));
        assertEquals("all of: (“Do you have a fever?” is Yes; “How old are you?” (About you) is 20 to 49)",
                EN.of(Condition.all(Condition.yes("fever"), Condition.equals(Facts.AGE_BAND, Facts.AGE_20_49))));
    }

    @Test
    @DisplayName("in Spanish, with the Spanish texts and labels")
    void spanishWords() {
        ConditionWords es = in("es");
        assertEquals("se cumplen todas: («¿Tiene fiebre?» es Sí; «¿Qué edad tiene?» (Sobre usted) es una de estas:"
                + " De 50 a 64, 65 o más)", es.of(Condition.all(Condition.yes("fever"), Facts.aged50OrOver())));
        assertEquals("no se cumple: («¿Dónde lo siente?» incluye alguna de estas: Entumecimiento, Hormigueo)",
                es.of(Condition.not(Condition.anyOf("where", "numb", "tingling"))));
        assertEquals("«¿Cuánto le duele ahora?» es al menos 8", es.of(Condition.atLeast("pain", 8)));
    }

    @Test
    @DisplayName("skip logic: none for a question asked of everyone, words otherwise")
    void skipLogic() {
        assertTrue(EN.ofSkipLogic(Condition.always()).isEmpty());
        assertEquals("“Do you have a fever?” is Yes", EN.ofSkipLogic(Condition.yes("fever")).orElseThrow());
    }

    @Test
    @DisplayName("an unknown question or answer code still gets words: its id in brackets")
    void unknownQuestionsAndCodesAreShownByTheirIds() {
        assertEquals("[ghost] is [boo]", EN.of(Condition.equals("ghost", "boo")));
        assertEquals("“What kind of pain is it?” is [stabbing]", EN.of(Condition.equals("kind", "stabbing")));
        assertEquals("[ghost] is at least 3", EN.of(Condition.atLeast("ghost", 3)));
        assertEquals("“About this topic” is answered", EN.of(Condition.answered("intro")));
    }

    @Test
    @DisplayName("a deep or widely shared tree is cut short with '(… more)' instead of hanging")
    void deepAndSharedTreesAreBounded() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            // 10,000 levels deep.
            Condition deep = Condition.yes("fever");
            for (int i = 0; i < 10_000; i++) {
                deep = Condition.not(deep);
            }
            String words = EN.of(deep);
            assertTrue(words.contains("(… more)"), words);
            assertTrue(words.length() < 500, words);

            // One subtree shared at every level: 2^60 leaves if written out.
            Condition shared = Condition.yes("fever");
            for (int i = 0; i < 60; i++) {
                shared = Condition.all(shared, Condition.any(shared, Condition.atLeast("pain", i)));
            }
            words = EN.of(shared);
            assertTrue(words.endsWith("(… more))"), words);
            assertTrue(words.length() < ConditionWords.MAX_PARTS * 60, words.length() + " characters");

            // Very wide, on one question and on many.
            List<Condition> wide = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                wide.add(Condition.atLeast("pain", i));
            }
            words = EN.of(Condition.any(wide.toArray(Condition[]::new)));
            assertTrue(words.contains("(… more)") && words.length() < ConditionWords.MAX_PARTS * 60, words);
            String[] codes = new String[5_000];
            java.util.Arrays.fill(codes, "dull");
            words = EN.of(Condition.anyOf("kind", codes));
            assertTrue(words.contains("(… more)") && words.length() < ConditionWords.MAX_PARTS * 20, words);
        });
    }

    @Test
    void placeholdersAreFilledOnceSoATextHoldingBracesIsLeftAlone() {
        assertEquals("“{1}” is 3", ConditionWords.fill("{0} is {1}", "“{1}”", "3"));
    }
}
