package com.physiokiosk.engine.staff;

import java.time.Instant;

/**
 * A staff account as the staff pages show it. The password hash never leaves the repository.
 *
 * @param username       sign-in name, lower case
 * @param role           what the account may do
 * @param failedAttempts failed sign-ins since the last success or lock
 * @param lockedUntil    until when sign-in is refused, or {@code null}
 * @param disabled       whether an admin switched the account off
 */
public record StaffAccount(String username, Role role, int failedAttempts, Instant lockedUntil, boolean disabled) {

    /** Whether sign-in is refused at {@code now} because of too many failures. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
