package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.audit.AuditLog;
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

/**
 * Staff sign-in: no default password, one-time local set-up, back-off, the sessionless sign-in
 * form, session rotation, sign-out, idle expiry.
 */
@DisplayName("Staff sign-in")
class StaffSignInTest {

    @org.junit.jupiter.api.AfterEach
    void printFigures() {
        Report.print();
    }

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
    void theSignInPageSetsOnlyASignedFormCookieAndSigningInStartsANewStrictHttpOnlySession() {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser b = new Browser(server.port());
                HttpResponse<String> form = b.page("/staff/sign-in");
                assertEquals("", b.cookie("KIOSK_STAFF"), "no staff session before sign-in");
                assertEquals("", b.cookie("KIOSK_SESSION"), "and no patient session");
                String formCookie = form.headers().firstValue("Set-Cookie").orElse("");
                assertTrue(formCookie.startsWith("KIOSK_STAFF_FORM=" + b.csrf() + ";"), "double submit: " + formCookie);
                assertTrue(formCookie.contains("HttpOnly"), formCookie);
                assertTrue(formCookie.contains("SameSite=Strict"), formCookie);
                assertTrue(formCookie.contains("Path=/staff"), formCookie);
                assertEquals(b.csrf(), csrfOf(b.page("/staff/sign-in")), "a second tab keeps the same token");

                HttpResponse<String> signedIn = b.post("/staff/sign-in", "username", "admin", "password", TestKiosk.ADMIN_PASSWORD);
                assertEquals(LIST, Browser.location(signedIn));
                String first = b.cookie("KIOSK_STAFF");
                assertFalse(first.isEmpty());
                String setCookie = signedIn.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("KIOSK_STAFF=")).findFirst().orElseThrow();
                assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict")
                        && setCookie.contains("Path=/staff"), setCookie);
                assertTrue(signedIn.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("KIOSK_SESSION")),
                        "the patient's session is never touched");

                assertEquals(LIST, Browser.location(b.post("/staff/sign-in", "username", "admin",
                        "password", TestKiosk.ADMIN_PASSWORD)));
                String second = b.cookie("KIOSK_STAFF");
                assertNotEquals(first, second, "session id rotated at every sign-in");
                Browser withOldId = new Browser(server.port());
                HttpResponse<String> replay = withOldId.send(HttpRequest.newBuilder(URI.create(b.origin() + LIST))
                        .header("Cookie", "KIOSK_STAFF=" + first).build());
                assertEquals(401, replay.statusCode(), "the id from before is worth nothing");

                Browser planted = new Browser(server.port());
                planted.page("/staff/sign-in");
                String chosen = "0123456789abcdef0123456789abcdef0123456789abcdef";
                planted.http.cookieHandler().ifPresent(h -> ((java.net.CookieManager) h).getCookieStore().add(
                        URI.create(b.origin()), cookie("KIOSK_STAFF", chosen)));
                HttpResponse<String> afterPlant = planted.post("/staff/sign-in", "username", "admin",
                        "password", TestKiosk.ADMIN_PASSWORD);
                assertEquals(LIST, Browser.location(afterPlant));
                String given = afterPlant.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("KIOSK_STAFF="))
                        .findFirst().orElseThrow();
                assertFalse(given.startsWith("KIOSK_STAFF=" + chosen), "an id planted before sign-in is not taken: " + given);
                assertEquals(200, b.page(LIST).statusCode(), "the other browser is still signed in");
            });
        }
    }

    @Test
    void everyRefusalSaysTheSameAndFiveFailuresFromOneComputerAskItToWaitALittle() {
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
                assertTrue(errorOf(wrong).contains("After 5 failed attempts from one computer"), errorOf(wrong));
                assertFalse(wrong.body().contains("wrong password 1"), "the password is never echoed");
                for (int i = 2; i <= 5; i++) {
                    assertEquals(401, b.post("/staff/sign-in", "username", "admin", "password", "wrong password " + i)
                            .statusCode());
                }
                HttpResponse<String> slowed = b.post("/staff/sign-in", "username", "admin", "password", TestKiosk.ADMIN_PASSWORD);
                assertEquals(429, slowed.statusCode(), "asked to wait: even the right password is not judged");
                assertEquals("30", slowed.headers().firstValue("Retry-After").orElse(""));
                assertTrue(errorOf(slowed).contains("please wait 1 minute and try again"), errorOf(slowed));
                assertTrue(slowed.body().contains("value=\"admin\""), "the name stays in the form");

                clock.advance(Duration.ofSeconds(31));
                assertEquals(LIST, Browser.location(b.post("/staff/sign-in", "username", "admin",
                        "password", TestKiosk.ADMIN_PASSWORD)), "half a minute later it works");
                List<AuditEntry> audit = kiosk.app.audit().latest(20);
                assertEquals(AuditAction.SIGN_IN, audit.get(0).action());
                assertEquals("127.0.0.1", audit.get(0).source());
                AuditEntry failures = audit.stream().filter(e -> e.action() == AuditAction.SIGN_IN_FAILED
                        && e.username().equals("admin") && "wrong password".equals(e.detail())).findFirst().orElseThrow();
                assertEquals(5, failures.repeats(), "five failures, one line");
                assertTrue(audit.stream().anyMatch(e -> e.username().equals(AuditLog.UNKNOWN_USER)),
                        "the unknown name is audited without being kept");
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

    @Test
    void elevenParallelGuessesWithTheRightOneAmongThemAfterTheBudgetIsSpentAllWaitAndNoneGetsIn() throws Exception {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                SignInClient attacker = new SignInClient(server.port(), "127.0.5.1");
                for (int i = 0; i < 5; i++) {
                    assertEquals(401, attacker.signIn("admin", "wrong password " + i).status());
                }
                List<Integer> statuses = parallel(11, i -> attacker.signIn("admin",
                        i == 6 ? TestKiosk.ADMIN_PASSWORD : "parallel guess " + i).status());
                assertEquals(Collections.nCopies(11, 429), statuses, "none judged, none in");
                assertEquals(0, kiosk.app.staffSessions().count(), "no session was started");
            });
        }
    }

    @Test
    void elevenParallelGuessesOnAFreshAccountAreJudgedOnlyAsOftenAsTheBackOffAllows() throws Exception {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                SignInClient attacker = new SignInClient(server.port(), "127.0.5.2");
                List<Integer> statuses = parallel(11, i -> attacker.signIn("admin", "parallel guess " + i).status());
                assertEquals(5, statuses.stream().filter(s -> s == 401).count(), "counted before the hash: " + statuses);
                assertEquals(6, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
            });
        }
    }

    @Test
    void anAttackerHammeringTheAdminFromOneAddressDoesNotKeepTheAdminOutFromAnother() {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                SignInClient attacker = new SignInClient(server.port(), "127.0.6.66");
                int refused = 0;
                for (int i = 0; i < 300; i++) {
                    int status = attacker.signIn("admin", "guess number " + i).status();
                    assertTrue(status == 401 || status == 429, "status " + status);
                    refused += status == 429 ? 1 : 0;
                }
                assertTrue(refused >= 290, "all but the first few are told to wait: " + refused);
                RawHttp.Response admin = new SignInClient(server.port(), "127.0.6.10").signIn("admin", TestKiosk.ADMIN_PASSWORD);
                assertEquals(303, admin.status(), "the admin, at another computer, signs in at once");
                assertTrue(admin.header("set-cookie").contains("KIOSK_STAFF="));
                assertEquals(429, attacker.signIn("admin", TestKiosk.ADMIN_PASSWORD).status(),
                        "the attacker's computer waits, whatever it sends");
            });
        }
    }

    @Test
    void anUnknownNameGetsTheSameStatusMessageAndBackOffAsAKnownOne() {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                SignInClient one = new SignInClient(server.port(), "127.0.7.1");
                SignInClient other = new SignInClient(server.port(), "127.0.7.2");
                for (int i = 0; i < 8; i++) {
                    RawHttp.Response known = one.signIn("admin", "wrong password " + i);
                    RawHttp.Response unknown = other.signIn("nobody", "wrong password " + i);
                    assertEquals(known.status(), unknown.status(), "attempt " + i);
                    assertEquals(SignInClient.error(known), SignInClient.error(unknown));
                    assertEquals(known.header("retry-after"), unknown.header("retry-after"));
                    assertEquals(i < 5 ? 401 : 429, known.status());
                }
            });
        }
    }

    @Test
    void thousandsOfSignInPageViewsStartNoSessionAndSignedInStaffStaySignedIn() throws Exception {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                Browser admin = TestKiosk.admin(server.port());
                assertEquals(200, admin.page(LIST).statusCode());
                Browser midForm = new Browser(server.port());
                midForm.page("/staff/sign-in");
                assertEquals(1, kiosk.app.staffSessions().count());

                int views = 5_200;
                java.util.concurrent.atomic.AtomicInteger sessionCookies = new java.util.concurrent.atomic.AtomicInteger();
                java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
                HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
                HttpRequest page = HttpRequest.newBuilder(URI.create(admin.origin() + "/staff/sign-in"))
                        .header("Accept", "text/html").build();
                parallel(4, t -> {
                    for (int i = 0; i < views / 4; i++) {
                        HttpResponse<String> r = send(http, page);
                        ok.addAndGet(r.statusCode() == 200 ? 1 : 0);
                        if (r.headers().allValues("Set-Cookie").stream()
                                .anyMatch(c -> c.startsWith("KIOSK_STAFF=") || c.startsWith("KIOSK_SESSION="))) {
                            sessionCookies.incrementAndGet();
                        }
                    }
                    return 0;
                });
                Report.line("[sign-in page flood] %d views, %d answered 200, %d set a session cookie,"
                        + " staff sessions held: %d%n", views, ok.get(), sessionCookies.get(), kiosk.app.staffSessions().count());
                assertEquals(views, ok.get());
                assertEquals(0, sessionCookies.get(), "no session, staff or patient, for a page view");
                assertEquals(1, kiosk.app.staffSessions().count(), "the signed-in admin's only");
                assertEquals(200, admin.page(LIST).statusCode(), "the admin is still signed in");
                assertEquals(LIST, Browser.location(midForm.post("/staff/sign-in", "username", "admin",
                        "password", TestKiosk.ADMIN_PASSWORD)), "a form opened before the flood still works");
            });
        }
    }

    @Test
    void aSignInOrSetUpWithoutItsTokenOrWithAForgedOneIsRefusedWith403AndNothingIsCounted() {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                String token = new SignInClient(server.port(), "127.0.8.1").token();
                String forged = "ab".repeat(token.length() / 2);
                String tampered = token.substring(0, 40) + (token.charAt(40) == '0' ? '1' : '0') + token.substring(41);
                List<List<String>> cases = List.of(
                        List.of(),                                                  // neither
                        List.of("csrf", token),                                     // field only
                        List.of("cookie", token),                                   // cookie only
                        List.of("csrf", token, "cookie", forged),                   // they differ
                        List.of("csrf", forged, "cookie", forged),                  // equal, not signed here
                        List.of("csrf", tampered, "cookie", tampered));             // signature broken
                for (int round = 0; round < 5; round++) {
                    for (List<String> c : cases) {
                        RawHttp.Response r = post(server.port(), "/staff/sign-in", c, "username=admin&password="
                                + TestKiosk.ADMIN_PASSWORD.replace(' ', '+'));
                        assertEquals(403, r.status(), c.toString());
                        assertTrue(r.body().contains("This form has expired"), r.body());
                        assertFalse(r.header("set-cookie").contains("KIOSK_STAFF="), "no session");
                    }
                }
                assertEquals(303, new SignInClient(server.port(), "127.0.0.1").withToken(token)
                        .signIn("admin", TestKiosk.ADMIN_PASSWORD).status(), "30 refused forms counted nothing");
            });
        }
        try (TestKiosk fresh = TestKiosk.start()) {
            JavalinTest.test(fresh.app.javalin(), (server, client) -> {
                RawHttp.Response r = post(server.port(), "/staff/setup", List.of("csrf", "ab".repeat(56), "cookie",
                        "ab".repeat(56)), "password=long+enough+pass&confirm=long+enough+pass");
                assertEquals(403, r.status());
                assertTrue(fresh.app.staffAccounts().needsSetup());
            });
        }
    }

    /** A form POST with the token as {@code parts} says: {@code "csrf"} in the body, {@code "cookie"} in the cookie. */
    private static RawHttp.Response post(int port, String path, List<String> parts, String body) throws Exception {
        StringBuilder b = new StringBuilder(body);
        List<String> headers = new java.util.ArrayList<>(List.of("Content-Type: application/x-www-form-urlencoded"));
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            if (parts.get(i).equals("csrf")) {
                b.append("&csrf=").append(parts.get(i + 1));
            } else {
                headers.add("Cookie: KIOSK_STAFF_FORM=" + parts.get(i + 1));
            }
        }
        return RawHttp.send(port, "POST", path, headers, b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code n} tasks at once (released together) and returns their results in order. */
    static <T> List<T> parallel(int n, java.util.function.IntFunction<T> task) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.apply(k);
                }));
            }
            go.countDown();
            List<T> out = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<T> f : futures) {
                out.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static final String SIGN_IN = com.physiokiosk.ui.web.Security.SIGN_IN;

    private static String csrfOf(HttpResponse<String> r) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(r.body());
        assertTrue(m.find(), "a form token: " + r.body());
        return m.group(1);
    }

    private static java.net.HttpCookie cookie(String name, String value) {
        java.net.HttpCookie c = new java.net.HttpCookie(name, value);
        c.setPath("/staff");
        c.setVersion(0);
        return c;
    }

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
