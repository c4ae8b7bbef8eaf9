package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import com.physiokiosk.bench.web.Browser;
import com.physiokiosk.bench.web.PatientWalk;
import com.physiokiosk.bench.web.StaffDesk;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The one-page PDF summary, warm: a physiotherapist signed in at the desk downloads the PDF of a
 * check-in again and again, one download after the other (as one person at one desk does), each
 * timed from request to the last byte. The first downloads warm the JVM up and are not counted.
 * The issue sets no baseline: the figure is the kiosk's own median.
 */
final class PdfBenchmark implements Benchmark {

    static final double TARGET_MEDIAN_MS = 250;

    @Override
    public String name() {
        return "pdf";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        int warmUp = bench.options().quick() ? 10 : 50;
        int measured = bench.options().quick() ? 30 : 200;
        Histogram micros = new Histogram(60_000_000L, 3);
        int bytes = 0;
        try (ChildJvm kiosk = bench.startServer(bench.kioskWithAdmin(bench.deployedJvm(), bench.dir("pdf-kiosk-data")))) {
            PatientWalk.completeVisit(new Browser(bench.http(), kiosk.port()));
            StaffDesk desk = StaffDesk.signIn(kiosk.port());
            List<String> today = desk.todaysCheckIns();
            if (today.size() != 1) {
                throw new IllegalStateException("expected the one check-in just made in today's list, found " + today.size());
            }
            String id = today.get(0);
            for (int i = 0; i < warmUp; i++) {
                desk.pdf(id);
            }
            for (int i = 0; i < measured; i++) {
                long start = System.nanoTime();
                bytes = desk.pdf(id);
                micros.recordValue((System.nanoTime() - start) / 1_000);
            }
        }
        double median = micros.getValueAtPercentile(50) / 1e3;
        double p90 = micros.getValueAtPercentile(90) / 1e3;
        double max = micros.getMaxValue() / 1e3;
        Bench.progress(String.format("pdf: median %.1f ms, p90 %.1f ms, max %.1f ms over %d downloads (%,d bytes)",
                median, p90, max, measured, bytes));
        return List.of(new Criteria()
                .require(median < TARGET_MEDIAN_MS, String.format("median %.1f ms, target under %.0f ms", median, TARGET_MEDIAN_MS))
                .row("one-page PDF summary, warm: " + measured + " downloads one after another by a signed-in physiotherapist",
                        "—", String.format("median %.1f ms", median), null,
                        String.format("median %.1f ms, p90 %.1f ms, max %.1f ms after %d warm-up downloads; %,d-byte PDF",
                                median, p90, max, warmUp, bytes),
                        "median < 250 ms"));
    }
}
