package com.physiokiosk.engine.staff;

import java.util.Locale;
import java.util.Optional;

/** What a staff account may do. */
public enum Role {
    /** Sees, prints and exports check-ins. */
    STAFF,
    /** Everything staff do, plus the audit log, staff accounts, clinic settings and plugins. */
    ADMIN;

    /** The role as stored and typed: {@code staff} or {@code admin}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        for (Role r : values()) {
            if (r.code().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
