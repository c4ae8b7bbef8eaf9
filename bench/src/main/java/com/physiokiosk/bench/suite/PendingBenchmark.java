package com.physiokiosk.bench.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.jar.JarFile;

/**
 * A row of issue 8 whose feature the kiosk does not have yet, so there is nothing to measure. The
 * row stays in the table, saying so. It also looks into the kiosk jar for a sign that the feature
 * has arrived; if it finds one, the row is missed until its measurement is written, so the gap
 * cannot go unnoticed once the feature is merged.
 *
 * @param name    the benchmark name ({@code --only})
 * @param what    the row's "what"
 * @param target  the target of issue 8
 * @param missing what the kiosk lacks, for the row
 * @param sign    what in the kiosk jar would show that the feature has arrived
 * @param signOf  a jar entry name that is such a sign
 */
record PendingBenchmark(String name, String what, String target, String missing, String sign,
                        Predicate<String> signOf) implements Benchmark {

    /** The one-page PDF summary (staff side): openhtmltopdf in the kiosk jar would be the sign. */
    static PendingBenchmark pdfSummary() {
        return new PendingBenchmark("pdf", "one-page PDF summary, warm", "median < 250 ms",
                "the kiosk has no PDF summary yet (staff side, on another branch)", "a PDF library (openhtmltopdf)",
                entry -> entry.startsWith("com/openhtmltopdf/"));
    }

    /** Disabling and enabling a topic at run time (admin side): an admin controller would be the sign. */
    static PendingBenchmark topicToggle() {
        return new PendingBenchmark("topic-toggle", "disable and enable a topic under load",
                "< 100 ms, zero failed requests",
                "the kiosk has no runtime topic toggle yet (admin side, on another branch)", "an admin controller",
                entry -> entry.startsWith("com/physiokiosk/") && entry.contains("Admin") && entry.endsWith(".class"));
    }

    @Override
    public boolean needsQuietMachine() {
        return false;
    }

    @Override
    public List<Row> run(Bench bench) throws IOException {
        Optional<String> found = find(bench.options().kioskJar());
        if (found.isPresent()) {
            // The feature is there but unmeasured: its target is not known to be met, so it counts as missed.
            return List.of(new Row(what, "—", "—", null, "—", target, Row.Status.MISSED, "the kiosk jar now has " + sign
                    + " (" + found.get() + ") but this benchmark is not written yet; see BENCHMARKS.md"));
        }
        return List.of(Row.notMeasured(what, target, missing));
    }

    private Optional<String> find(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).filter(signOf).findFirst();
        }
    }
}
