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
 * start created, as it does on a clinic's mini PC every morning.
 */
final class StartupBenchmark implements Benchmark {

    static final int PLUGINS = 5;
    private static final Pattern STARTED = Pattern.compile("\"state\":\"STARTED\"");

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public List<Row> run(Bench bench) {
        Path data = bench.dir("startup-kiosk-data");
        ChildJvm.Command kiosk = bench.kiosk(bench.deployedJvm(), data);
        ChildJvm.Command bare = bench.bare(bench.deployedJvm(), 0);
        // Unmeasured: fills the page cache with both jars and creates the kiosk's database.
        start(bench, bare);
        start(bench, kiosk);
        List<Duration> bareTimes = new ArrayList<>();
        List<Duration> kioskTimes = new ArrayList<>();
        int fewestPlugins = PLUGINS;
        for (int i = 0; i < bench.options().startupRuns(); i++) {
            boolean bareFirst = i % 2 == 0;
            if (bareFirst) {
                bareTimes.add(start(bench, bare).after());
            }
            ChildJvm.Ready ready = start(bench, kiosk);
            kioskTimes.add(ready.after());
            fewestPlugins = Math.min(fewestPlugins, started(ready.body()));
            if (!bareFirst) {
                bareTimes.add(start(bench, bare).after());
            }
            Bench.progress("start-up " + (i + 1) + ": bare " + ms(bareTimes.get(i)) + ", kiosk " + ms(kioskTimes.get(i)));
        }
        double base = median(bareTimes);
        double ours = median(kioskTimes);
        double ratio = ours / base;
        return List.of(new Criteria()
                .require(ratio <= 2.0, String.format("%.2f× the bare app's start-up, target at most 2×", ratio))
                .require(fewestPlugins == PLUGINS, "only " + fewestPlugins + " of " + PLUGINS + " plugins STARTED in /health")
                .row("start-up to first /health answer, all five plugins (" + bench.options().startupRuns()
                                + " starts each, median)",
                        String.format("%.0f ms", base), String.format("%.0f ms", ours), ratio,
                        String.format("%.0f ms median (%s)", ours, spread(kioskTimes)), "≤ 2.00× baseline"));
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
