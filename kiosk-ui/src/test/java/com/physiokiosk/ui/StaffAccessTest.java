package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.ui.web.Access;
import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every staff route, read from the app's own route table (not a hand-made sample): refused without
 * a signed-in session, admin routes refused to staff, every form refused without its token, check-in
 * ids checked, and the staff session kept apart from the patient's.
 */
@DisplayName("Staff access rules on every staff route")
class StaffAccessTest {

    private static final String SIGN_IN = com.physiokiosk.ui.web.Security.SIGN_IN;
    private static final Pattern PARAM = Pattern.compile("\\{([a-z]+)}");

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    /** One route of the app, as Javalin holds it. */
    record Route(String method, String path, Set<RouteRole> roles) {
        boolean get() {
            return method.equals("GET");
        }

        boolean open() {
            return roles.contains(Access.ANYONE);
        }

        /** The path with its parameters filled in; a new parameter must be added here, or the test fails. */
        String with(String checkInId, String topic) {
            Matcher m = PARAM.matcher(path);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = switch (m.group(1)) {
                    case "id" -> checkInId;
                    case "topic" -> topic;
                    case "username" -> "admin";
                    case "plugin" -> topic;
                    case "client" -> "1";
                    default -> throw new AssertionError("unknown path parameter in " + path + ": teach this test about it");
                };
                m.appendReplacement(out, value);
            }
            m.appendTail(out);
            return out.toString();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> staffRoutes(Javalin app) {
        List<Route> out = new ArrayList<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            String path = e.endpoint.path;
            if (path.equals("/staff") || path.startsWith("/staff/")) {
                Roles roles = e.endpoint.metadata(Roles.class);
                out.add(new Route(e.endpoint.method.name(), path, roles == null ? Set.of() : roles.getRoles()));
            }
        }
        return out;
    }

    /** A patient's browser with a visit started, holding the patient session and its form token. */
    private static Browser patientOnTheNameScreen(int port) {
        Browser patient = new Browser(port);
        patient.get("/");
        patient.postRaw("/start", "lang", "en");
        patient.get("/name");
        return patient;
    }

    private String aCheckIn(int port) {
        PatientFlowTest.walk(new Browser(port), "en", "Ana", Map.of(), PatientFlowTest.calmCramps());
        return kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0);
    }

    @Test
    void theRouteTableHasAnAccessRuleForEveryStaffRouteAndOnlySignInAndSetUpAreOpen() {
        List<Route> routes = staffRoutes(kiosk.app.javalin());
        assertTrue(routes.size() >= 15, "found the staff routes: " + routes);
        for (Route r : routes) {
            assertEquals(1, r.roles().size(), r + " has exactly one Access");
        }
        Set<String> open = new TreeSet<>();
        routes.stream().filter(Route::open).forEach(r -> open.add(r.toString()));
        assertEquals(new TreeSet<>(Set.of("GET /staff/sign-in", "POST /staff/sign-in", "GET /staff/setup", "POST /staff/setup")),
                open);
    }

    @Test
    void everyStaffRouteRefusesABrowserThatIsNotSignedIn() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            String id = aCheckIn(server.port());
            Browser fresh = new Browser(server.port());
            Browser onTheSignInForm = new Browser(server.port());
            onTheSignInForm.page(SIGN_IN);
            Browser signedOut = TestKiosk.admin(server.port());
            signedOut.page("/staff/check-ins");
            signedOut.post("/staff/sign-out");
            Browser patient = patientOnTheNameScreen(server.port());

            int checked = 0;
            for (Route r : staffRoutes(kiosk.app.javalin())) {
                if (r.open()) {
                    continue;
                }
                String path = r.with(id, "cramps");
                for (Browser b : List.of(fresh, onTheSignInForm, signedOut, patient)) {
                    if (r.get()) {
                        HttpResponse<String> page = b.page(path);
                        assertEquals(303, page.statusCode(), r + ": a page sends the browser to sign in");
                        assertEquals(SIGN_IN, Browser.location(page), r.toString());
                        assertEquals(401, b.get(path).statusCode(), r + ": data and programs get 401");
                        assertEquals(401, b.get(path, "Accept", "text/event-stream").statusCode(), r + ": a live stream gets 401");
                    } else {
                        HttpResponse<String> post = b.post(path, "disabled", "true");
                        assertEquals(401, post.statusCode(), r + ": a form is refused even with a token of its own");
                    }
                    checked++;
                }
            }
            assertTrue(checked >= 4 * 13, "checked " + checked);
            assertTrue(kiosk.app.checkIns().find(id).orElseThrow().reviewedAt() == null, "nothing changed");
            assertFalse(kiosk.app.staffAccounts().find("admin").orElseThrow().disabled());
        });
    }

    @Test
    void staffWhoAreNotAdminsGet403OnAdminRoutesAndReachTheRest() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            String id = aCheckIn(server.port());
            Browser staff = kiosk.staffMember(server.port(), "maria");
            staff.page("/staff/check-ins");
            int admin = 0;
            for (Route r : staffRoutes(kiosk.app.javalin())) {
                String path = r.with(id, "cramps");
                if (r.roles().contains(Access.ADMIN)) {
                    HttpResponse<String> res = r.get() ? staff.page(path) : staff.post(path, "disabled", "true");
                    assertEquals(403, res.statusCode(), r.toString());
                    assertTrue(res.body().contains("for admins only"), r.toString());
                    admin++;
                } else if (r.roles().contains(Access.STAFF) && r.get() && !path.endsWith("/events")) {
                    int status = staff.page(path).statusCode();
                    assertTrue(status == 200 || status == 303, r + " is open to staff: " + status);
                }
            }
            assertTrue(admin >= 4, "admin routes checked: " + admin);
            assertFalse(kiosk.app.staffAccounts().find("admin").orElseThrow().disabled(), "a staff member cannot switch off the admin");
            Browser asAdmin = TestKiosk.admin(server.port());
            assertEquals(200, asAdmin.page("/staff/audit").statusCode());
            assertEquals(200, asAdmin.page("/staff/accounts").statusCode());
        });
    }

    @Test
    void everyStaffFormIsRefusedWithoutItsOwnSessionsToken() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            String id = aCheckIn(server.port());
            Browser patient = patientOnTheNameScreen(server.port());
            String patientToken = patient.csrf();
            Browser admin = TestKiosk.admin(server.port());
            admin.page("/staff/check-ins");
            int posts = 0;
            for (Route r : staffRoutes(kiosk.app.javalin())) {
                if (r.get()) {
                    continue;
                }
                String path = r.with(id, "cramps");
                assertEquals(403, admin.postRaw(path, "disabled", "true").statusCode(), r + " without a token");
                assertEquals(403, admin.postRaw(path, "disabled", "true", "csrf", "forged").statusCode(), r + " forged");
                assertEquals(403, admin.postRaw(path, "disabled", "true", "csrf", patientToken).statusCode(),
                        r + " with the patient's token");
                posts++;
            }
            assertTrue(posts >= 6, "forms checked: " + posts);
            assertTrue(kiosk.app.checkIns().find(id).orElseThrow().reviewedAt() == null);
            assertEquals(200, admin.page("/staff/check-ins").statusCode(), "still signed in: sign-out needs its token too");
        });
    }

    @Test
    void unknownCheckInsAndTopicsGive404AndMalformedOnes400() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            aCheckIn(server.port());
            Browser admin = TestKiosk.admin(server.port());
            admin.page("/staff/check-ins");
            String unknown = "0123456789abcdef0123456789abcdef";
            int checked = 0;
            for (Route r : staffRoutes(kiosk.app.javalin())) {
                if (!r.path().contains("{id}") && !r.path().contains("{topic}")) {
                    continue;
                }
                for (String[] bad : List.of(new String[] {"not-an-id", "cramps"}, new String[] {"ABCDEF", "cramps"},
                        new String[] {unknown.substring(1), "cramps"})) {
                    if (r.path().contains("{id}")) {
                        assertEquals(400, call(admin, r, r.with(bad[0], bad[1])).statusCode(), r + " " + bad[0]);
                    }
                }
                String real = kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0);
                if (r.path().contains("{id}")) {
                    HttpResponse<String> missing = call(admin, r, r.with(unknown, "cramps"));
                    assertEquals(404, missing.statusCode(), r.toString());
                    assertTrue(missing.body().contains("There is no such check-in"), r.toString());
                }
                if (r.path().contains("{topic}")) {
                    assertEquals(400, call(admin, r, r.with(real, "Not_A_Topic")).statusCode(), r.toString());
                    assertEquals(404, call(admin, r, r.with(real, "no-such-topic")).statusCode(), r.toString());
                }
                checked++;
            }
            assertTrue(checked >= 6, "routes with ids checked: " + checked);
            HttpResponse<String> day = admin.page("/staff/check-ins?day=yesterday");
            assertEquals(400, day.statusCode());
            assertEquals(404, admin.page("/staff/no-such-page").statusCode());
            assertTrue(admin.page("/staff/no-such-page").body().contains("Back to check-ins"), "a staff page, not the patient's");
        });
    }

    private static HttpResponse<String> call(Browser b, Route r, String path) {
        return r.get() ? b.page(path) : b.post(path);
    }

    @Test
    void theStaffSessionNeverMixesWithThePatientsSessionOnTheSameBrowser() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            b.get("/");
            b.postRaw("/start", "lang", "en");
            HttpResponse<String> name = b.get("/name");
            String patientSession = b.cookie("KIOSK_SESSION");
            assertFalse(patientSession.isEmpty());

            b.page(SIGN_IN);
            HttpResponse<String> signIn = b.post("/staff/sign-in", "username", "admin", "password", TestKiosk.ADMIN_PASSWORD);
            assertEquals(303, signIn.statusCode());
            HttpResponse<String> list = b.page("/staff/check-ins");
            for (HttpResponse<String> staffPage : List.of(signIn, list)) {
                assertTrue(staffPage.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("KIOSK_SESSION")),
                        "a staff page never touches the patient session");
            }
            assertFalse(list.body().contains("Start again"), "no patient controls on staff pages");

            HttpResponse<String> patientPage = b.get("/name");
            assertEquals(patientSession, b.cookie("KIOSK_SESSION"), "the patient session is the same one");
            assertTrue(patientPage.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("KIOSK_STAFF")));
            assertFalse(patientPage.body().contains("/staff/"), "no staff link or name on a patient screen");
            assertFalse(patientPage.body().contains("admin"), "the staff member is not shown to the patient");
            assertTrue(name.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("KIOSK_STAFF")));

            b.postRaw("/reset");
            assertEquals(200, b.page("/staff/check-ins").statusCode(), "the patient's reset does not sign staff out");
            b.post("/staff/sign-out");
            b.postRaw("/start", "lang", "en");
            assertEquals(200, b.get("/name").statusCode(), "signing out leaves the kiosk working");
        });
    }
}
