package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.api.Question;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.flow.AnswerParser;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.safety.SafetyScreen;
import io.javalin.router.ParsedEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A generated corpus of well over 10,000 malformed requests against every route the app declares
 * (taken from the app itself, so a new route is covered without touching this test): wrong types,
 * huge values, unknown linkIds, missing fields, broken encodings, duplicated submissions, path tricks
 * on asset URLs, wrong methods and content types, with and without a patient session. No answer is a
 * 5xx, every refusal carries a message, and the database holds no invalid row afterwards.
 */
@DisplayName("Malformed requests corpus")
class MalformedRequestsTest {

    static final int REQUESTS = 10_500;

    private static final String[] TOPICS = {"safety", "cramps", "sleep", "no-such-topic", "CRAMPS", "..", "%2e%2e",
            "cramps%00", "%ZZ", "a".repeat(300), "%3Cscript%3E", "cramps%2F..%2F..", ""};
    private static final String[] LINK_IDS = {"saddle-numbness", "pain-score", "trigger", "intro", "position",
            "pregnancy-weeks", "no-such-question", "..%2F..%2Fetc%2Fpasswd", "%ZZ", "x".repeat(3000), "%C3%28",
            "night-pain%00", ""};
    private static final String[] FILES = {"cramps.svg", "position-back.svg", "../plugin.properties",
            "..%2Fplugin.properties", "%2e%2e%2fplugin.properties", "messages_en.properties", "x.exe",
            "cramps.svg%00.png", "CRAMPS.SVG", "%ZZ.svg", "..%5c..%5cplugin.properties", "a".repeat(500) + ".svg"};
    private static final String[] IDS = {"0", "abc", "%ZZ", "1%27%20OR%201%3D1", "0".repeat(32), "f".repeat(32),
            "x".repeat(1000), "..%2F..", ""};
    private static final String[] VALUES = {"yes", "no", "maybe", "", " ", "0", "10", "11", "-1", "5.5", "1e9",
            "99999999999999999999", "lifting", "none", "muscular", "back", "cramps", "sleep", "en", "es", "fr",
            "<script>alert(1)</script>", "' OR 1=1 --", "\u0000", "\uFFFD", "Ana", "Zoë", "/", "//evil.example",
            "http://evil.example/", "\\\\evil", "/q/safety/fever", "review"};
    private static final String[] FIELDS = {"answer", "answer", "answer", "csrf", "name", "lang", "topic", "returnTo",
            "from", "username", "password", "enabled", "unexpected", "answer[]", ""};
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"};

    private TestKiosk kiosk;
    private int port;
    private final Random random = new Random(7);
    private final List<String> problems = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        // A copy of the plugins: the corpus may well remove some through the admin pages.
        java.nio.file.Path plugins = java.nio.file.Files.createTempDirectory("kiosk-corpus-plugins");
        try (var jars = java.nio.file.Files.list(TestKiosk.BUILT_PLUGINS)) {
            for (java.nio.file.Path jar : jars.toList()) {
                java.nio.file.Files.copy(jar, plugins.resolve(jar.getFileName()));
            }
        }
        kiosk = TestKiosk.start(plugins, java.util.Map.of("KIOSK_ADMIN_PASSWORD", TestKiosk.ADMIN_PASSWORD),
                java.time.Clock.systemDefaultZone());
        kiosk.app.javalin().start("127.0.0.1", 0);
        port = kiosk.app.javalin().port();
        kiosk.app.host().topics().forEach(t -> topicsAtStart.put(t.id(), t));
        topicsAtStart.put(SafetyScreen.ID, kiosk.app.host().safety());
        topicsAtStart.put(AboutYou.ID, kiosk.app.host().about());
    }

    /** The topics as they were before the corpus ran: it may switch off or remove some on the admin pages. */
    private final java.util.Map<String, LoadedTopic> topicsAtStart = new java.util.HashMap<>();

    @AfterEach
    void stop() {
        kiosk.close();
    }

    /** A session (a patient's at some stage of a visit, or an admin's): its cookie header value and form token. */
    private record Session(String cookie, String csrf) {
    }

    @Test
    void noMalformedRequestGetsA5xxOrLeavesAnInvalidRow() throws Exception {
        List<ParsedEndpoint> routes = kiosk.app.javalin().unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> io.javalin.http.HandlerType.commonHttp().contains(e.endpoint.method)).toList();
        assertTrue(routes.size() >= 15, "routes come from the app: " + routes.size());
        List<Session> sessions = new ArrayList<>();
        List<Session> staffSessions = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < REQUESTS; i++) {
            if (i % 250 == 0) {
                sessions = freshSessions();
                staffSessions = List.of(adminSession());
            }
            ParsedEndpoint route = routes.get(random.nextInt(routes.size()));
            List<Session> pool = route.endpoint.path.startsWith("/staff") && random.nextInt(4) != 0 ? staffSessions : sessions;
            Session session = random.nextInt(5) == 0 ? null : pool.get(random.nextInt(pool.size()));
            String method = random.nextInt(8) == 0 ? pick(METHODS) : route.endpoint.method.name();
            String path = concretePath(route.endpoint.path);
            List<String> headers = new ArrayList<>();
            if (session != null) {
                headers.add("Cookie: " + session.cookie());
            }
            byte[] body = null;
            if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
                body = body(session, headers);
            }
            RawHttp.Response r;
            try {
                r = RawHttp.send(port, method, path, headers, body);
            } catch (IOException e) {
                problems.add(method + " " + abbreviate(path) + ": no answer (" + e.getMessage() + ")");
                continue;
            }
            sent++;
            check(method, path, r);
        }
        assertTrue(sent >= 10_000, "sent " + sent);
        assertEquals(List.of(), problems.stream().limit(30).toList(), problems.size() + " problems");
        assertDatabaseValid();
    }

    private void check(String method, String path, RawHttp.Response r) {
        String what = method + " " + abbreviate(path) + " -> " + r.status();
        if (r.status() >= 500) {
            problems.add(what + ": " + abbreviate(r.body()));
        } else if (r.status() >= 400 && !method.equals("HEAD") && r.body().isBlank()) {
            problems.add(what + ": no message");
        } else if (r.body().contains("Exception") || r.body().contains("\tat ")) {
            problems.add(what + ": internals shown: " + abbreviate(r.body()));
        }
        // Every answer, Jetty's own refusals included, carries the same security headers (a plugin's SVG a stricter CSP).
        com.physiokiosk.ui.web.Security.HEADERS.forEach((name, value) -> {
            boolean assetsOwnPolicy = name.equals("Content-Security-Policy") && path.startsWith("/topic-assets/")
                    && r.header(name).startsWith("default-src 'none'") && r.header(name).contains("sandbox");
            if (!value.equals(r.header(name)) && !assetsOwnPolicy) {
                problems.add(what + ": header " + name + " is '" + r.header(name) + "'");
            }
        });
    }

    private String concretePath(String template) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\\{([^}]+)}|<([^>]+)>").matcher(template);
        int last = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            out.append(switch (name) {
                case "topic" -> pick(TOPICS);
                case "linkId" -> pick(LINK_IDS);
                case "file" -> pick(FILES);
                case "plugin" -> pick(TOPICS);
                case "username" -> pick(new String[] {"admin", "nobody", "%ZZ", "a".repeat(300), ""});
                default -> pick(IDS);
            });
            last = m.end();
        }
        out.append(template.substring(last));
        String path = out.toString();
        return switch (random.nextInt(12)) {
            case 0 -> path + "/";
            case 1 -> path + "?" + field() + "=" + value() + "&" + field() + "=" + value();
            case 2 -> "/" + path;
            case 3 -> path.replace("/", "/./");
            default -> path;
        };
    }

    private byte[] body(Session session, List<String> headers) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            headers.add("Content-Type: application/json");
            return "{\"answer\": [1, 2], \"csrf\": null}".getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 1) {
            headers.add("Content-Type: application/x-www-form-urlencoded");
            return ("answer=" + "9".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        }
        if (kind == 2) {
            headers.add("Content-Type: multipart/form-data; boundary=xyz");
            return "--xyz\r\nContent-Disposition: form-data; name=\"answer\"\r\n\r\nyes\r\n--x".getBytes(StandardCharsets.UTF_8);
        }
        if (kind != 3) {
            headers.add("Content-Type: application/x-www-form-urlencoded");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int fields = random.nextInt(5);
        if (session != null && random.nextInt(4) != 0) {
            write(out, "csrf=" + (random.nextInt(10) == 0 ? "0".repeat(48) : session.csrf()));
        }
        for (int f = 0; f < fields; f++) {
            write(out, (out.size() > 0 ? "&" : "") + field() + "=");
            switch (random.nextInt(6)) {
                case 0 -> write(out, "%ZZ%C3%28");
                case 1 -> out.write(0xFF);
                case 2 -> write(out, "%00");
                default -> write(out, java.net.URLEncoder.encode(value(), StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private String field() {
        return pick(FIELDS);
    }

    private String value() {
        return pick(VALUES);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** Sessions at the start, after the safety screen, midway through a topic, and after submitting. */
    private List<Session> freshSessions() {
        List<Session> out = new ArrayList<>();
        for (int stage = 0; stage < 4; stage++) {
            Browser b = new Browser(port);
            b.get("/");
            b.postRaw("/start", "lang", stage % 2 == 0 ? "en" : "es");
            b.get("/name");
            Walker w = new Walker(b);
            if (stage >= 1) {
                w.answerFrom(Browser.location(b.post("/name", "name", "Ana")));
            }
            // The corpus may have switched topics off: take whichever is offered, if any.
            Matcher topic = Pattern.compile("name=\"topic\" value=\"([a-z0-9-]+)\"").matcher(b.get("/topics").body());
            if (stage >= 2 && topic.find()) {
                String first = Browser.location(b.post("/topics", "topic", topic.group(1)));
                if (stage == 2) {
                    b.get(first);
                    b.post(first, Walker.calm(b.get(first).body()).stream()
                            .flatMap(v -> java.util.stream.Stream.of("answer", v)).toArray(String[]::new));
                } else if ("/review".equals(w.answerFrom(first))) {
                    w.send();
                }
            }
            String cookie = b.http.cookieHandler().map(h -> ((java.net.CookieManager) h).getCookieStore().getCookies())
                    .orElseThrow().stream().filter(c -> c.getName().equals("KIOSK_SESSION")).map(HttpCookie::getValue)
                    .findFirst().orElse("none");
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(b.get(stage == 3 ? "/done" : "/name").body());
            out.add(new Session("KIOSK_SESSION=" + cookie, csrf.find() ? csrf.group(1) : ""));
        }
        return out;
    }

    /** A signed-in admin: every staff and admin page and action is open to the corpus. */
    private Session adminSession() {
        Browser admin;
        try {
            admin = TestKiosk.admin(port);
        } catch (RuntimeException | AssertionError lockedOrChanged) {
            // The corpus may have reset the admin password or locked the account: then it runs without.
            return new Session("KIOSK_STAFF=none", "");
        }
        String cookie = admin.http.cookieHandler().map(h -> ((java.net.CookieManager) h).getCookieStore().getCookies())
                .orElseThrow().stream().filter(c -> c.getName().equals("KIOSK_STAFF")).map(HttpCookie::getValue)
                .findFirst().orElse("none");
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(admin.page("/staff/accounts").body());
        return new Session("KIOSK_STAFF=" + cookie, csrf.find() ? csrf.group(1) : "");
    }

    /** Every stored answer is one its question accepts; every check-in is whole; the file is sound. */
    private void assertDatabaseValid() throws Exception {
        List<String> invalid = new ArrayList<>();
        List<String> ids = kiosk.app.checkIns().idsForDay(LocalDate.now());
        assertTrue(!ids.isEmpty(), "some visits were completed along the way");
        for (String id : ids) {
            CheckIn c = kiosk.app.checkIns().find(id).orElseThrow();
            List<String> topics = c.topics().stream().map(TopicResponse::topicId).toList();
            if (topics.size() < 3 || !topics.get(0).equals(SafetyScreen.ID) || !topics.get(1).equals(AboutYou.ID)) {
                invalid.add(id + " topics " + topics);
            }
            for (TopicResponse t : c.topics()) {
                Optional<LoadedTopic> topic = Optional.ofNullable(topicsAtStart.get(t.topicId()));
                for (StoredAnswer a : t.answers()) {
                    Optional<Question> q = topic.flatMap(x -> x.question(a.linkId()));
                    if (q.isEmpty() || !AnswerParser.parse(q.get(), a.values()).isValid()) {
                        invalid.add(id + " " + t.topicId() + "/" + a.linkId() + "=" + a.values());
                    }
                }
            }
        }
        assertEquals(List.of(), invalid, "invalid rows");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + kiosk.dataDir.resolve("kiosk.db"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }
}
