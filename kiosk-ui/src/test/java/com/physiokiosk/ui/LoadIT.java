package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 200 simulated clients on loopback for 20 seconds: 180 kiosks doing whole patient visits and 20 staff
 * screens reading the day's list and check-in summaries. Zero errors and zero lost submissions are
 * asserted; the figures (throughput, latency) are written to target/load-report.md, never asserted on.
 * The measurement itself, the same load on the kiosk jar for a warm-up and a measured phase, is the
 * benchmarks' load row (BENCHMARKS.md); {@code -Dkiosk.load.seconds=60} runs this test longer.
 */
@DisplayName("Load: 200 kiosks and staff screens for 20 s")
class LoadIT {

    static final int KIOSKS = 180;
    static final int STAFF = 20;
    static final Duration RUN = Duration.ofSeconds(Long.getLong("kiosk.load.seconds", 20));

    private static final Pattern SUMMARY_LINK = Pattern.compile("href=\"(/staff/check-ins/[0-9a-f]{32})\"");

    @Test
    void twoHundredClientsLoseNothingAndSeeNoError() throws Exception {
        try (TestKiosk kiosk = TestKiosk.start(TestKiosk.BUILT_PLUGINS,
                Map.of("KIOSK_ADMIN_PASSWORD", TestKiosk.ADMIN_PASSWORD), Clock.systemDefaultZone())) {
            kiosk.app.javalin().start("127.0.0.1", 0);
            int port = kiosk.app.javalin().port();
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> errors = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger names = new AtomicInteger();
            AtomicLong requests = new AtomicLong();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + RUN.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(KIOSKS + STAFF);
            for (int k = 0; k < KIOSKS; k++) {
                pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String name = letters(names.incrementAndGet());
                        long t0 = System.nanoTime();
                        try {
                            if (visit(port, name, requests)) {
                                acknowledged.add(name);
                                latencies.add((System.nanoTime() - t0) / 1_000);
                            } else {
                                errors.add("visit " + name + " not acknowledged");
                            }
                        } catch (RuntimeException e) {
                            errors.add("visit " + name + ": " + e);
                        }
                    }
                });
            }
            AtomicInteger staffViews = new AtomicInteger();
            for (int s = 0; s < STAFF; s++) {
                pool.submit(() -> {
                    try {
                        Browser staff = TestKiosk.admin(port);
                        while (System.nanoTime() < end) {
                            HttpResponse<String> list = staff.page("/staff/check-ins");
                            requests.incrementAndGet();
                            check(list, "staff list", errors);
                            Matcher m = SUMMARY_LINK.matcher(list.body());
                            if (m.find()) {
                                check(staff.page(m.group(1)), "summary", errors);
                                requests.incrementAndGet();
                                staffViews.incrementAndGet();
                            }
                            Thread.sleep(250);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        errors.add("staff: " + e);
                    }
                });
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(RUN.toSeconds() + 120, TimeUnit.SECONDS), "clients finish");

            List<String> stored = new ArrayList<>();
            for (String id : kiosk.app.checkIns().idsForDay(LocalDate.now())) {
                stored.add(kiosk.app.checkIns().find(id).orElseThrow().displayName());
            }
            List<String> lost = acknowledged.stream().filter(n -> !stored.contains(n)).toList();
            report(acknowledged.size(), requests.get(), staffViews.get(), latencies, errors.size());
            assertEquals(List.of(), errors.stream().limit(20).toList(), errors.size() + " errors");
            assertEquals(List.of(), lost, "acknowledged but not stored");
            assertTrue(acknowledged.size() > KIOSKS, "the load really ran: " + acknowledged.size() + " visits");
        }
    }

    /** One whole visit; true when the kiosk acknowledged it. Any 5xx or unexpected status is an error. */
    private static boolean visit(int port, String name, AtomicLong requests) {
        Browser b = new Browser(port);
        expect(b.get("/"), 200, requests);
        expect(b.postRaw("/start", "lang", "en"), 303, requests);
        expect(b.get("/name"), 200, requests);
        String next = Browser.location(expect(b.post("/name", "name", name), 303, requests));
        next = answerAll(b, next, requests);
        if (!next.equals("/topics")) {
            throw new IllegalStateException("after the safety screen and About you: " + next);
        }
        expect(b.get("/topics"), 200, requests);
        next = answerAll(b, Browser.location(expect(b.post("/topics", "topic", "cramps"), 303, requests)), requests);
        if (!next.equals("/review")) {
            throw new IllegalStateException("after the topic: " + next);
        }
        expect(b.get("/review"), 200, requests);
        HttpResponse<String> sent = b.post("/submit");
        requests.incrementAndGet();
        boolean ok = sent.statusCode() == 303 && "/done".equals(sent.headers().firstValue("Location").orElse(""));
        expect(b.get("/done"), 200, requests);
        return ok;
    }

    /** Answers each question from {@code next} on as a browser does; returns the first other address. */
    private static String answerAll(Browser b, String next, AtomicLong requests) {
        Map<String, List<String>> cramps = PatientFlowTest.calmCramps();
        while (next.startsWith("/q/")) {
            String page = expect(b.get(next), 200, requests).body();
            List<String> answer = next.startsWith("/q/cramps/")
                    ? cramps.getOrDefault(next.substring("/q/cramps/".length()), List.of()) : Walker.calm(page);
            next = Browser.location(expect(b.post(next, answer.stream()
                    .flatMap(v -> java.util.stream.Stream.of("answer", v)).toArray(String[]::new)), 303, requests));
        }
        return next;
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status, AtomicLong requests) {
        requests.incrementAndGet();
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri().getPath() + " -> " + r.statusCode());
        }
        return r;
    }

    private static void check(HttpResponse<String> r, String what, List<String> errors) {
        if (r.statusCode() != 200) {
            errors.add(what + " -> " + r.statusCode());
        }
    }

    private static void report(int visits, long requests, int staffViews, List<Long> latenciesMicros, int errors)
            throws IOException {
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
        double seconds = RUN.toMillis() / 1000.0;
        String text = String.format(java.util.Locale.ROOT, """
                # Load test (LoadIT)

                %d kiosks doing whole visits (welcome to result, 36 requests each) and %d staff screens (list and a
                summary every 250 ms), on loopback, for %.0f s, on %d cores.

                | figure | value |
                |---|---|
                | visits acknowledged | %d (%.1f per s) |
                | requests | %d (%.0f per s) |
                | staff summary views | %d |
                | whole-visit time p50 | %.1f ms |
                | whole-visit time p99 | %.1f ms |
                | errors | %d |
                """, KIOSKS, STAFF, seconds, Runtime.getRuntime().availableProcessors(), visits, visits / seconds,
                requests, requests / seconds, staffViews, p50 / 1000.0, p99 / 1000.0, errors);
        Files.writeString(Path.of("target", "load-report.md"), text);
        System.out.println(text);
    }

    private static String letters(int n) {
        StringBuilder sb = new StringBuilder("Ld");
        for (int i = n; i > 0; i /= 26) {
            sb.append((char) ('a' + i % 26));
        }
        return sb.toString();
    }
}
