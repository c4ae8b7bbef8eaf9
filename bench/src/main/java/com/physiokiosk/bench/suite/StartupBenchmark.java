package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up to the first {@code /health} answer: {@code java -jar physio-kiosk.jar} with all five
 * plugins against the bare Javalin + jte app, each started as a new JVM, alternately, several
 * times; the median of each is kept. The kiosk restarts on the database its first (unmeasured)
 * start created, as it does on a clinic's mini PC every morning. The kiosk is started as installed: with the class
 * archive its package makes at install (the unit's {@code -XX:SharedArchiveFile=}, made here the way postinst makes
 * it); the jar alone, without it, is measured too and shown beside.
 */
final class StartupBenchmark implements Benchmark {

    static final int PLUGINS = 5;
    private static final Pattern STARTED = Pattern.compile("\"state\":\"STARTED\"");

    @Override
    public String name() {
        return "startup";
    }

    /** The most the installed kiosk's start-up may take, in multiples of the bare app's (issue 17). */
    static final double TARGET = 1.5;

    @Override
    public List<Row> run(Bench bench) {
        Path data = bench.dir("startup-kiosk-data");
        List<String> installed;
        try {
            installed = bench.installedClassArchive(bench.dir("startup-class-archive"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        ChildJvm.Command kiosk = bench.kiosk(installed, data);
        ChildJvm.Command plainJar = bench.kiosk(bench.deployedJvm(), data);
        ChildJvm.Command bare = bench.bare(bench.deployedJvm(), 0);
        // Unmeasured: fills the page cache with both jars and creates the kiosk's database.
        start(bench, bare);
        start(bench, kiosk);
        List<Duration> bareTimes = new ArrayList<>();
        List<Duration> kioskTimes = new ArrayList<>();
        List<Duration> plainTimes = new ArrayList<>();
        int fewestPlugins = PLUGINS;
        for (int i = 0; i < bench.options().startupRuns(); i++) {
            boolean bareFirst = i % 2 == 0;
            if (bareFirst) {
                bareTimes.add(start(bench, bare).after());
            }
            ChildJvm.Ready ready = start(bench, kiosk);
            kioskTimes.add(ready.after());
            fewestPlugins = Math.min(fewestPlugins, started(ready.body()));
            plainTimes.add(start(bench, plainJar).after());
            if (!bareFirst) {
                bareTimes.add(start(bench, bare).after());
            }
            Bench.progress("start-up " + (i + 1) + ": bare " + ms(bareTimes.get(i)) + ", kiosk as installed "
                    + ms(kioskTimes.get(i)) + ", kiosk jar alone " + ms(plainTimes.get(i)));
        }
        double base = median(bareTimes);
        double ours = median(kioskTimes);
        double ratio = ours / base;
        return List.of(new Criteria()
                .require(ratio <= TARGET, String.format("%.2f× the bare app's start-up, target at most %.1f×", ratio, TARGET))
                .require(fewestPlugins == PLUGINS, "only " + fewestPlugins + " of " + PLUGINS + " plugins STARTED in /health")
                .row("start-up to first /health answer, all five plugins, kiosk as installed (" + bench.options().startupRuns()
                                + " starts each, median)",
                        String.format("%.0f ms", base), String.format("%.0f ms", ours), ratio,
                        String.format("%.0f ms median (%s); the jar alone, without the install-time class archive: %.0f ms"
                                + " (%.2f×)", ours, spread(kioskTimes), median(plainTimes), median(plainTimes) / base),
                        String.format("≤ %.2f× baseline", TARGET)));
    }

    private static ChildJvm.Ready start(Bench bench, ChildJvm.Command command) {
        try (ChildJvm server = ChildJvm.start(command, bench.logs())) {
            return server.awaitHealthy(bench.http(), "/health", Bench.START_TIMEOUT);
        }
    }

    private static int started(String health) {
        Matcher m = STARTED.matcher(health.replace(" ", ""));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static double median(List<Duration> times) {
        List<Long> sorted = times.stream().map(Duration::toNanos).sorted().toList();
        int n = sorted.size();
        double mid = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return mid / 1e6;
    }

    private static String spread(List<Duration> times) {
        long min = times.stream().mapToLong(Duration::toMillis).min().orElse(0);
        long max = times.stream().mapToLong(Duration::toMillis).max().orElse(0);
        return "range " + min + "–" + max + " ms";
    }

    private static String ms(Duration d) {
        return d.toMillis() + " ms";
    }
}
