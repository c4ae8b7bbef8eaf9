package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.staff.Passwords;
import io.javalin.testtools.JavalinTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, point 1: forty computers sending wrong sign-ins as fast as they can, at the kiosk's real
 * Argon2 cost, while patients walk visits. Each attacker has its own address (127.0.x.y), so the
 * per-address back-off lets each one through about twenty times and the bound on hashes at once
 * carries the rest. The test prints the patients' latency and the most hashes that ran at once.
 */
@DisplayName("A flood of sign-ins while patients walk visits")
class SignInFloodTest {

    @org.junit.jupiter.api.AfterEach
    void printFigures() {
        Report.print();
    }

    static final int ATTACKERS = 40;
    static final int PATIENTS = 2;
    static final long ATTACK_MILLIS = 4_000;
    /** Well below a second: a patient notices a screen that takes longer. */
    static final long PATIENT_P99_LIMIT_MILLIS = 700;

    @Test
    void fortyParallelWrongSignInsBreakNothingAndLeavePatientScreensQuick() throws Exception {
        try (TestKiosk kiosk = TestKiosk.start(TestKiosk.BUILT_PLUGINS, Map.of("KIOSK_ADMIN_PASSWORD",
                TestKiosk.ADMIN_PASSWORD), Clock.systemDefaultZone(), Passwords.Cost.OWASP)) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                int port = server.port();
                List<Long> quiet = patientsFor(port, 1_000, new AtomicBoolean(), new AtomicInteger());

                String token = new SignInClient(port, "127.0.9.1").token();
                Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
                List<Future<?>> running = new ArrayList<>();
                for (int i = 0; i < ATTACKERS; i++) {
                    // Half guess the admin's password, half spray names no account has.
                    SignInClient attacker = new SignInClient(port, "127.0.10." + (i + 1)).withToken(token);
                    boolean admin = i % 2 == 0;
                    running.add(attackers.submit(() -> {
                        for (int n = 0; !stop.get(); n++) {
                            int status = attacker.signIn(admin ? "admin" : "user" + n, "wrong password " + n).status();
                            statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        }
                        return null;
                    }));
                }
                AtomicInteger visits = new AtomicInteger();
                List<Long> underAttack = patientsFor(port, ATTACK_MILLIS, stop, visits);
                stop.set(true);
                for (Future<?> f : running) {
                    f.get(30, TimeUnit.SECONDS);
                }
                attackers.shutdown();

                int peak = kiosk.app.staffAccounts().passwords().peakConcurrent();
                Map<Integer, Integer> byStatus = new TreeMap<>();
                statuses.forEach((s, n) -> byStatus.put(s, n.get()));
                Report.line("[sign-in flood] %d attackers for %d s at Argon2id m=19456,t=2: %d sign-ins by status %s;"
                                + " hashes at once at most %d (bound %d, so at most %d MiB of Argon2 memory)%n",
                        ATTACKERS, ATTACK_MILLIS / 1000, byStatus.values().stream().mapToInt(Integer::intValue).sum(),
                        byStatus, peak, Passwords.MAX_CONCURRENT,
                        Passwords.MAX_CONCURRENT * Passwords.Cost.OWASP.memoryKiB() / 1024);
                Report.line("[sign-in flood] patients: quiet p50 %d ms, p99 %d ms (%d requests);"
                                + " under attack %d visits, %d requests, p50 %d ms, p99 %d ms, max %d ms%n",
                        pct(quiet, 50), pct(quiet, 99), quiet.size(), visits.get(), underAttack.size(),
                        pct(underAttack, 50), pct(underAttack, 99), pct(underAttack, 100));

                assertTrue(byStatus.keySet().stream().allMatch(s -> s == 401 || s == 429), "no 5xx, no surprise: " + byStatus);
                assertTrue(byStatus.getOrDefault(429, 0) > 0, "some were told to wait");
                assertTrue(peak <= Passwords.MAX_CONCURRENT, "hashes at once: " + peak);
                assertEquals(Passwords.MAX_CONCURRENT, peak, "the flood did fill every slot");
                assertTrue(visits.get() >= PATIENTS, "patients finished visits: " + visits.get());
                assertTrue(pct(underAttack, 99) < PATIENT_P99_LIMIT_MILLIS, "patient p99 " + pct(underAttack, 99) + " ms");
                assertEquals(303, new SignInClient(port, "127.0.11.1").signIn("admin", TestKiosk.ADMIN_PASSWORD).status(),
                        "and the admin signs in afterwards from a computer of their own");
            });
        }
    }

    /**
     * {@value #PATIENTS} patients walking whole visits, one after another, for {@code millis} (or
     * until {@code stop}); returns every request's time in nanoseconds.
     */
    private static List<Long> patientsFor(int port, long millis, AtomicBoolean stop, AtomicInteger visits)
            throws Exception {
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        ExecutorService pool = Executors.newFixedThreadPool(PATIENTS);
        List<Future<?>> walking = new ArrayList<>();
        for (int p = 0; p < PATIENTS; p++) {
            walking.add(pool.submit(() -> {
                while (System.nanoTime() < end && !stop.get()) {
                    Browser b = new Browser(port);
                    b.timings = nanos::add;
                    PatientFlowTest.walk(b, "en", "Ana", Map.of(), PatientFlowTest.calmCramps());
                    visits.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : walking) {
            f.get(millis + 60_000, TimeUnit.MILLISECONDS);
        }
        pool.shutdown();
        return new ArrayList<>(nanos);
    }

    /** The {@code p}th percentile of {@code nanos}, in milliseconds. */
    private static long pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return TimeUnit.NANOSECONDS.toMillis(sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))));
    }
}
