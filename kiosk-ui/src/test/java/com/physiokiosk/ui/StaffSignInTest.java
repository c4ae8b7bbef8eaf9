package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.staff.AuditAction;
import com.physiokiosk.engine.staff.AuditEntry;
import io.javalin.testtools.JavalinTest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Staff sign-in: no default password, one-time local set-up, lockout, session rotation, sign-out, idle expiry. */
@DisplayName("Staff sign-in")
class StaffSignInTest {

    private static final String LIST = "/staff/check-ins";

    @Test
    void withNoAccountTheSetUpPageOnThisMachineCreatesTheAdminOnce() {
        try (TestKiosk kiosk = TestKiosk.start()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser b = new Browser(server.port());
                assertEquals("/staff/setup", Browser.location(b.page("/staff/sign-in")), "no account: set-up first");
                assertEquals("/staff/setup", Browser.location(b.get("/setup")));
                HttpResponse<String> form = b.page("/staff/setup");
                assertEquals(200, form.statusCode());
                assertTrue(form.body().contains("There is no default password"));

                HttpResponse<String> tooShort = b.post("/staff/setup", "password", "short pass", "confirm", "short pass");
                assertEquals(400, tooShort.statusCode());
                assertTrue(tooShort.body().contains("at least 12 characters"));
                assertEquals(400, b.post("/staff/setup", "password", "long enough pass", "confirm", "other long pass")
                        .statusCode());
                assertTrue(kiosk.app.staffAccounts().needsSetup(), "nothing made yet");
                assertEquals(403, new Browser(server.port()).postRaw("/staff/setup", "password", "long enough pass",
                        "confirm", "long enough pass").statusCode(), "the set-up form needs its token");

                assertEquals(SIGN_IN, Browser.location(
                        b.post("/staff/setup", "password", "long enough pass", "confirm", "long enough pass")));
                assertFalse(kiosk.app.staffAccounts().needsSetup());
                assertEquals(404, b.page("/staff/setup").statusCode(), "set-up is gone once an account exists");
                assertEquals(404, b.post("/staff/setup", "password", "another password", "confirm", "another password")
                        .statusCode());
                b.page("/staff/sign-in");
                assertEquals(LIST, Browser.location(b.post("/staff/sign-in", "username", "admin", "password", "long enough pass")));
                assertEquals(200, b.page(LIST).statusCode());
            });
        }
    }

    @Test
    void theSetUpPageRefusesABrowserOnAnotherMachine() throws Exception {
        Optional<InetAddress> lan = lanAddress();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no network address besides loopback");
        try (TestKiosk kiosk = TestKiosk.start()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                URI setup = URI.create("http://" + lan.get().getHostAddress() + ":" + server.port() + "/staff/setup");
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(setup).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(403, r.statusCode());
                assertTrue(r.body().contains("only be set up on the kiosk computer itself"));
                URI signIn = URI.create("http://" + lan.get().getHostAddress() + ":" + server.port() + "/staff/sign-in");
                HttpResponse<String> page = http.send(HttpRequest.newBuilder(signIn).header("Accept", "text/html").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode(), "elsewhere the sign-in page explains, without a set-up link to follow");
                assertTrue(page.body().contains("No staff account exists yet"));
            });
        }
    }

    @Test
    void kioskAdminPasswordCreatesTheAdminAccountAndThereIsNoSetUpPage() {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser b = new Browser(server.port());
                assertEquals(200, b.page("/staff/sign-in").statusCode());
                assertEquals(404, b.page("/staff/setup").statusCode());
                assertEquals(LIST, Browser.location(b.post("/staff/sign-in", "username", "admin",
                        "password", TestKiosk.ADMIN_PASSWORD)));
                Browser guesser = new Browser(server.port());
                guesser.page("/staff/sign-in");
                assertEquals(401, guesser.post("/staff/sign-in", "username", "admin", "password", "admin").statusCode(),
                        "no default password");
            });
        }
    }

    @Test
    void signingInGivesANewStrictHttpOnlySessionCookieForStaffPagesOnly() {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser b = new Browser(server.port());
                HttpResponse<String> form = b.page("/staff/sign-in");
                String before = b.cookie("KIOSK_STAFF");
                assertFalse(before.isEmpty(), "the form has a session for its token");
                String setCookie = form.headers().firstValue("Set-Cookie").orElse("");
                assertTrue(setCookie.contains("HttpOnly"), setCookie);
                assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
                assertTrue(setCookie.contains("Path=/staff"), setCookie);

                HttpResponse<String> signedIn = b.post("/staff/sign-in", "username", "admin", "password", TestKiosk.ADMIN_PASSWORD);
                assertEquals(LIST, Browser.location(signedIn));
                String after = b.cookie("KIOSK_STAFF");
                assertNotEquals(before, after, "session id rotated at sign-in");
                assertTrue(signedIn.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("KIOSK_SESSION")),
                        "the patient's session is never touched");

                Browser withOldId = new Browser(server.port());
                HttpResponse<String> replay = withOldId.send(HttpRequest.newBuilder(URI.create(b.origin() + LIST))
                        .header("Cookie", "KIOSK_STAFF=" + before).build());
                assertEquals(401, replay.statusCode(), "the id from before sign-in is worth nothing");
            });
        }
    }

    @Test
    void everyRefusalSaysTheSameAndFiveFailuresLockTheAccountForFifteenMinutes() {
        MutableClock clock = MutableClock.now();
        try (TestKiosk kiosk = TestKiosk.withAdmin(clock)) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser b = new Browser(server.port());
                b.page("/staff/sign-in");
                HttpResponse<String> unknown = b.post("/staff/sign-in", "username", "nobody", "password", "whatever it is");
                HttpResponse<String> wrong = b.post("/staff/sign-in", "username", "admin", "password", "wrong password 1");
                assertEquals(401, unknown.statusCode());
                assertEquals(401, wrong.statusCode());
                assertEquals(errorOf(unknown), errorOf(wrong), "an unknown name and a wrong password look alike");
                assertTrue(errorOf(wrong).contains("locked for 15 minutes"), errorOf(wrong));
                assertFalse(wrong.body().contains("wrong password 1"), "the password is never echoed");
                for (int i = 2; i <= 5; i++) {
                    assertEquals(401, b.post("/staff/sign-in", "username", "admin", "password", "wrong password " + i)
                            .statusCode());
                }
                HttpResponse<String> locked = b.post("/staff/sign-in", "username", "admin", "password", TestKiosk.ADMIN_PASSWORD);
                assertEquals(401, locked.statusCode(), "locked: even the right password is refused");
                assertEquals(errorOf(wrong), errorOf(locked), "and it says nothing more");

                clock.advance(Duration.ofMinutes(16));
                assertEquals(LIST, Browser.location(b.post("/staff/sign-in", "username", "admin",
                        "password", TestKiosk.ADMIN_PASSWORD)), "the lock runs out");
                List<AuditEntry> audit = kiosk.app.audit().latest(20);
                assertEquals(AuditAction.SIGN_IN, audit.get(0).action());
                assertTrue(audit.stream().anyMatch(e -> e.action() == AuditAction.SIGN_IN_FAILED
                        && "wrong password; locked".equals(e.detail())));
            });
        }
    }

    @Test
    void signingOutEndsTheSession() {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser b = TestKiosk.admin(server.port());
                b.page(LIST);
                assertEquals(SIGN_IN, Browser.location(b.post("/staff/sign-out")));
                assertEquals(SIGN_IN, Browser.location(b.page(LIST)));
                assertEquals(AuditAction.SIGN_OUT, kiosk.app.audit().latest(1).get(0).action());
            });
        }
    }

    @Test
    void aSessionLeftAloneForTheIdleTimeIsSignedOutAndTheLiveListDoesNotKeepItAlive() {
        MutableClock clock = MutableClock.now();
        try (TestKiosk kiosk = TestKiosk.start(TestKiosk.BUILT_PLUGINS,
                Map.of("KIOSK_ADMIN_PASSWORD", TestKiosk.ADMIN_PASSWORD, "KIOSK_STAFF_IDLE_MINUTES", "30"), clock)) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser b = TestKiosk.admin(server.port());
                clock.advance(Duration.ofMinutes(29));
                assertEquals(200, b.page(LIST).statusCode(), "a click within the idle time keeps it");
                clock.advance(Duration.ofMinutes(20));
                assertEquals(200, b.get(LIST, "Accept", "text/html", "X-Kiosk-Background", "1").statusCode(),
                        "the list reloading itself is allowed...");
                clock.advance(Duration.ofMinutes(11));
                assertEquals(SIGN_IN, Browser.location(b.page(LIST)), "...but does not count as activity");
            });
        }
    }

    private static final String SIGN_IN = com.physiokiosk.ui.web.Security.SIGN_IN;

    private static String errorOf(HttpResponse<String> r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p class=\"error\" role=\"alert\">([^<]*)</p>").matcher(r.body());
        assertTrue(m.find(), "an error message: " + r.body());
        return m.group(1);
    }

    private static Optional<InetAddress> lanAddress() throws Exception {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
