package com.physiokiosk.ui.web;

import com.physiokiosk.engine.staff.Role;
import com.physiokiosk.engine.staff.StaffAccount;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff sessions, kept apart from the patient's: their own random id in their own cookie
 * ({@value #COOKIE}: HttpOnly, SameSite=Strict, sent only to {@code /staff}), their own form
 * token, a new id at sign-in, and an end after {@code kiosk.staff-idle-minutes} without a request.
 * A session starts only at a successful sign-in: the sign-in and set-up forms need none
 * ({@link FormTokens}), so nobody can fill this table without a password.
 * Held in memory: a restart signs everyone out, which is the safe way round.
 */
public final class StaffSessions {

    public static final String COOKIE = "KIOSK_STAFF";
    /** The cookie goes to staff pages only, so the patient kiosk never receives it. */
    static final String PATH = "/staff";

    /**
     * Above this many sessions, the one used least recently ends. Only a sign-in starts one, so this
     * is a bound on memory, not something a clinic meets.
     */
    static final int MAX_SESSIONS = 5_000;

    private final Map<String, StaffSession> sessions = new ConcurrentHashMap<>();
    /** A confirmation of each session's last action, until the page it leads to shows it. */
    private final Map<String, String> confirmations = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;

    public StaffSessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /** One browser's signed-in staff session. */
    public record StaffSession(String id, String username, Role role, String csrf, Instant lastSeen) {

        public boolean isAdmin() {
            return role == Role.ADMIN;
        }

        @Override
        public String toString() {
            // The id and token are secrets.
            return "StaffSession[" + username + "]";
        }
    }

    /**
     * Request header the live list sends when it reloads itself: such a request does not count as
     * activity, so an unattended desk is still signed out after the idle time.
     */
    static final String BACKGROUND = "X-Kiosk-Background";

    /** The browser's session if it has one that has not expired; a request a person made counts as activity. */
    public Optional<StaffSession> current(Context ctx) {
        String id = ctx.cookie(COOKIE);
        StaffSession s = id == null ? null : sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (isExpired(s, now)) {
            sessions.remove(id, s);
            confirmations.remove(id);
            return Optional.empty();
        }
        if (ctx.header(BACKGROUND) != null) {
            return Optional.of(s);
        }
        StaffSession touched = new StaffSession(s.id(), s.username(), s.role(), s.csrf(), now);
        sessions.replace(id, s, touched);
        return Optional.of(touched);
    }

    /** The browser's session: every session is signed in. */
    public Optional<StaffSession> signedIn(Context ctx) {
        return current(ctx);
    }

    /**
     * Signs in: any session the browser had ends and a new one starts, with a new id and a new form
     * token, so an id planted before sign-in is worth nothing after it.
     */
    public StaffSession signIn(Context ctx, StaffAccount account) {
        current(ctx).ifPresent(s -> sessions.remove(s.id()));
        return start(ctx, account.username(), account.role());
    }

    /** Ends the browser's session and clears its cookie. */
    public void signOut(Context ctx) {
        current(ctx).ifPresent(s -> {
            sessions.remove(s.id());
            confirmations.remove(s.id());
        });
        ctx.cookie(cookie(ctx, "", 0));
    }

    /** Ends every session of {@code username}, e.g. when an admin switches the account off. */
    public void endAllOf(String username) {
        sessions.values().removeIf(s -> username.equals(s.username()));
        confirmations.keySet().retainAll(sessions.keySet());
    }

    /**
     * Whether the session {@code id} is still signed in, without counting as activity: a live
     * stream left open must not keep an unattended desk signed in.
     */
    public boolean isActive(String id) {
        StaffSession s = sessions.get(id);
        return s != null && !isExpired(s, clock.instant());
    }

    /** Keeps {@code text} for the next page {@code session} opens (one at a time: the latest action's). */
    void confirm(StaffSession session, String text) {
        if (sessions.containsKey(session.id())) {
            confirmations.put(session.id(), text);
        }
    }

    /** The confirmation kept for {@code session}, once; {@code null} when there is none. */
    String takeConfirmation(StaffSession session) {
        return confirmations.remove(session.id());
    }

    /** How many sessions are held, for tests that check a flood of sign-in pages adds none. */
    public int count() {
        return sessions.size();
    }

    private StaffSession start(Context ctx, String username, Role role) {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> isExpired(s, now));
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(java.util.Comparator.comparing(StaffSession::lastSeen))
                    .ifPresent(oldest -> sessions.remove(oldest.id(), oldest));
        }
        confirmations.keySet().retainAll(sessions.keySet());
        StaffSession s = new StaffSession(PatientSession.newToken(), username, role, PatientSession.newToken(), now);
        sessions.put(s.id(), s);
        ctx.cookie(cookie(ctx, s.id(), -1));
        return s;
    }

    private boolean isExpired(StaffSession s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idle));
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        return new Cookie(COOKIE, value, PATH, maxAge, "https".equals(ctx.scheme()), true, null, SameSite.STRICT);
    }
}
