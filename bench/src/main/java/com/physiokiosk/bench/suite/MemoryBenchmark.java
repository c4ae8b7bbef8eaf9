package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import com.physiokiosk.bench.jvm.Memory;
import com.physiokiosk.bench.load.LoadGenerator;
import com.physiokiosk.bench.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The kiosk jar started with {@code -Xmx64m} under both loads at once, over HTTP: 16 patients on
 * the question screen and 8 kiosk browsers taking patients through whole visits (submit included).
 * Passes when no request fails, the JVM neither dies nor runs out of heap, and its peak resident
 * memory ({@code VmHWM}) stays under 200 MB.
 */
final class MemoryBenchmark implements Benchmark {

    static final List<String> SMALL_HEAP = List.of("-Xmx64m");
    static final int VISITORS = 8;
    static final double MAX_RESIDENT_MB = 200;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public List<Row> run(Bench bench) throws IOException, InterruptedException, ExecutionException {
        try (ChildJvm kiosk = bench.startServer(bench.kiosk(SMALL_HEAP, bench.dir("memory-kiosk-data")))) {
            int port = kiosk.port();
            // Both loads at the same time, each driven from its own thread.
            ExecutorService drivers = Executors.newFixedThreadPool(2);
            LoadResult q;
            LoadResult v;
            try {
                Future<LoadResult> questions = drivers.submit(() -> LoadGenerator.run(
                        bench.plan("memory-questions", QuestionScreenBenchmark.CLIENTS),
                        i -> PatientLoad.onQuestionScreen(bench.http(), port)));
                Future<LoadResult> visits = drivers.submit(() -> LoadGenerator.run(
                        bench.plan("memory-visits", VISITORS), i -> PatientLoad.visiting(bench.http(), port)));
                q = questions.get();
                v = visits.get();
            } finally {
                drivers.shutdownNow();
            }
            Memory memory = kiosk.memory();
            boolean alive = kiosk.isAlive();
            boolean outOfMemory = Files.readString(kiosk.log()).contains("OutOfMemoryError");
            Bench.progress("memory: questions " + q.summary("req") + "; visits " + v.summary("visits") + "; peak RSS "
                    + Math.round(memory.peakMb()) + " MB");
            return List.of(new Criteria()
                    .require(q.errors() == 0, q.errors() + " failed question requests: " + q.firstError())
                    .require(v.errors() == 0, v.errors() + " failed visits: " + v.firstError())
                    .require(alive, "the kiosk died under load")
                    .require(!outOfMemory, "OutOfMemoryError in the kiosk's log")
                    .require(memory.peakMb() < MAX_RESIDENT_MB, String.format("peak resident %.0f MB, target under %.0f MB",
                            memory.peakMb(), MAX_RESIDENT_MB))
                    .row("memory: kiosk with -Xmx64m under " + QuestionScreenBenchmark.CLIENTS
                                    + " question-screen clients + " + VISITORS + " whole visits over HTTP",
                            "—", String.format("%.0f MB peak RSS", memory.peakMb()), null,
                            String.format("peak RSS (VmHWM) %.0f MB, RSS at end %.0f MB; questions %s; visits %s",
                                    memory.peakMb(), memory.rssMb(), q.summary("req"), v.summary("visits")),
                            "passes with -Xmx64m; RSS < 200 MB"));
        }
    }
}
