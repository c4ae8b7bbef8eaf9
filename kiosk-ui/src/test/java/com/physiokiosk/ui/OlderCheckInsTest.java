package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.storage.Database;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A clinic upgrading the kiosk: check-ins stored before the visit moved into the engine (schema 4: no
 * "About you", a topic's own pain score, advice shown even beside an urgent finding) are migrated and
 * still show, list and print as they did.
 */
@DisplayName("Check-ins stored before the engine-owned visit")
class OlderCheckInsTest {

    @Test
    void aCheckInOfTheOldShapeStillShowsAndPrintsAsItDid() throws Exception {
        Path data = Files.createTempDirectory("kiosk-old-data");
        String url = "jdbc:sqlite:" + data.resolve(Database.FILE_NAME);
        Flyway.configure().dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite").target("4").load().migrate();
        LocalDate today = LocalDate.now();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO check_in (id, public_id, day, number, created_at, language, display_name, urgent)"
                    + " VALUES (1, '0123456789abcdef0123456789abcdef', '" + today + "', 1, '" + Instant.now()
                    + "', 'en', 'Olga', 1)");
            st.execute("INSERT INTO topic_response (id, check_in_id, position, topic_id, plugin_id, plugin_version,"
                    + " topic_title) VALUES (1, 1, 0, 'safety', 'host', '1.0.0', 'A few safety questions'),"
                    + " (2, 1, 1, 'cramps', 'cramps', '0.1.0', 'Back cramps')");
            st.execute("INSERT INTO answer (topic_response_id, position, link_id, question_text, answer_values,"
                    + " display_value, question_type) VALUES"
                    + " (1, 0, 'fever', 'Do you have a fever?', 'yes', 'Yes', 'YES_NO'),"
                    + " (2, 0, 'pain-score', 'How bad is the pain right now?', '6', '6 out of 10', 'SCALE_0_10'),"
                    + " (2, 1, 'trigger', 'What started it?', 'lifting', 'Lifting something heavy', 'MULTI_CHOICE')");
            st.execute("INSERT INTO finding (topic_response_id, position, rule_id, severity, patient_text,"
                    + " clinician_text, triggered_by, source) VALUES"
                    + " (1, 0, 'fever', 'URGENT', NULL, 'Fever with back pain: consider infection.', 'fever', 'NICE NG59'),"
                    + " (2, 0, 'advice-heat', 'ADVICE', 'Try a warm bath.', 'Heat advised.', 'pain-score', 'seed 003')");
        }
        try (TestKiosk kiosk = TestKiosk.start(TestKiosk.BUILT_PLUGINS,
                Map.of("KIOSK_DATA_DIR", data.toString(), "KIOSK_ADMIN_PASSWORD", TestKiosk.ADMIN_PASSWORD),
                Clock.systemDefaultZone())) {
            CheckIn old = kiosk.app.checkIns().find("0123456789abcdef0123456789abcdef").orElseThrow();
            assertTrue(old.finished(), "stored whole, as every check-in was then");
            assertTrue(old.topics().stream().allMatch(t -> t.finished()));
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser staff = TestKiosk.admin(server.port());
                String list = staff.page("/staff/check-ins").body();
                assertTrue(list.contains("Olga") && list.contains("URGENT"), list);
                assertFalse(list.contains("Not finished"));
                assertTrue(list.contains("6/10"), "the topic's own pain score, at a glance");

                String page = staff.page("/staff/check-ins/" + old.publicId()).body();
                assertTrue(page.contains("<span class=\"score\">6/10</span>"), "the pain score on top, as before");
                assertTrue(page.contains("Shown to the patient") && page.contains("Try a warm bath."),
                        "the advice it showed then is listed as shown");
                assertFalse(page.contains("Not shown to the patient"));
                assertTrue(page.contains("Fever with back pain: consider infection."));
                assertTrue(page.contains("Do you have a fever?"), "a safety answer of yes, in the table");

                HttpResponse<byte[]> pdf = staff.bytes("/staff/check-ins/" + old.publicId() + "/pdf");
                assertEquals(200, pdf.statusCode());
                try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                    assertEquals(1, doc.getNumberOfPages());
                    String text = new PDFTextStripper().getText(doc);
                    assertTrue(text.contains("Olga") && text.contains("6/10") && text.contains("Try a warm bath."), text);
                }
            });
        }
    }
}
