package com.physiokiosk.ui.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Security headers on every response, who may use a staff route, and the form-token check on every
 * state-changing request, against the session the path belongs to: the patient's or the staff's.
 */
public final class Security {

    private static final Logger log = LoggerFactory.getLogger(Security.class);

    /** No inline script or style, nothing from elsewhere, no framing. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /** Where a browser that is not signed in is sent. */
    public static final String SIGN_IN = "/staff/sign-in";

    private final StaffSessions staff;
    private final PatientSessions patients;
    private final FormTokens formTokens;

    public Security(StaffSessions staff, PatientSessions patients, FormTokens formTokens) {
        this.staff = staff;
        this.patients = patients;
        this.formTokens = formTokens;
    }

    /**
     * The security headers of every response ({@link SecurityHeaders}), Jetty's own error pages included
     * ({@link KioskErrorHandler}).
     */
    public static final java.util.Map<String, String> HEADERS = java.util.Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()");

    /** A staff request refused (403), with why: the message page says so without reading a message text. */
    public static final class Refused extends RuntimeException {

        /** Why a request was refused. */
        public enum Why {
            /** An admin page asked for by a staff member who is not an admin. */
            ADMIN_ONLY,
            /** A form whose token does not match: an old page, another session's form, a forged post. */
            FORM_EXPIRED,
            /** A staff route that was given no access rule: a bug, refused rather than open. */
            NO_ACCESS_RULE
        }

        private final Why why;

        public Refused(Why why) {
            super(why.name(), null, false, false);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /** What a refused request is told; the message page shows it. */
    public static final class BadRequest extends RuntimeException {
        private final int status;
        private final String messageKey;
        private final transient Object[] args;

        public BadRequest(int status, String messageKey, Object... args) {
            super(messageKey);
            this.status = status;
            this.messageKey = messageKey;
            this.args = args.clone();
        }

        /** The arguments of the message. */
        public Object[] args() {
            return args.clone();
        }

        public int status() {
            return status;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The admin upload forms, the only addresses that take a multipart body (a file). */
    static final Set<String> UPLOAD_PATHS = Set.of(TopicsAdminController.UPLOAD_PATH, SettingsController.LOGO_PATH);

    /**
     * Accepts only what a kiosk form sends: a URL-encoded form, or a multipart form on the admin
     * upload addresses alone. Anything else (JSON, a multipart body elsewhere, no content type) is
     * refused before any handler reads it.
     */
    public static void checkForm(Context ctx) {
        if (!"POST".equals(ctx.method().name())) {
            return;
        }
        // The raw header: the servlet's getContentType() throws on a charset the JVM does not know.
        String raw = ctx.header("Content-Type");
        String type = raw == null ? "" : raw.toLowerCase(java.util.Locale.ROOT);
        boolean form = type.startsWith("application/x-www-form-urlencoded");
        boolean upload = type.startsWith("multipart/form-data") && UPLOAD_PATHS.contains(ctx.path());
        if (!form && !upload) {
            throw new BadRequest(415, "request.form-only");
        }
        // Decided here, before anything reads the body: what the body cannot be read as is the client's
        // mistake (4xx with a message), never the kiosk's (500 with a stack trace in the log).
        String charset = parameter(type, "charset");
        if (charset != null && !FORM_CHARSETS.contains(charset)) {
            throw new BadRequest(415, "request.charset");
        }
        if (upload) {
            String boundary = parameter(type, "boundary");
            if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
                throw new BadRequest(400, "request.unreadable");
            }
            if (ctx.req().getContentLengthLong() > MAX_UPLOAD_BYTES) {
                throw new BadRequest(413, "request.too-large", com.physiokiosk.engine.plugins.TopicHost.MAX_JAR_BYTES / (1024 * 1024));
            }
        }
    }

    /** The character sets a browser sends a kiosk form in (they all read the same for the kiosk's fields). */
    static final Set<String> FORM_CHARSETS = Set.of("utf-8", "utf8", "us-ascii", "iso-8859-1");

    /** The largest upload: a plugin jar at its limit, with room for the form around it. */
    public static final long MAX_UPLOAD_BYTES = com.physiokiosk.engine.plugins.TopicHost.MAX_JAR_BYTES + 1024 * 1024;

    /** The value of parameter {@code name} of a content type, unquoted and lower-case; or {@code null}. */
    static String parameter(String contentType, String name) {
        for (String part : contentType.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
                String value = part.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    /** Whether {@code path} is a staff page, with the staff session and cookie. */
    public static boolean isStaffPath(String path) {
        return path.equals(StaffSessions.PATH) || path.startsWith(StaffSessions.PATH + "/");
    }

    /**
     * After a route is matched, before its handler: {@link #checkAccess}, then, for a request let through,
     * {@link #checkCsrf}. One handler for both, as Javalin works out the route's path parameters again for
     * each such handler.
     */
    public void checkMatched(Context ctx) {
        if (checkAccess(ctx)) {
            checkCsrf(ctx);
        }
    }

    /**
     * Lets a request through to a staff route only when its {@link Access} allows. Without a
     * signed-in session a browser asking for a page is sent to sign in; anything else (the live
     * stream, downloads fetched by a program) gets 401. A staff member who is not an admin gets 403
     * on admin routes.
     *
     * @return whether the request goes on to its handler ({@code false}: answered here, to sign in first)
     */
    private boolean checkAccess(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (!isStaffPath(ctx.path()) || roles.contains(Access.ANYONE)) {
            return true;
        }
        if (roles.isEmpty()) {
            if ("*".equals(ctx.endpoint().path)) {
                // No route of ours matched (a HEAD or OPTIONS probe, say): nothing here.
                throw new io.javalin.http.NotFoundResponse();
            }
            log.error("Staff route {} {} has no Access rule; refused", ctx.method(), ctx.endpoint().path);
            throw new Refused(Refused.Why.NO_ACCESS_RULE);
        }
        Optional<StaffSessions.StaffSession> session = staff.signedIn(ctx);
        if (session.isEmpty()) {
            if ("GET".equals(ctx.method().name()) && wantsPage(ctx)) {
                ctx.redirect(SIGN_IN, HttpStatus.SEE_OTHER);
            } else {
                ctx.status(HttpStatus.UNAUTHORIZED).result("Sign in first.");
            }
            ctx.skipRemainingHandlers();
            return false;
        }
        StaffPages.setUser(ctx, session.get());
        if (roles.contains(Access.ADMIN) && !session.get().isAdmin()) {
            throw new Refused(Refused.Why.ADMIN_ONLY);
        }
        return true;
    }

    /**
     * Refuses a POST whose form token does not match: the sign-in and set-up forms carry a signed
     * double-submit token ({@link FormTokens}), as there is no staff session yet; other staff paths
     * their staff session's; the rest the patient's. Starting or resetting a patient visit is the one
     * exception: it has no session yet and only ever resets the kiosk.
     */
    private void checkCsrf(Context ctx) {
        if (!"POST".equals(ctx.method().name()) || "/start".equals(ctx.path()) || "/reset".equals(ctx.path())) {
            return;
        }
        String given = ctx.formParam("csrf");
        if (FormTokens.PATHS.contains(ctx.path())) {
            if (!formTokens.check(ctx, given)) {
                throw new Refused(Refused.Why.FORM_EXPIRED);
            }
            return;
        }
        String expected = isStaffPath(ctx.path())
                ? staff.current(ctx).map(StaffSessions.StaffSession::csrf).orElse("")
                : patients.csrfToken(ctx);
        if (expected.isEmpty() || given == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw new Refused(Refused.Why.FORM_EXPIRED);
        }
    }

    /** Browsers ask for HTML when following a link or typing an address; EventSource and programs do not. */
    private static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("text/html");
    }
}
