package com.physiokiosk.ui.web;

import com.physiokiosk.engine.catalogue.RulesCatalogue;
import com.physiokiosk.engine.topic.TopicCatalog;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.ui.view.CatalogueView;
import com.physiokiosk.ui.view.SummaryPdf;
import com.physiokiosk.ui.view.Templates;
import com.physiokiosk.ui.view.Views.CataloguePage;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The clinical rules catalogue, for the admin who signs the kiosk's clinical content off (the clinical lead):
 * generated on each request from the sections running now, as a page and as a PDF download. Both are in the
 * audit log with the versions they were made from, so a signature can be matched to what was signed.
 */
public final class CatalogueController {

    private final TopicCatalog running;
    private final AuditLog audit;
    private final StaffPages pages;
    private final Clock clock;
    /**
     * A cache of the last PDF made, keyed by everything it shows. Making one takes one to three seconds (60-odd A4
     * pages), and MalformedRequestsTest, which asks for it a hundred times or so, went from 22 s to 50 s without
     * this cache and ran in 33 s with it (one shared 2-core machine, so rough figures). The catalogue itself is
     * generated on every request and compared with the key, so a plugin switched on or off, a new version, another
     * clinic name, language or day makes a new PDF at once.
     */
    private volatile Rendered lastPdf;

    /** Everything the PDF shows: two equal keys make the same PDF. */
    private record PdfKey(String language, String clinicName, String generatedOn, List<String> versions,
                          RulesCatalogue catalogue) {
    }

    private record Rendered(PdfKey key, byte[] pdf) {
    }

    public CatalogueController(TopicCatalog running, AuditLog audit, StaffPages pages, Clock clock) {
        this.running = running;
        this.audit = audit;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code GET /staff/admin/catalogue}. */
    public void page(Context ctx) {
        CataloguePage page = catalogue(ctx, false);
        audit.record(pages.user(ctx).username(), AuditAction.CATALOGUE_VIEWED, null, CatalogueView.versionsForAudit(page));
        pages.render(ctx, Templates.staffCatalogue(page));
    }

    /** {@code GET /staff/admin/catalogue/pdf}: the same as an A4 PDF, named by the day it was made. */
    public void pdf(Context ctx) {
        CataloguePage page = catalogue(ctx, true);
        PdfKey key = new PdfKey(page.t().language(), page.clinicName(), page.generatedOn(), page.versions(),
                page.catalogue());
        Rendered last = lastPdf;
        byte[] pdf;
        if (last != null && last.key().equals(key)) {
            pdf = last.pdf();
        } else {
            pdf = SummaryPdf.render(pages.pages().html(Templates.staffCatalogue(page)));
            lastPdf = new Rendered(key, pdf);
        }
        audit.record(pages.user(ctx).username(), AuditAction.CATALOGUE_EXPORTED, null, CatalogueView.versionsForAudit(page));
        ctx.contentType("application/pdf");
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(LocalDate.now(clock)) + "\"");
        ctx.result(pdf);
    }

    /** The download's name: the day, nothing else. */
    static String fileName(LocalDate day) {
        return "rules-catalogue-" + day + ".pdf";
    }

    private CataloguePage catalogue(Context ctx, boolean pdf) {
        return CatalogueView.of(running, pages.page(ctx, "staff.catalogue.title"), pages.config().clinicName(),
                LocalDate.now(clock), pdf);
    }
}
