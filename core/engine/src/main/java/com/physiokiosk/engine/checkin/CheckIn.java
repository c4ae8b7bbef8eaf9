package com.physiokiosk.engine.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored visit: who to call, when, and every topic answered with its findings.
 *
 * @param publicId    random id used in staff URLs
 * @param day         the clinic-local day of the visit
 * @param number      the short check-in number shown to the patient, unique for the day
 * @param createdAt   when it was submitted
 * @param language    the language the patient used
 * @param displayName the name the patient wants to be called by, or {@code null}
 * @param urgent      whether any finding is URGENT
 * @param reviewedAt  when staff marked it reviewed, or {@code null}
 * @param topics      the safety screen, the facts and each topic answered, in the order asked
 * @param finished    whether the patient reached the end ({@code false}: an urgent visit stored as the
 *                    finding arose, whose patient has not finished or walked away)
 * @param updatedAt   when it was last stored; {@code null} for check-ins stored whole before visits were
 *                    kept by the engine (their result screen showed advice even when urgent)
 * @param site        the site (kiosk server) it was stored at; its number is that site's of its day
 */
public record CheckIn(String publicId, LocalDate day, int number, Instant createdAt, String language,
                      String displayName, boolean urgent, Instant reviewedAt, List<TopicResponse> topics,
                      boolean finished, Instant updatedAt, String site) {

    public CheckIn {
        topics = List.copyOf(topics);
    }

    /** A check-in of the default site. */
    public CheckIn(String publicId, LocalDate day, int number, Instant createdAt, String language,
                   String displayName, boolean urgent, Instant reviewedAt, List<TopicResponse> topics,
                   boolean finished, Instant updatedAt) {
        this(publicId, day, number, createdAt, language, displayName, urgent, reviewedAt, topics, finished, updatedAt,
                CheckInRepository.DEFAULT_SITE);
    }

    /** Every finding of every topic. */
    public List<StoredFinding> findings() {
        return topics.stream().flatMap(t -> t.findings().stream()).toList();
    }
}
