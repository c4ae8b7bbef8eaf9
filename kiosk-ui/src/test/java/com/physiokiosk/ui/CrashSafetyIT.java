package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.storage.Dialect;
import com.physiokiosk.engine.storage.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real kiosk as its own process under a stream of complete submissions, killed with SIGKILL at
 * random moments and restarted, again and again. Every submission the kiosk acknowledged (answered
 * the final "send" with the result page) must be stored complete, and an SQLite database must pass
 * {@code PRAGMA integrity_check}. On SQLite and on PostgreSQL (a new database of the tests' cluster, named to the
 * kiosk by {@code KIOSK_DATABASE_URL} as a clinic chain's server is): what is killed is the kiosk, never the database
 * server, so on PostgreSQL this holds the kiosk to acknowledging only what the server has committed.
 *
 * <p>The kiosk runs with the deployed collector (serial), C1 only and its classes from an archive a first,
 * normally stopped run made (class data sharing): each start then takes about a second, where C2's compiler
 * threads and class loading took three to six on two busy cores. None of it touches how the kiosk stores.
 */
@DisplayName("Crash safety: SIGKILL under load loses no acknowledged submission")
@ParameterizedClass(name = "on {0}")
@EnumSource(Dialect.class)
class CrashSafetyIT {

    /** The database the kiosk keeps its data in. */
    @Parameter
    Dialect dialect;
    /** On PostgreSQL, the URL of the test's database; {@code null} on SQLite (the file in the data folder). */
    private String databaseUrl;

    private static final int KILLS = 20;
    private static final int CLIENTS = 4;
    private static final Path JAR = Path.of("target", "physio-kiosk.jar");
    /** The kiosk's JVM options: a small heap, the serial collector as deployed, C1 only. */
    private static final List<String> JVM = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedSubmissionSurvivesSigkill() throws Exception {
        databaseUrl = dialect == Dialect.POSTGRESQL ? TestDatabases.settings(dialect).url() : null;
        List<String> jvm = new ArrayList<>(JVM);
        jvm.addAll(archivedClasses());
        Random random = new Random(20261121);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger names = new AtomicInteger();
        int kills = 0;
        for (int cycle = 0; cycle < KILLS; cycle++) {
            int port = freePort();
            Process kiosk = start(port, data, jvm);
            try {
                awaitHealth(port, kiosk);
                AtomicBoolean running = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> {
                        while (running.get()) {
                            String name = nameFor(names.incrementAndGet());
                            try {
                                if (submit(port, name)) {
                                    acknowledged.add(name);
                                }
                            } catch (IOException | RuntimeException e) {
                                return; // the kiosk died under us: expected
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                    });
                }
                // Long enough for whole visits (safety screen, About you and a topic: about 50 requests) to end.
                Thread.sleep(800 + random.nextInt(1700));
                kiosk.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
                kiosk.waitFor(10, TimeUnit.SECONDS);
                kills++;
                running.set(false);
                clients.shutdown();
                assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "clients stop after the kill");
            } finally {
                kiosk.destroyForcibly();
            }
        }
        assertEquals(KILLS, kills);
        assertTrue(acknowledged.size() >= KILLS, "the stream really ran: " + acknowledged.size() + " acknowledged");

        try (Connection c = DriverManager.getConnection(databaseUrl != null ? databaseUrl
                : "jdbc:sqlite:" + data.resolve("kiosk.db"))) {
            if (dialect == Dialect.SQLITE) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1));
                }
            }
            List<String> incomplete = new ArrayList<>();
            for (String name : acknowledged) {
                if (!storedComplete(c, name)) {
                    incomplete.add(name);
                }
            }
            assertEquals(List.of(), incomplete, "acknowledged but missing or incomplete, of " + acknowledged.size());
        }
    }

    /** A whole visit over HTTP; true when the kiosk acknowledged it with the result page. */
    private static boolean submit(int port, String name) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        post(http, base + "/start", "lang=en");
        String csrf = csrf(get(http, base + "/name"));
        String next = location(post(http, base + "/name", "name=" + name + "&csrf=" + csrf));
        if (!"/topics".equals(answerAll(http, base, next, csrf))) {
            return false;
        }
        next = location(post(http, base + "/topics", "topic=cramps&csrf=" + csrf));
        if (!"/review".equals(answerAll(http, base, next, csrf))) {
            return false;
        }
        HttpResponse<String> sent = post(http, base + "/submit", "csrf=" + csrf);
        return sent.statusCode() == 303 && "/done".equals(sent.headers().firstValue("Location").orElse(""));
    }

    /**
     * Answers each question from {@code next} on as a browser does (reads the page, posts its form with
     * the screen's token): cramps as {@link PatientFlowTest#calmCramps()}, the rest calmly. Returns the
     * first address that is not a question.
     */
    private static String answerAll(HttpClient http, String base, String next, String csrf)
            throws IOException, InterruptedException {
        Map<String, List<String>> cramps = PatientFlowTest.calmCramps();
        while (next.startsWith("/q/")) {
            String page = get(http, base + next).body();
            var token = java.util.regex.Pattern.compile("name=\"screen\" value=\"([0-9a-f]+)\"").matcher(page);
            StringBuilder form = new StringBuilder("csrf=" + csrf + "&screen=" + (token.find() ? token.group(1) : ""));
            List<String> answer = next.startsWith("/q/cramps/")
                    ? cramps.getOrDefault(next.substring("/q/cramps/".length()), List.of()) : Walker.calm(page);
            answer.forEach(v -> form.append("&answer=").append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
            next = location(post(http, base + next, form.toString()));
        }
        return next;
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    private static boolean storedComplete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t.topic_id, (SELECT COUNT(*) FROM answer a WHERE a.topic_response_id = t.id)"
                        + " FROM check_in ci JOIN topic_response t ON t.check_in_id = ci.id"
                        + " WHERE ci.display_name = ? ORDER BY t.position")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> found = new ArrayList<>();
                while (rs.next()) {
                    found.add(rs.getString(1) + "=" + rs.getInt(2));
                }
                // 12 safety answers (thin bones only after a fall); 8 facts (no pregnancy weeks; the pain drawing
                // last); 6 cramps answers (the information screen stores none).
                return found.equals(List.of("safety=12", "about=8", "cramps=6"));
            }
        }
    }

    /**
     * Runs the kiosk once on a data folder of its own (on PostgreSQL, on the test's database: its one visit is not
     * among those checked), through a whole visit, and stops it normally (SIGTERM),
     * so the JVM archives the classes it loaded; returns the option that starts a kiosk from that archive,
     * or none when the JVM wrote none (the cycles are then only slower).
     */
    private List<String> archivedClasses() throws Exception {
        Path archive = data.resolve("kiosk-classes.jsa");
        List<String> jvm = new ArrayList<>(JVM);
        jvm.add("-XX:ArchiveClassesAtExit=" + archive);
        int port = freePort();
        Process kiosk = start(port, Files.createDirectories(data.resolve("archiving-run")), jvm);
        try {
            awaitHealth(port, kiosk);
            assertTrue(submit(port, "Archiving"), "a whole visit before archiving");
            kiosk.destroy();
            assertTrue(kiosk.waitFor(60, TimeUnit.SECONDS), "the archiving run stops when asked");
        } finally {
            kiosk.destroyForcibly();
        }
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    private Process start(int port, Path dataDir, List<String> jvm) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("KIOSK_"));
        pb.environment().put("KIOSK_DATA_DIR", dataDir.toString());
        pb.environment().put("KIOSK_PORT", Integer.toString(port));
        pb.environment().put("KIOSK_BIND_ADDRESS", "127.0.0.1");
        pb.environment().put("KIOSK_PLUGINS_DIR", TestKiosk.BUILT_PLUGINS.toString());
        if (databaseUrl != null) {
            pb.environment().put("KIOSK_DATABASE_URL", databaseUrl);
        }
        pb.redirectErrorStream(true);
        pb.redirectOutput(dataDir.resolve("kiosk-" + port + ".log").toFile());
        return pb.start();
    }

    private static void awaitHealth(int port, Process kiosk) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!kiosk.isAlive()) {
                throw new AssertionError("kiosk exited with " + kiosk.exitValue());
            }
            try {
                if (get(http, "http://127.0.0.1:" + port + "/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new AssertionError("kiosk did not answer /health within 60 s");
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient http, String url, String form)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        var m = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no form token on " + page.uri());
        }
        return m.group(1);
    }

    /** A unique name of letters only, as the name field accepts. */
    private static String nameFor(int n) {
        StringBuilder sb = new StringBuilder("Pt");
        for (int i = n; i > 0; i /= 26) {
            sb.append((char) ('a' + i % 26));
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
