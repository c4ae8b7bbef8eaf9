package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import com.physiokiosk.bench.load.LoadGenerator;
import com.physiokiosk.bench.load.LoadResult;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A clinic chain: three kiosk servers (sites {@code site-1..3}, the deployed JVM options) on one PostgreSQL database,
 * each under the memory row's load at once (16 question-screen clients and 8 kiosk browsers taking patient after
 * patient through whole visits, submit included). Against it, one server on its embedded SQLite under the same load
 * in the same run, and one server on PostgreSQL alone under the same load (PostgreSQL's own cost, apart from three
 * servers sharing the machine). Reported: visits (each one submission) per second, all servers together, and the p99
 * of a whole visit, against the single SQLite server's; every request must succeed.
 *
 * <p>Needs a PostgreSQL server: {@code KIOSK_BENCH_POSTGRESQL} (or {@code KIOSK_TEST_POSTGRESQL}), an admin JDBC URL
 * such as {@code scripts/postgresql-for-tests.sh start} prints; a fresh database is made on it for the run. Without
 * one the row says it was not measured.
 */
final class ChainBenchmark implements Benchmark {

    static final int SERVERS = 3;

    @Override
    public String name() {
        return "chain";
    }

    private record Loads(LoadResult questions, LoadResult visits) {
    }

    @Override
    public List<Row> run(Bench bench) throws IOException, InterruptedException, ExecutionException {
        String what = "chain: " + SERVERS + " kiosk servers on one PostgreSQL, each under the memory row's load";
        String target = "every request succeeds; visits/s and p99 reported against one SQLite server";
        String admin = System.getenv().getOrDefault("KIOSK_BENCH_POSTGRESQL", System.getenv("KIOSK_TEST_POSTGRESQL"));
        if (admin == null || admin.isBlank()) {
            return List.of(Row.notMeasured(what, target, "no PostgreSQL: set KIOSK_BENCH_POSTGRESQL to an admin JDBC URL"
                    + " (scripts/postgresql-for-tests.sh start prints one)"));
        }
        admin = admin.contains("#") ? admin.substring(0, admin.indexOf('#')) : admin;
        String url = freshDatabase(admin);

        Loads single;
        try (ChildJvm server = bench.startServer(bench.kiosk(bench.deployedJvm(), bench.dir("chain-sqlite-data")))) {
            single = underLoad(bench, List.of(server.port())).get(0);
        }
        // One server on PostgreSQL under the same load: PostgreSQL's own cost, apart from three servers sharing the cores.
        Loads alone;
        try (ChildJvm server = bench.startServer(onPostgresql(bench, freshDatabase(admin), "alone"))) {
            alone = underLoad(bench, List.of(server.port())).get(0);
        }
        List<ChildJvm> servers = new ArrayList<>();
        List<Loads> chain;
        try {
            for (int i = 1; i <= SERVERS; i++) {
                servers.add(bench.startServer(onPostgresql(bench, url, "site-" + i)));
            }
            chain = underLoad(bench, servers.stream().map(ChildJvm::port).toList());
        } finally {
            for (ChildJvm s : servers) {
                s.close();
            }
        }
        long errors = 0;
        double visitsPerSecond = 0;
        double p99 = 0;
        StringBuilder each = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            Loads l = chain.get(i);
            errors += l.questions().errors() + l.visits().errors();
            visitsPerSecond += l.visits().perSecond();
            p99 = Math.max(p99, l.visits().p99Millis());
            each.append(String.format("; site-%d: visits %s, questions %s", i + 1, l.visits().summary("visits"),
                    l.questions().summary("req")));
        }
        long singleErrors = single.questions().errors() + single.visits().errors();
        long aloneErrors = alone.questions().errors() + alone.visits().errors();
        each.append("; one server on PostgreSQL alone: visits ").append(alone.visits().summary("visits"))
                .append(", questions ").append(alone.questions().summary("req"));
        Bench.progress(String.format("chain: %.1f visits/s over %d servers (p99 of a visit %.0f ms); one SQLite server %s;"
                + " one PostgreSQL server %s", visitsPerSecond, SERVERS, p99, single.visits().summary("visits"),
                alone.visits().summary("visits")));
        return List.of(new Criteria()
                .require(errors == 0, errors + " failed requests on the chain" + firstError(chain))
                .require(singleErrors == 0, singleErrors + " failed requests on the single server")
                .require(aloneErrors == 0, aloneErrors + " failed requests on the single PostgreSQL server"
                        + firstError(List.of(alone)))
                .row(what, String.format("one server on SQLite: %.1f visits/s, p99 %.0f ms", single.visits().perSecond(),
                                single.visits().p99Millis()),
                        String.format("%.1f visits/s, p99 %.0f ms", visitsPerSecond, p99),
                        visitsPerSecond / single.visits().perSecond(),
                        "all servers together; worst p99 of a whole visit" + each, target));
    }

    /** A kiosk server of site {@code site} on the PostgreSQL database {@code url}. */
    private static ChildJvm.Command onPostgresql(Bench bench, String url, String site) {
        ChildJvm.Command kiosk = bench.kiosk(bench.deployedJvm(), bench.dir("chain-" + site));
        Map<String, String> env = new HashMap<>(kiosk.env());
        env.put("KIOSK_DATABASE_URL", url);
        env.put("KIOSK_SITE", site);
        return new ChildJvm.Command(kiosk.name() + "-" + site, kiosk.jvmOptions(), kiosk.launch(), Map.copyOf(env));
    }

    private static String firstError(List<Loads> chain) {
        for (Loads l : chain) {
            if (l.visits().firstError() != null) {
                return ": " + l.visits().firstError();
            }
            if (l.questions().firstError() != null) {
                return ": " + l.questions().firstError();
            }
        }
        return "";
    }

    /** The memory row's two loads on every server at once. */
    private static List<Loads> underLoad(Bench bench, List<Integer> ports) throws InterruptedException, ExecutionException {
        ExecutorService drivers = Executors.newFixedThreadPool(2 * ports.size());
        try {
            List<Future<LoadResult>> questions = new ArrayList<>();
            List<Future<LoadResult>> visits = new ArrayList<>();
            for (int port : ports) {
                questions.add(drivers.submit(() -> LoadGenerator.run(bench.plan("chain-questions", QuestionScreenBenchmark.CLIENTS),
                        i -> PatientLoad.onQuestionScreen(bench.http(), port))));
                visits.add(drivers.submit(() -> LoadGenerator.run(bench.plan("chain-visits", MemoryBenchmark.VISITORS),
                        i -> PatientLoad.visiting(bench.http(), port))));
            }
            List<Loads> out = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                out.add(new Loads(questions.get(i).get(), visits.get(i).get()));
            }
            return out;
        } finally {
            drivers.shutdownNow();
        }
    }

    private static String freshDatabase(String admin) {
        String name = "kiosk_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the benchmark's database: " + e.getMessage(), e);
        }
        return admin.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }
}
