package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Symptom;
import com.physiokiosk.engine.catalogue.RulesCatalogue;
import com.physiokiosk.engine.catalogue.RulesCatalogue.SymptomRow;
import com.physiokiosk.engine.catalogue.RulesCatalogue.SymptomUse;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The clinical rules catalogue over HTTP, with the five shipped topic plugins: a page and a PDF for admins, made
 * from the sections running now, holding every question and rule, both languages, and the "same symptom, same
 * severity" table; both in the audit log.
 */
@DisplayName("Clinical rules catalogue")
class RulesCatalogueTest {

    /** 2 March 2026, 10:00 in London. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneId.of("Europe/London"));

    private TestKiosk kiosk;

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private TestKiosk start(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("KIOSK_ADMIN_PASSWORD", TestKiosk.ADMIN_PASSWORD);
        return TestKiosk.start(TestKiosk.BUILT_PLUGINS, all, CLOCK);
    }

    /** The host's sections, then every topic running: what the catalogue must hold. */
    private List<LoadedTopic> running() {
        List<LoadedTopic> all = new ArrayList<>();
        all.add(kiosk.app.host().safety());
        all.add(kiosk.app.host().about());
        all.addAll(kiosk.app.host().topics());
        return all;
    }

    private List<AuditEntry> audit(AuditAction action) {
        return kiosk.app.audit().latest(100).stream().filter(e -> e.action() == action).toList();
    }

    @Test
    @DisplayName("an admin sees every question and every rule of every running section, with versions and date")
    void anAdminSeesEveryQuestionAndRule() {
        kiosk = start(Map.of());
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            assertEquals(5, kiosk.app.host().topics().size(), "the five shipped topics run");
            Browser admin = TestKiosk.admin(server.port());
            HttpResponse<String> r = admin.page("/staff/admin/catalogue");
            assertEquals(200, r.statusCode(), r.body());
            String page = r.body();
            // Kept for a reviewer to look at in a browser.
            Files.writeString(Path.of("target", "rules-catalogue.html"), page);
            assertTrue(page.contains("<h1>Clinical rules catalogue</h1>"), page);
            assertTrue(page.contains("href=\"/staff/admin/catalogue\""), "in the admin's staff header");
            assertTrue(page.contains("href=\"/staff/admin/catalogue/pdf\""), "offers the PDF");
            assertTrue(page.contains("Generated on " + com.physiokiosk.ui.view.SummaryView.date(
                    java.time.LocalDate.of(2026, 3, 2), com.physiokiosk.ui.view.Texts.in("en"))), "the day it was made");
            assertTrue(page.contains("the kiosk (plugin API " + com.physiokiosk.api.PluginApi.VERSION + ")"), "the kiosk's version");
            int rules = 0;
            for (LoadedTopic section : running()) {
                assertTrue(page.contains("id=\"section-" + section.id() + "\""), section.id());
                assertTrue(page.contains("<a href=\"#section-" + section.id() + "\">"), "in the contents: " + section.id());
                if (!section.pluginId().equals("host")) {
                    assertTrue(page.contains("(plugin " + section.pluginId() + " " + section.pluginVersion() + ")"),
                            "made from " + section.pluginId() + " " + section.pluginVersion());
                }
                for (Question q : section.questions()) {
                    assertTrue(page.contains("id=\"q-" + section.id() + "-" + q.linkId() + "\""), section.id() + "/" + q.linkId());
                }
                for (Rule rule : section.rules()) {
                    assertTrue(page.contains("id=\"rule-" + section.id() + "-" + rule.id() + "\""), section.id() + "/" + rule.id());
                    rules++;
                }
            }
            assertTrue(rules > 100, rules + " rules");
            // Skip logic and conditions in words, naming questions by their text and shared facts by About you.
            assertTrue(page.contains("Asked only when: “Did your back pain start after a small fall, or after lifting"
                    + " something?” is Yes"), "the safety screen's thin-bones question");
            assertTrue(page.contains("“How old are you?” (About you) is one of: 50 to 64, 65 or over"));
            assertTrue(page.contains("<strong>When:</strong> “Do you have a fever, shivers, or feel very unwell with your"
                    + " back pain?” is Yes"), "the fever red flag in words");
            assertTrue(page.contains("href=\"https://www.nice.org.uk/guidance/ng234\""), "a source's link");
            assertFalse(page.contains("MISMATCH"), "the shipped plugins follow the severity policy");

            AuditEntry viewed = audit(AuditAction.CATALOGUE_VIEWED).get(0);
            assertEquals("admin", viewed.username());
            assertTrue(viewed.detail().startsWith("kiosk " + com.physiokiosk.api.PluginApi.VERSION + ", "), viewed.detail());
            for (LoadedTopic topic : kiosk.app.host().topics()) {
                assertTrue(viewed.detail().contains(topic.pluginId() + " " + topic.pluginVersion()), viewed.detail());
            }
        });
    }

    @Test
    @DisplayName("the texts of every question and rule in every language, English and Spanish")
    void bothLanguagesAppear() {
        kiosk = start(Map.of());
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            String page = TestKiosk.admin(server.port()).page("/staff/admin/catalogue").body();
            assertTrue(page.contains("<th scope=\"row\">English</th>") && page.contains("<th scope=\"row\">Español</th>"));
            assertTrue(page.contains("lang=\"es\""));
            // Texts as jte escapes them in HTML; the PDF test below checks them all unescaped.
            for (LoadedTopic section : running()) {
                for (String lang : Languages.SUPPORTED) {
                    String title = section.messages().find(lang, section.info().titleKey()).orElseThrow();
                    if (lang.equals("en")) {
                        assertTrue(page.contains(escaped(title)), title);
                    }
                    Question first = section.questions().get(0);
                    String text = section.messages().find(lang, first.textKey()).orElseThrow();
                    assertTrue(page.contains(escaped(text)), section.id() + " in " + lang + ": " + text);
                }
            }
        });
    }

    @Test
    @DisplayName("the words follow the staff language: Spanish when the clinic's default language is Spanish")
    void inTheStaffLanguage() {
        kiosk = start(Map.of("KIOSK_LANGUAGES", "es,en"));
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            String page = TestKiosk.admin(server.port()).page("/staff/admin/catalogue").body();
            assertTrue(page.contains("<h1>Catálogo de reglas clínicas</h1>"), page);
            assertTrue(page.contains("Mismo síntoma, misma gravedad"));
            assertTrue(page.contains("Generado el 2 mar 2026"), "the date in Spanish");
            assertTrue(page.contains("<strong>Cuándo:</strong> «¿Tiene fiebre, escalofríos o se siente muy mal, además del"
                    + " dolor de espalda?» es Sí"), "conditions in Spanish");
            assertTrue(page.contains(">URGENTE<") && page.contains(">CONSULTA<"));
            assertTrue(page.contains("<th scope=\"row\">English</th>"), "texts still in every language");
        });
    }

    @Test
    @DisplayName("staff who are not admins, and visitors, are refused the page and the PDF")
    void onlyAdmins() {
        kiosk = start(Map.of());
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            TestKiosk.admin(server.port());
            Browser staff = kiosk.staffMember(server.port(), "reception");
            assertFalse(staff.page("/staff/check-ins").body().contains("/staff/admin/catalogue"), "no link for staff");
            for (String path : List.of("/staff/admin/catalogue", "/staff/admin/catalogue/pdf")) {
                HttpResponse<String> refused = staff.page(path);
                assertEquals(403, refused.statusCode(), path);
                assertTrue(refused.body().contains("This page is for admins only."), refused.body());
                HttpResponse<String> visitor = new Browser(server.port()).page(path);
                assertNotEquals(200, visitor.statusCode(), path);
                assertFalse(visitor.body().contains("%PDF") || visitor.body().contains("Clinical rules catalogue</h1>"));
            }
            assertEquals(List.of(), audit(AuditAction.CATALOGUE_VIEWED));
            assertEquals(List.of(), audit(AuditAction.CATALOGUE_EXPORTED));
        });
    }

    @Test
    @DisplayName("same symptom, same severity: the shipped plugins and the kiosk rate every symptom as the policy does")
    void theSymptomTableIsConsistentForTheShippedPlugins() {
        kiosk = start(Map.of());
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            RulesCatalogue catalogue = RulesCatalogue.of(kiosk.app.host(), "en");
            for (SymptomRow row : catalogue.symptoms()) {
                assertTrue(row.consistent(), row.symptom() + ": " + row.uses());
            }
            assertEquals(List.of("safety/both-legs", "about/drawing-both-legs", "stretching/nerve-both-legs",
                    "postpartum/nerve-both-legs", "sleep/nerve-both-legs"), uses(catalogue, Symptom.BOTH_LEGS));
            assertEquals(List.of("safety/leg-weakening", "stretching/nerve-getting-worse",
                    "postpartum/nerve-getting-worse", "sleep/nerve-getting-worse"), uses(catalogue, Symptom.LEG_WEAKENING));
            assertEquals(List.of("about/drawing-one-leg-below-knee", "stretching/nerve-symptoms", "stretching/leg-weakness",
                    "postpartum/leg-nerve-signs", "sleep/leg-symptoms"), uses(catalogue, Symptom.ONE_LEG),
                    "one leg: CONSULT in every topic, the pain drawing's too");
            assertEquals(List.of("safety/saddle-numbness", "sexual-activity/genital-numbness"), uses(catalogue, Symptom.SADDLE));
            assertEquals(List.of("safety/bladder", "sexual-activity/new-bladder-trouble"), uses(catalogue, Symptom.BLADDER));
            assertEquals(List.of("safety/night-pain", "postpartum/night-pain-no-position", "sleep/night-pain-unrelieved"),
                    uses(catalogue, Symptom.NIGHT_PAIN_NO_POSITION));
            assertEquals(List.of("postpartum/sudden-severe-pain", "sleep/sudden-severe-pain"),
                    uses(catalogue, Symptom.SUDDEN_SEVERE_PAIN), "sudden severe pain alone: a consult, not a red flag");
            assertEquals(List.of("postpartum/possible-vertebral-fracture", "sleep/possible-fracture"),
                    uses(catalogue, Symptom.SUDDEN_SEVERE_PAIN_WITH_FRACTURE_RISK));
            assertEquals(List.of("about/severe-pain"), uses(catalogue, Symptom.SEVERE_PAIN));
            // Every red flag of the safety screen names its symptom, so none is missing from the table.
            for (Rule r : kiosk.app.host().safety().rules()) {
                assertTrue(r.symptom() != null, "safety/" + r.id());
            }
            for (Symptom s : Symptom.values()) {
                for (SymptomUse u : catalogue.symptom(s).uses()) {
                    assertEquals(s.severity(), u.severity(), u.sectionId() + "/" + u.ruleId());
                }
            }

            String page = TestKiosk.admin(server.port()).page("/staff/admin/catalogue").body();
            for (Symptom s : Symptom.values()) {
                assertTrue(page.contains("<tr class=\"consistent\" data-symptom=\"" + s.name() + "\">"), s.name());
            }
        });
    }

    @Test
    @DisplayName("the PDF: A4, many pages, every rule id and every clinician text in both languages, dated file name")
    void thePdfHoldsEveryRuleInBothLanguages() throws IOException {
        kiosk = start(Map.of());
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser admin = TestKiosk.admin(server.port());
            long started = System.nanoTime();
            HttpResponse<byte[]> r = admin.bytes("/staff/admin/catalogue/pdf");
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(200, r.statusCode());
            assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals("attachment; filename=\"rules-catalogue-2026-03-02.pdf\"",
                    r.headers().firstValue("Content-Disposition").orElse(""));
            // Kept for a reviewer to look at (pdftoppm renders it); the time is for the report, not a check.
            Files.write(Path.of("target", "rules-catalogue.pdf"), r.body());
            System.out.println("rules catalogue PDF: " + r.body().length + " bytes in " + millis + " ms");
            try (PDDocument pdf = Loader.loadPDF(r.body())) {
                assertTrue(pdf.getNumberOfPages() > 10, pdf.getNumberOfPages() + " pages");
                float width = pdf.getPage(0).getMediaBox().getWidth();
                float height = pdf.getPage(0).getMediaBox().getHeight();
                assertEquals(595, Math.round(width), "A4 width in points");
                assertEquals(842, Math.round(height), "A4 height in points");
                String text = new PDFTextStripper().getText(pdf);
                String solid = solid(text);
                assertTrue(text.contains("Clinical rules catalogue"));
                assertTrue(solid.contains(solid("Same symptom, same severity")));
                List<String> missing = new ArrayList<>();
                for (LoadedTopic section : running()) {
                    for (Rule rule : section.rules()) {
                        if (!solid.contains(solid(rule.id()))) {
                            missing.add(section.id() + "/" + rule.id());
                        }
                        for (String lang : Languages.SUPPORTED) {
                            String note = section.messages().find(lang, rule.clinicianKey()).orElseThrow();
                            if (!solid.contains(solid(note))) {
                                missing.add(section.id() + "/" + rule.id() + " clinician text in " + lang);
                            }
                        }
                    }
                }
                assertEquals(List.of(), missing);
            }
            AuditEntry exported = audit(AuditAction.CATALOGUE_EXPORTED).get(0);
            assertEquals("admin", exported.username());
            assertTrue(exported.detail().contains("cramps "), exported.detail());
        });
    }

    @Test
    @DisplayName("generated from what runs: a topic switched off leaves the page and the PDF at once, and comes back")
    void aTopicSwitchedOffLeavesTheCatalogue() {
        kiosk = start(Map.of());
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser admin = TestKiosk.admin(server.port());
            assertTrue(pdfText(admin).contains("advice-replace-mattress"), "the sleep topic's rules");
            admin.page("/staff/admin/topics");
            assertEquals(303, admin.post("/staff/admin/topics/sleep/enabled", "enabled", "false").statusCode());

            String page = admin.page("/staff/admin/catalogue").body();
            assertFalse(page.contains("id=\"section-sleep\""), "gone from the page");
            assertFalse(page.contains("(plugin sleep "), "and from what it was made from");
            String pdf = pdfText(admin);
            assertFalse(pdf.contains("advice-replace-mattress"), "gone from the PDF");
            assertTrue(pdf.contains("advice-stretch-gently"), "the other topics stay");

            admin.page("/staff/admin/topics");
            assertEquals(303, admin.post("/staff/admin/topics/sleep/enabled", "enabled", "true").statusCode());
            assertTrue(pdfText(admin).contains("advice-replace-mattress"), "back at once");
            assertFalse(audit(AuditAction.CATALOGUE_EXPORTED).get(0).detail().isEmpty());
        });
    }

    private static String pdfText(Browser admin) throws IOException {
        HttpResponse<byte[]> r = admin.bytes("/staff/admin/catalogue/pdf");
        assertEquals(200, r.statusCode());
        try (PDDocument pdf = Loader.loadPDF(r.body())) {
            return solid(new PDFTextStripper().getText(pdf));
        }
    }

    private static List<String> uses(RulesCatalogue catalogue, Symptom symptom) {
        return catalogue.symptom(symptom).uses().stream().map(u -> u.sectionId() + "/" + u.ruleId()).toList();
    }

    /** Text with no white space at all: a PDF breaks lines wherever it must. */
    private static String solid(String s) {
        return s.replaceAll("\\s+", "");
    }

    /** A text as jte writes it into HTML. */
    private static String escaped(String s) {
        return s.chars().mapToObj(c -> switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&#34;";
            case '\'' -> "&#39;";
            default -> String.valueOf((char) c);
        }).collect(Collectors.joining());
    }
}
