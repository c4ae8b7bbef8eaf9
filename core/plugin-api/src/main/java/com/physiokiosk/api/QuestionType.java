package com.physiokiosk.api;

/**
 * How a question is asked and what its answer looks like. The host owns one way of rendering
 * and validating each type. New types are added in minor versions: a {@code switch} over this enum in a plugin
 * should have a {@code default}.
 *
 * @since 1.0
 */
public enum QuestionType {
    /** Yes or no; the answer is the code {@code yes} or {@code no}. */
    YES_NO,
    /** Exactly one of the answer options. */
    SINGLE_CHOICE,
    /** Any of the answer options; an option marked exclusive ("none of these") stands alone. */
    MULTI_CHOICE,
    /** A whole number from 0 to 10, as in the Numeric Pain Rating Scale. */
    SCALE_0_10,
    /** A whole number between the question's minimum and maximum. */
    NUMBER,
    /** Short free text, at most {@value Question#MAX_TEXT_LENGTH} characters. */
    SHORT_TEXT,
    /** An information or education screen: nothing to answer, the patient taps "next". */
    INFO,
    /**
     * Where on the body: the patient marks regions of the host's body map, front and back; the answer is the ids
     * of the regions marked ({@link BodyAreas#REGIONS}), in the map's order. The host draws the map.
     *
     * @since 2.1
     */
    BODY_AREAS;

    /** Whether the question carries a list of answer options. */
    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTI_CHOICE;
    }

    /** Whether the patient gives an answer at all. */
    public boolean isAnswerable() {
        return this != INFO;
    }
}
