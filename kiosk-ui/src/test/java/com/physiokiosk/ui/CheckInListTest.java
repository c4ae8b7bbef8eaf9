package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.QuestionType;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.storage.Dialect;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The staff's list of check-ins: urgent pinned on top, newest first, filter by day, live updates. */
@DisplayName("Today's check-ins")
@ParameterizedClass(name = "on {0}")
@EnumSource(Dialect.class)
class CheckInListTest {

    /** The database the kiosk keeps its data in: every test here runs on SQLite and on PostgreSQL. */
    @Parameter
    Dialect dialect;

    private static final Pattern NUMBERS = Pattern.compile("<td class=\"num\">(\\d+)</td>");

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

    private static List<Integer> numbers(String html) {
        List<Integer> out = new ArrayList<>();
        Matcher m = NUMBERS.matcher(html);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /** The table row of check-in {@code number}. */
    private static String row(String html, int number) {
        Matcher m = Pattern.compile("<tr class=\"[^\"]*\">\\s*<td class=\"num\">" + number
                + "</td>.*?</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "row of check-in " + number);
        return m.group();
    }

    @Test
    void theListPinsUrgentCheckInsOnTopThenNewestFirstWithNumberNameTimeTopicsAndReview() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            PatientFlowTest.walk(new Browser(server.port()), "en", "Ana", Map.of(), PatientFlowTest.calmCramps());
            PatientFlowTest.walk(new Browser(server.port()), "en", "Ben", Map.of("saddle-numbness", "yes"),
                    PatientFlowTest.calmCramps());
            PatientFlowTest.walk(new Browser(server.port()), "es", "", Map.of(), PatientFlowTest.calmCramps());

            Browser staff = kiosk.staffMember(server.port(), "maria");
            HttpResponse<String> list = staff.page("/staff/check-ins");
            assertEquals(200, list.statusCode());
            assertEquals(List.of(2, 3, 1), numbers(list.body()), "urgent first, then newest first");
            String ben = row(list.body(), 2);
            assertTrue(ben.contains("urgent-row") && ben.contains("URGENT") && ben.contains("Ben"), ben);
            String ana = row(list.body(), 1);
            assertTrue(ana.contains("Ana") && ana.contains("Back cramps") && ana.contains("Not reviewed"), ana);
            assertFalse(ana.contains("URGENT"));
            assertTrue(ana.matches("(?s).*<td>\\d\\d:\\d\\d</td>.*"), "time of day: " + ana);
            assertFalse(ana.contains("safety"), "the safety screen asked of everyone is not listed as a topic");
            assertTrue(row(list.body(), 3).contains("(no name given)"));

            String anaId = kiosk.app.checkIns().summariesForDay(LocalDate.now()).stream()
                    .filter(s -> s.number() == 1).findFirst().orElseThrow().publicId();
            staff.page("/staff/check-ins/" + anaId);
            assertEquals(303, staff.post("/staff/check-ins/" + anaId + "/reviewed").statusCode());
            String after = staff.page("/staff/check-ins").body();
            assertTrue(row(after, 1).contains(">Reviewed<"), row(after, 1));
            assertTrue(row(after, 2).contains("Not reviewed"));
        });
    }

    @Test
    void anotherDayIsShownWhenAskedForAndTodayByDefault() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            LocalDate day = LocalDate.now().minusDays(3);
            kiosk.app.checkIns().insert(day, Instant.now().minusSeconds(3 * 86_400), "en", "Dora", List.of(
                    new TopicResponse("cramps", "cramps", "0.1.0", "Back cramps",
                            List.of(new StoredAnswer("pain-score", QuestionType.SCALE_0_10, "How bad?", List.of("4"), "4 out of 10")),
                            List.of())));
            Browser staff = TestKiosk.admin(server.port());
            String today = staff.page("/staff/check-ins").body();
            assertTrue(today.contains("No check-ins on this day."));
            assertTrue(today.contains("data-live=\"yes\""), "today's list updates itself");
            String then = staff.page("/staff/check-ins?day=" + day).body();
            assertEquals(List.of(1), numbers(then));
            assertTrue(then.contains("Dora"));
            assertTrue(then.contains("data-live=\"no\""), "a past day does not");
            assertTrue(then.contains("?day=" + day.minusDays(1)) && then.contains("?day=" + day.plusDays(1)));
            assertEquals(400, staff.page("/staff/check-ins?day=2026-13-45").statusCode());
        });
    }

    @Test
    void anUrgentCheckInReachesAnOpenStaffScreenWithinTwoSecondsWithoutPatientData() throws Exception {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser staff = TestKiosk.admin(server.port());
            StaffEventStream stream = StaffEventStream.open(staff);

            // The patient answers "yes" to fever: staff hear of it then, not when the visit is sent.
            Browser patient = new Browser(server.port());
            Walker w = new Walker(patient).topic("cramps", PatientFlowTest.calmCramps());
            w.answerUntil(w.start("en", "Zebulon"), "/q/safety/fever");
            assertEquals("/urgent", Browser.location(patient.post("/q/safety/fever", "answer", "yes")));
            long answered = System.nanoTime();
            String data = stream.nextCheckIn(answered + TimeUnit.SECONDS.toNanos(2));
            assertNotNull(data, "an event within 2 seconds of the answer");
            assertEquals("{\"day\":\"" + LocalDate.now() + "\",\"number\":1,\"urgent\":true,\"alert\":true}", data);
            assertFalse(data.contains("Zebulon"), "no patient data in the stream");

            // Carrying on and sending: the list refreshes, the alert does not sound again.
            assertEquals("/q/safety/cancer", Browser.location(patient.post("/urgent/carry-on")));
            assertEquals("/topics", w.answerFrom("/q/safety/cancer"));
            assertEquals("/review", w.answerFrom(w.choose("cramps")));
            w.send();
            int updates = 0;
            for (String sent; (sent = stream.nextCheckIn(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(700))) != null; ) {
                assertEquals("{\"day\":\"" + LocalDate.now() + "\",\"number\":1,\"urgent\":true,\"alert\":false}", sent);
                updates++;
            }
            assertTrue(updates > 0, "each later answer updates the staff list");

            PatientFlowTest.walk(new Browser(server.port()), "en", "Ana", Map.of(), PatientFlowTest.calmCramps());
            String calm = stream.nextCheckIn(System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
            assertEquals("{\"day\":\"" + LocalDate.now() + "\",\"number\":2,\"urgent\":false,\"alert\":false}", calm,
                    "every check-in refreshes the list; only a new urgent finding alerts");
            stream.close();
        });
    }

    @Test
    void everyStaffPageCarriesTheLiveScriptTheAlertBannerAndTheSoundSwitch() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser admin = TestKiosk.admin(server.port());
            for (String path : List.of("/staff/check-ins", "/staff/audit", "/staff/accounts", "/staff/admin/topics",
                    "/staff/admin/settings", "/staff/admin/catalogue")) {
                String page = admin.page(path).body();
                assertTrue(page.contains("<script src=\"" + com.physiokiosk.ui.view.Assets.url("staff.js")
                        + "\" defer></script>"), path);
                assertTrue(page.contains("data-signed-in=\"yes\""), path);
                assertTrue(page.contains("id=\"live-banner\" role=\"alert\" hidden"), path);
                assertTrue(page.contains("Urgent check-in number {0}: please see the patient now."), path);
                assertTrue(page.contains("id=\"sound-toggle\""), path);
            }
            String signIn = new Browser(server.port()).get("/staff/sign-in").body();
            assertTrue(signIn.contains("data-signed-in=\"no\"") && !signIn.contains("id=\"live-banner\""),
                    "nothing live before sign-in");
            String script = new Browser(server.port()).get("/assets/staff.js").body();
            assertTrue(script.contains("new EventSource('/staff/events')"));
            assertTrue(script.contains("createOscillator"), "an audible alert");
            assertTrue(script.contains("X-Kiosk-Background"), "its reloads do not keep the session alive");
        });
    }
}
