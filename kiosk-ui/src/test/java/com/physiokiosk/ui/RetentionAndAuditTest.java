package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.RetentionJob;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.storage.Dialect;
import io.javalin.testtools.JavalinTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** Check-ins past the retention period are deleted, securely and audited; admins read the audit log. */
@DisplayName("Retention and audit log")
@ParameterizedClass(name = "on {0}")
@EnumSource(Dialect.class)
class RetentionAndAuditTest {

    /** The database the kiosk keeps its data in: every test here runs on SQLite and on PostgreSQL. */
    @Parameter
    Dialect dialect;

    @org.junit.jupiter.api.AfterEach
    void printFigures() {
        Report.print();
    }

    private static CheckIn store(TestKiosk kiosk, MutableClock clock, LocalDate day, String name) {
        return kiosk.app.checkIns().insert(day, day.atTime(9, 30).atZone(clock.getZone()).toInstant(), "en", name, List.of(
                new TopicResponse("cramps", "cramps", "0.1.0", "Back cramps",
                        List.of(new StoredAnswer("pain-score", QuestionType.SCALE_0_10, "How bad?", List.of("7"), "7 out of 10")),
                        List.of(new StoredFinding("severe", Severity.CONSULT, null, "Severe pain.", List.of("pain-score"), "seed")))));
    }

    @Test
    void checkInsOlderThanTheRetentionPeriodAreDeletedAtStartAndTheLogHoldsNoPatientData() throws Exception {
        MutableClock clock = MutableClock.now();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(RetentionJob.class);
        logger.setLevel(Level.INFO);
        logger.addAppender(logged);
        logged.start();
        try (TestKiosk kiosk = TestKiosk.start(dialect, TestKiosk.BUILT_PLUGINS,
                Map.of("KIOSK_ADMIN_PASSWORD", TestKiosk.ADMIN_PASSWORD, "KIOSK_RETENTION_DAYS", "30"), clock)) {
            LocalDate today = LocalDate.now(clock);
            CheckIn tooOld = store(kiosk, clock, today.minusDays(31), "Zebulon");
            CheckIn lastDayKept = store(kiosk, clock, today.minusDays(30), "Yolanda");
            CheckIn fresh = store(kiosk, clock, today, "Xavier");

            kiosk.app.retention().start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (kiosk.app.checkIns().find(tooOld.publicId()).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            kiosk.app.retention().stop();
            assertTrue(kiosk.app.checkIns().find(tooOld.publicId()).isEmpty(), "deleted by the first run, at start");
            assertTrue(kiosk.app.checkIns().find(lastDayKept.publicId()).isPresent(), "30 days back is still kept");
            assertTrue(kiosk.app.checkIns().find(fresh.publicId()).isPresent());

            clock.advance(Duration.ofDays(1));
            assertEquals(1, kiosk.app.retention().runOnce(), "a day later the next one goes");
            assertEquals(0, kiosk.app.retention().runOnce());

            List<String> lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertTrue(lines.contains("Retention: deleted 1 check-ins from before " + today.minusDays(30) + " (30 days kept)"),
                    lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains("Zebulon") || l.contains("Yolanda") || l.contains("How bad")),
                    "no patient data in the log: " + lines);
            List<AuditEntry> deletes = kiosk.app.audit().latest(10).stream()
                    .filter(e -> e.action() == AuditAction.DELETE).toList();
            assertEquals(List.of(lastDayKept.publicId(), tooOld.publicId()), deletes.stream().map(AuditEntry::checkInId).toList());
            assertTrue(deletes.stream().allMatch(e -> e.username().equals(AuditLog.SYSTEM)
                    && e.detail().equals("retention: older than 30 days")));

            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser admin = TestKiosk.admin(server.port());
                assertEquals(404, admin.page("/staff/check-ins/" + tooOld.publicId()).statusCode(), "gone for staff too");
                String audit = admin.page("/staff/audit").body();
                assertTrue(audit.contains(tooOld.publicId()) && audit.contains(">deleted<") && audit.contains(">system<"));
                assertFalse(audit.contains("Zebulon"));
            });
        } finally {
            logger.detachAppender(logged);
            logger.setLevel(null);
        }
    }

    @Test
    void theAuditLogShowsAdminsWhoSignedInViewedPrintedExportedAndReviewedWhichCheckInAndWhen() {
        try (TestKiosk kiosk = TestKiosk.withAdmin(dialect)) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                PatientFlowTest.walk(new Browser(server.port()), "en", "Zebulon", Map.of(), PatientFlowTest.calmCramps());
                String id = kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0);
                Browser maria = kiosk.staffMember(server.port(), "maria");
                String summary = "/staff/check-ins/" + id;
                maria.page(summary);
                maria.page(summary + "/print");
                maria.bytes(summary + "/pdf");
                maria.get(summary + "/fhir/cramps");
                maria.post(summary + "/reviewed");
                maria.post("/staff/sign-out");

                assertEquals(403, kiosk.staffMember(server.port(), "pedro").page("/staff/audit").statusCode(),
                        "a staff member who is not an admin cannot read the audit log");

                String audit = TestKiosk.admin(server.port()).page("/staff/audit").body();
                for (String action : List.of("signed in", "viewed", "printed", "downloaded PDF", "exported FHIR",
                        "marked reviewed", "signed out", "account created")) {
                    assertTrue(audit.contains(">" + action + "<"), action);
                }
                assertTrue(audit.contains(">maria<"));
                assertTrue(audit.contains("href=\"/staff/check-ins/" + id + "\""), "which check-in, by id");
                assertTrue(audit.matches("(?s).*<td>[^<]*\\d\\d:\\d\\d</td>.*"), "when");
                assertFalse(audit.contains("Zebulon"), "never the patient's name");
                List<AuditAction> mine = kiosk.app.audit().latest(50).stream().filter(e -> e.username().equals("maria"))
                        .map(AuditEntry::action).toList();
                assertEquals(List.of(AuditAction.SIGN_OUT, AuditAction.MARK_REVIEWED, AuditAction.EXPORT_FHIR,
                        AuditAction.EXPORT_PDF, AuditAction.PRINT, AuditAction.VIEW, AuditAction.SIGN_IN), mine);
            });
        }
    }

    @Test
    void fiveHundredRefusedSignInsLeaveAFewLinesAndARealAdminActionStaysOnTheFirstPage() {
        try (TestKiosk kiosk = TestKiosk.withAdmin(dialect)) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser admin = TestKiosk.admin(server.port());
                admin.page("/staff/accounts");
                admin.post("/staff/accounts", "username", "maria", "role", "staff", "password", "a long staff password",
                        "confirm", "a long staff password");
                int before = kiosk.app.audit().latest(1_000).size();
                SignInClient attacker = new SignInClient(server.port(), "127.0.13.66");
                for (int i = 0; i < 500; i++) {
                    int status = attacker.signIn(i % 2 == 0 ? "admin" : "guess" + i, "wrong password " + i).status();
                    assertTrue(status == 401 || status == 429);
                }
                List<AuditEntry> all = kiosk.app.audit().latest(1_000);
                List<AuditEntry> refusals = all.stream().filter(e -> e.action() == AuditAction.SIGN_IN_FAILED).toList();
                Report.line("[audit grouping] 500 refused sign-ins wrote %d lines: %s%n", all.size() - before,
                        refusals.stream().map(e -> e.username() + "/" + e.detail() + " x" + e.repeats()).toList());
                assertTrue(all.size() - before <= 4, "one line per name kind and reason: " + refusals);
                assertEquals(500, refusals.stream().mapToInt(AuditEntry::repeats).sum(), "each one counted");

                String page = admin.page("/staff/audit").body();
                assertTrue(page.contains(">account created<") && page.contains("maria (staff)"),
                        "the real admin action is still on the first page");
                assertTrue(page.contains("127.0.13.66"), "where the refusals came from");
                assertTrue(page.matches("(?s).*\\d+ times, the last on .*"), "and how many");
                assertTrue(page.contains("(a name with no account)"));
                assertFalse(page.contains("guess1"), "names no account has are not kept");
            });
        }
    }

    @Test
    void theAuditPagePagesOlderAndNewerAndFiltersByActionUserAndDay() {
        MutableClock clock = MutableClock.now();
        try (TestKiosk kiosk = TestKiosk.withAdmin(dialect, clock)) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                for (int i = 0; i < 250; i++) {
                    kiosk.app.audit().record(i % 5 == 0 ? "maria" : "pedro", i % 2 == 0 ? AuditAction.VIEW : AuditAction.PRINT,
                            String.format("%032x", i), null);
                }
                clock.advance(Duration.ofDays(1));
                Browser admin = TestKiosk.admin(server.port());
                String first = admin.page("/staff/audit").body();
                assertEquals(100, rows(first));
                assertFalse(first.contains("rel=\"prev\""), "the newest page has no newer one");
                String older = link(first, "next");
                String second = admin.page(older).body();
                assertEquals(100, rows(second));
                String third = admin.page(link(second, "next")).body();
                assertEquals(52, rows(third), "250, the first admin's creation and today's sign-in");
                assertFalse(third.contains("rel=\"next\""));
                assertEquals(rows(second), rows(admin.page(link(third, "prev")).body()));

                String filtered = admin.page("/staff/audit?action=view&user=maria").body();
                assertEquals(25, rows(filtered));
                assertFalse(filtered.contains(">pedro<"));
                assertTrue(filtered.contains("<option value=\"view\" selected>"), "the filter is shown as chosen");
                String yesterday = LocalDate.now(clock).minusDays(1).toString();
                assertEquals(100, rows(admin.page("/staff/audit?day=" + yesterday).body()));
                String today = admin.page("/staff/audit?action=sign_in&day=" + LocalDate.now(clock)).body();
                assertEquals(1, rows(today), "today: only the admin's sign-in");
                assertTrue(admin.page("/staff/audit?action=sign_in&day=" + LocalDate.now(clock) + "&user=nobody").body()
                        .contains("No entries match."));
                for (String bad : List.of("?day=-999999999-01-01", "?day=2026-13-01", "?action=explode", "?before=x",
                        "?user=" + "a".repeat(41))) {
                    assertEquals(400, admin.page("/staff/audit" + bad).statusCode(), bad);
                }
            });
        }
    }

    private static int rows(String page) {
        return page.split("<tr>", -1).length - 2;
    }

    private static String link(String page, String rel) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rel=\"" + rel + "\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), "a " + rel + " link");
        return m.group(1).replace("&amp;", "&");
    }
}
