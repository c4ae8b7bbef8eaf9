package com.physiokiosk.engine.audit;

import java.time.Instant;

/**
 * One line of the audit log. Holds no patient data: a check-in is named by its random public id.
 *
 * @param id        the line's number, increasing; the audit page pages by it
 * @param at        when it happened (the first time, for a line that counts repeats)
 * @param username  who did it, {@link com.physiokiosk.engine.audit.AuditLog#SYSTEM} for the kiosk itself,
 *                  or {@link com.physiokiosk.engine.audit.AuditLog#UNKNOWN_USER} for a sign-in as a name
 *                  no account has
 * @param action    what was done
 * @param checkInId public id of the check-in concerned, or {@code null}
 * @param detail    e.g. the topic exported, or {@code null}
 * @param source    the address the request came from, where it matters (sign-in), or {@code null}
 * @param repeats   how many times it happened: more than 1 only for refusals that come in floods
 * @param lastAt    when it last happened, for a line with repeats; otherwise {@code null}
 * @param site      the site (kiosk server) that wrote it; {@code null} for lines written before sites
 */
public record AuditEntry(long id, Instant at, String username, AuditAction action, String checkInId, String detail,
                         String source, int repeats, Instant lastAt, String site) {
}
