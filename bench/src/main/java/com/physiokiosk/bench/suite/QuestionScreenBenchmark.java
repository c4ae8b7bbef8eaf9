package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import com.physiokiosk.bench.load.LoadPlan;
import com.physiokiosk.bench.web.Http;
import com.physiokiosk.bench.web.Browser;
import com.physiokiosk.bench.web.PatientWalk;
import java.util.List;

/**
 * Question-screen throughput at 16 concurrent clients: each client is a patient with its own
 * session, walked to the cramps "trigger" question once, then fetching it again and again; the
 * baseline is the bare app rendering its precompiled page of the same byte size.
 */
final class QuestionScreenBenchmark implements Benchmark {

    static final int CLIENTS = 16;

    /** The most server CPU a question page may cost, against the bare page's in the same run. */
    static final double MAX_CPU_RATIO = 1.25;

    @Override
    public String name() {
        return "question-screen";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        try (ChildJvm kiosk = bench.startServer(bench.kiosk(bench.deployedJvm(), bench.dir("question-kiosk-data")))) {
            int bytes = PatientWalk.toQuestion(new Browser(bench.http(), kiosk.port()));
            try (ChildJvm bare = bench.startServer(bench.bare(bench.deployedJvm(), bytes))) {
                String page = "http://127.0.0.1:" + bare.port() + "/page";
                int bareBytes = Http.getOk(bench.http(), page).length;
                Bench.progress("question screen: kiosk page " + bytes + " bytes, bare page " + bareBytes + " bytes");
                LoadPlan plan = bench.plan("question-screen", CLIENTS);
                Bench.Pair r = bench.compare(plan,
                        Bench.Side.served(bare, i -> () -> PatientLoad.sameSize(Http.getOk(bench.http(), page).length, bareBytes)),
                        Bench.Side.served(kiosk, i -> PatientLoad.onQuestionScreen(bench.http(), kiosk.port())));
                double ratio = r.kiosk().perSecond() / r.baseline().perSecond();
                // Issue 21: the server's CPU per page at most 1.25 times the bare page's, in the same run.
                double cpu = r.kiosk().cpuMicrosPerCall() / r.baseline().cpuMicrosPerCall();
                return List.of(new Criteria()
                        .require(ratio >= 0.5, String.format("%.2f of the bare app's throughput, target at least 0.5", ratio))
                        .require(cpu <= MAX_CPU_RATIO, String.format("server CPU %.2f× the bare page's, target at most %.2f×",
                                cpu, MAX_CPU_RATIO))
                        .require(r.kiosk().p99Millis() < 5, String.format("p99 %.2f ms, target under 5 ms", r.kiosk().p99Millis()))
                        .require(r.kiosk().errors() == 0, r.kiosk().errors() + " failed requests: " + r.kiosk().firstError())
                        .require(r.baseline().errors() == 0, "baseline had " + r.baseline().errors() + " failed requests")
                        .require(bareBytes == bytes, "the baseline page is " + bareBytes + " bytes, the kiosk's " + bytes)
                        .row("question screen, " + CLIENTS + " clients, loopback (" + bytes + "-byte page)",
                                String.format("%,.0f req/s, p99 %.2f ms, server CPU %.0f µs/req", r.baseline().perSecond(),
                                        r.baseline().p99Millis(), r.baseline().cpuMicrosPerCall()),
                                String.format("%,.0f req/s", r.kiosk().perSecond()), ratio,
                                r.kiosk().summary("req") + String.format(" (%.2f× the bare page's)", cpu),
                                "≥ 0.50× baseline; p99 < 5 ms; server CPU ≤ 1.25× baseline"));
            }
        }
    }
}
