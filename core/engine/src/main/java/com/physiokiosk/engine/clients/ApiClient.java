package com.physiokiosk.engine.clients;

import java.time.Instant;

/**
 * A clinic record system allowed to read the FHIR API, as the admin page lists it. Holds neither its token
 * nor the token's hash: the token is shown once, at {@link ApiClients#create}, and never again.
 *
 * @param id         its number
 * @param name       the name the admin gave it, unique among all clients, revoked ones too
 * @param createdBy  the admin who created it
 * @param createdAt  when
 * @param revokedAt  when it was revoked, or {@code null} while it is active
 * @param revokedBy  the admin who revoked it, or {@code null}
 * @param lastUsedAt when its token last opened the API (noted at most once a minute), or {@code null} if never
 */
public record ApiClient(long id, String name, String createdBy, Instant createdAt, Instant revokedAt, String revokedBy,
                        Instant lastUsedAt) {

    /** Whether its token still opens the API. */
    public boolean active() {
        return revokedAt == null;
    }
}
