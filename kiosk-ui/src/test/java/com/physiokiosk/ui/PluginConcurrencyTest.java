package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin switches topics off and on, removes one and installs it again, while patients walk whole
 * visits and a monitor polls {@code /health}: no request fails, every {@code /health} answer is one
 * consistent picture (each plugin once, in a state it can be in), patients on untouched topics finish,
 * patients on a topic that comes and goes are taken back to the choice or carry on, and at the end the
 * kiosk is as the admin left it.
 */
@DisplayName("Plugins changed while patients and the monitor use the kiosk")
class PluginConcurrencyTest {

    private static final Set<String> PLUGINS = Set.of("cramps", "postpartum", "sexual-activity", "sleep", "stretching");
    private static final Set<String> STATES = Set.of("STARTED", "DISABLED", "STOPPED", "RESOLVED", "CREATED");
    /** Each round switches sleep off and on twice, removes and installs postpartum, and rescans. */
    private static final int ADMIN_ROUNDS = 4;

    @TempDir
    Path plugins;
    @TempDir
    Path data;
    @TempDir
    Path kept;

    private TestKiosk kiosk;

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    @Test
    void adminChangesTopicsWhilePatientsWalkAndHealthIsPolled() throws Exception {
        TopicHostTest.copyBuiltPlugins(plugins);
        Files.copy(plugins.resolve("postpartum.jar"), kept.resolve("postpartum.jar"));
        kiosk = TestKiosk.start(plugins, Map.of("KIOSK_DATA_DIR", data.toString()), Clock.systemDefaultZone());
        kiosk.app.javalin().start("127.0.0.1", 0);
        int port = kiosk.app.javalin().port();

        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean adminDone = new AtomicBoolean();
        AtomicInteger visits = new AtomicInteger();
        AtomicInteger healthChecks = new AtomicInteger();
        AtomicInteger adminRounds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> work = new ArrayList<>();

        // Two patients walk whole visits on a topic the admin never touches.
        for (int p = 0; p < 2; p++) {
            work.add(pool.submit(() -> {
                while (!adminDone.get()) {
                    HttpResponse<String> done = PatientFlowTest.walk(new Browser(port), "en", "Ana", Map.of(),
                            PatientFlowTest.calmCramps());
                    if (done.statusCode() != 200) {
                        problems.add("a cramps visit ended with " + done.statusCode());
                    }
                    visits.incrementAndGet();
                }
                return null;
            }));
        }
        // A patient keeps choosing the topics the admin changes: the choice, the first question, back.
        work.add(pool.submit(() -> {
            while (!adminDone.get()) {
                Browser b = TopicHostTest.safetyDone(port);
                for (String topic : List.of("sleep", "postpartum")) {
                    b.get("/topics");
                    HttpResponse<String> chosen = b.post("/topics", "topic", topic);
                    int status = chosen.statusCode();
                    if (status >= 500) {
                        problems.add("choosing " + topic + " gave " + status);
                    }
                    if (status == 303) {
                        String next = Browser.location(chosen);
                        int shown = b.get(next).statusCode();
                        if (shown >= 500) {
                            problems.add(topic + " question " + next + " gave " + shown);
                        }
                    }
                    HttpResponse<String> list = b.get("/topics");
                    if (list.statusCode() >= 500) {
                        problems.add("the topic list gave " + list.statusCode());
                    }
                }
                visits.incrementAndGet();
            }
            return null;
        }));
        // The monitor.
        work.add(pool.submit(() -> {
            ObjectMapper json = new ObjectMapper();
            Browser monitor = new Browser(port);
            while (!adminDone.get()) {
                HttpResponse<String> r = monitor.get("/health");
                if (r.statusCode() != 200) {
                    problems.add("/health gave " + r.statusCode());
                    continue;
                }
                JsonNode health = json.readTree(r.body());
                Set<String> seen = new HashSet<>();
                for (JsonNode plugin : health.get("plugins")) {
                    String id = plugin.get("id").asText();
                    String state = plugin.get("state").asText();
                    if (!seen.add(id)) {
                        problems.add("/health lists " + id + " twice: " + r.body());
                    }
                    if (!PLUGINS.contains(id) || !STATES.contains(state)) {
                        problems.add("/health shows " + id + " " + state + ": " + r.body());
                    }
                }
                healthChecks.incrementAndGet();
            }
            return null;
        }));

        // The admin: four rounds of changes, so each kind several times (a round takes a second or two).
        try {
            for (int round = 0; round < ADMIN_ROUNDS; round++) {
                kiosk.app.host().disable("sleep", "admin");
                kiosk.app.host().enable("sleep", "admin");
                kiosk.app.host().remove("postpartum", "admin");
                try (InputStream in = Files.newInputStream(kept.resolve("postpartum.jar"))) {
                    assertEquals("postpartum", kiosk.app.host().install(in, "admin"));
                }
                kiosk.app.host().disable("sleep", "admin");
                kiosk.app.host().rescan("admin");
                kiosk.app.host().enable("sleep", "admin");
                adminRounds.incrementAndGet();
            }
        } finally {
            adminDone.set(true);
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "every patient and the monitor stopped");
        for (Future<?> f : work) {
            f.get(); // a thread that threw fails the test with its cause
        }

        System.out.printf("Plugin concurrency: %d admin rounds, %d patient walks, %d /health checks%n", adminRounds.get(),
                visits.get(), healthChecks.get());
        assertEquals(List.of(), problems);
        assertTrue(visits.get() > 10 && healthChecks.get() > 50,
                "visits " + visits + ", health checks " + healthChecks + ": the load ran alongside");
        // As the admin left it: every topic on, postpartum installed once.
        for (String id : PLUGINS) {
            assertTrue(kiosk.app.host().find(id).isPresent(), id + " is offered");
        }
        assertEquals(PLUGINS.size(), kiosk.app.host().plugins().size(), "each plugin once");
        try (var files = Files.list(plugins)) {
            assertEquals(PLUGINS.size(), files.filter(f -> f.toString().endsWith(".jar")).count(),
                    "no jar left over or missing in the plugins folder");
        }
    }
}
