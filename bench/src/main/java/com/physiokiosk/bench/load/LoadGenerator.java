package com.physiokiosk.bench.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load: each client thread sends its next call as soon as the last one answered.
 * Latencies of the measured phase go into one HdrHistogram per thread (no shared lock on the hot
 * path), merged at the end.
 */
public final class LoadGenerator {

    /** Calls slower than this are recorded as this (HdrHistogram needs a bound). */
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    private LoadGenerator() {
    }

    /** One client's work. {@link #call()} throws when the call failed. */
    public interface Client {
        /** Unmeasured preparation, such as walking a patient to the question screen. */
        default void setUp() throws Exception {
        }

        void call() throws Exception;
    }

    /** Runs {@code plan} with the clients {@code clients} makes (one per index). */
    public static LoadResult run(LoadPlan plan, IntFunction<Client> clients) {
        return run(plan, clients, null);
    }

    /**
     * As {@link #run(LoadPlan, IntFunction)}, also reading {@code serverCpuNanos} (the CPU time the
     * server under test has used so far) as the measured phase begins and ends: the server's CPU per
     * call does not depend on how much of the machine the load generator itself takes.
     */
    public static LoadResult run(LoadPlan plan, IntFunction<Client> clients, LongSupplier serverCpuNanos) {
        Phase phase = new Phase(plan);
        CyclicBarrier ready = new CyclicBarrier(plan.clients(), phase::begin);
        List<Thread> threads = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (int i = 0; i < plan.clients(); i++) {
            Histogram h = new Histogram(HIGHEST_NANOS, 3);
            histograms.add(h);
            Client client = clients.apply(i);
            Thread t = new Thread(() -> drive(client, ready, phase, h), plan.name() + "-client-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        long cpu = serverCpuNanos == null ? -1 : phase.cpuDuringMeasuredPhase(serverCpuNanos);
        long deadline = System.nanoTime() + plan.warmUp().plus(plan.measure()).plus(Duration.ofMinutes(2)).toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (t.isAlive()) {
                // A client stuck in a call: count it as failed rather than wait for it.
                phase.fail(new IllegalStateException(t.getName() + " did not finish in time"));
                t.interrupt();
            }
        }
        Histogram all = new Histogram(HIGHEST_NANOS, 3);
        histograms.forEach(all::add);
        double seconds = (phase.measuredEnd() - phase.measureStart) / 1e9;
        double cpuMicrosPerCall = cpu < 0 || all.getTotalCount() == 0 ? Double.NaN : cpu / 1e3 / all.getTotalCount();
        return new LoadResult(all.getTotalCount(), phase.errors.get(), seconds, millis(all.getValueAtPercentile(50)),
                millis(all.getValueAtPercentile(99)), millis(all.getMaxValue()), cpuMicrosPerCall, phase.firstError.get());
    }

    private static void drive(Client client, CyclicBarrier ready, Phase phase, Histogram histogram) {
        boolean setUp;
        try {
            client.setUp();
            setUp = true;
        } catch (Exception e) {
            phase.fail(e);
            setUp = false;
        }
        try {
            ready.await(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            phase.fail(e);
            return;
        }
        if (!setUp) {
            return;
        }
        // Warm-up: bounded by time only, since nothing is counted.
        while (System.nanoTime() < phase.measureStart) {
            callOnce(client, phase, null);
        }
        // Measured: bounded by time and by the shared call budget.
        while (System.nanoTime() < phase.measureEnd && phase.budget.getAndDecrement() > 0) {
            callOnce(client, phase, histogram);
        }
        phase.finished(System.nanoTime());
    }

    private static void callOnce(Client client, Phase phase, Histogram histogram) {
        long start = System.nanoTime();
        try {
            client.call();
            if (histogram != null) {
                histogram.recordValue(Math.min(HIGHEST_NANOS, System.nanoTime() - start));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            phase.fail(e);
        } catch (Exception e) {
            phase.fail(e);
        }
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** The clock of one run, shared by its clients. */
    private static final class Phase {
        private final LoadPlan plan;
        private volatile long measureStart = Long.MAX_VALUE;
        private volatile long measureEnd = Long.MAX_VALUE;
        private final AtomicLong lastFinish = new AtomicLong();
        private final AtomicLong budget;
        private final AtomicLong errors = new AtomicLong();
        private final AtomicReference<String> firstError = new AtomicReference<>();
        private final CountDownLatch begun = new CountDownLatch(1);

        Phase(LoadPlan plan) {
            this.plan = plan;
            this.budget = new AtomicLong(plan.maxCalls());
        }

        /** Called once, when every client is set up. */
        void begin() {
            long now = System.nanoTime();
            measureStart = now + plan.warmUp().toNanos();
            measureEnd = measureStart + plan.measure().toNanos();
            begun.countDown();
        }

        /**
         * Waits through the run and returns how much {@code cpuNanos} grew between the start and the
         * end of the measured phase, or -1 when the clients never got going.
         */
        long cpuDuringMeasuredPhase(LongSupplier cpuNanos) {
            try {
                if (!begun.await(5, TimeUnit.MINUTES)) {
                    return -1;
                }
                sleepUntil(measureStart);
                long before = cpuNanos.getAsLong();
                sleepUntil(measureEnd);
                long after = cpuNanos.getAsLong();
                return before < 0 || after < 0 ? -1 : after - before;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private static void sleepUntil(long nanoTime) throws InterruptedException {
            long left;
            while ((left = nanoTime - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(left);
            }
        }

        void finished(long at) {
            lastFinish.accumulateAndGet(at, Math::max);
        }

        long measuredEnd() {
            long end = lastFinish.get();
            return end == 0 ? measureStart : end;
        }

        void fail(Exception e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
