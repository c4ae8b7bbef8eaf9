package com.physiokiosk.bench.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The results: one Markdown document, printed and written to a file to paste into BENCHMARKS.md. */
final class Report {

    /** Above this share of the CPU taken by other processes, a run is flagged as noisy. */
    static final double NOISY_PERCENT = 10;

    /** How busy the machine was while one benchmark ran. */
    record Conditions(String benchmark, int attempt, long waitedSeconds, String loadBefore, double othersPercent,
                      long seconds) {

        /** A benchmark done in under a second measured nothing, and its CPU shares are only noise. */
        boolean measuredSomething() {
            return seconds >= 1;
        }

        String othersText() {
            return measuredSomething() ? String.format("%.0f %%", othersPercent) : "—";
        }
    }

    private final List<String> machine;
    private final String loadAtStart;
    private final List<Row> rows = new ArrayList<>();
    private final List<Conditions> conditions = new ArrayList<>();
    private final ZonedDateTime started = ZonedDateTime.now();
    private final BenchOptions options;

    Report(List<String> machine, BenchOptions options) {
        this.machine = machine;
        this.options = options;
        this.loadAtStart = Machine.loadAverage();
    }

    void add(List<Row> benchmarkRows, Conditions during) {
        rows.addAll(benchmarkRows);
        conditions.add(during);
    }

    boolean anyMissed() {
        return rows.stream().anyMatch(r -> r.status() == Row.Status.MISSED);
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("### Results of ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append(options.quick() ? " (--quick: too short to publish)" : "").append("\n\n");
        double busiest = conditions.stream().filter(Conditions::measuredSomething).mapToDouble(Conditions::othersPercent)
                .max().orElse(0);
        if (busiest > NOISY_PERCENT) {
            md.append(String.format("**Noisy run:** other processes used up to %.0f %% of the machine's CPU while a benchmark"
                    + " ran (see the last table); absolute figures are low and ratios less reliable.%n%n", busiest));
        }
        md.append("| what | baseline, same run | ours | ratio | absolute | target | result |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(String.join(" | ", cell(r.what()), cell(r.baseline()), cell(r.ours()), r.ratioText(),
                    cell(r.absolute()), cell(r.target()), cell(r.verdict()))).append(" |\n");
        }
        md.append("\nMachine:\n\n");
        machine.forEach(m -> md.append("- ").append(m).append('\n'));
        md.append("- load average (1, 5, 15 min) at start: ").append(loadAtStart).append(", at end: ")
                .append(Machine.loadAverage()).append('\n');
        md.append("- run: warm-up ").append(options.warmUp().toSeconds()).append(" s and measured ")
                .append(options.measure().toSeconds()).append(" s per load run, ").append(options.rounds())
                .append(" round(s) per side alternating (best kept, errors of all rounds counted), ")
                .append(options.startupRuns()).append(" measured starts per side (median); a benchmark disturbed by other"
                        + " processes (over ").append((int) NOISY_PERCENT).append(" % of the CPU) is run again up to ")
                .append(options.retries()).append(" times and the least disturbed attempt kept\n");
        md.append("\n| benchmark | attempt kept | waited for a quiet machine | load average before"
                + " | CPU used by other processes meanwhile | took |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (Conditions c : conditions) {
            md.append(String.format("| %s | %d | %d s | %s | %s | %d s |%n", c.benchmark(), c.attempt(), c.waitedSeconds(),
                    c.loadBefore(), c.othersText(), c.seconds()));
        }
        return md.toString();
    }

    void write(Path file) throws IOException {
        Files.writeString(file, markdown());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
