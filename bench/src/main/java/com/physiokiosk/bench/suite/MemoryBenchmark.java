package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import com.physiokiosk.bench.jvm.Memory;
import com.physiokiosk.bench.load.LoadGenerator;
import com.physiokiosk.bench.load.LoadResult;
import com.physiokiosk.bench.web.Http;
import com.physiokiosk.bench.web.Browser;
import com.physiokiosk.bench.web.PatientWalk;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The kiosk jar started with {@code -Xmx64m} under both loads at once, over HTTP: 16 patients on
 * the question screen and 8 kiosk browsers taking patients through whole visits (submit included).
 * Passes when no request fails, the JVM neither dies nor runs out of heap, and its peak resident
 * memory ({@code VmHWM}) stays under 200 MB.
 *
 * <p>The issue sets no baseline here. For reference only, the bare app is then run with the same
 * {@code -Xmx64m} under the question-screen load alone (it has no visits to take): what the stack
 * itself needs resident, so a miss can be told apart as the kiosk's or the stack's.
 */
final class MemoryBenchmark implements Benchmark {

    static final String SMALL_HEAP = "64m";
    static final int VISITORS = 8;
    static final double MAX_RESIDENT_MB = 200;

    @Override
    public String name() {
        return "memory";
    }

    /** What one server did under load, and its memory afterwards. */
    private record Run(LoadResult questions, LoadResult visits, Memory memory, boolean alive, boolean outOfMemory) {
    }

    @Override
    public List<Row> run(Bench bench) throws IOException, InterruptedException, ExecutionException {
        int pageBytes;
        Run kiosk;
        try (ChildJvm server = bench.startServer(bench.kiosk(bench.deployedJvmWithHeap(SMALL_HEAP), bench.dir("memory-kiosk-data")))) {
            pageBytes = PatientWalk.toQuestion(new Browser(bench.http(), server.port()));
            int port = server.port();
            kiosk = underLoad(bench, server, i -> PatientLoad.onQuestionScreen(bench.http(), port),
                    i -> PatientLoad.visiting(bench.http(), port));
        }
        Run bare;
        try (ChildJvm server = bench.startServer(bench.bare(bench.deployedJvmWithHeap(SMALL_HEAP), pageBytes))) {
            String page = "http://127.0.0.1:" + server.port() + "/page";
            bare = underLoad(bench, server, i -> () -> Http.getOk(bench.http(), page), null);
        }
        LoadResult q = kiosk.questions();
        LoadResult v = kiosk.visits();
        Bench.progress(String.format("memory: kiosk peak RSS %.0f MB (questions %s; visits %s); bare app %.0f MB (%s)",
                kiosk.memory().peakMb(), q.summary("req"), v.summary("visits"), bare.memory().peakMb(),
                bare.questions().summary("req")));
        return List.of(new Criteria()
                .require(q.errors() == 0, q.errors() + " failed question requests: " + q.firstError())
                .require(v.errors() == 0, v.errors() + " failed visits: " + v.firstError())
                .require(kiosk.alive(), "the kiosk died under load")
                .require(!kiosk.outOfMemory(), "OutOfMemoryError in the kiosk's log")
                .require(kiosk.memory().peakMb() < MAX_RESIDENT_MB, String.format(
                        "peak resident %.0f MB, target under %.0f MB", kiosk.memory().peakMb(), MAX_RESIDENT_MB))
                .row("memory: -Xmx64m under " + QuestionScreenBenchmark.CLIENTS + " question-screen clients + "
                                + VISITORS + " whole visits over HTTP",
                        String.format("reference only: bare app, -Xmx64m, page load alone: %.0f MB peak RSS",
                                bare.memory().peakMb()),
                        String.format("%.0f MB peak RSS", kiosk.memory().peakMb()), null,
                        String.format("peak RSS (VmHWM) %.0f MB, RSS at end %.0f MB; questions %s; visits %s",
                                kiosk.memory().peakMb(), kiosk.memory().rssMb(), q.summary("req"), v.summary("visits")),
                        "passes with -Xmx64m; RSS < 200 MB"));
    }

    /** The question-screen load and, if given, whole visits beside it; then the server's memory. */
    private static Run underLoad(Bench bench, ChildJvm server, IntFunction<LoadGenerator.Client> questionClients,
                                 IntFunction<LoadGenerator.Client> visitClients)
            throws IOException, InterruptedException, ExecutionException {
        ExecutorService drivers = Executors.newFixedThreadPool(2);
        try {
            Future<LoadResult> questions = drivers.submit(() -> LoadGenerator.run(
                    bench.plan("memory-questions", QuestionScreenBenchmark.CLIENTS), questionClients));
            Future<LoadResult> visits = visitClients == null ? null
                    : drivers.submit(() -> LoadGenerator.run(bench.plan("memory-visits", VISITORS), visitClients));
            LoadResult q = questions.get();
            LoadResult v = visits == null ? null : visits.get();
            return new Run(q, v, server.memory(), server.isAlive(), Files.readString(server.log()).contains("OutOfMemoryError"));
        } finally {
            drivers.shutdownNow();
        }
    }
}
