package com.physiokiosk.ui.web;

import com.physiokiosk.engine.visit.Visit;
import com.physiokiosk.engine.visit.VisitService;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The one place that reads and writes a patient's server-side session. A new patient always gets a
 * new session (new id, nothing carried over); the session expires shortly after the idle timeout.
 */
public final class PatientSession {

    private static final String VISIT = "visit";
    private static final String RESULT = "result";
    private static final String NOTICE = "notice";
    private static final String LARGE_TEXT = "largeText";
    private static final String ANSWERED = "answered";
    static final String CSRF = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PatientSession() {
    }

    /** Ends whatever session the browser had and starts a fresh one for a new patient. */
    public static void startNew(Context ctx, Visit visit, Duration idle) {
        end(ctx);
        HttpSession session = ctx.req().getSession(true);
        // Until its first answer a session lives no longer than the screen before it resets itself.
        session.setMaxInactiveInterval((int) idle.toSeconds() + 5);
        session.setAttribute(CSRF, newToken());
        session.setAttribute(VISIT, visit);
    }

    /** Ends the session: everything of the patient is gone from the server. */
    public static void end(Context ctx) {
        HttpSession old = ctx.req().getSession(false);
        if (old != null) {
            try {
                old.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // nothing left to forget
            }
        }
    }

    /**
     * The patient has answered a question: from now on the server keeps the visit a minute past the
     * screen's own reset, and never forgets it to make room for others.
     */
    public static void markAnswered(Context ctx, Duration idle) {
        HttpSession session = ctx.req().getSession(false);
        if (session != null && !hasAnswered(session)) {
            session.setAttribute(ANSWERED, Boolean.TRUE);
            session.setMaxInactiveInterval((int) idle.toSeconds() + 60);
        }
    }

    /** Whether the patient of {@code session} has answered anything. */
    static boolean hasAnswered(HttpSession session) {
        try {
            return Boolean.TRUE.equals(session.getAttribute(ANSWERED));
        } catch (IllegalStateException invalidated) {
            return false;
        }
    }

    public static Optional<Visit> visit(Context ctx) {
        return Optional.ofNullable(attribute(ctx, VISIT));
    }

    /** After submit: the visit is dropped, the session rotated, and only what the result screen shows is kept. */
    public static void finish(Context ctx, VisitService.Result result, String name, String language, Duration idle) {
        boolean large = largeText(ctx);
        startNew(ctx, null, idle);
        setLargeText(ctx, large);
        HttpSession session = ctx.req().getSession(true);
        session.setAttribute(RESULT, new Finished(result, name, language));
    }

    public static Optional<Finished> finished(Context ctx) {
        return Optional.ofNullable(attribute(ctx, RESULT));
    }

    public static boolean largeText(Context ctx) {
        return Boolean.TRUE.equals(attribute(ctx, LARGE_TEXT));
    }

    public static void setLargeText(Context ctx, boolean large) {
        ctx.req().getSession(true).setAttribute(LARGE_TEXT, large);
    }

    /** A one-time message for the next page. */
    public static void notice(Context ctx, String key) {
        ctx.req().getSession(true).setAttribute(NOTICE, key);
    }

    public static Optional<String> takeNotice(Context ctx) {
        HttpSession s = ctx.req().getSession(false);
        if (s == null) {
            return Optional.empty();
        }
        Object v = s.getAttribute(NOTICE);
        s.removeAttribute(NOTICE);
        return Optional.ofNullable((String) v);
    }

    /** This session's form token, or empty when there is no session. */
    public static String csrfToken(Context ctx) {
        String token = attribute(ctx, CSRF);
        return token == null ? "" : token;
    }

    /** What the result screen shows, kept after the visit itself is gone. */
    public record Finished(VisitService.Result result, String name, String language) {
    }

    @SuppressWarnings("unchecked")
    private static <T> T attribute(Context ctx, String key) {
        HttpSession s = ctx.req().getSession(false);
        if (s == null) {
            return null;
        }
        try {
            return (T) s.getAttribute(key);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
