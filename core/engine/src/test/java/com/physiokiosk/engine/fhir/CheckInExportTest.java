package com.physiokiosk.engine.fhir;

import com.physiokiosk.engine.storage.OnBothDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.safety.SafetyScreen;
import com.physiokiosk.engine.storage.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check-in's findings and the kiosk in its Bundle: what a record system files must not merge or mislead. */
@DisplayName("A check-in's Bundle: findings and the kiosk")
class CheckInExportTest extends OnBothDatabases {

    @TempDir
    Path dir;

    @Test
    void aWithdrawnUrgentFindingIsInactiveFindingsAreTheirCheckInsAndTheKioskIsOneDevice() {
        try (Database db = openDatabase(dir)) {
            QuestionnaireArchive archive = new QuestionnaireArchive(db, new ObjectMapper(), Clock.systemUTC(),
                    "https://clinic.example.org/fhir");
            String version = archive.keep(SafetyScreen.load());
            CheckInExport export = new CheckInExport(new ObjectMapper(), archive, "1.0.0", "kiosk-1");
            JsonNode changed = export.bundle(checkIn("0123456789abcdef0123456789abcdef", version, true));
            JsonNode standing = export.bundle(checkIn("fedcba9876543210fedcba9876543210", version, false));

            assertEquals("inactive", only(changed, "Flag").path("status").asText(), "the patient changed that answer");
            assertEquals("active", only(standing, "Flag").path("status").asText());
            assertNotEquals(only(changed, "Flag").path("identifier").get(0).path("value").asText(),
                    only(standing, "Flag").path("identifier").get(0).path("value").asText(),
                    "the same rule in two check-ins: two findings, never one");
            assertEquals("safety/fever", only(standing, "Flag").path("meta").path("tag").get(0).path("code").asText());
            assertEquals(fullUrl(changed, "Device"), fullUrl(standing, "Device"), "one kiosk, one Device");
            assertEquals("kiosk-1", only(standing, "Device").path("identifier").get(0).path("value").asText());
        }
    }

    private static CheckIn checkIn(String publicId, String version, boolean withdrawn) {
        return new CheckIn(publicId, LocalDate.of(2026, 11, 1), 1, Instant.parse("2026-11-01T09:00:00Z"), "en", null,
                !withdrawn, null, List.of(new TopicResponse("safety", "host", "2.0.0", "Safety", List.of(
                        new StoredAnswer("fever", com.physiokiosk.api.QuestionType.YES_NO, "Fever?",
                                List.of(withdrawn ? "no" : "yes"), withdrawn ? "No" : "Yes")),
                List.of(new StoredFinding("fever", Severity.URGENT, "Speak to reception.", "Fever: infection?",
                        List.of("fever"), "NICE NG59", withdrawn)), true, false, version)), true, null);
    }

    private static JsonNode only(JsonNode bundle, String type) {
        List<JsonNode> found = new ArrayList<>();
        bundle.path("entry").forEach(e -> {
            if (type.equals(e.path("resource").path("resourceType").asText())) {
                found.add(e.path("resource"));
            }
        });
        assertEquals(1, found.size(), type);
        return found.get(0);
    }

    private static String fullUrl(JsonNode bundle, String type) {
        for (JsonNode e : bundle.path("entry")) {
            if (type.equals(e.path("resource").path("resourceType").asText())) {
                return e.path("fullUrl").asText();
            }
        }
        throw new AssertionError("no " + type);
    }
}
