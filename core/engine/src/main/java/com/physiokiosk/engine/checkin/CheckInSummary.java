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
 * @param consult     whether any finding is CONSULT (mention to the physiotherapist)
 * @param painNow     the pain score right now (or, for check-ins stored before the shared facts, the
 *                    highest topic pain score), or {@code null} when none was given
 * @param finished    whether the patient reached the end of the visit
 * @param site        the site (kiosk server) it was stored at
 */
public record CheckInSummary(String publicId, int number, Instant createdAt, String displayName,
                             List<String> topicTitles, boolean urgent, Instant reviewedAt, boolean consult,
                             Integer painNow, boolean finished, String site) {

    public CheckInSummary {
        topicTitles = List.copyOf(topicTitles);
    }

    public boolean reviewed() {
        return reviewedAt != null;
    }
}
