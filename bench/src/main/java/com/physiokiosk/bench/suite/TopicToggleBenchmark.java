package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import com.physiokiosk.bench.load.LoadGenerator;
import com.physiokiosk.bench.load.LoadResult;
import com.physiokiosk.bench.web.Browser;
import com.physiokiosk.bench.web.PatientWalk;
import com.physiokiosk.bench.web.StaffDesk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Switching a topic off and on while the kiosk is busy: the question-screen load (16 patients) and
 * 8 kiosk browsers taking patients through whole cramps visits run as in the memory benchmark,
 * while an admin at the desk taps "disable" then "enable" on the sleep topic, over and over with a
 * short pause between taps. Each tap is timed from request to the kiosk's answer; right after each,
 * a patient at the topic choice must see the change (the topic gone, or back). Passes when every
 * tap took under 100 ms and no request of any kind failed. The kiosk's own time for each switch,
 * from the line its log writes for it, is reported beside the taps: the rest of a tap is HTTP and
 * waiting for a core.
 */
final class TopicToggleBenchmark implements Benchmark {

    /** The topic switched off and on: not the one the patients under load are answering. */
    static final String TOGGLED = "sleep";
    static final double TARGET_MS = 100;
    private static final long PAUSE_MILLIS = 200;
    /** The line the kiosk logs for each switch (TopicHost), with the time it took inside the kiosk. */
    private static final Pattern SWITCH_LINE = Pattern.compile("Plugin " + TOGGLED + " switched o(?:n|ff) in (\\d+) ms");

    @Override
    public String name() {
        return "topic-toggle";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        Histogram micros = new Histogram(60_000_000L, 3);
        int failedTaps = 0;
        int unseen = 0;
        String firstFailure = null;
        LoadResult questions;
        LoadResult visits;
        Histogram serverMillis;
        try (ChildJvm kiosk = bench.startServer(bench.kioskWithAdmin(bench.deployedJvm(), bench.dir("toggle-kiosk-data")))) {
            int port = kiosk.port();
            StaffDesk desk = StaffDesk.signIn(port);
            desk.openTopics();
            Browser probe = new Browser(bench.http(), port);
            PatientWalk.toTopics(probe);
            ExecutorService drivers = Executors.newFixedThreadPool(2);
            try {
                Future<LoadResult> q = drivers.submit(() -> LoadGenerator.run(
                        bench.plan("toggle-questions", QuestionScreenBenchmark.CLIENTS),
                        i -> PatientLoad.onQuestionScreen(bench.http(), port)));
                Future<LoadResult> v = drivers.submit(() -> LoadGenerator.run(
                        bench.plan("toggle-visits", MemoryBenchmark.VISITORS), i -> PatientLoad.visiting(bench.http(), port)));
                Thread.sleep(bench.options().warmUp().toMillis());
                boolean enabled = true;
                while (!q.isDone() || !v.isDone()) {
                    enabled = !enabled;
                    long start = System.nanoTime();
                    try {
                        desk.setEnabled(TOGGLED, enabled);
                        micros.recordValue((System.nanoTime() - start) / 1_000);
                        if (offered(probe) != enabled) {
                            unseen++;
                            firstFailure = firstFailure != null ? firstFailure : "right after " + (enabled ? "enabling " : "disabling ")
                                    + TOGGLED + " the topic choice " + (enabled ? "still lacked it" : "still offered it");
                        }
                    } catch (Exception e) {
                        failedTaps++;
                        firstFailure = firstFailure != null ? firstFailure : e.toString();
                    }
                    Thread.sleep(PAUSE_MILLIS);
                }
                if (!enabled) {
                    desk.setEnabled(TOGGLED, true);
                }
                questions = q.get();
                visits = v.get();
            } finally {
                drivers.shutdownNow();
            }
            serverMillis = switchTimes(kiosk.log());
        }
        long taps = micros.getTotalCount();
        double median = micros.getValueAtPercentile(50) / 1e3;
        double p99 = micros.getValueAtPercentile(99) / 1e3;
        double max = micros.getMaxValue() / 1e3;
        String server = serverMillis.getTotalCount() == 0 ? "no switch line in the kiosk's log"
                : String.format("the kiosk's own time per switch (%d in its log): median %d ms, slowest %d ms",
                        serverMillis.getTotalCount(), serverMillis.getValueAtPercentile(50), serverMillis.getMaxValue());
        Bench.progress(String.format("topic toggle: %d taps, median %.1f ms, p99 %.1f ms, slowest %.1f ms; %s; questions %s; visits %s",
                taps, median, p99, max, server, questions.summary("req"), visits.summary("visits")));
        return List.of(new Criteria()
                .require(taps > 0, "no tap was timed")
                .require(max < TARGET_MS, String.format("slowest tap %.1f ms, target under %.0f ms", max, TARGET_MS))
                .require(failedTaps == 0, failedTaps + " taps failed: " + firstFailure)
                .require(unseen == 0, unseen + " taps not seen by the patient at once: " + firstFailure)
                .require(questions.errors() == 0, questions.errors() + " failed question requests: " + questions.firstError())
                .require(visits.errors() == 0, visits.errors() + " failed visits: " + visits.firstError())
                .row("disable and enable a topic (" + TOGGLED + ") under load: " + QuestionScreenBenchmark.CLIENTS
                                + " question-screen clients + " + MemoryBenchmark.VISITORS + " whole visits",
                        "—", String.format("slowest %.1f ms", max), null,
                        String.format("%d taps: median %.1f ms, p99 %.1f ms, slowest %.1f ms; %s; questions %s; visits %s",
                                taps, median, p99, max, server, questions.summary("req"), visits.summary("visits")),
                        "< 100 ms, zero failed requests"));
    }

    /** The kiosk's own time for each switch of {@link #TOGGLED}, in ms, read from the lines of its log. */
    private static Histogram switchTimes(Path log) throws IOException {
        Histogram millis = new Histogram(3);
        try (var lines = Files.lines(log)) {
            lines.map(SWITCH_LINE::matcher).filter(Matcher::find).forEach(m -> millis.recordValue(Long.parseLong(m.group(1))));
        }
        return millis;
    }

    /** Whether the topic choice a patient sees now offers {@link #TOGGLED}. */
    private static boolean offered(Browser patient) throws Exception {
        Browser.Page topics = patient.fetch("/topics");
        if (topics.status() != 200) {
            throw new IllegalStateException("the topic choice answered " + topics.status());
        }
        return topics.text().contains("name=\"topic\" value=\"" + TOGGLED + "\"");
    }
}
