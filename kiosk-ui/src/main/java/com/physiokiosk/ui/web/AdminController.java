package com.physiokiosk.ui.web;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.staff.Role;
import com.physiokiosk.engine.staff.StaffAccounts;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.ui.view.SummaryView;
import com.physiokiosk.ui.view.Templates;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.Views.AccountRow;
import com.physiokiosk.ui.view.Views.AccountsPage;
import com.physiokiosk.ui.view.Views.AuditPage;
import com.physiokiosk.ui.view.Views.AuditRow;
import com.physiokiosk.ui.view.Views.Choice;
import com.physiokiosk.ui.view.Views.FieldErrors;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/** Admin-only staff pages: the audit log and the staff accounts. */
public final class AdminController {

    /** How many audit entries a page shows, newest first. */
    static final int AUDIT_ROWS = 100;

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

    /**
     * {@code /staff/audit[?action=…&user=…&day=yyyy-mm-dd][&before=id|&after=id]}: a page of the audit
     * log, newest first, filtered by what was done, by whom and on which day (the clinic's), with
     * links to the older and newer pages. Paged by entry id, so new entries arriving meanwhile
     * neither repeat nor skip a line.
     */
    public void auditLog(Context ctx) {
        Texts t = pages.texts();
        AuditAction action = auditAction(ctx.queryParam("action"));
        String user = blankToNull(ctx.queryParam("user"));
        user = user == null ? null : user.toLowerCase(Locale.ROOT);
        if (user != null && user.length() > 40) {
            throw new BadRequestResponse("malformed-user");
        }
        LocalDate day = auditDay(ctx.queryParam("day"));
        Long before = id(ctx.queryParam("before"));
        Long after = before == null ? id(ctx.queryParam("after")) : null;
        ZoneId zone = clock.getZone();
        AuditLog.Slice slice = audit.page(new AuditLog.Query(action, user,
                day == null ? null : day.atStartOfDay(zone).toInstant(),
                day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant(), before, after, AUDIT_ROWS));
        List<AuditRow> rows = slice.entries().stream().map(e -> row(e, t)).toList();
        String filters = filters(action, user, day);
        String newer = slice.newer() ? "/staff/audit?" + filters + "after=" + slice.entries().get(0).id() : null;
        String older = slice.older()
                ? "/staff/audit?" + filters + "before=" + slice.entries().get(slice.entries().size() - 1).id() : null;
        List<Choice> actions = Arrays.stream(AuditAction.values())
                .map(a -> new Choice(a.name().toLowerCase(Locale.ROOT), t.get(actionKey(a)), a == action))
                .toList();
        pages.render(ctx, Templates.staffAudit(new AuditPage(pages.page(ctx, "staff.audit.title"), rows, AUDIT_ROWS,
                actions, user == null ? "" : user, day == null ? "" : day.toString(), newer, older,
                before != null || after != null ? "/staff/audit?" + stripAmpersand(filters) : null,
                pages.settings().database().isPostgresql())));
    }

    private AuditRow row(AuditEntry e, Texts t) {
        String username = AuditLog.UNKNOWN_USER.equals(e.username()) ? t.get("staff.audit.unknown-user") : e.username();
        String repeats = e.repeats() > 1 && e.lastAt() != null
                ? t.get("staff.audit.repeats", e.repeats(), when(e.lastAt(), t)) : null;
        return new AuditRow(when(e.at(), t), username, t.get(actionKey(e.action())),
                e.checkInId(), e.checkInId() == null ? null : CheckInsController.url(e.checkInId()),
                e.detail() == null ? "" : e.detail(), e.source() == null ? "" : e.source(), repeats,
                e.site() == null ? "" : e.site());
    }

    private String when(java.time.Instant at, Texts t) {
        return SummaryView.dateTime(at, clock.getZone(), t);
    }

    private static String actionKey(AuditAction a) {
        return "staff.audit.action." + a.name().toLowerCase(Locale.ROOT);
    }

    /** The query string of the filters in force, each followed by {@code &}, for the paging links. */
    private static String filters(AuditAction action, String user, LocalDate day) {
        StringBuilder q = new StringBuilder();
        if (action != null) {
            q.append("action=").append(action.name().toLowerCase(Locale.ROOT)).append('&');
        }
        if (user != null) {
            q.append("user=").append(URLEncoder.encode(user, StandardCharsets.UTF_8)).append('&');
        }
        if (day != null) {
            q.append("day=").append(day).append('&');
        }
        return q.toString();
    }

    private static String stripAmpersand(String query) {
        return query.endsWith("&") ? query.substring(0, query.length() - 1) : query;
    }

    private static AuditAction auditAction(String param) {
        String code = blankToNull(param);
        if (code == null) {
            return null;
        }
        try {
            return AuditAction.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestResponse("malformed-action");
        }
    }

    /** A day of the filter: a real date the log could hold, not year -999999999. */
    private static LocalDate auditDay(String param) {
        String text = blankToNull(param);
        if (text == null) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() < 2000 || day.getYear() > 9999) {
                throw new BadRequestResponse("malformed-day");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("malformed-day");
        }
    }

    private static Long id(String param) {
        String text = blankToNull(param);
        if (text == null) {
            return null;
        }
        try {
            long id = Long.parseLong(text);
            if (id < 0) {
                throw new BadRequestResponse("malformed-id");
            }
            return id;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("malformed-id");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code /staff/accounts}; the confirmation of the last action shows in the header's place for it. */
    public void accounts(Context ctx) {
        renderAccounts(ctx, HttpStatus.OK, null, FieldErrors.NONE, null, "", Role.STAFF);
    }

    /** {@code POST /staff/accounts}: a new account. */
    public void createAccount(Context ctx) {
        String username = Objects.requireNonNullElse(ctx.formParam("username"), "").strip().toLowerCase(Locale.ROOT);
        Role role = Role.fromCode(ctx.formParam("role")).orElse(Role.STAFF);
        String error = withNewPassword(ctx, password -> accounts.create(pages.user(ctx).username(), username, role, password));
        if (error != null) {
            // The user name and role stay as typed; the passwords are never sent back.
            renderAccounts(ctx, HttpStatus.BAD_REQUEST, pages.texts().get("staff.form.fix-below"), FieldErrors.of(field(error, ""), pages.texts().get(error,
                    StaffAccounts.MIN_PASSWORD_LENGTH)), null, username, role);
            return;
        }
        pages.confirm(ctx, pages.texts().get("staff.accounts.created", username, pages.texts().get("staff.role." + role.code())));
        ctx.redirect("/staff/accounts", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /staff/accounts/{username}/disabled}: switch an account off ({@code disabled=true}) or on. */
    public void setDisabled(Context ctx) {
        String username = ctx.pathParam("username");
        boolean disabled = "true".equals(ctx.formParam("disabled"));
        if (username.equals(pages.user(ctx).username())) {
            // An admin who switched themselves off could leave the kiosk with no admin at all.
            renderAccounts(ctx, HttpStatus.BAD_REQUEST, pages.texts().get("staff.accounts.not-yourself"), FieldErrors.NONE, null, "",
                    Role.STAFF);
            return;
        }
        if (!accounts.setDisabled(pages.user(ctx).username(), username, disabled)) {
            renderAccounts(ctx, HttpStatus.NOT_FOUND, pages.texts().get("staff.accounts.gone", shorten(username)), FieldErrors.NONE,
                    null, "", Role.STAFF);
            return;
        }
        if (disabled) {
            sessions.endAllOf(username);
        }
        pages.confirm(ctx, pages.texts().get(disabled ? "staff.accounts.switched-off" : "staff.accounts.switched-on", username));
        ctx.redirect("/staff/accounts", HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /staff/accounts/{username}/password}: an admin sets a new password; any back-off
     * after failed sign-ins ends, and so do the account's open sessions.
     */
    public void resetPassword(Context ctx) {
        String username = ctx.pathParam("username");
        if (accounts.find(username).isEmpty()) {
            renderAccounts(ctx, HttpStatus.NOT_FOUND, pages.texts().get("staff.accounts.gone", shorten(username)), FieldErrors.NONE,
                    null, "", Role.STAFF);
            return;
        }
        String error = withNewPassword(ctx, password -> accounts.resetPassword(pages.user(ctx).username(), username, password));
        if (error != null) {
            renderAccounts(ctx, HttpStatus.BAD_REQUEST, pages.texts().get("staff.form.fix-below"), FieldErrors.of(field(error, "-" + username),
                    pages.texts().get(error, StaffAccounts.MIN_PASSWORD_LENGTH)), username, "", Role.STAFF);
            return;
        }
        sessions.endAllOf(username);
        pages.confirm(ctx, pages.texts().get("staff.accounts.reset-done", username));
        ctx.redirect("/staff/accounts", HttpStatus.SEE_OTHER);
    }

    /** A name from the address, for a message: short. */
    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** The id of the input a message key is about: the user name, the password, or the password typed again. */
    private static String field(String messageKey, String suffix) {
        if (messageKey.startsWith("staff.account.username")) {
            return "username" + suffix;
        }
        return (suffix.isEmpty() ? "" : "reset-") + ("staff.password.mismatch".equals(messageKey) ? "confirm" : "password") + suffix;
    }

    /**
     * @param fields    what is wrong, by the id of the input it is about
     * @param openReset   the account whose "set a new password" form stays open (it has an error), or {@code null}
     */
    private void renderAccounts(Context ctx, HttpStatus status, String error, FieldErrors fields,
                                String openReset, String username, Role role) {
        String me = pages.user(ctx).username();
        List<AccountRow> rows = accounts.list().stream()
                .map(a -> new AccountRow(a.username(), pages.texts().get("staff.role." + a.role().code()),
                        accounts.slowed(a.username()), a.disabled(), a.username().equals(me)))
                .toList();
        ctx.status(status);
        pages.render(ctx, Templates.staffAccounts(new AccountsPage(pages.page(ctx, "staff.accounts.title"), rows, error,
                fields, openReset, username, role.code(), StaffAccounts.MIN_PASSWORD_LENGTH)));
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
