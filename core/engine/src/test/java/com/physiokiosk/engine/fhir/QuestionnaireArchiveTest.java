package com.physiokiosk.engine.fhir;

import com.physiokiosk.engine.storage.OnBothDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.safety.SafetyScreen;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kept Questionnaire versions never change and one version never names two Questionnaires: a new plugin version,
 * a changed text and a new canonical base each make a new version, and every earlier one stays readable and
 * exportable as it was.
 */
@DisplayName("Kept Questionnaire versions")
class QuestionnaireArchiveTest extends OnBothDatabases {

    private static final String BASE = "https://clinic.example.org/fhir";
    private final ObjectMapper json = new ObjectMapper();
    private Database db;
    private final Clock[] now = {Clock.fixed(Instant.parse("2026-11-01T09:00:00Z"), ZoneOffset.UTC)};
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now[0].instant();
        }
    };

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        db = openDatabase(dir);
    }

    @AfterEach
    void close() {
        if (db != null) { // not opened when the PostgreSQL half is skipped
            db.close();
        }
    }

    @Test
    void theSameQuestionsAreKeptOnceAndTheirDateIsTheFirstKeeping() throws Exception {
        QuestionnaireArchive archive = new QuestionnaireArchive(db, json, clock, BASE);
        LoadedTopic safety = SafetyScreen.load();
        String version = archive.keep(safety);
        now[0] = Clock.offset(now[0], Duration.ofDays(3));
        // A new archive (a restart): the same questions, the same version, the same stored copy.
        QuestionnaireArchive again = new QuestionnaireArchive(db, json, clock, BASE);
        assertEquals(version, again.keep(SafetyScreen.load()));
        assertEquals(1, rows());
        JsonNode kept = json.readTree(again.find("safety", version).orElseThrow().content());
        assertEquals("2026-11-01T09:00:00Z", kept.path("date").asText(), "first kept");
        assertFalse(version.contains("SNAPSHOT"));
        assertTrue(version.matches("\\d+\\.\\d+\\.\\d+\\.[0-9a-f]{12}"), version);
    }

    @Test
    void aNewPluginVersionWithTheSameQuestionsIsANewVersionAndKeepingItWorks() {
        QuestionnaireArchive archive = new QuestionnaireArchive(db, json, clock, BASE);
        LoadedTopic about = AboutYou.load();
        String first = archive.keep(about);
        LoadedTopic released = new LoadedTopic(about.pluginId(), "9.9.9", about.info(), about.questions(), about.rules(),
                about.messages(), about.classLoader(), about.templates());
        String second = archive.keep(released);
        assertTrue(second.startsWith("9.9.9."), second);
        assertNotEquals(first, second);
        assertNotEquals(archive.find("about", first).orElseThrow().resourceId(),
                archive.find("about", second).orElseThrow().resourceId(), "one id, one version");
        assertEquals(2, rows());
        LoadedTopic snapshot = new LoadedTopic(about.pluginId(), "9.9.9-SNAPSHOT", about.info(), about.questions(),
                about.rules(), about.messages(), about.classLoader(), about.templates());
        assertEquals(second, archive.keep(snapshot), "-SNAPSHOT is not part of a version");
    }

    @Test
    void aChangedTextIsANewVersionAndTheOldOneIsUntouched() {
        QuestionnaireArchive archive = new QuestionnaireArchive(db, json, clock, BASE);
        LoadedTopic safety = SafetyScreen.load();
        String first = archive.keep(safety);
        String before = archive.find("safety", first).orElseThrow().content();
        String key = safety.questions().get(0).textKey();
        String second = archive.keep(withText(safety, key, "A reworded question?"));
        assertNotEquals(first, second);
        assertEquals(before, archive.find("safety", first).orElseThrow().content(), "byte for byte");
        assertTrue(archive.find("safety", second).orElseThrow().content().contains("A reworded question?"));
    }

    @Test
    void aNewCanonicalBaseLeavesEarlierResponsesExportableUnderTheirOwn() throws Exception {
        QuestionnaireArchive before = new QuestionnaireArchive(db, json, clock, "https://physio-kiosk.org/fhir");
        LoadedTopic safety = SafetyScreen.load();
        String oldVersion = before.keep(safety);
        QuestionnaireArchive after = new QuestionnaireArchive(db, json, clock, "https://records.clinic.example.org/fhir/r4");
        String newVersion = after.keep(safety);
        assertNotEquals(oldVersion, newVersion, "another canonical URL, another version");
        assertEquals(1, after.byUrl("https://physio-kiosk.org/fhir/Questionnaire/safety", null).size());

        CheckIn checkIn = new CheckIn("0123456789abcdef0123456789abcdef", LocalDate.of(2026, 11, 1), 1,
                Instant.parse("2026-11-01T09:00:00Z"), "en", null, false, null, List.of(new TopicResponse("safety", "host",
                safety.pluginVersion(), "Safety", List.of(new StoredAnswer("fever", com.physiokiosk.api.QuestionType.YES_NO,
                "Fever?", List.of("yes"), "Yes")), List.of(), true, false, oldVersion)), true, null);
        CheckInExport export = new CheckInExport(json, after, "test", "kiosk-1");
        JsonNode response = export.response(checkIn, checkIn.topics().get(0));
        assertEquals("https://physio-kiosk.org/fhir/Questionnaire/safety|" + oldVersion, response.path("questionnaire").asText());
        JsonNode bundle = export.bundle(checkIn);
        boolean oldCodes = false;
        for (JsonNode entry : bundle.path("entry")) {
            if (entry.path("resource").path("url").asText().equals("https://physio-kiosk.org/fhir/CodeSystem/safety")) {
                oldCodes = entry.path("resource").path("count").asInt() > 0;
            }
        }
        assertTrue(oldCodes, "the answer codes of the old version, under the old base");
    }

    private int rows() {
        return db.read("count", c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM questionnaire_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static LoadedTopic withText(LoadedTopic topic, String key, String en) {
        Map<String, Map<String, String>> texts = new HashMap<>();
        for (String language : topic.messages().languages()) {
            Map<String, String> t = new HashMap<>();
            for (String k : topic.messages().keys(language)) {
                t.put(k, topic.messages().find(language, k).orElseThrow());
            }
            texts.put(language, t);
        }
        texts.get("en").put(key, en);
        return new LoadedTopic(topic.pluginId(), topic.pluginVersion(), topic.info(), topic.questions(), topic.rules(),
                MessageBundle.of(topic.messages().owner(), texts), topic.classLoader(), topic.templates());
    }
}
