package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.BenchMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every benchmark of issue 8, in order, then the table. A benchmark that fails to run becomes a
 * missed row with its error: the table never loses a row.
 */
public final class Suite {

    /** How long one look at the machine lasts when waiting for it to be quiet. */
    private static final Duration QUIET_SAMPLE = Duration.ofSeconds(5);

    private Suite() {
    }

    /** The benchmarks, start-up first while the machine holds nothing else of ours. */
    static List<Benchmark> all() {
        return List.of(new StartupBenchmark(), new QuestionScreenBenchmark(), new SubmissionBenchmark(),
                new MemoryBenchmark(), new PdfBenchmark(), new TopicToggleBenchmark(), new TapToPaintBenchmark(), new LoadBenchmark(),
                new ChainBenchmark());
    }

    /** Runs the suite; returns the exit code: 0 when no target was missed, 1 otherwise, 2 when it cannot run. */
    public static int run(String[] args) throws Exception {
        Path jar = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        BenchOptions options = BenchOptions.parse(args, jar);
        if (!Files.isRegularFile(options.kioskJar()) || !Files.isDirectory(options.kioskJar().resolveSibling("plugins"))) {
            System.err.println("No kiosk jar with its plugins folder at " + options.kioskJar()
                    + "; build first: mvn -B -q -Pbench -DskipTests package");
            return 2;
        }
        deleteTree(options.workDir());
        Files.createDirectories(options.workDir());
        // Before the first logger exists: the engine's logs go to a file, the console keeps the table.
        System.setProperty("bench.log", options.workDir().resolve("harness.log").toString());
        System.setProperty("logback.configurationFile", "bench-logback.xml");

        Bench bench = new Bench(options);
        List<String> machine = new java.util.ArrayList<>(Machine.describe(options.workDir()));
        machine.add("servers under test started with the options of config/physio-kiosk.service: "
                + String.join(" ", bench.deployedJvm()) + " (the memory row: " + String.join(" ",
                bench.deployedJvmWithHeap(MemoryBenchmark.SMALL_HEAP)) + "; the kiosk's start-up row adds the unit's "
                + Bench.CLASS_ARCHIVE + " with an archive made as the package's postinst makes it)");
        Report report = new Report(machine, options);
        for (Benchmark b : all()) {
            if (options.selected(b.name())) {
                System.out.println(b.name() + " …");
                Attempt kept = measure(b, bench);
                report.add(kept.rows(), kept.conditions());
            }
        }
        String md = report.markdown();
        System.out.println();
        System.out.println(md);
        report.write(options.resultsFile());
        System.out.println("Written to " + options.resultsFile());
        if (!options.keep()) {
            deleteTree(options.workDir());
        }
        return report.anyMissed() ? 1 : 0;
    }

    /** The rows of one attempt at a benchmark, and how busy the machine was meanwhile. */
    private record Attempt(List<Row> rows, Report.Conditions conditions) {
    }

    /**
     * Runs {@code b}, again when other processes used more than a noisy share of the CPU meanwhile
     * (at most {@code options.retries()} times more), and keeps the least disturbed attempt.
     */
    private static Attempt measure(Benchmark b, Bench bench) throws InterruptedException {
        BenchOptions options = bench.options();
        Attempt kept = null;
        for (int n = 1; n <= 1 + options.retries(); n++) {
            Attempt attempt = attempt(b, bench, n);
            if (kept == null || attempt.conditions().othersPercent() < kept.conditions().othersPercent()) {
                kept = attempt;
            }
            if (!b.needsQuietMachine() || attempt.conditions().othersPercent() <= Report.NOISY_PERCENT) {
                break;
            }
            if (n <= options.retries()) {
                Bench.progress(String.format("other processes used %.0f %% of the CPU meanwhile: measuring %s again",
                        attempt.conditions().othersPercent(), b.name()));
            }
        }
        return kept;
    }

    private static Attempt attempt(Benchmark b, Bench bench, int n) throws InterruptedException {
        long waited = b.needsQuietMachine() ? awaitQuiet(bench.options()) : 0;
        String load = Machine.loadAverage();
        Machine.Ticks before = Machine.Ticks.now();
        long start = System.nanoTime();
        List<Row> rows;
        try {
            rows = b.run(bench);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            rows = List.of(new Row(b.name(), "—", "—", null, "—", "—", Row.Status.MISSED, "the benchmark failed: " + e));
        }
        return new Attempt(rows, new Report.Conditions(b.name(), n, waited, load,
                Machine.Ticks.now().othersPercentSince(before), (System.nanoTime() - start) / 1_000_000_000L));
    }

    /**
     * Other engineers' builds share this machine: waits (boundedly) until they leave it alone, so a
     * benchmark starts on a quiet machine. Returns the seconds waited.
     */
    private static long awaitQuiet(BenchOptions options) throws InterruptedException {
        if (options.quietWait().isZero()) {
            return 0;
        }
        long start = System.nanoTime();
        double others = Machine.awaitQuiet(Report.NOISY_PERCENT, QUIET_SAMPLE, options.quietWait());
        long waited = (System.nanoTime() - start) / 1_000_000_000L;
        if (others >= Report.NOISY_PERCENT) {
            Bench.progress(String.format("the machine is still busy after %d s (others %.0f %% of the CPU); measuring anyway",
                    waited, others));
        } else if (waited > QUIET_SAMPLE.toSeconds()) {
            Bench.progress("waited " + waited + " s for other processes to leave the machine alone");
        }
        return waited;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
