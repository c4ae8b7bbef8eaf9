package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Security headers on every response: every GET route the app declares (signed in as admin, and not
 * signed in), a 404, a static file, a plugin asset and a request Jetty refuses by itself; and the
 * cookies of both sessions.
 */
@DisplayName("Security headers and cookies on every response")
class SecurityHeadersTest {

    private TestKiosk kiosk;
    private int port;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin();
        kiosk.app.javalin().start("127.0.0.1", 0);
        port = kiosk.app.javalin().port();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void everyResponseCarriesAStrictPolicyAndNoStoreOnPages() throws Exception {
        Browser admin = TestKiosk.admin(port);
        Browser patient = new Browser(port);
        patient.get("/");
        patient.postRaw("/start", "lang", "en");
        List<String> paths = new ArrayList<>();
        for (ParsedEndpoint e : kiosk.app.javalin().unsafe.internalRouter.allHttpHandlers()) {
            if (e.endpoint.method.equals(HandlerType.GET)) {
                paths.add(concrete(e.endpoint.path));
            }
        }
        paths.addAll(List.of("/no/such/page", "/assets/kiosk.css", "/topic-assets/cramps/cramps.svg"));
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            for (Browser who : List.of(admin, patient)) {
                HttpResponse<String> r = who.page(path);
                check(path + " (" + (who == admin ? "admin" : "patient") + ", " + r.statusCode() + ")",
                        r.headers().map(), problems);
            }
        }
        RawHttp.Response refused = RawHttp.send(port, "GET", "/q/safety/%C3%28", List.of(), null);
        check("Jetty's own refusal (" + refused.status() + ")", Map.of(
                "content-security-policy", List.of(refused.header("content-security-policy")),
                "x-content-type-options", List.of(refused.header("x-content-type-options")),
                "referrer-policy", List.of(refused.header("referrer-policy")),
                "cache-control", List.of(refused.header("cache-control"))), problems);
        assertEquals(List.of(), problems);
        assertTrue(paths.size() > 20, "routes come from the app: " + paths);
    }

    @Test
    @DisplayName("every kind of answer, not only pages: redirects, refusals, HEAD, an asset's address spelled otherwise")
    void everyKindOfAnswer() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> setCookies = new ArrayList<>();
        Browser patient = new Browser(port);
        HttpResponse<String> start = patient.postRaw("/start", "lang", "en");
        assertEquals(303, start.statusCode());
        check("the start's redirect (303)", start.headers().map(), problems);
        setCookies.addAll(start.headers().allValues("Set-Cookie"));
        HttpResponse<String> reset = patient.postRaw("/reset");
        check("the reset's redirect (" + reset.statusCode() + ")", reset.headers().map(), problems);
        setCookies.addAll(reset.headers().allValues("Set-Cookie"));
        for (String[] request : List.of(new String[] {"HEAD", "/"}, new String[] {"GET", "/%61ssets/kiosk.css"},
                new String[] {"GET", "/assets/%2e%2e/messages_en.properties"}, new String[] {"POST", "/start"},
                new String[] {"GET", "/staff/check-ins"}, new String[] {"DELETE", "/"})) {
            RawHttp.Response r = RawHttp.send(port, request[0], request[1], request[0].equals("POST")
                    ? List.of("Content-Type: application/json") : List.of(), request[0].equals("POST") ? "{}".getBytes() : null);
            String what = request[0] + " " + request[1] + " (" + r.status() + ")";
            check(what, Map.of(
                    "content-security-policy", List.of(r.header("content-security-policy")),
                    "x-content-type-options", List.of(r.header("x-content-type-options")),
                    "referrer-policy", List.of(r.header("referrer-policy")),
                    "cache-control", List.of(r.header("cache-control"))), problems);
            if (!"no-cache".equals(r.header("pragma"))) {
                problems.add(what + ": no Pragma: no-cache");
            }
            setCookies.add(r.header("set-cookie"));
        }
        HttpResponse<String> asset = patient.page(com.physiokiosk.ui.view.Assets.url("kiosk.css"));
        assertEquals(200, asset.statusCode());
        assertEquals("public, max-age=31536000, immutable", asset.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(asset.headers().firstValue("Pragma").isEmpty(), "an asset kept for a year says nothing else");
        assertEquals(List.of(), problems);
        assertTrue(setCookies.stream().noneMatch(c -> c.toUpperCase().contains("JSESSIONID")),
                "no servlet session, ever: " + setCookies);
    }

    @Test
    void bothSessionCookiesAreHttpOnlyAndSameSiteStrict() {
        HttpResponse<String> start = new Browser(port).postRaw("/start", "lang", "en");
        assertCookie(start.headers().allValues("Set-Cookie"), "KIOSK_SESSION");
        Browser staff = new Browser(port);
        staff.page("/staff/sign-in");
        HttpResponse<String> signIn = staff.post("/staff/sign-in", "username", "admin", "password", TestKiosk.ADMIN_PASSWORD);
        assertCookie(signIn.headers().allValues("Set-Cookie"), "KIOSK_STAFF");
    }

    private static void assertCookie(List<String> setCookies, String name) {
        String cookie = setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + setCookies));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
        assertTrue(HttpCookie.parse(cookie).get(0).isHttpOnly(), cookie);
    }

    private static void check(String what, Map<String, List<String>> headers, List<String> problems) {
        String csp = first(headers, "content-security-policy");
        for (String directive : List.of("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")) {
            if (!csp.contains(directive)) {
                problems.add(what + ": CSP lacks " + directive + " (" + csp + ")");
            }
        }
        if (csp.contains("script-src") && csp.matches(".*script-src[^;]*'unsafe-inline'.*")) {
            problems.add(what + ": inline script allowed");
        }
        if (!csp.contains("script-src 'self'") && !csp.contains("default-src 'none'")) {
            problems.add(what + ": scripts not limited to the kiosk");
        }
        if (!"nosniff".equals(first(headers, "x-content-type-options"))) {
            problems.add(what + ": no nosniff");
        }
        if (first(headers, "referrer-policy").isEmpty()) {
            problems.add(what + ": no Referrer-Policy");
        }
        boolean page = !what.startsWith("/assets/") && !what.startsWith("/topic-assets/");
        if (page && !first(headers, "cache-control").contains("no-store")) {
            problems.add(what + ": page may be cached: " + first(headers, "cache-control"));
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty() && e.getValue().get(0) != null) {
                return e.getValue().get(0);
            }
        }
        return "";
    }

    /** A route's path with its parameters filled in with ordinary values. */
    private String concrete(String template) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, switch (m.group(1)) {
                case "topic", "plugin" -> "cramps";
                case "linkId" -> "pain-score";
                case "file" -> "cramps.svg";
                case "username" -> "admin";
                default -> "0123456789abcdef0123456789abcdef";
            });
        }
        m.appendTail(out);
        return out.toString();
    }
}
