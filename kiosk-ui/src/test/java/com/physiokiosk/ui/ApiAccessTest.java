package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.clients.ApiClient;
import com.physiokiosk.ui.web.StaffSessions;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The record system's credentials for the FHIR API over HTTP: an admin creates a client on the settings page
 * and sees its token once; the token opens {@code /fhir/} for reading and nothing else; a staff session opens
 * nothing there; revoking shuts it out; all of it in the audit log.
 */
@DisplayName("FHIR API clients: created and revoked on the settings page, a bearer token for /fhir/ alone")
class ApiAccessTest {

    private static final Pattern TOKEN = Pattern.compile("pk_[A-Za-z0-9_-]{43}");
    private static final String SETTINGS = "/staff/admin/settings";
    private static final String CLIENTS = "/staff/admin/settings/api-clients";
    private static final String CHALLENGE = "Bearer realm=\"physio-kiosk\"";
    private static final String INVALID = "Bearer realm=\"physio-kiosk\", error=\"invalid_token\"";

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private static Browser adminOnSettings(int port) {
        Browser admin = TestKiosk.admin(port);
        assertEquals(200, admin.page(SETTINGS).statusCode());
        return admin;
    }

    /** The token on a page, checking there is exactly one distinct token on it. */
    private static String tokenOn(String page) {
        Matcher m = TOKEN.matcher(page);
        assertTrue(m.find(), "a token on the page");
        String token = m.group();
        while (m.find()) {
            assertEquals(token, m.group(), "one token only");
        }
        return token;
    }

    private static RawHttp.Response raw(int port, String method, String path, String... headers) throws IOException {
        return RawHttp.send(port, method, path, List.of(headers), method.equals("POST") ? new byte[0] : null);
    }

    private static RawHttp.Response withToken(int port, String method, String path, String token) throws IOException {
        return raw(port, method, path, "Authorization: Bearer " + token);
    }

    private List<AuditEntry> audit(AuditAction action) {
        return kiosk.app.audit().latest(200).stream().filter(e -> e.action() == action).toList();
    }

    @Test
    void anAdminCreatesAClientOnTheSettingsPageAndSeesItsTokenOnThatResponseAlone() throws IOException {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser admin = adminOnSettings(server.port());
            String before = admin.page(SETTINGS).body();
            assertTrue(before.contains("Record system access (FHIR API)"), before);
            assertTrue(before.contains("No record system has access yet."));
            assertTrue(before.contains("action=\"" + CLIENTS + "\""), "the form to create one");

            HttpResponse<String> created = admin.post(CLIENTS, "name", "  Clinic EHR ");
            assertEquals(200, created.statusCode(), created.body());
            assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));
            String page = created.body();
            String token = tokenOn(page);
            assertTrue(page.contains("The token of Clinic EHR"), page);
            assertTrue(page.contains("Copy it now: it will not be shown again."), page);
            assertTrue(page.contains("http://localhost:" + server.port() + "/fhir/"), "where to use it");
            assertTrue(page.contains("Authorization: Bearer " + token), "how to use it");
            ApiClient stored = kiosk.app.apiClients().list().get(0);
            assertEquals("Clinic EHR", stored.name());
            assertEquals("admin", stored.createdBy());

            String reloaded = admin.page(SETTINGS).body();
            assertFalse(TOKEN.matcher(reloaded).find(), "the settings page never shows it again");
            assertFalse(reloaded.contains(token.substring(3)));
            assertTrue(reloaded.contains("<td>Clinic EHR</td>"), reloaded);
            assertTrue(reloaded.contains("Active") && reloaded.contains("Never"), "listed, active, never used");
            assertTrue(reloaded.contains("action=\"" + CLIENTS + "/" + stored.id() + "/revoke\""), "with a Revoke button");
            assertEquals(stored.id(), kiosk.app.apiClients().authenticate(token).orElseThrow().id(), "the token is its");

            // The browser's "reload" of the creating response posts the form again: refused, no token shown.
            HttpResponse<String> again = admin.post(CLIENTS, "name", "  Clinic EHR ");
            assertEquals(400, again.statusCode());
            assertFalse(TOKEN.matcher(again.body()).find(), "no token on a refused form");
            assertTrue(again.body().contains("A client with this name exists already"), again.body());
            assertEquals(1, kiosk.app.apiClients().list().size());

            AuditEntry line = audit(AuditAction.API_CLIENT_CREATED).get(0);
            assertEquals("admin", line.username());
            assertEquals("Clinic EHR (#" + stored.id() + ")", line.detail());
            assertEquals(1, audit(AuditAction.API_CLIENT_CREATED).size());
            assertTrue(admin.page("/staff/audit").body().contains("API client created"), "labelled in the audit page");
        });
    }

    @Test
    void theTokenReadsTheApiAndRevokingItOnThePageShutsItOut() throws IOException {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            int port = server.port();
            Browser admin = adminOnSettings(port);
            String token = tokenOn(admin.post(CLIENTS, "name", "Clinic EHR").body());

            for (String path : List.of("/fhir/metadata", "/fhir/Bundle?date=2026-03-02", "/fhir", "/fhir/")) {
                RawHttp.Response r = withToken(port, "GET", path, token);
                assertFalse(List.of(401, 403, 405).contains(r.status()), path + " let through: " + r.status());
            }
            assertFalse(List.of(401, 403, 405).contains(withToken(port, "HEAD", "/fhir/metadata", token).status()));
            assertFalse(List.of(401, 403).contains(raw(port, "GET", "/fhir/metadata", "Authorization: bearer  " + token)
                    .status()), "the scheme in any case");

            // Read-only: every other method is refused, even with the token.
            for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
                RawHttp.Response r = withToken(port, method, "/fhir/Bundle", token);
                assertEquals(405, r.status(), method);
                assertEquals("GET, HEAD", r.header("Allow"), method);
            }

            String listed = admin.page(SETTINGS).body();
            assertFalse(listed.contains("Never"), "its last use is listed: " + listed);

            long id = kiosk.app.apiClients().list().get(0).id();
            HttpResponse<String> revoked = admin.post(CLIENTS + "/" + id + "/revoke");
            assertEquals(SETTINGS, Browser.location(revoked));
            String after = admin.page(SETTINGS).body();
            assertTrue(after.contains("Clinic EHR is revoked: its token opens nothing any more."), after);
            assertTrue(after.contains("Revoked "), "listed as revoked");
            assertFalse(after.contains(CLIENTS + "/" + id + "/revoke"), "no Revoke button on a revoked client");

            RawHttp.Response refused = withToken(port, "GET", "/fhir/metadata", token);
            assertEquals(401, refused.status());
            assertEquals(INVALID, refused.header("WWW-Authenticate"));

            AuditEntry line = audit(AuditAction.API_CLIENT_REVOKED).get(0);
            assertEquals("admin", line.username());
            assertEquals("Clinic EHR (#" + id + ")", line.detail());
            assertTrue(admin.page("/staff/audit").body().contains("API client revoked"));
        });
    }

    @Test
    void withoutAValidTokenTheApiAnswers401WithTheChallenge() throws IOException {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            int port = server.port();
            String token = kiosk.app.apiClients().create("Clinic EHR", "admin").token();
            for (String path : List.of("/fhir/metadata", "/fhir", "//fhir/metadata", "/fhir//Patient")) {
                RawHttp.Response none = raw(port, "GET", path);
                assertEquals(401, none.status(), path);
                assertEquals(CHALLENGE, none.header("WWW-Authenticate"), path);
            }
            RawHttp.Response basic = raw(port, "GET", "/fhir/metadata", "Authorization: Basic YWRtaW46eA==");
            assertEquals(401, basic.status());
            assertEquals(CHALLENGE, basic.header("WWW-Authenticate"), "no bearer token given: no error code");
            assertEquals(CHALLENGE, raw(port, "GET", "/fhir/metadata", "Authorization: Bearer ").header("WWW-Authenticate"));

            char last = token.charAt(token.length() - 1);
            for (String wrong : List.of(token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'),
                    "pk_" + "A".repeat(43), "not-a-token")) {
                RawHttp.Response r = withToken(port, "GET", "/fhir/metadata", wrong);
                assertEquals(401, r.status(), wrong);
                assertEquals(INVALID, r.header("WWW-Authenticate"), wrong);
            }
            assertEquals(401, raw(port, "HEAD", "/fhir/metadata").status());
        });
    }

    @Test
    void aStaffSessionOpensNothingUnderFhir() throws IOException {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            int port = server.port();
            Browser admin = adminOnSettings(port);
            String session = admin.cookie(StaffSessions.COOKIE);
            assertFalse(session.isEmpty());
            RawHttp.Response r = raw(port, "GET", "/fhir/metadata", "Cookie: " + StaffSessions.COOKIE + "=" + session,
                    "Accept: text/html");
            assertEquals(401, r.status(), "a signed-in admin's cookie is no API credential");
            assertEquals(CHALLENGE, r.header("WWW-Authenticate"));
            HttpResponse<String> viaBrowser = admin.get("/fhir/metadata");
            assertEquals(401, viaBrowser.statusCode());
            // Nor is the session's id a bearer token, here or on a staff page.
            assertEquals(401, withToken(port, "GET", "/fhir/metadata", session).status());
            assertEquals(403, withToken(port, "GET", "/staff/check-ins", session).status());
            assertEquals(403, raw(port, "GET", "/staff/check-ins", "Cookie: " + StaffSessions.COOKIE + "=" + session,
                    "Authorization: Bearer " + session).status(), "a header with the cookie is refused all the same");
        });
    }

    @Test
    void aValidTokenOpensNoPatientOrStaffPage() throws IOException {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            int port = server.port();
            String token = kiosk.app.apiClients().create("Clinic EHR", "admin").token();
            for (String path : List.of("/staff/check-ins", "/", "/staff/sign-in", SETTINGS, "/staff/audit",
                    "/assets/kiosk.css", "/health", "/fhirx", "/staff/questionnaires/safety", "/no-such-page")) {
                RawHttp.Response r = withToken(port, "GET", path, token);
                assertEquals(403, r.status(), path);
                assertTrue(r.header("Content-Type").startsWith("text/plain"), path + ": " + r.header("Content-Type"));
                assertTrue(r.body().contains("only accepted under /fhir/"), path + ": " + r.body());
            }
            RawHttp.Response dotted = withToken(port, "GET", "/fhir/../staff/check-ins", token);
            assertTrue(dotted.status() >= 400 && !dotted.body().contains("staff-nav"), "no way round: " + dotted.status());
            for (String header : List.of("Authorization: Basic YWRtaW46eA==", "Authorization: Anything")) {
                assertEquals(403, raw(port, "GET", "/staff/check-ins", header).status(), header);
            }

            // A signed-in admin's browser that also sends the token changes nothing with it.
            Browser admin = adminOnSettings(port);
            HttpResponse<String> withBoth = admin.send(HttpRequest.newBuilder(URI.create(admin.origin() + CLIENTS))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("name=Another&csrf=" + admin.csrf())).build());
            assertEquals(403, withBoth.statusCode());
            assertEquals(1, kiosk.app.apiClients().list().size(), "nothing created");
            assertEquals(200, admin.page(SETTINGS).statusCode(), "the same browser without the header is fine");
        });
    }

    @Test
    void badInputOnThePageIsRefusedWithTheReasonAndChangesNothing() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser admin = adminOnSettings(server.port());
            var settingsBefore = kiosk.app.config();
            Map<String, String> cases = Map.of(
                    "", "Enter a name for the record system.",
                    "   ", "Enter a name for the record system.",
                    "x".repeat(61), "Use at most 60 characters.",
                    "two\nlines", "Use letters, digits and ordinary punctuation");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                HttpResponse<String> r = admin.post(CLIENTS, "name", c.getKey());
                assertEquals(400, r.statusCode(), c.getKey());
                String body = r.body();
                assertTrue(body.contains("<p class=\"field-error\" id=\"api-client-name-error\">" + c.getValue()), body);
                assertTrue(body.contains("aria-describedby=\"api-client-name-error\""), "the field points at its error");
                assertFalse(TOKEN.matcher(body).find());
            }
            HttpResponse<String> tooLong = admin.post(CLIENTS, "name", "y".repeat(61));
            assertTrue(tooLong.body().contains("value=\"" + "y".repeat(61) + "\""), "what was typed is kept");
            assertTrue(kiosk.app.apiClients().list().isEmpty(), "nothing created");

            HttpResponse<String> unknown = admin.post(CLIENTS + "/999/revoke");
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().contains("There is no such client (any more)."), unknown.body());
            assertTrue(unknown.body().contains("action=\"" + CLIENTS + "\""), "on the settings page as it is now");
            for (String malformed : List.of("abc", "-1", "99999999999999999999")) {
                assertEquals(400, admin.post(CLIENTS + "/" + malformed + "/revoke").statusCode(), malformed);
            }
            admin.post(CLIENTS, "name", "Clinic EHR");
            long id = kiosk.app.apiClients().list().get(0).id();
            admin.page(SETTINGS);
            assertEquals(303, admin.post(CLIENTS + "/" + id + "/revoke").statusCode());
            admin.page(SETTINGS);
            HttpResponse<String> twice = admin.post(CLIENTS + "/" + id + "/revoke");
            assertEquals(409, twice.statusCode());
            assertTrue(twice.body().contains("That client was revoked already."), twice.body());
            assertEquals(1, audit(AuditAction.API_CLIENT_REVOKED).size(), "revoked once");
            assertEquals(settingsBefore, kiosk.app.config(), "the other settings untouched");
        });
    }

    @Test
    void staffWhoAreNotAdminsCanNeitherCreateNorRevoke() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            long id = kiosk.app.apiClients().create("Clinic EHR", "admin").client().id();
            Browser staff = kiosk.staffMember(server.port(), "maria");
            assertEquals(403, staff.page(SETTINGS).statusCode());
            assertEquals(403, staff.post(CLIENTS, "name", "Maria's system").statusCode());
            assertEquals(403, staff.post(CLIENTS + "/" + id + "/revoke").statusCode());
            assertEquals(List.of("Clinic EHR"), kiosk.app.apiClients().list().stream().map(ApiClient::name).toList());
            assertTrue(kiosk.app.apiClients().list().get(0).active(), "still active");
            assertEquals(401, new Browser(server.port()).post(CLIENTS, "name", "Anyone").statusCode(),
                    "nor anyone not signed in");
        });
    }

    @Test
    void theSectionIsInSpanishWhenTheStaffLanguageIsSpanish() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            kiosk.app.settings().change(Map.of("kiosk.languages", "es,en"), "test");
            Browser admin = adminOnSettings(server.port());
            String page = admin.page(SETTINGS).body();
            assertTrue(page.contains("Acceso del sistema de historias clínicas (API FHIR)"), page);
            assertTrue(page.contains("Ningún sistema tiene acceso todavía."));
            assertTrue(page.contains("Crear acceso"));
            String created = admin.post(CLIENTS, "name", "Historia clínica").body();
            tokenOn(created);
            assertTrue(created.contains("El token de Historia clínica"), created);
            assertTrue(created.contains("Cópielo ahora: no se volverá a mostrar."));
            assertTrue(admin.page(SETTINGS).body().contains("Revocar"));
            assertTrue(admin.post(CLIENTS, "name", "").body().contains("Escriba un nombre para el sistema."));
        });
    }
}
