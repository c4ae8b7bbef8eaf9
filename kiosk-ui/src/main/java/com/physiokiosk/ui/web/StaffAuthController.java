package com.physiokiosk.ui.web;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.staff.SignInOutcome;
import com.physiokiosk.engine.staff.SignInThrottle;
import com.physiokiosk.engine.staff.StaffAccounts;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.ui.view.Templates;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.Views.SetupPage;
import com.physiokiosk.ui.view.Views.SignInPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;

/**
 * Signing staff in and out, and the one-time set-up of the first admin account, which only the
 * kiosk machine itself may open and only while there is no account at all.
 */
public final class StaffAuthController {

    /** Where staff land after signing in. */
    static final String HOME = "/staff/check-ins";

    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final StaffPages pages;
    private final AuditLog audit;

    public StaffAuthController(StaffAccounts accounts, StaffSessions sessions, StaffPages pages, AuditLog audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.pages = pages;
        this.audit = audit;
    }

    public void signInForm(Context ctx) {
        if (sessions.signedIn(ctx).isPresent()) {
            ctx.redirect(HOME, HttpStatus.SEE_OTHER);
            return;
        }
        boolean noAccount = accounts.needsSetup();
        if (noAccount && isFromThisMachine(ctx)) {
            ctx.redirect("/staff/setup", HttpStatus.SEE_OTHER);
            return;
        }
        pages.render(ctx, Templates.staffSignIn(new SignInPage(pages.formPage(ctx, "staff.sign-in.title"), "", null,
                noAccount)));
    }

    /**
     * {@code POST /staff/sign-in}. A refusal is 401 with one message whatever the reason (it must not
     * tell whether the name exists); a sign-in the back-off holds back, or that the kiosk is too busy
     * to check, is 429 with when to try again. Only a success starts a staff session.
     */
    public void signIn(Context ctx) {
        String username = Objects.requireNonNullElse(ctx.formParam("username"), "").strip().toLowerCase(Locale.ROOT);
        SignInOutcome outcome = accounts.signIn(username, ctx.formParam("password"), ctx.req().getRemoteAddr());
        if (outcome instanceof SignInOutcome.Accepted accepted) {
            sessions.signIn(ctx, accepted.account());
            ctx.redirect(HOME, HttpStatus.SEE_OTHER);
            return;
        }
        Texts t = pages.texts();
        String error;
        if (outcome instanceof SignInOutcome.Slowed slowed) {
            long seconds = Math.max(1, slowed.retryAfter().toSeconds() + (slowed.retryAfter().toNanosPart() > 0 ? 1 : 0));
            long minutes = (seconds + 59) / 60;
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", Long.toString(seconds));
            error = t.get("staff.sign-in.slowed", minutes == 1 ? t.get("staff.wait.minute")
                    : t.get("staff.wait.minutes", minutes));
        } else if (outcome instanceof SignInOutcome.Busy) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", BUSY_RETRY_SECONDS);
            error = t.get("staff.sign-in.busy");
        } else {
            ctx.status(HttpStatus.UNAUTHORIZED);
            error = t.get("staff.sign-in.failed", SignInThrottle.NAME_AND_SOURCE.free());
        }
        pages.render(ctx, Templates.staffSignIn(new SignInPage(pages.formPage(ctx, "staff.sign-in.title"),
                username.length() > 40 ? "" : username, error, false)));
    }

    /** When to try again after the kiosk was too busy hashing: a hash takes well under a second. */
    public static final String BUSY_RETRY_SECONDS = "2";

    public void signOut(Context ctx) {
        audit.record(pages.user(ctx).username(), AuditAction.SIGN_OUT, null, null);
        sessions.signOut(ctx);
        ctx.redirect(Security.SIGN_IN, HttpStatus.SEE_OTHER);
    }

    public void setupForm(Context ctx) {
        if (refuseSetup(ctx)) {
            return;
        }
        pages.render(ctx, Templates.staffSetup(new SetupPage(pages.formPage(ctx, "staff.setup.title"), null,
                StaffAccounts.MIN_PASSWORD_LENGTH)));
    }

    public void setup(Context ctx) {
        if (refuseSetup(ctx)) {
            return;
        }
        String error = AdminController.withNewPassword(ctx, password -> {
            if (!accounts.createFirstAdmin(password)) {
                throw new NotFoundResponse("set-up done");
            }
        });
        if (error != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            pages.render(ctx, Templates.staffSetup(new SetupPage(pages.formPage(ctx, "staff.setup.title"),
                    pages.texts().get(error, StaffAccounts.MIN_PASSWORD_LENGTH), StaffAccounts.MIN_PASSWORD_LENGTH)));
            return;
        }
        ctx.redirect(Security.SIGN_IN, HttpStatus.SEE_OTHER);
    }

    /**
     * Set-up exists only until the first account does (then it is simply not there: 404), and only
     * for a browser on the kiosk machine itself (403 from anywhere else).
     */
    private boolean refuseSetup(Context ctx) {
        if (!accounts.needsSetup()) {
            throw new NotFoundResponse("set-up done");
        }
        if (!isFromThisMachine(ctx)) {
            pages.message(ctx, HttpStatus.FORBIDDEN, "staff.setup.title", "staff.setup.local-only");
            return true;
        }
        return false;
    }

    /**
     * Whether the request comes from the kiosk machine itself. Judged by the connection's address,
     * never by a header a client could set; behind a reverse proxy on the same machine every
     * request would count as local, so the set-up page must then be done before the proxy is added.
     */
    static boolean isFromThisMachine(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
