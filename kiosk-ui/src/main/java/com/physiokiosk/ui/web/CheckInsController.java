package com.physiokiosk.ui.web;

import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.CheckInSummary;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.ui.view.SummaryPdf;
import com.physiokiosk.ui.view.SummaryView;
import com.physiokiosk.ui.view.Templates;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.Views.CheckInListPage;
import com.physiokiosk.ui.view.Views.CheckInRow;
import com.physiokiosk.ui.view.Views.SummaryPage;
import io.javalin.http.BadRequestResponse;
import com.physiokiosk.ui.view.Views;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The staff's check-ins: the day's list (urgent first), the one-page summary on screen, for the
 * printer and as a PDF, and "reviewed". Every look at a check-in is written to the audit log.
 */
public final class CheckInsController {

    /** A check-in's public id: 32 lower-case hex digits. */
    static final Pattern PUBLIC_ID = Pattern.compile("[0-9a-f]{32}");

    private final CheckInRepository checkIns;
    private final AuditLog audit;
    private final StaffPages pages;
    private final Clock clock;

    /** @param clock gives "today" and the clinic's time zone */
    public CheckInsController(CheckInRepository checkIns, AuditLog audit, StaffPages pages, Clock clock) {
        this.checkIns = checkIns;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code /staff/check-ins[?day=yyyy-mm-dd]}. */
    public void list(Context ctx) {
        LocalDate today = LocalDate.now(clock);
        LocalDate day = day(ctx.queryParam("day"), today);
        Texts t = pages.texts();
        KioskConfig config = pages.settings();
        boolean mayViewAll = pages.mayViewAllSites(ctx);
        boolean all = mayViewAll && "all".equals(ctx.queryParam("sites"));
        List<CheckInRow> rows = checkIns.summariesForDay(day, all).stream().map(s -> row(s, t)).toList();
        String dayParam = ctx.queryParam("day") == null ? "" : "day=" + day + "&";
        Views.SitesView sites = mayViewAll ? new Views.SitesView(all, config.siteLabel(),
                "/staff/check-ins?" + dayParam + (all ? "sites=this" : "sites=all")) : null;
        pages.render(ctx, Templates.staffCheckIns(new CheckInListPage(pages.page(ctx, "staff.list.title"),
                day.toString(), SummaryView.date(day, t), day.equals(today), day.minusDays(1).toString(),
                day.isBefore(today) ? day.plusDays(1).toString() : null, rows, sites)));
    }

    private CheckInRow row(CheckInSummary s, Texts t) {
        return new CheckInRow(url(s.publicId()), s.number(), s.displayName() == null ? t.get("staff.no-name") : s.displayName(),
                SummaryView.time(s.createdAt(), clock.getZone()), s.topicTitles(), s.urgent(), s.reviewed(), s.consult(),
                s.painNow(), s.finished(), s.site());
    }

    /** {@code /staff/check-ins/{id}}: the summary on screen. */
    public void summary(Context ctx) {
        CheckIn checkIn = requireCheckIn(ctx, checkIns, pages);
        audit.record(pages.user(ctx).username(), AuditAction.VIEW, checkIn.publicId(), null);
        pages.render(ctx, Templates.staffSummary(summaryPage(ctx, checkIn, false, false)));
    }

    /** {@code /staff/check-ins/{id}/print}: the summary, and the browser's print dialog at once. */
    public void print(Context ctx) {
        CheckIn checkIn = requireCheckIn(ctx, checkIns, pages);
        audit.record(pages.user(ctx).username(), AuditAction.PRINT, checkIn.publicId(), null);
        pages.render(ctx, Templates.staffSummary(summaryPage(ctx, checkIn, false, true)));
    }

    /** {@code /staff/check-ins/{id}/pdf}: the same summary as a PDF download. */
    public void pdf(Context ctx) {
        CheckIn checkIn = requireCheckIn(ctx, checkIns, pages);
        audit.record(pages.user(ctx).username(), AuditAction.EXPORT_PDF, checkIn.publicId(), null);
        byte[] pdf = SummaryPdf.render(pages.pages().html(
                Templates.staffSummary(summaryPage(ctx, checkIn, true, false))));
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(checkIn) + ".pdf\"");
        ctx.result(pdf);
    }

    /** {@code POST /staff/check-ins/{id}/reviewed}. */
    public void markReviewed(Context ctx) {
        String id = publicId(ctx);
        if (!checkIns.markReviewed(id, clock.instant(), audit.entry(pages.user(ctx).username(), AuditAction.MARK_REVIEWED,
                id, null))) {
            throw new NotFoundResponse("no-such-check-in");
        }
        ctx.redirect(url(id), HttpStatus.SEE_OTHER);
    }

    private SummaryPage summaryPage(Context ctx, CheckIn checkIn, boolean pdf, boolean autoPrint) {
        return SummaryView.of(checkIn, pages.texts(), pages.config().clinicName(), clock.getZone(), url(checkIn.publicId()),
                pdf, autoPrint, pdf ? null : pages.page(ctx, "staff.list.title").withTitle(
                        pages.texts().get("staff.summary.title", checkIn.number())));
    }

    /** The check-in named in the path: 400 when the id is malformed, 404 when there is no such check-in. */
    /**
     * The check-in the address names: this site's, or another site's for a member who may see every site's (to
     * anyone else, another site's check-in is not there).
     */
    static CheckIn requireCheckIn(Context ctx, CheckInRepository checkIns, StaffPages pages) {
        return checkIns.find(publicId(ctx))
                .filter(c -> c.site().equals(checkIns.site()) || pages.mayViewAllSites(ctx))
                .orElseThrow(() -> new NotFoundResponse("no-such-check-in"));
    }

    static String publicId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!PUBLIC_ID.matcher(id).matches()) {
            throw new BadRequestResponse("malformed-check-in-id");
        }
        return id;
    }

    /** A download's file name: day and number, nothing about the patient. */
    static String fileName(CheckIn checkIn) {
        return "check-in-" + checkIn.day() + "-" + checkIn.number();
    }

    static String url(String publicId) {
        return "/staff/check-ins/" + publicId;
    }

    /** No check-in can be older than the kiosk itself. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    private static LocalDate day(String param, LocalDate today) {
        if (param == null || param.isBlank()) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(param);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse("malformed-day");
        }
        // A day the kiosk can hold a check-in for: anything else is a typing slip (or a probe), not a 500.
        if (day.isBefore(FIRST_DAY) || day.isAfter(today.plusDays(1))) {
            throw new BadRequestResponse("day-out-of-range");
        }
        return day;
    }
}
