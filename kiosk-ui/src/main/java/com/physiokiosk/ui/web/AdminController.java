package com.physiokiosk.ui.web;

import com.physiokiosk.engine.staff.AuditEntry;
import com.physiokiosk.engine.staff.Role;
import com.physiokiosk.engine.staff.StaffAccounts;
import com.physiokiosk.engine.storage.AuditLog;
import com.physiokiosk.ui.view.SummaryView;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.Views.AccountRow;
import com.physiokiosk.ui.view.Views.AccountsPage;
import com.physiokiosk.ui.view.Views.AuditPage;
import com.physiokiosk.ui.view.Views.AuditRow;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/** Admin-only staff pages: the audit log and the staff accounts. */
public final class AdminController {

    /** How many audit entries the page shows, newest first. */
    static final int AUDIT_ROWS = 500;

    private final StaffAccounts accounts;
    private final StaffSessions sessions;
    private final AuditLog audit;
    private final StaffPages pages;
    private final Clock clock;

    public AdminController(StaffAccounts accounts, StaffSessions sessions, AuditLog audit, StaffPages pages, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code /staff/audit}. */
    public void auditLog(Context ctx) {
        Texts t = pages.texts();
        List<AuditRow> rows = audit.latest(AUDIT_ROWS).stream().map(e -> row(e, t)).toList();
        pages.render(ctx, "staff/audit.jte", new AuditPage(pages.page(ctx, "staff.audit.title"), rows, AUDIT_ROWS));
    }

    private AuditRow row(AuditEntry e, Texts t) {
        String at = SummaryView.date(LocalDate.ofInstant(e.at(), clock.getZone()), t) + " "
                + SummaryView.time(e.at(), clock.getZone());
        return new AuditRow(at, e.username(), t.get("staff.audit.action." + e.action().name().toLowerCase(Locale.ROOT)),
                e.checkInId(), e.checkInId() == null ? null : CheckInsController.url(e.checkInId()),
                e.detail() == null ? "" : e.detail());
    }

    /** {@code /staff/accounts}; {@code ?reset=username} after a password reset. */
    public void accounts(Context ctx) {
        String reset = ctx.queryParam("reset");
        renderAccounts(ctx, null, reset != null && accounts.find(reset).isPresent()
                ? pages.texts().get("staff.accounts.reset-done", reset) : null);
    }

    /** {@code POST /staff/accounts}: a new account. */
    public void createAccount(Context ctx) {
        String username = Objects.requireNonNullElse(ctx.formParam("username"), "").strip().toLowerCase(Locale.ROOT);
        Role role = Role.fromCode(ctx.formParam("role")).orElse(Role.STAFF);
        String error = withNewPassword(ctx, password -> accounts.create(pages.user(ctx).username(), username, role, password));
        if (error != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderAccounts(ctx, pages.texts().get(error, StaffAccounts.MIN_PASSWORD_LENGTH), null);
            return;
        }
        ctx.redirect("/staff/accounts", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /staff/accounts/{username}/disabled}: switch an account off ({@code disabled=true}) or on. */
    public void setDisabled(Context ctx) {
        String username = ctx.pathParam("username");
        boolean disabled = "true".equals(ctx.formParam("disabled"));
        if (username.equals(pages.user(ctx).username())) {
            // An admin who switched themselves off could leave the kiosk with no admin at all.
            ctx.status(HttpStatus.BAD_REQUEST);
            renderAccounts(ctx, pages.texts().get("staff.accounts.not-yourself"), null);
            return;
        }
        if (!accounts.setDisabled(pages.user(ctx).username(), username, disabled)) {
            throw new NotFoundResponse("no-such-account");
        }
        if (disabled) {
            sessions.endAllOf(username);
        }
        ctx.redirect("/staff/accounts", HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /staff/accounts/{username}/password}: an admin sets a new password; the account's
     * lock is lifted and its open sessions end.
     */
    public void resetPassword(Context ctx) {
        String username = ctx.pathParam("username");
        if (accounts.find(username).isEmpty()) {
            throw new NotFoundResponse("no-such-account");
        }
        String error = withNewPassword(ctx, password -> accounts.resetPassword(pages.user(ctx).username(), username, password));
        if (error != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderAccounts(ctx, pages.texts().get(error, StaffAccounts.MIN_PASSWORD_LENGTH), null);
            return;
        }
        sessions.endAllOf(username);
        ctx.redirect("/staff/accounts?reset=" + username, HttpStatus.SEE_OTHER);
    }

    private void renderAccounts(Context ctx, String error, String notice) {
        String me = pages.user(ctx).username();
        List<AccountRow> rows = accounts.list().stream()
                .map(a -> new AccountRow(a.username(), pages.texts().get("staff.role." + a.role().code()),
                        a.lockedAt(clock.instant()), a.disabled(), a.username().equals(me)))
                .toList();
        pages.render(ctx, "staff/accounts.jte", new AccountsPage(pages.page(ctx, "staff.accounts.title"), rows, error, notice,
                StaffAccounts.MIN_PASSWORD_LENGTH));
    }

    /**
     * Runs {@code create} with the form's new password once it was typed the same twice.
     *
     * @return the message key of what went wrong, or {@code null} when the password was taken
     */
    static String withNewPassword(Context ctx, Consumer<String> create) {
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        if (!password.equals(ctx.formParam("confirm"))) {
            return "staff.password.mismatch";
        }
        try {
            create.accept(password);
            return null;
        } catch (StaffAccounts.AccountException e) {
            return problemKey(e.problem());
        }
    }

    /** The message key that explains {@code problem} to staff. */
    static String problemKey(StaffAccounts.Problem problem) {
        return "staff.account." + problem.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
