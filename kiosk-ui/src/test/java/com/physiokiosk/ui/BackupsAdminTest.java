package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.storage.Dialect;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backups on the admin's settings page: listed, "Back up now", a failure shown; admins only, with the form's token. */
@DisplayName("Backups on the settings page")
class BackupsAdminTest {

    private static final String SETTINGS = "/staff/admin/settings";
    private static final String BACK_UP = "/staff/admin/backups";

    @TempDir
    Path tmp;

    /** 29 Nov 2026, 02:30 in Madrid. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T01:30:00Z"), ZoneId.of("Europe/Madrid"));

    private TestKiosk kiosk(Path backups) {
        return kiosk(Dialect.SQLITE, backups);
    }

    private TestKiosk kiosk(Dialect dialect, Path backups) {
        return TestKiosk.start(dialect, TestKiosk.BUILT_PLUGINS, Map.of("KIOSK_ADMIN_PASSWORD", TestKiosk.ADMIN_PASSWORD,
                "KIOSK_BACKUP_DIR", backups.toString(), "KIOSK_BACKUP_KEEP", "5"), clock);
    }

    private static List<String> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void thePageListsTheBackupsNewestFirstWithTimeAndSizeAndBackUpNowMakesOneConfirmedOnce() throws IOException {
        Path backups = tmp.resolve("backups");
        try (TestKiosk kiosk = kiosk(backups)) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser admin = TestKiosk.admin(server.port());
                String before = admin.page(SETTINGS).body();
                assertTrue(before.contains("<h2>Backups</h2>"), before);
                assertTrue(before.contains("The database is backed up every night into " + backups.toAbsolutePath()
                        + ". The newest 5 backups are kept, none older than 30 days"), before);
                assertTrue(before.contains("No backup yet."));
                assertTrue(before.contains("Next backup: Nov 29, 2026 02:30."), "none made yet: one is due at once: " + before);
                assertTrue(before.contains("action=\"" + BACK_UP + "\""));

                HttpResponse<String> first = admin.post(BACK_UP);
                assertEquals(303, first.statusCode(), first.body());
                assertEquals(SETTINGS, Browser.location(first));
                String name = "kiosk-20261129-013000Z.db";
                assertEquals(List.of(name), files(backups));
                String confirmed = admin.page(SETTINGS).body();
                assertTrue(confirmed.contains("Backup made: " + name + " ("), confirmed);
                assertFalse(admin.page(SETTINGS).body().contains("Backup made:"), "the confirmation shows once");

                clock.advance(Duration.ofMinutes(20));
                assertEquals(303, admin.post(BACK_UP).statusCode());
                String page = admin.page(SETTINGS).body();
                int newer = page.indexOf("<td>Nov 29, 2026 02:50</td>");
                int older = page.indexOf("<td>Nov 29, 2026 02:30</td>");
                assertTrue(newer > 0 && older > newer, "newest first, in the clinic's time: " + page);
                assertTrue(page.contains("<td class=\"file\">kiosk-20261129-015000Z.db</td>"), page);
                long bytes = Files.size(backups.resolve(name));
                assertTrue(page.contains("<td>" + (bytes + 1023) / 1024 + " KB</td>"), bytes + " bytes in " + page);
                assertFalse(page.contains("No backup yet."));

                List<AuditEntry> made = kiosk.app.audit().latest(50).stream()
                        .filter(e -> e.action() == AuditAction.BACKUP_MADE).toList();
                assertEquals(2, made.size());
                assertTrue(made.stream().allMatch(e -> e.username().equals("admin")), "under the admin's name");
                assertTrue(admin.page("/staff/audit").body().contains("database backed up"));
            });
        }
    }

    @Test
    void onPostgresqlThePageSaysTheServerIsBackedUpWithPgDumpAndTheKioskMakesNone() throws IOException {
        Path backups = tmp.resolve("backups");
        try (TestKiosk kiosk = kiosk(Dialect.POSTGRESQL, backups)) {
            kiosk.app.backups().tick(); // on SQLite, the first tick with no backup yet makes one
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser admin = TestKiosk.admin(server.port());
                String page = admin.page(SETTINGS).body();
                String section = page.substring(page.indexOf("<section class=\"backups\""));
                section = section.substring(0, section.indexOf("</section>"));
                assertTrue(section.contains("The kiosk's data is on the PostgreSQL server "
                        + kiosk.app.database().name().replace("&", "&amp;") + ". It is backed up there, the PostgreSQL way (pg_dump"), section);
                assertFalse(section.contains("Back up now") || section.contains("action=\"" + BACK_UP + "\""),
                        "no button: " + section);
                assertFalse(section.contains("Next backup") || section.contains("backed up every night"), section);

                HttpResponse<String> asked = admin.post(BACK_UP);
                assertEquals(303, asked.statusCode(), "a form from an older page is told why");
                assertTrue(admin.page(SETTINGS).body().contains("No backup made: the kiosk's data is on a PostgreSQL"
                        + " server, which is backed up there with pg_dump."));
            });
            assertEquals(List.of(), files(backups), "no backup file");
            assertTrue(kiosk.app.audit().latest(50).stream().noneMatch(e -> e.action() == AuditAction.BACKUP_MADE));
        }
    }

    @Test
    void backUpNowIsForAdminsOnlyAndNeedsThePagesFormToken() throws IOException {
        Path backups = tmp.resolve("backups");
        try (TestKiosk kiosk = kiosk(backups)) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser staff = kiosk.staffMember(server.port(), "maria");
                staff.page("/staff/check-ins");
                HttpResponse<String> notAdmin = staff.post(BACK_UP);
                assertEquals(403, notAdmin.statusCode());
                assertTrue(notAdmin.body().contains("for admins only"));

                Browser admin = TestKiosk.admin(server.port());
                admin.page(SETTINGS);
                assertEquals(403, admin.postRaw(BACK_UP).statusCode(), "no token");
                assertEquals(403, admin.postRaw(BACK_UP, "csrf", "forged").statusCode(), "a forged token");
                assertEquals(List.of(), files(backups), "no backup made");
                assertEquals(303, admin.post(BACK_UP).statusCode(), "with the page's token");
                assertEquals(1, files(backups).size());
            });
        }
    }

    @Test
    void aBackupThatFailsIsShownOnThePageAndThePatientsCarryOn() throws IOException {
        Path notMounted = Files.writeString(tmp.resolve("usb-stick"), "a file where the backup disk should be");
        Path backups = notMounted.resolve("kiosk");
        try (TestKiosk kiosk = kiosk(backups)) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser admin = TestKiosk.admin(server.port());
                admin.page(SETTINGS);
                HttpResponse<String> r = admin.post(BACK_UP);
                assertEquals(303, r.statusCode());
                String page = admin.page(SETTINGS).body();
                String reason = "Backup into " + backups.toAbsolutePath() + " failed: ";
                assertTrue(page.contains("The backup failed: " + reason), "the confirmation says so: " + page);
                assertTrue(page.contains("The last backup failed, Nov 29, 2026 02:30: " + reason), page);
                assertTrue(admin.page(SETTINGS).body().contains("The last backup failed"), "and stays until one succeeds");
                assertTrue(kiosk.app.audit().latest(50).stream().noneMatch(e -> e.action() == AuditAction.BACKUP_MADE));
                assertEquals(200, new Browser(server.port()).page("/").statusCode(), "the kiosk goes on");
                assertEquals(List.of("usb-stick"), files(tmp));
            });
        }
    }
}
