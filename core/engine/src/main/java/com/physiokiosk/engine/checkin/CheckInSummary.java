package com.physiokiosk.engine.checkin;

import java.time.Instant;
import java.util.List;

/**
 * One line of the staff's list of check-ins.
 *
 * @param publicId    random id used in staff URLs
 * @param number      the check-in number the patient was given
 * @param createdAt   when it was submitted
 * @param displayName the name the patient wants to be called by, or {@code null}
 * @param topicTitles titles of the topics chosen, as staff read them (the safety screen left out)
 * @param urgent      whether any finding is URGENT
 * @param reviewedAt  when staff marked it reviewed, or {@code null}
 */
public record CheckInSummary(String publicId, int number, Instant createdAt, String displayName,
                             List<String> topicTitles, boolean urgent, Instant reviewedAt) {

    public CheckInSummary {
        topicTitles = List.copyOf(topicTitles);
    }

    public boolean reviewed() {
        return reviewedAt != null;
    }
}
