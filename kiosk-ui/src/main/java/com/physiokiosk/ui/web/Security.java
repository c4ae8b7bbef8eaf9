package com.physiokiosk.ui.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/** Security headers on every response, and the form-token check on every state-changing request. */
public final class Security {

    /** No inline script or style, nothing from elsewhere, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    private Security() {
    }

    public static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!ctx.path().startsWith("/assets/") && !ctx.path().startsWith("/topic-assets/")) {
            // Patient answers must never come back from a cache, the back button or history.
            ctx.header("Cache-Control", "no-store");
            ctx.header("Pragma", "no-cache");
        }
    }

    /** What a refused request is told; the message page shows it. */
    public static final class BadRequest extends RuntimeException {
        private final int status;
        private final String messageKey;

        public BadRequest(int status, String messageKey) {
            super(messageKey);
            this.status = status;
            this.messageKey = messageKey;
        }

        public int status() {
            return status;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /**
     * Accepts only what a kiosk form sends: a URL-encoded form. Anything else (JSON, a broken multipart
     * body, no content type) is refused before any handler reads it.
     */
    public static void checkForm(Context ctx) {
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new BadRequest(415, "request.form-only");
        }
    }

    /**
     * Refuses a POST whose form token does not match the session's. Starting a new visit is the one
     * exception: it has no session yet and only ever resets the kiosk.
     */
    public static void checkCsrf(Context ctx) {
        if (!"POST".equals(ctx.method().name()) || "/start".equals(ctx.path()) || "/reset".equals(ctx.path())) {
            return;
        }
        String expected = PatientSession.csrfToken(ctx);
        String given = ctx.formParam("csrf");
        if (expected.isEmpty() || given == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("form-expired");
        }
    }
}
