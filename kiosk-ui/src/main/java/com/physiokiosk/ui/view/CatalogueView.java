package com.physiokiosk.ui.view;

import com.physiokiosk.engine.catalogue.RulesCatalogue;
import com.physiokiosk.engine.plugins.KioskPluginManager;
import com.physiokiosk.engine.topic.TopicCatalog;
import com.physiokiosk.ui.view.Views.CataloguePage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the clinical rules catalogue page from the sections running at this moment: the engine generates the
 * catalogue itself ({@link RulesCatalogue}), in the staff language; this adds what it was made from and when.
 */
public final class CatalogueView {

    /** The catalogue's own style sheet, inlined into the PDF (a PDF cannot fetch it). */
    private static final String CSS = SummaryView.resource("/public/catalogue.css");

    private CatalogueView() {
    }

    /**
     * @param running the host's sections and the topics switched on now
     * @param page    the staff page (its texts are in the staff language)
     * @param today   the clinic's date
     * @param pdf     for the PDF: a standalone page, the style sheet inline
     */
    public static CataloguePage of(TopicCatalog running, Page page, String clinicName, LocalDate today, boolean pdf) {
        Texts t = page.t();
        RulesCatalogue catalogue = RulesCatalogue.of(running, t.language());
        return new CataloguePage(page, clinicName, catalogue, SummaryView.date(today, t), versions(catalogue, t), pdf,
                pdf ? CSS : "");
    }

    /** What a catalogue was made from: the kiosk (its plugin API), then each topic with its plugin and version. */
    static List<String> versions(RulesCatalogue catalogue, Texts t) {
        List<String> out = new ArrayList<>();
        out.add(t.get("staff.catalogue.kiosk", com.physiokiosk.api.PluginApi.VERSION));
        catalogue.sections().stream().filter(s -> !s.host())
                .forEach(s -> out.add(t.get("staff.catalogue.plugin", s.title(), s.pluginId(), s.pluginVersion())));
        return out;
    }

    /** The same, for an audit line: plugin ids and versions only, in no particular language. */
    public static String versionsForAudit(CataloguePage page) {
        List<String> out = new ArrayList<>();
        out.add("kiosk " + com.physiokiosk.api.PluginApi.VERSION);
        page.catalogue().sections().stream().filter(s -> !s.host())
                .forEach(s -> out.add(s.pluginId() + " " + s.pluginVersion()));
        return String.join(", ", out);
    }
}
