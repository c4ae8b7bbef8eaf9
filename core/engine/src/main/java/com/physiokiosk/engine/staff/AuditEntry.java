package com.physiokiosk.engine.staff;

import java.time.Instant;

/**
 * One line of the audit log. Holds no patient data: a check-in is named by its random public id.
 *
 * @param at        when it happened
 * @param username  who did it, or {@link com.physiokiosk.engine.storage.AuditLog#SYSTEM} for the kiosk itself
 * @param action    what was done
 * @param checkInId public id of the check-in concerned, or {@code null}
 * @param detail    e.g. the topic exported, or {@code null}
 */
public record AuditEntry(Instant at, String username, AuditAction action, String checkInId, String detail) {
}
