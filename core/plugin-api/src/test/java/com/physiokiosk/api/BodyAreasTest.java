package com.physiokiosk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.BodyAreas.Side;
import com.physiokiosk.api.BodyAreas.View;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Body areas: the map's region ids and the groups rules read")
class BodyAreasTest {

    @Test
    @DisplayName("74 distinct ids, view-side-part, each a valid link id")
    void ids() {
        assertEquals(74, BodyAreas.REGIONS.size());
        assertEquals(74, new HashSet<>(BodyAreas.REGIONS).size());
        assertEquals("back-left-low-back", BodyAreas.region(View.BACK, Side.LEFT, "low-back"));
        assertTrue(BodyAreas.REGIONS.stream().allMatch(id -> Question.LINK_ID.matcher(id).matches()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BodyAreas.region(View.FRONT, Side.LEFT, "calf"));
        assertTrue(e.getMessage().contains("front of the body map has no part 'calf'"), e.getMessage());
        assertTrue(BodyAreas.isRegion("front-right-shin"));
        assertFalse(BodyAreas.isRegion("front-right-tail"));
        assertEquals(Facts.PAIN_AREAS, Facts.IDS.get(Facts.IDS.size() - 1), "the drawing is asked last of the facts");
    }

    @Test
    @DisplayName("groups: the consensus low back, a leg, below the knee, on both views")
    void groups() {
        assertEquals(List.of("back-right-low-back", "back-right-sacroiliac", "back-right-buttock",
                "back-left-low-back", "back-left-sacroiliac", "back-left-buttock"), BodyAreas.lowBack());
        assertEquals(List.of("front-left-shin", "front-left-ankle", "front-left-foot", "back-left-calf",
                "back-left-ankle", "back-left-foot"), BodyAreas.belowKnee(Side.LEFT));
        assertEquals(10, BodyAreas.leg(Side.RIGHT).size());
        assertTrue(BodyAreas.leg(Side.RIGHT).stream().allMatch(id -> id.contains("-right-")));
        assertFalse(BodyAreas.leg(Side.RIGHT).contains("back-right-buttock"), "the buttock is not the leg");
        assertThrows(IllegalArgumentException.class, () -> BodyAreas.any("x", List.of()));
    }

    @Test
    @DisplayName("a body-areas question has no options and is required unless made optional")
    void question() {
        Question q = Question.bodyAreas("where", "q.where");
        assertEquals(QuestionType.BODY_AREAS, q.type());
        assertTrue(q.required());
        assertTrue(q.options().isEmpty());
        assertFalse(q.optional().required());
    }
}
