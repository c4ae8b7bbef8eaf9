package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.storage.Dialect;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one-page summary: urgent and consult findings first, then the pain score, then only the
 * questions asked, by topic, with what the patient was shown and the plugin versions; printed
 * from the browser and downloaded as a PDF with the same content.
 */
@DisplayName("One-page summary, print and PDF")
@ParameterizedClass(name = "on {0}")
@EnumSource(Dialect.class)
class SummaryTest {

    /** The database the kiosk keeps its data in: every test here runs on SQLite and on PostgreSQL. */
    @Parameter
    Dialect dialect;

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin(dialect);
    }

    @AfterEach
    void stop() {
        if (kiosk != null) { // none when the test was skipped before starting one (no PostgreSQL for it)
            kiosk.close();
        }
    }

    /** A red flag on the safety screen and a severe, period-linked cramp. */
    private CheckIn urgentVisit(int port) {
        PatientFlowTest.walk(new Browser(port), "en", "Ben O'Neil",
                Map.of("saddle-numbness", "yes", "about/fact.pain-now", "8"), PatientFlowTest.severeCramps());
        return kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
    }

    private static StoredFinding finding(CheckIn c, String ruleId) {
        return c.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst().orElseThrow(
                () -> new AssertionError("no finding " + ruleId));
    }

    private static String html(String text) {
        return PatientFlowTest.escapeHtml(text);
    }

    @Test
    void theSummaryPutsFindingsFirstThenPainThenOnlyTheQuestionsAsked() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            CheckIn c = urgentVisit(server.port());
            HttpResponse<String> r = TestKiosk.admin(server.port()).page("/staff/check-ins/" + c.publicId());
            assertEquals(200, r.statusCode());
            String page = r.body();

            int urgent = page.indexOf("Urgent: see the patient now");
            int consult = page.indexOf("For the consult");
            int notes = page.indexOf(">Notes<");
            int pain = page.indexOf(">Pain score<");
            int answers = page.indexOf(html("Do you have numbness or tingling around your genitals, bottom or inner thighs?"));
            int told = page.indexOf("Not shown to the patient");
            int answersEnd = page.indexOf("Answered no (11)");
            int versions = page.indexOf("Questionnaires:");
            assertTrue(urgent > 0 && urgent < consult && consult < notes && notes < told && told < pain
                    && pain < answers && answers < answersEnd && answersEnd < versions,
                    "order: " + List.of(urgent, consult, notes, told, pain, answers, answersEnd, versions));

            assertTrue(page.contains(html(finding(c, "saddle-numbness").clinicianText())));
            assertTrue(page.contains(html(finding(c, "severe-pain").clinicianText())));
            assertTrue(page.contains(html(finding(c, "menstrual-link").clinicianText())), "the INFO note");
            assertTrue(page.contains("GIRFT"), "the source the urgent finding rests on");
            assertTrue(page.contains("<span class=\"score\">8/10</span>"), "the pain score, prominent");
            assertTrue(page.contains(html(finding(c, "advice-heat").clinicianText())),
                    "every fired rule's clinician text, advice too");
            assertTrue(page.contains("Ben O'Neil"), "the name");
            assertTrue(page.contains(">URGENT<"));

            assertTrue(page.contains(html("Do the cramps tend to come around the time of your period?")), "asked: shown");
            assertFalse(page.contains("How many weeks pregnant are you?"), "skipped: left out");
            assertFalse(page.contains("A few questions about your back cramps"), "an information screen is no answer");
            String painNow = "How bad is your pain right now?";
            assertEquals(page.indexOf(painNow), page.lastIndexOf(painNow), "the pain score is shown once, on top");
            assertTrue(page.contains("Answered no (11)"), "the safety questions answered no, on one line");
            assertTrue(page.contains("<tr class=\"red-flag\"><th scope=\"row\">"
                    + html("Do you have numbness or tingling around your genitals, bottom or inner thighs?")),
                    "the red-flag answer highlighted");
            StoredAnswer trigger = c.topics().get(2).answers().get(0);
            assertTrue(page.contains(html(trigger.displayValue())), "answers as the staff read them");

            assertFalse(page.contains(html(finding(c, "advice-heat").patientText())),
                    "the advice the urgent patient was not shown is not listed as shown");
            assertTrue(page.contains("Back cramps (cramps 0.1.0-SNAPSHOT)"), "plugin versions");
            assertTrue(page.contains("(host " + com.physiokiosk.api.PluginApi.VERSION + ")"));
            assertTrue(page.contains("/staff/check-ins/" + c.publicId() + "/fhir/cramps"), "FHIR download");
            assertTrue(page.contains("<link rel=\"stylesheet\" href=\"" + com.physiokiosk.ui.view.Assets.url("summary.css")
                    + "\" />"));
            assertEquals(AuditAction.VIEW, kiosk.app.audit().latest(1).get(0).action());
        });
    }

    @Test
    void theSummaryIsWellFormedXhtmlForThePdf() throws Exception {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            CheckIn c = urgentVisit(server.port());
            String page = TestKiosk.admin(server.port()).page("/staff/check-ins/" + c.publicId()).body();
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            assertNotNull(f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(page))),
                    "the page parses as XML, as openhtmltopdf needs");
        });
    }

    @Test
    void printingOpensThePrintDialogOnAOnePagePrintStyleSheet() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            CheckIn c = urgentVisit(server.port());
            Browser staff = TestKiosk.admin(server.port());
            String print = staff.page("/staff/check-ins/" + c.publicId() + "/print").body();
            assertTrue(print.contains("data-autoprint=\"yes\""));
            assertTrue(print.contains("class=\"toolbar\""), "the toolbar is there on screen...");
            String css = staff.get("/assets/summary.css").body();
            assertTrue(css.contains("@media print") && css.contains(".toolbar { display: none; }"), "...and hidden on paper");
            assertTrue(css.contains("@page { margin: 12mm; }"), "margins that fit both A4 and Letter");
            assertTrue(staff.get("/assets/staff.js").body().contains("window.print()"));
            AuditEntry last = kiosk.app.audit().latest(1).get(0);
            assertEquals(AuditAction.PRINT, last.action());
            assertEquals(c.publicId(), last.checkInId());
        });
    }

    @Test
    void thePdfIsOnePageWithTheFindingsAnswersAndPainScore() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            CheckIn c = urgentVisit(server.port());
            HttpResponse<byte[]> r = TestKiosk.admin(server.port()).bytes("/staff/check-ins/" + c.publicId() + "/pdf");
            assertEquals(200, r.statusCode());
            assertEquals("application/pdf", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals("attachment; filename=\"check-in-" + c.day() + "-" + c.number() + ".pdf\"",
                    r.headers().firstValue("Content-Disposition").orElse(""), "no patient data in the file name");
            try (PDDocument pdf = Loader.loadPDF(r.body())) {
                // Kept for a reviewer to look at (pdftoppm renders it).
                java.nio.file.Files.write(java.nio.file.Path.of("target", "summary-urgent.pdf"), r.body());
                assertEquals(1, pdf.getNumberOfPages(), "one page");
                String text = flat(new PDFTextStripper().getText(pdf));
                assertTrue(text.contains("Ben O'Neil"), text);
                assertTrue(text.contains("URGENT"));
                for (StoredFinding f : c.findings()) {
                    if (f.severity() != Severity.ADVICE) {
                        assertTrue(text.contains(flat(f.clinicianText())), "finding " + f.ruleId() + " in: " + text);
                    }
                }
                assertTrue(text.contains("8/10"));
                for (TopicResponse t : c.topics()) {
                    for (StoredAnswer a : t.answers()) {
                        // The pain scores are in the pain box; the pain drawing is drawn (PainDrawingSummaryTest).
                        if (!a.linkId().startsWith("fact.peg-") && !a.linkId().equals(Facts.PAIN_NOW)
                                && !a.linkId().equals(Facts.PAIN_AREAS)) {
                            assertTrue(text.contains(flat(a.questionText())), a.linkId() + " question in: " + text);
                            assertTrue(text.contains(flat(a.displayValue())), a.linkId() + " answer");
                        }
                    }
                }
                assertTrue(text.contains("PEG over the past week"), "the PEG items, in the pain box");
                assertFalse(text.contains("How many weeks pregnant"), "skipped question left out");
                assertFalse(text.contains("Mark as reviewed"), "no screen buttons in the PDF");
                assertTrue(text.contains("cramps 0.1.0-SNAPSHOT"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertEquals(AuditAction.EXPORT_PDF, kiosk.app.audit().latest(1).get(0).action());
        });
    }

    @Test
    void markingReviewedIsShownAndAudited() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            CheckIn c = urgentVisit(server.port());
            Browser staff = kiosk.staffMember(server.port(), "maria");
            String before = staff.page("/staff/check-ins/" + c.publicId()).body();
            assertTrue(before.contains("Mark as reviewed") && before.contains("Not reviewed"));
            HttpResponse<String> marked = staff.post("/staff/check-ins/" + c.publicId() + "/reviewed");
            assertEquals("/staff/check-ins/" + c.publicId(), Browser.location(marked));
            String after = staff.page("/staff/check-ins/" + c.publicId()).body();
            assertFalse(after.contains("Mark as reviewed"));
            assertTrue(after.contains("Reviewed "));
            assertNotNull(kiosk.app.checkIns().find(c.publicId()).orElseThrow().reviewedAt());
            assertTrue(kiosk.app.audit().latest(5).stream().anyMatch(e -> e.action() == AuditAction.MARK_REVIEWED
                    && e.username().equals("maria") && c.publicId().equals(e.checkInId())));
        });
    }

    @Test
    void aCheckInFromAPluginSinceRemovedStillShowsPrintsAndExports() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            CheckIn old = kiosk.app.checkIns().insert(LocalDate.now(), Instant.now(), "en", "Iris", List.of(
                    new TopicResponse("old-topic", "old-plugin", "2.3.4", "A retired topic",
                            List.of(new StoredAnswer("how-long", null, "How long has it hurt?", List.of("weeks"), "For weeks")),
                            List.of(new StoredFinding("long-pain", Severity.CONSULT, null, "Pain for weeks: assess.",
                                    List.of("how-long"), "Retired seed 999")))));
            Browser staff = TestKiosk.admin(server.port());
            String page = staff.page("/staff/check-ins/" + old.publicId()).body();
            assertTrue(page.contains("How long has it hurt?") && page.contains("For weeks"));
            assertTrue(page.contains("Pain for weeks: assess.") && page.contains("A retired topic (old-plugin 2.3.4)"));
            HttpResponse<byte[]> pdf = staff.bytes("/staff/check-ins/" + old.publicId() + "/pdf");
            assertEquals(200, pdf.statusCode());
            HttpResponse<String> fhir = staff.get("/staff/check-ins/" + old.publicId() + "/fhir/old-topic");
            assertEquals(200, fhir.statusCode());
            assertTrue(fhir.body().contains("\"valueString\" : \"For weeks\""), fhir.body());
        });
    }

    /** Text with every run of white space made one space, as a PDF's line breaks fall anywhere. */
    static String flat(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
