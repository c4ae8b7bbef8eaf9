package com.physiokiosk.engine.checkin;

import java.util.List;

/**
 * One answered question as stored.
 *
 * @param linkId       the question's linkId
 * @param questionText the question as staff read it
 * @param values       the answer codes or values
 * @param displayValue the answer as staff read it
 */
public record StoredAnswer(String linkId, String questionText, List<String> values, String displayValue) {

    public StoredAnswer {
        values = List.copyOf(values);
    }
}
