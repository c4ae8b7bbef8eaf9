package com.physiokiosk.bench.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How long and how often to measure, and where things are.
 *
 * @param kioskJar      the packaged kiosk, with its {@code plugins} folder beside it
 * @param benchJar      this harness's jar (the bare app runs from it)
 * @param serviceUnit   the systemd unit whose JVM options every server under test gets
 * @param workDir       databases and server logs of this run (on the project's disk, not a tmpfs, so fsync is real)
 * @param resultsFile   where the table is written as Markdown
 * @param only          benchmark names to run, empty for all
 * @param warmUp        warm-up of each load run
 * @param measure       measured phase of each load run
 * @param rounds        load runs per side, alternating baseline and kiosk (ABBA), best kept
 * @param startupRuns   measured starts per side, median kept
 * @param quietWait     how long to wait, before each benchmark, for other processes to leave the machine alone
 * @param retries       how many times more a benchmark disturbed by other processes is run
 * @param keep          keep {@code workDir} afterwards
 */
public record BenchOptions(Path kioskJar, Path benchJar, Path serviceUnit, Path workDir, Path resultsFile, Set<String> only,
                           Duration warmUp, Duration measure, int rounds, int startupRuns, Duration quietWait,
                           int retries, boolean keep) {

    /**
     * Reads {@code --quick}, {@code --only=a,b}, {@code --kiosk-jar=…}, {@code --wait=MINUTES},
     * {@code --keep}; the rest from where the jar is.
     */
    public static BenchOptions parse(String[] args, Path benchJar) {
        Path target = benchJar.toAbsolutePath().getParent();
        Path kioskJar = target.resolve("../../kiosk-ui/target/physio-kiosk.jar").normalize();
        boolean quick = false;
        boolean keep = false;
        Duration quietWait = Duration.ofMinutes(10);
        Set<String> only = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--keep")) {
                keep = true;
            } else if (arg.startsWith("--only=")) {
                only.addAll(Arrays.asList(arg.substring("--only=".length()).split(",")));
            } else if (arg.startsWith("--wait=")) {
                quietWait = Duration.ofMinutes(Long.parseLong(arg.substring("--wait=".length())));
            } else if (arg.startsWith("--kiosk-jar=")) {
                kioskJar = Path.of(arg.substring("--kiosk-jar=".length())).toAbsolutePath();
            } else {
                throw new IllegalArgumentException("unknown option " + arg
                        + " (options: --quick, --only=startup,question-screen,submission,memory,pdf,topic-toggle,"
                        + "tap-to-paint,load,chain,"
                        + " --kiosk-jar=PATH, --wait=MINUTES, --keep)");
            }
        }
        // --quick is for trying the harness out; its figures are too short to publish.
        return new BenchOptions(kioskJar, benchJar, target.resolve("../../config/physio-kiosk.service").normalize(),
                target.resolve("bench-run"), target.resolve("results.md"), only,
                Duration.ofSeconds(quick ? 3 : 20), Duration.ofSeconds(quick ? 5 : 15), quick ? 1 : 2,
                quick ? 2 : 5, quietWait, quick ? 0 : 2, keep);
    }

    public boolean selected(String name) {
        return only.isEmpty() || only.contains(name);
    }

    public boolean quick() {
        return rounds == 1;
    }
}
