package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import com.physiokiosk.bench.load.LoadGenerator;
import com.physiokiosk.bench.load.LoadResult;
import com.physiokiosk.bench.web.StaffDesk;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole kiosk at a busy clinic, the load of {@code LoadIT} measured: 180 kiosk browsers taking
 * patient after patient through whole visits and 20 staff desks reading today's list and a check-in's
 * summary every 250 ms, against the kiosk jar with the deployed options, for this run's warm-up and
 * measured phase. {@code LoadIT} runs the same load in {@code mvn verify} for a few seconds, for its
 * checks (no error, no acknowledged visit lost). The issue sets no baseline and no time here: the
 * figures are for reference (180 clients that never pause queue behind each other on two cores), and
 * the row is met when no visit and no staff page failed.
 */
final class LoadBenchmark implements Benchmark {

    static final int KIOSKS = 180;
    static final int STAFF = 20;
    private static final long STAFF_PAUSE_MILLIS = 250;

    @Override
    public String name() {
        return "load";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        LoadResult visits;
        LoadResult staff;
        try (ChildJvm kiosk = bench.startServer(bench.kioskWithAdmin(bench.deployedJvm(), bench.dir("load-kiosk-data")))) {
            int port = kiosk.port();
            // Signed in one after another, as the desks of a clinic are in the morning: at once, they would
            // be told to wait (Argon2 at the deployed cost hashes a few passwords at a time).
            List<StaffDesk> desks = new ArrayList<>();
            for (int i = 0; i < STAFF; i++) {
                desks.add(StaffDesk.signIn(port));
            }
            ExecutorService drivers = Executors.newFixedThreadPool(2);
            try {
                Future<LoadResult> v = drivers.submit(() -> LoadGenerator.run(bench.plan("load-visits", KIOSKS),
                        i -> PatientLoad.visiting(bench.http(), port), kiosk::cpuNanos));
                Future<LoadResult> s = drivers.submit(() -> LoadGenerator.run(bench.plan("load-staff", STAFF),
                        i -> () -> deskRound(desks.get(i))));
                visits = v.get();
                staff = s.get();
            } finally {
                drivers.shutdownNow();
            }
        }
        Bench.progress("load: visits " + visits.summary("visits") + "; staff " + staff.summary("rounds"));
        return List.of(new Criteria()
                .require(visits.errors() == 0, visits.errors() + " failed visits: " + visits.firstError())
                .require(staff.errors() == 0, staff.errors() + " failed staff rounds: " + staff.firstError())
                .row("load: " + KIOSKS + " kiosks doing whole visits + " + STAFF
                                + " staff desks (today's list and a summary every 250 ms) over HTTP",
                        "—", String.format("%.1f visits/s", visits.perSecond()), null,
                        String.format("whole visits %s; staff rounds %,.1f/s, %d errors (a round: the list, a summary, a"
                                        + " 250 ms pause)", visits.summary("visits"), staff.perSecond(), staff.errors()),
                        "no failed visit or staff page"));
    }

    /** A staff desk's round: today's list, the first check-in's summary, a pause. */
    private static void deskRound(StaffDesk desk) throws Exception {
        List<String> today = desk.todaysCheckIns();
        if (!today.isEmpty()) {
            desk.summary(today.get(0));
        }
        Thread.sleep(STAFF_PAUSE_MILLIS);
    }
}
