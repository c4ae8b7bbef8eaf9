package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.storage.Dialect;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The record system's read API under {@code /fhir/}: R4 REST reads and searches with an API client's token, JSON or
 * XML, every answer valid R4, every failure an OperationOutcome naming what is wrong, every read in the audit log.
 */
@DisplayName("FHIR read API")
@ParameterizedClass(name = "on {0}")
@EnumSource(Dialect.class)
class FhirApiTest {

    /** The database the kiosk keeps its data in: every test here runs on SQLite and on PostgreSQL. */
    @Parameter
    Dialect dialect;

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private TestKiosk kiosk;
    private FhirCheck check;
    private String token;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin(dialect);
        check = new FhirCheck();
        token = kiosk.app.apiClients().create("Clinic EHR", "admin").token();
    }

    @AfterEach
    void stop() {
        if (kiosk != null) { // none when the test was skipped before starting one (no PostgreSQL for it)
            kiosk.close();
        }
    }

    private static IParser strict() {
        return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    private HttpResponse<String> api(Browser b, String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return b.get(path, all);
    }

    @Test
    void aRecordSystemFindsTodaysCheckInsAndEverythingTheyPointTo() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            for (String name : List.of("Ana", "Bea", "Cruz")) {
                PatientFlowTest.walk(new Browser(server.port()), "es", name,
                        Map.of("fever", "yes", "about/fact.pain-now", "5"), PatientFlowTest.severeCramps());
            }
            Browser b = new Browser(server.port());
            String today = LocalDate.now().toString();

            HttpResponse<String> metadata = api(b, "/fhir/metadata");
            assertEquals(200, metadata.statusCode());
            CapabilityStatement cs = strict().parseResource(CapabilityStatement.class, metadata.body());
            assertEquals("4.0.1", cs.getFhirVersion().toCode());
            check.assertValid(metadata.body(), "the CapabilityStatement");

            HttpResponse<String> page1 = api(b, "/fhir/Bundle?date=" + today + "&_count=2");
            assertEquals(200, page1.statusCode());
            assertTrue(page1.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
            Bundle search = strict().parseResource(Bundle.class, page1.body());
            assertEquals(Bundle.BundleType.SEARCHSET, search.getType());
            assertEquals(3, search.getTotal());
            assertEquals(2, search.getEntry().size());
            for (Bundle.BundleEntryComponent e : search.getEntry()) {
                check.knowAll((Bundle) e.getResource());
            }
            check.assertValid(page1.body(), "a page of check-ins");
            String next = search.getLink("next").getUrl();
            HttpResponse<String> page2 = api(b, next.substring(next.indexOf("/fhir/")));
            Bundle second = strict().parseResource(Bundle.class, page2.body());
            assertEquals(1, second.getEntry().size(), "the third check-in on the next page");
            assertFalse(second.getLink().stream().anyMatch(l -> l.getRelation().equals("next")));
            assertFalse(page1.body().contains("Ana") || page2.body().contains("Cruz"), "no names");
            assertEquals(0, strict().parseResource(Bundle.class,
                    api(b, "/fhir/Bundle?date=ge2020-01-01&date=le2020-01-31").body()).getTotal(), "another month");
            assertEquals(3, strict().parseResource(Bundle.class,
                    api(b, "/fhir/Bundle?date=ge" + LocalDate.now().minusDays(3) + "&date=lt" + LocalDate.now().plusDays(1)).body()).getTotal());

            // One check-in, then what it points to: its Questionnaire version by id and by canonical, its code system.
            Bundle checkIn = (Bundle) search.getEntryFirstRep().getResource();
            HttpResponse<String> one = api(b, "/fhir/Bundle/" + checkIn.getIdElement().getIdPart());
            assertEquals(200, one.statusCode());
            check.assertValid(one.body(), "one check-in");
            QuestionnaireResponse cramps = FhirExportTest.resources(strict().parseResource(Bundle.class, one.body()),
                    QuestionnaireResponse.class).stream().filter(q -> q.getQuestionnaire().contains("/cramps|")).findFirst().orElseThrow();
            String canonical = cramps.getQuestionnaire();
            String url = canonical.substring(0, canonical.indexOf('|'));
            String version = canonical.substring(canonical.indexOf('|') + 1);
            String id = "cramps-" + version.substring(version.length() - 12);
            HttpResponse<String> q = api(b, "/fhir/Questionnaire/" + id);
            assertEquals(200, q.statusCode());
            assertEquals(version, strict().parseResource(Questionnaire.class, q.body()).getVersion());
            Bundle byUrl = strict().parseResource(Bundle.class, api(b, "/fhir/Questionnaire?url="
                    + URLEncoder.encode(canonical, StandardCharsets.UTF_8)).body());
            assertEquals(1, byUrl.getTotal());
            assertEquals(1, strict().parseResource(Bundle.class, api(b, "/fhir/Questionnaire?url="
                    + URLEncoder.encode(url, StandardCharsets.UTF_8) + "&version=" + version).body()).getTotal());
            HttpResponse<String> codes = api(b, "/fhir/CodeSystem/" + id);
            assertEquals(200, codes.statusCode());
            CodeSystem topicCodes = strict().parseResource(CodeSystem.class, codes.body());
            assertTrue(topicCodes.getConcept().stream().anyMatch(c -> c.getCode().equals("lifting")));
            check.assertValid(codes.body(), "the topic's code system");
            for (String fixed : List.of("answer", "finding-severity")) {
                HttpResponse<String> r = api(b, "/fhir/CodeSystem/" + fixed);
                assertEquals(200, r.statusCode(), fixed);
                check.assertValid(r.body(), fixed);
            }

            // XML, asked either way.
            HttpResponse<String> xml = api(b, "/fhir/Bundle/" + checkIn.getIdElement().getIdPart() + "?_format=xml");
            assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+xml"));
            FHIR.newXmlParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Bundle.class, xml.body());
            assertTrue(api(b, "/fhir/Questionnaire/" + id, "Accept", "application/fhir+xml").body().startsWith("<Questionnaire"));

            // Every read is in the audit log, under the client's name, with the check-ins it returned.
            List<AuditEntry> reads = kiosk.app.audit().latest(50).stream()
                    .filter(e -> e.action() == AuditAction.FHIR_READ).toList();
            assertTrue(reads.stream().allMatch(e -> e.username().equals("api:Clinic EHR")));
            assertTrue(reads.stream().anyMatch(e -> checkIn.getIdElement().getIdPart().equals(e.checkInId())
                    && e.detail().startsWith("Bundle/")));
            assertTrue(reads.stream().anyMatch(e -> e.detail() != null && e.detail().startsWith("Questionnaire/")));
            assertEquals(2 + 1 + 3, reads.stream().filter(e -> e.detail() != null && e.detail().startsWith("Bundle?date=")
                    && e.checkInId() != null).count(), "one line for each check-in a search returned (two pages, a range)");
        });
    }

    @Test
    void everyFailureIsAnOperationOutcomeNamingWhatIsWrong() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            assertOutcome(api(b, "/fhir/Bundle?date=2026-13-40"), 400, "2026-13-40");
            assertOutcome(api(b, "/fhir/Bundle?date=yesterday"), 400, "yesterday");
            assertOutcome(api(b, "/fhir/Bundle"), 400, "date");
            assertOutcome(api(b, "/fhir/Bundle?date=le2026-01-01"), 400, "first day");
            assertOutcome(api(b, "/fhir/Bundle?date=ge2020-01-01"), 400, "at most");
            assertOutcome(api(b, "/fhir/Bundle?date=" + LocalDate.now() + "&patient=1"), 400, "'patient'");
            assertOutcome(api(b, "/fhir/Bundle?date=" + LocalDate.now() + "&_count=1000"), 400, "_count");
            assertOutcome(api(b, "/fhir/Bundle/not_an_id"), 400, "not_an_id");
            assertOutcome(api(b, "/fhir/Bundle/0123456789abcdef0123456789abcdef"), 404, "Bundle/0123456789abcdef0123456789abcdef");
            assertOutcome(api(b, "/fhir/Questionnaire/cramps-000000000000"), 404, "cramps-000000000000");
            assertOutcome(api(b, "/fhir/Questionnaire"), 400, "'url'");
            assertOutcome(api(b, "/fhir/CodeSystem/nope"), 404, "CodeSystem/nope");
            assertOutcome(api(b, "/fhir/Patient/1"), 404, "/fhir/Patient/1");
            assertOutcome(api(b, "/fhir/metadata?_format=yaml"), 406, "yaml");
            HttpResponse<String> noToken = b.get("/fhir/metadata");
            assertOutcome(noToken, 401, "bearer token");
            assertTrue(noToken.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            HttpResponse<String> post = b.send(HttpRequest.newBuilder(URI.create(b.origin() + "/fhir/Bundle"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertOutcome(post, 405, "read-only");
            assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
            HttpResponse<String> xml = api(b, "/fhir/Bundle/nope!", "Accept", "application/fhir+xml");
            assertTrue(xml.body().startsWith("<OperationOutcome"), "in the format asked for: " + xml.body());
            long id = kiosk.app.apiClients().list().get(0).id();
            kiosk.app.apiClients().revoke(id, "admin");
            assertOutcome(api(b, "/fhir/metadata"), 401, "bearer token");
        });
    }

    private void assertOutcome(HttpResponse<String> r, int status, String named) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"), r.uri().toString());
        OperationOutcome o = strict().parseResource(OperationOutcome.class, r.body());
        assertEquals(OperationOutcome.IssueSeverity.ERROR, o.getIssueFirstRep().getSeverity());
        assertTrue(o.getIssueFirstRep().getDiagnostics().contains(named), () -> "names " + named + ": "
                + o.getIssueFirstRep().getDiagnostics());
        check.assertValid(r.body(), "the OperationOutcome");
    }
}
