package com.physiokiosk.engine.checkin;

import com.physiokiosk.api.QuestionType;
import java.util.List;

/**
 * One answered question as stored.
 *
 * @param linkId       the question's linkId
 * @param type         how the question was asked, or {@code null} for answers stored before types were kept
 * @param questionText the question as staff read it
 * @param values       the answer codes or values
 * @param displayValue the answer as staff read it
 */
public record StoredAnswer(String linkId, QuestionType type, String questionText, List<String> values,
                           String displayValue) {

    public StoredAnswer {
        values = List.copyOf(values);
    }
}
