package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import io.javalin.testtools.JavalinTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin pages over HTTP: topics on and off, plugin install and remove, clinic settings, password reset. */
@DisplayName("Clinic administration pages")
class ClinicAdminTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    private TestKiosk kiosk;

    @BeforeEach
    void copyBuiltPlugins() throws IOException {
        TopicHostTest.copyBuiltPlugins(plugins);
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private TestKiosk start() {
        return TestKiosk.start(plugins, Map.of("KIOSK_DATA_DIR", data.toString(),
                "KIOSK_ADMIN_PASSWORD", TestKiosk.ADMIN_PASSWORD), Clock.systemDefaultZone());
    }

    private static Browser safetyDone(int port) {
        return TopicHostTest.safetyDone(port);
    }

    private static Browser adminOn(int port, String page) {
        Browser admin = TestKiosk.admin(port);
        assertEquals(200, admin.page(page).statusCode(), page);
        return admin;
    }

    private List<AuditEntry> audit(AuditAction action) {
        return kiosk.app.audit().latest(200).stream().filter(e -> e.action() == action).toList();
    }

    // ---- topics ---------------------------------------------------------------------------------

    @Test
    void anAdminSwitchesATopicOffWhilePatientsAreMidwayAndOnAgain() {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser onCramps = safetyDone(server.port());
            Walker cramps = new Walker(onCramps).topic("cramps", PatientFlowTest.calmCramps());
            cramps.answerUntil(cramps.choose("cramps"), "/q/cramps/trigger");
            Browser onSleep = safetyDone(server.port());
            String sleepFirst = new Walker(onSleep).choose("sleep");

            Browser admin = adminOn(server.port(), "/staff/admin/topics");
            HttpResponse<String> page = admin.page("/staff/admin/topics");
            assertTrue(page.body().contains("General safety screen"), "the safety screen is listed");
            assertTrue(page.body().contains("cannot be switched off"));
            assertFalse(page.body().contains("/staff/admin/topics/safety/"), "no switch for the safety screen");
            for (String id : List.of("cramps", "sleep", "stretching", "postpartum", "sexual-activity")) {
                assertTrue(page.body().contains("action=\"/staff/admin/topics/" + id + "/enabled\""), id);
            }
            assertEquals(404, admin.post("/staff/admin/topics/safety/enabled", "enabled", "false").statusCode(),
                    "nobody can switch the safety screen off");

            HttpResponse<String> off = admin.post("/staff/admin/topics/sleep/enabled", "enabled", "false");
            assertEquals(303, off.statusCode(), off.body());
            assertTrue(admin.page("/staff/admin/topics").body().contains("Off"));

            // The sleep patient is taken back to the topic choice with a kind message.
            assertEquals("/topics", Browser.location(onSleep.get(sleepFirst)));
            HttpResponse<String> choice = onSleep.get("/topics");
            assertTrue(choice.body().contains("That topic is no longer available"));
            assertFalse(choice.body().contains("value=\"sleep\""), "gone from the choice at once");
            assertEquals(404, new Browser(server.port()).get("/q/sleep/pain-timing").statusCode());
            assertEquals(404, safetyDone(server.port()).get("/q/sleep/pain-timing").statusCode());

            // The cramps patient carries on to the end.
            assertEquals("/review", cramps.answerFrom("/q/cramps/trigger"));
            cramps.send();

            admin.page("/staff/admin/topics");
            assertEquals(303, admin.post("/staff/admin/topics/sleep/enabled", "enabled", "true").statusCode());
            assertTrue(safetyDone(server.port()).get("/topics").body().contains("value=\"sleep\""), "back at once");

            assertEquals("sleep", audit(AuditAction.TOPIC_DISABLED).get(0).detail());
            assertEquals("admin", audit(AuditAction.TOPIC_DISABLED).get(0).username());
            assertEquals("sleep", audit(AuditAction.TOPIC_ENABLED).get(0).detail());
        });
    }

    @Test
    void aConfirmationShowsOnceToTheSessionThatActedAndAStaleTapSaysWhatIsGone() {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser admin = adminOn(server.port(), "/staff/admin/topics");
            Browser other = adminOn(server.port(), "/staff/admin/topics");
            assertEquals(303, admin.post("/staff/admin/topics/sleep/enabled", "enabled", "false").statusCode());
            String notice = "Sleep, mattress and back pain is switched off: patients no longer see it.";
            assertFalse(other.page("/staff/admin/topics").body().contains(notice), "not in another session");
            assertFalse(other.page("/staff/check-ins").body().contains(notice));
            String page = admin.page("/staff/admin/topics").body();
            assertTrue(page.contains(notice), page);
            assertTrue(page.contains("id=\"confirmation\" role=\"status\""), "announced");
            assertFalse(admin.page("/staff/admin/topics").body().contains(notice), "shown once");

            // An action then signing out: the confirmation goes with the session.
            assertEquals(303, admin.post("/staff/admin/topics/sleep/enabled", "enabled", "true").statusCode());
            admin.page("/staff/check-ins");
            assertEquals(303, admin.post("/staff/sign-out").statusCode());
            Browser again = adminOn(server.port(), "/staff/admin/topics");
            assertFalse(again.page("/staff/admin/topics").body().contains("is switched on"), "nothing carried over");

            // A tap on a row another admin has removed meanwhile.
            assertEquals(303, other.post("/staff/admin/topics/cramps/remove").statusCode());
            HttpResponse<String> stale = again.post("/staff/admin/topics/cramps/enabled", "enabled", "false");
            assertEquals(404, stale.statusCode());
            assertTrue(stale.body().contains("Back cramps could not be switched off: it is no longer installed."),
                    stale.body());
            assertTrue(stale.body().contains("action=\"/staff/admin/topics/sleep/enabled\""), "the list as it is now");
            HttpResponse<String> staleRemove = again.page("/staff/admin/topics/cramps/remove");
            assertEquals(404, staleRemove.statusCode());
            assertTrue(staleRemove.body().contains("Back cramps could not be removed: it is no longer installed."));
            assertEquals(404, again.post("/staff/admin/topics/safety/enabled", "enabled", "false").statusCode());

            // An account that is not there (any more).
            again.page("/staff/accounts");
            HttpResponse<String> noAccount = again.post("/staff/accounts/nobody/disabled", "disabled", "true");
            assertEquals(404, noAccount.statusCode());
            assertTrue(noAccount.body().contains("There is no account nobody (any more)."), noAccount.body());
        });
    }

    @Test
    void aTopicSwitchedOffOnThePageStaysOffAfterARestart() {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser admin = adminOn(server.port(), "/staff/admin/topics");
            assertEquals(303, admin.post("/staff/admin/topics/postpartum/enabled", "enabled", "false").statusCode());
        });
        kiosk.app.stop();
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            assertFalse(safetyDone(server.port()).get("/topics").body().contains("value=\"postpartum\""),
                    "still off after a restart");
            String row = rowOf(adminOn(server.port(), "/staff/admin/topics").page("/staff/admin/topics").body(), "postpartum");
            assertTrue(row.contains("Off") && row.contains("Switch on"), row);
        });
    }

    @Test
    void aGoodJarUploadedOnThePageIsInstalledAndOfferedAtOnce() throws IOException {
        Path sleep = Files.move(plugins.resolve("sleep.jar"), data.resolve("sleep-upload.jar"));
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            assertFalse(safetyDone(server.port()).get("/topics").body().contains("value=\"sleep\""));
            Browser admin = adminOn(server.port(), "/staff/admin/topics");
            assertTrue(admin.page("/staff/admin/topics").body().contains("enctype=\"multipart/form-data\""));
            HttpResponse<String> r = admin.postFile("/staff/admin/topics/upload", "jar", "sleep.jar",
                    "application/java-archive", Files.readAllBytes(sleep));
            assertEquals(303, r.statusCode(), r.body());
            assertEquals("/staff/admin/topics", Browser.location(r));
            String confirmed = admin.page(Browser.location(r)).body();
            assertTrue(confirmed.contains("Sleep, mattress and back pain (sleep) is installed and switched on"), confirmed);
            assertFalse(admin.page("/staff/admin/topics").body().contains("is installed"), "the confirmation shows once");
            assertTrue(safetyDone(server.port()).get("/topics").body().contains("value=\"sleep\""), "offered at once");
            assertTrue(audit(AuditAction.PLUGIN_INSTALLED).get(0).detail().startsWith("sleep "));
            assertTrue(Files.exists(plugins.resolve("sleep.jar")));

            // A multipart body anywhere else is still refused.
            assertEquals(415, admin.postFile("/staff/accounts", "jar", "x.jar", "application/java-archive",
                    new byte[] {1}).statusCode());
        });
    }

    @Test
    void badJarsAreRefusedOnThePageWithTheReasonAndTheKioskIsUntouched() throws IOException {
        kiosk = start();
        Path sleep = TestKiosk.BUILT_PLUGINS.resolve("sleep.jar");
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("not a valid jar", "not a jar".getBytes());
        bad.put("not a Physio Kiosk plugin", Files.readAllBytes(variant(sleep, "plugin.properties", null)));
        bad.put("already installed", Files.readAllBytes(TestKiosk.BUILT_PLUGINS.resolve("cramps.jar")));
        bad.put("messages_es.properties", Files.readAllBytes(variant(sleep, "messages_es.properties", "plugin.id=sleep-copy")));
        bad.put("sleep-next is refused", Files.readAllBytes(variant(sleep, null, "plugin.id=sleep-next\nplugin.requires=>=9.0.0")));
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            var before = kiosk.app.host().plugins();
            List<String> filesBefore = files();
            Browser admin = adminOn(server.port(), "/staff/admin/topics");
            for (Map.Entry<String, byte[]> e : bad.entrySet()) {
                HttpResponse<String> r = admin.postFile("/staff/admin/topics/upload", "jar", "upload.jar",
                        "application/java-archive", e.getValue());
                assertEquals(422, r.statusCode(), e.getKey());
                assertTrue(r.body().contains("Refused:"), e.getKey());
                assertTrue(r.body().contains(e.getKey()), e.getKey() + " in " + r.body());
            }
            HttpResponse<String> none = admin.postFile("/staff/admin/topics/upload", "jar", "", "application/octet-stream",
                    new byte[0]);
            assertEquals(400, none.statusCode());
            assertTrue(none.body().contains("Choose a plugin jar"));
            assertEquals(before, kiosk.app.host().plugins(), "running kiosk untouched");
            assertEquals(filesBefore, files(), "nothing left in the plugins folder");
            assertEquals(5, audit(AuditAction.PLUGIN_REFUSED).size());
            assertTrue(safetyDone(server.port()).get("/topics").body().contains("value=\"cramps\""));
        });
    }

    @Test
    void aJarThatHaltsItsJvmUploadedOnThePageIsRefusedWithTheReasonAndThePageSaysPluginsRunWithTheKiosksRights()
            throws IOException {
        kiosk = start();
        byte[] halts = Files.readAllBytes(TopicHostTest.CRAFTED.resolve("halts-at-start.jar"));
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser admin = adminOn(server.port(), "/staff/admin/topics");
            String page = admin.page("/staff/admin/topics").body();
            assertTrue(page.contains("An installed plugin runs inside the kiosk with the kiosk&#39;s rights")
                    || page.contains("An installed plugin runs inside the kiosk with the kiosk's rights"), page);
            List<String> filesBefore = files();
            HttpResponse<String> r = admin.postFile("/staff/admin/topics/upload", "jar", "halts.jar",
                    "application/java-archive", halts);
            assertEquals(422, r.statusCode());
            assertTrue(r.body().contains("Refused: The plugin&#39;s checks exited with code 42 before giving a verdict")
                    || r.body().contains("Refused: The plugin's checks exited with code 42 before giving a verdict"), r.body());
            assertEquals(filesBefore, files(), "nothing in the plugins folder");
            assertTrue(audit(AuditAction.PLUGIN_REFUSED).get(0).detail().contains("exited with code 42"));
            // The kiosk that would have been halted serves patients and the admin right after.
            assertTrue(safetyDone(server.port()).get("/topics").body().contains("value=\"cramps\""));
            admin.page("/staff/admin/topics");
            assertEquals(303, admin.post("/staff/admin/topics/sleep/enabled", "enabled", "false").statusCode());
        });
    }

    @Test
    void removeAsksFirstThenUnloadsAndOldCheckInsStillPrintAndRescanFindsADroppedJar() throws IOException {
        kiosk = start();
        Path kept = data.resolve("stretching-kept.jar");
        Files.copy(plugins.resolve("stretching.jar"), kept);
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            PatientFlowTest.walk(new Browser(server.port()), "en", "Ana", Map.of(), PatientFlowTest.calmCramps());
            String id = kiosk.app.checkIns().idsForDay(java.time.LocalDate.now()).get(0);
            Browser admin = adminOn(server.port(), "/staff/admin/topics");
            HttpResponse<String> confirm = admin.page("/staff/admin/topics/cramps/remove");
            assertEquals(200, confirm.statusCode());
            assertTrue(confirm.body().contains("Yes, remove it"));
            assertTrue(kiosk.app.host().find("cramps").isPresent(), "nothing removed by asking");
            HttpResponse<String> removed = admin.post("/staff/admin/topics/cramps/remove");
            assertEquals("/staff/admin/topics", Browser.location(removed));
            assertTrue(admin.page("/staff/admin/topics").body().contains("(cramps) is removed"));
            assertTrue(kiosk.app.host().find("cramps").isEmpty());
            assertFalse(Files.exists(plugins.resolve("cramps.jar")));
            assertFalse(admin.page("/staff/admin/topics").body().contains("/staff/admin/topics/cramps/enabled"));
            assertEquals(404, safetyDone(server.port()).get("/q/cramps/intro").statusCode());
            assertEquals(404, admin.page("/staff/admin/topics/cramps/remove").statusCode());
            assertEquals(200, admin.page("/staff/check-ins/" + id + "/print").statusCode(), "its check-in still prints");
            assertTrue(audit(AuditAction.PLUGIN_REMOVED).get(0).detail().startsWith("cramps"));

            // Remove stretching from the host, drop its jar back in the folder and rescan.
            admin.page("/staff/admin/topics");
            admin.post("/staff/admin/topics/stretching/remove");
            Files.copy(kept, plugins.resolve("stretching.jar"));
            admin.page("/staff/admin/topics");
            assertEquals("/staff/admin/topics", Browser.location(admin.post("/staff/admin/topics/rescan")));
            assertTrue(admin.page("/staff/admin/topics").body().contains("Plugins folder rescanned: found stretching."));
            assertTrue(kiosk.app.host().find("stretching").isPresent(), "found by the rescan");
            assertEquals("found stretching", audit(AuditAction.PLUGINS_RESCANNED).get(0).detail());
        });
    }

    // ---- settings -------------------------------------------------------------------------------

    @Test
    void settingsChangedOnThePageApplyToTheNextPatientAndAreAudited() {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            assertTrue(new Browser(server.port()).get("/").body().contains("Physiotherapy clinic"));
            Browser admin = adminOn(server.port(), "/staff/admin/settings");
            HttpResponse<String> saved = admin.post("/staff/admin/settings", "clinicName", "Clínica Río", "languages", "es",
                    "defaultLanguage", "es", "idleTimeoutSeconds", "120", "retentionDays", "14");
            assertEquals("/staff/admin/settings", Browser.location(saved));
            assertTrue(admin.page("/staff/admin/settings").body().contains("Ajustes guardados"), "confirmed, in the new staff language");

            Browser patient = new Browser(server.port());
            HttpResponse<String> welcome = patient.get("/");
            assertTrue(welcome.body().contains("Clínica Río"), "new name at once");
            assertTrue(welcome.body().contains("value=\"es\"") && !welcome.body().contains("value=\"en\""), "Spanish only");
            assertFalse(welcome.body().contains("/clinic-logo"), "no logo, no img");
            String next = Browser.location(patient.postRaw("/start", "lang", "en"));
            assertTrue(next.startsWith("/q/safety/"), "no name question: " + next);
            assertEquals(14, kiosk.app.config().retentionDays());
            assertEquals(120, kiosk.app.config().idleTimeout().toSeconds());
            assertEquals("es", kiosk.app.config().defaultLanguage());

            AuditEntry entry = audit(AuditAction.SETTINGS_CHANGED).get(0);
            assertEquals("admin", entry.username());
            assertTrue(entry.detail().contains("kiosk.clinic-name=Clínica Río") && entry.detail().contains("kiosk.ask-name=false")
                    && entry.detail().contains("kiosk.languages=es"), entry.detail());

            // Staff pages now read the default language, Spanish.
            assertTrue(admin.page("/staff/admin/settings").body().contains("Ajustes de la clínica"));
        });
    }

    @Test
    void badSettingsAreRefusedNextToTheirFieldInTheStaffLanguageAndChangeNothing() {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            var before = kiosk.app.config();
            Browser admin = adminOn(server.port(), "/staff/admin/settings");
            // field id -> form values (name, offered language or null, default language, idle seconds, retention days), message
            Map<String, String[]> cases = new java.util.LinkedHashMap<>();
            cases.put("idle", new String[] {"New name", "en", "en", "5", "30", "Enter a whole number of seconds from 15 to 3600."});
            cases.put("idle ", new String[] {"New name", "en", "en", "ninety", "30", "Enter a whole number of seconds from 15 to 3600."});
            cases.put("retention", new String[] {"New name", "en", "en", "90", "0", "Enter a whole number of days from 1 to 3650."});
            cases.put("clinic-name", new String[] {"  ", "en", "en", "90", "30", "Enter the clinic"});
            cases.put("clinic-name ", new String[] {"x".repeat(81), "en", "en", "90", "30", "Use at most 80 characters"});
            cases.put("languages", new String[] {"New name", null, "en", "90", "30", "Offer at least one language."});
            cases.put("default-language", new String[] {"New name", "en", "es", "90", "30",
                    "Choose a default language among those offered."});
            for (Map.Entry<String, String[]> c : cases.entrySet()) {
                String field = c.getKey().strip();
                String[] v = c.getValue();
                HttpResponse<String> r = v[1] == null
                        ? admin.post("/staff/admin/settings", "clinicName", v[0], "defaultLanguage", v[2],
                                "idleTimeoutSeconds", v[3], "retentionDays", v[4], "askName", "true")
                        : admin.post("/staff/admin/settings", "clinicName", v[0], "languages", v[1], "defaultLanguage", v[2],
                                "idleTimeoutSeconds", v[3], "retentionDays", v[4], "askName", "true");
                assertEquals(400, r.statusCode(), c.getKey());
                String body = r.body();
                assertTrue(body.contains("Not saved: 1 field(s) below need a change."), body);
                int error = body.indexOf("<p class=\"field-error\" id=\"" + field + "-error\">");
                assertTrue(error > 0, field + " has its error: " + body);
                assertTrue(body.substring(error).startsWith("<p class=\"field-error\" id=\"" + field + "-error\">" + v[5]),
                        field + ": " + body.substring(error, Math.min(body.length(), error + 200)));
                assertTrue(body.contains("aria-describedby=\"" + field + "-error\""), field + " points at its error");
                assertFalse(body.contains("kiosk." + field), "no config-file names on the page");
                assertTrue(body.contains("value=\"" + (v[3].equals("ninety") ? "ninety" : v[3]) + "\""), "what was typed is kept");
                assertEquals(before, kiosk.app.config(), "nothing changed by " + c.getKey());
            }
            // In Spanish when the clinic's staff language is Spanish.
            kiosk.app.settings().change(Map.of("kiosk.languages", "es,en"), "test");
            HttpResponse<String> spanish = admin.post("/staff/admin/settings", "clinicName", "X", "languages", "es",
                    "defaultLanguage", "es", "idleTimeoutSeconds", "9", "retentionDays", "30", "askName", "true");
            assertTrue(spanish.body().contains("Escriba un número entero de segundos entre 15 y 3600."), spanish.body());
            kiosk.app.settings().change(Map.of("kiosk.languages", "en,es"), "test");
            assertEquals(before, kiosk.app.config());
            assertTrue(audit(AuditAction.SETTINGS_CHANGED).stream().noneMatch(e -> e.username().equals("admin")),
                    "no refused form is audited as a change");
            assertTrue(new Browser(server.port()).get("/").body().contains("Physiotherapy clinic"));
        });
    }

    @Test
    void aLogoUploadedOnThePageIsShownOnTheWelcomeScreenAndANonImageIsRefused() throws IOException {
        kiosk = start();
        byte[] png = png();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            assertEquals(404, new Browser(server.port()).get("/clinic-logo").statusCode());
            Browser admin = adminOn(server.port(), "/staff/admin/settings");
            HttpResponse<String> refused = admin.postFile("/staff/admin/logo", "logo", "logo.txt", "text/plain",
                    "not an image".getBytes());
            assertEquals(422, refused.statusCode());
            assertTrue(refused.body().contains("PNG or JPEG"), refused.body());
            assertFalse(kiosk.app.settings().hasLogo());

            HttpResponse<String> saved = admin.postFile("/staff/admin/logo", "logo", "logo.png", "image/png", png);
            assertEquals("/staff/admin/settings", Browser.location(saved));
            assertTrue(admin.page("/staff/admin/settings").body().contains("Logo saved."));
            assertTrue(new Browser(server.port()).get("/").body().contains("<img src=\"/clinic-logo\""));
            HttpResponse<byte[]> img = new Browser(server.port()).bytes("/clinic-logo");
            assertEquals(200, img.statusCode());
            assertEquals("image/png", img.headers().firstValue("Content-Type").orElse(""));
            assertEquals(png.length, img.body().length);
            assertTrue(audit(AuditAction.LOGO_CHANGED).get(0).detail().startsWith("image/png"));

            admin.page("/staff/admin/settings");
            assertEquals("/staff/admin/settings", Browser.location(admin.post("/staff/admin/logo/remove")));
            assertTrue(admin.page("/staff/admin/settings").body().contains("Logo removed."));
            assertFalse(new Browser(server.port()).get("/").body().contains("/clinic-logo"));
            assertEquals(1, audit(AuditAction.LOGO_REMOVED).size());
        });
    }

    // ---- accounts -------------------------------------------------------------------------------

    @Test
    void aPasswordResetLetsTheUserInWithTheNewPasswordOnlyAndEndsTheirSessions() {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser maria = kiosk.staffMember(server.port(), "maria");
            assertEquals(200, maria.page("/staff/check-ins").statusCode());
            Browser admin = adminOn(server.port(), "/staff/accounts");
            assertTrue(admin.page("/staff/accounts").body().contains("action=\"/staff/accounts/maria/password\""));

            HttpResponse<String> tooShort = admin.post("/staff/accounts/maria/password", "password", "short", "confirm", "short");
            assertEquals(400, tooShort.statusCode());
            assertTrue(tooShort.body().contains("at least 12"));
            assertEquals(404, admin.post("/staff/accounts/nobody/password", "password", "a new long password",
                    "confirm", "a new long password").statusCode());

            HttpResponse<String> reset = admin.post("/staff/accounts/maria/password", "password", "a new long password",
                    "confirm", "a new long password");
            assertEquals("/staff/accounts", Browser.location(reset));
            assertTrue(admin.page(Browser.location(reset)).body().contains("The password of maria was changed"));
            assertEquals(303, maria.page("/staff/check-ins").statusCode(), "her open session has ended");

            Browser old = new Browser(server.port());
            old.page("/staff/sign-in");
            assertEquals(401, old.post("/staff/sign-in", "username", "maria", "password", TestKiosk.ADMIN_PASSWORD).statusCode(),
                    "the old password no longer works");
            TestKiosk.signedIn(server.port(), "maria", "a new long password");
            assertEquals("maria", audit(AuditAction.PASSWORD_RESET).get(0).detail());
        });
    }

    @Test
    void aResetEndsTheBackOffAfterFailedSignIns() {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            kiosk.staffMember(server.port(), "maria");
            for (int i = 0; i < 5; i++) {
                kiosk.app.staffAccounts().signIn("maria", "wrong password " + i, "127.0.0.1");
            }
            assertTrue(kiosk.app.staffAccounts().slowed("maria"));
            Browser admin = adminOn(server.port(), "/staff/accounts");
            assertTrue(admin.page("/staff/accounts").body().contains("Sign-in slowed after failed attempts"));
            admin.post("/staff/accounts/maria/password", "password", "a new long password", "confirm", "a new long password");
            assertFalse(kiosk.app.staffAccounts().slowed("maria"));
            TestKiosk.signedIn(server.port(), "maria", "a new long password");
        });
    }

    @Test
    void staffWhoAreNotAdminsGet403OnEveryAdminPageAndSeeNoAdminLinks() {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser staff = kiosk.staffMember(server.port(), "maria");
            HttpResponse<String> list = staff.page("/staff/check-ins");
            assertFalse(list.body().contains("/staff/admin/"), "no admin links for staff");
            for (String page : List.of("/staff/admin/topics", "/staff/admin/settings", "/staff/admin/topics/cramps/remove")) {
                assertEquals(403, staff.page(page).statusCode(), page);
            }
            assertEquals(403, staff.post("/staff/admin/topics/cramps/enabled", "enabled", "false").statusCode());
            assertEquals(403, staff.postFile("/staff/admin/topics/upload", "jar", "a.jar", "application/java-archive",
                    new byte[] {1, 2}).statusCode());
            assertTrue(kiosk.app.host().find("cramps").isPresent());
            Browser admin = adminOn(server.port(), "/staff/check-ins");
            String nav = admin.page("/staff/check-ins").body();
            assertTrue(nav.contains("href=\"/staff/admin/topics\"") && nav.contains("href=\"/staff/admin/settings\""));
        });
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static String rowOf(String html, String pluginId) {
        int at = html.indexOf("data-plugin=\"" + pluginId + "\"");
        assertTrue(at >= 0, pluginId + " listed");
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(plugins)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private Path variant(Path jar, String drop, String descriptorLines) throws IOException {
        return TopicHostTest.zipWithout(data, jar, drop, descriptorLines);
    }
}
