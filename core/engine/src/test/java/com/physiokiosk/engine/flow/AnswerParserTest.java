package com.physiokiosk.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Question;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Parsing what a patient sent")
class AnswerParserTest {

    private static AnswerParser.Result parse(Question q, String... raw) {
        return AnswerParser.parse(q, Arrays.asList(raw));
    }

    private static final Question YES_NO = Question.yesNo("a", "t");
    private static final Question MULTI = Question.multiChoice("m", "t", AnswerOption.of("x", "t"),
            AnswerOption.of("y", "t"), AnswerOption.exclusive("none", "t"));

    @Test
    @DisplayName("a body map: regions of the map only, once each, in the map's order; none marked is fine when optional")
    void bodyAreasTakesRegionsOfTheMap() {
        Question drawing = Question.bodyAreas("where", "t");
        assertEquals(List.of("front-right-shin", "back-left-low-back"),
                parse(drawing, "back-left-low-back", "front-right-shin", "back-left-low-back").values());
        assertEquals("error.choose-listed", parse(drawing, "back-left-low-back", "left-tail").errorKey());
        assertEquals("error.choose-listed", parse(drawing, "<script>").errorKey());
        assertEquals("error.required", parse(drawing).errorKey());
        assertEquals(List.of(), parse(drawing.optional()).values());
        assertEquals(74, parse(drawing, com.physiokiosk.api.BodyAreas.REGIONS.toArray(String[]::new)).values().size());
    }

    @Test
    void yesNoTakesExactlyYesOrNo() {
        assertEquals(List.of("yes"), parse(YES_NO, " yes ").values());
        assertEquals("error.choose-one", parse(YES_NO, "maybe").errorKey());
        assertEquals("error.choose-one", parse(YES_NO, "yes", "no").errorKey());
        assertEquals("error.required", parse(YES_NO).errorKey());
        assertEquals("error.required", parse(YES_NO, "", "  ").errorKey());
    }

    @Test
    void multiChoiceKeepsOptionOrderDropsDuplicatesAndLetsNoneStandAlone() {
        assertEquals(List.of("x", "y"), parse(MULTI, "y", "x", "y").values());
        assertEquals("error.exclusive", parse(MULTI, "x", "none").errorKey());
        assertEquals(List.of("none"), parse(MULTI, "none").values());
        assertEquals("error.choose-listed", parse(MULTI, "x", "z").errorKey());
    }

    @Test
    void numbersMustBeWholeAndInRange() {
        Question scale = Question.scale("s", "t");
        assertEquals(List.of("0"), parse(scale, "0").values());
        assertEquals(List.of("7"), parse(scale, "007").values());
        for (String bad : List.of("11", "-1", "5.5", "1e1", "seven", "99999999999")) {
            AnswerParser.Result r = parse(scale, bad);
            assertFalse(r.isValid(), bad);
            assertEquals(List.of(0, 10), r.errorArgs());
        }
        Question weeks = Question.number("w", "t", 1, 42);
        assertTrue(parse(weeks, "42").isValid());
        assertFalse(parse(weeks, "43").isValid());
    }

    @Test
    void shortTextIsOptionalBoundedAndFreeOfControlCharacters() {
        Question text = Question.shortText("n", "t");
        assertEquals(List.of(), parse(text, "").values());
        assertEquals(List.of("dolor leve"), parse(text, "dolor leve").values());
        assertEquals("error.text-length", parse(text, "x".repeat(201)).errorKey());
        assertEquals("error.plain-text", parse(text, "bad\u0000byte").errorKey());
        assertEquals("error.plain-text", parse(text, "broken \uFFFD encoding").errorKey());
    }

    @Test
    void anOptionalQuestionMayBeSkippedAndAnInfoScreenTakesNothing() {
        assertEquals(List.of(), parse(YES_NO.optional()).values());
        assertEquals(List.of(), parse(Question.info("i", "t"), "anything").values());
    }
}
