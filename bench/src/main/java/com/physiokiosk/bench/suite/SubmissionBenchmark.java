package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.load.LoadPlan;
import com.physiokiosk.bench.web.PatientWalk;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.checkin.CheckInService;
import com.physiokiosk.engine.checkin.SectionAnswers;
import com.physiokiosk.engine.config.PluginMode;
import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.QuestionnaireFlow;
import com.physiokiosk.engine.flow.RuleEvaluator;
import com.physiokiosk.engine.plugins.KioskPluginManager;
import com.physiokiosk.engine.plugins.TopicHost;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Submitting a completed questionnaire, durably, at 8 concurrent clients: the kiosk's
 * {@link CheckInService#submit} (rules evaluated, texts resolved, stored by CheckInRepository in one
 * transaction) with the five real plugins loaded through PF4J, against plain JDBC writing the very
 * rows that submission wrote, in one transaction each, with the same pragmas and schema.
 */
final class SubmissionBenchmark implements Benchmark {

    static final int CLIENTS = 8;
    static final double MIN_PER_SECOND = 500;

    @Override
    public String name() {
        return "submission";
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        Database kioskDb = Database.open(bench.dir("submission-kiosk-data"));
        Path baselineDir = bench.dir("submission-baseline-data");
        // The baseline's schema comes from the kiosk's own migration, so both write the same tables and indexes.
        Database.open(baselineDir);
        CheckInRepository repository = new CheckInRepository(kioskDb);
        TopicHost host = new TopicHost(KioskPluginManager.create(bench.pluginsDir(), PluginMode.DEPLOYMENT));
        host.start();
        try {
            CheckInService service = new CheckInService(repository, Clock.systemDefaultZone(), () -> "en",
                    new com.physiokiosk.engine.fhir.QuestionnaireArchive(kioskDb,
                            new com.fasterxml.jackson.databind.ObjectMapper(), Clock.systemDefaultZone(),
                            "https://clinic.example.org/fhir"));
            CalmVisit visit = new CalmVisit(host, service);
            visit.submit();
            CheckIn stored = repository.find(repository.idsForDay(LocalDate.now()).get(0)).orElseThrow();
            try (PlainJdbcSubmissions plain = PlainJdbcSubmissions.open(baselineDir.resolve(Database.FILE_NAME), stored)) {
                LoadPlan plan = bench.plan("submission", CLIENTS);
                Bench.Pair r = bench.compare(plan, Bench.Side.inProcess(i -> plain::submit),
                        Bench.Side.inProcess(i -> visit::submit));
                Tables ours = Tables.of(kioskDb.file());
                Tables base = Tables.of(baselineDir.resolve(Database.FILE_NAME));
                double ratio = r.kiosk().perSecond() / r.baseline().perSecond();
                return List.of(new Criteria()
                        .require(ratio >= 0.5, String.format("%.2f of plain JDBC's rate, target at least 0.5", ratio))
                        .require(r.kiosk().perSecond() >= MIN_PER_SECOND, String.format(
                                "%,.0f submissions/s, target at least %,.0f", r.kiosk().perSecond(), MIN_PER_SECOND))
                        .require(r.kiosk().errors() == 0, r.kiosk().errors() + " failed submissions: " + r.kiosk().firstError())
                        .require(r.baseline().errors() == 0, "baseline had " + r.baseline().errors() + " failures: "
                                + r.baseline().firstError())
                        .require(ours.rowsPerCheckIn() == base.rowsPerCheckIn(), String.format(
                                "not like with like: %.2f rows per submission against %.2f", ours.rowsPerCheckIn(),
                                base.rowsPerCheckIn()))
                        .require(ours.wal() && base.wal(), "a database is not in WAL mode")
                        .require(plain.synchronous() == 2, "the baseline is not synchronous=FULL")
                        .row("submit a completed questionnaire, " + CLIENTS + " clients, WAL + synchronous=FULL ("
                                        + Math.round(ours.rowsPerCheckIn()) + " rows each)",
                                String.format("%,.0f/s, p99 %.2f ms, CPU %.0f µs each", r.baseline().perSecond(),
                                        r.baseline().p99Millis(), r.baseline().cpuMicrosPerCall()),
                                String.format("%,.0f/s", r.kiosk().perSecond()), ratio, r.kiosk().summary("submissions"),
                                "≥ 0.50× baseline; ≥ 500/s"));
            }
        } finally {
            host.stop();
        }
    }

    /**
     * The calm visit of the HTTP tests (nothing on the safety screen, calm facts, cramps from lifting at the
     * gym), sent as {@code VisitService.submit} sends it: every section's skip logic and rules worked out
     * on its answers, then the texts resolved and everything stored in one transaction.
     */
    static final class CalmVisit {
        private final TopicHost host;
        private final CheckInService service;
        private final Map<String, Answers> answers = new LinkedHashMap<>();

        CalmVisit(TopicHost host, CheckInService service) {
            this.host = host;
            this.service = service;
            Map<String, List<String>> safety = new LinkedHashMap<>();
            host.safety().questions().forEach(q -> safety.put(q.linkId(),
                    PatientWalk.CALM_HOST.getOrDefault(q.linkId(), List.of("no"))));
            Map<String, List<String>> about = new LinkedHashMap<>();
            host.about().questions().forEach(q -> about.put(q.linkId(),
                    PatientWalk.CALM_HOST.getOrDefault(q.linkId(), List.of("no"))));
            answers.put(host.safety().id(), Answers.of(safety));
            answers.put(host.about().id(), Answers.of(about));
            answers.put(PatientWalk.TOPIC, Answers.of(PatientWalk.CALM_CRAMPS));
        }

        void submit() {
            Answers facts = QuestionnaireFlow.of(host.about().questions(), answers.get(host.about().id()))
                    .effective();
            List<SectionAnswers> sections = new ArrayList<>();
            answers.forEach((id, given) -> {
                LoadedTopic topic = id.equals(host.safety().id()) ? host.safety()
                        : id.equals(host.about().id()) ? host.about() : host.find(id).orElseThrow();
                Answers context = id.equals(host.about().id()) ? Answers.empty() : facts;
                QuestionnaireFlow flow = QuestionnaireFlow.of(topic.questions(), given, context);
                sections.add(new SectionAnswers(topic, flow.asked(), flow.effective(),
                        RuleEvaluator.evaluate(topic, given, context), List.of(), true));
            });
            service.save(null, "en", "Ana", sections, true, false);
        }
    }

    /** What a database holds after a run: rows per check-in, and whether it is in WAL mode. */
    record Tables(long checkIns, long rows, boolean wal) {

        static Tables of(Path file) throws SQLException {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
                long checkIns = count(s, "SELECT COUNT(*) FROM check_in");
                long rows = checkIns + count(s, "SELECT COUNT(*) FROM topic_response")
                        + count(s, "SELECT COUNT(*) FROM answer") + count(s, "SELECT COUNT(*) FROM finding");
                try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    rs.next();
                    return new Tables(checkIns, rows, "wal".equalsIgnoreCase(rs.getString(1)));
                }
            }
        }

        double rowsPerCheckIn() {
            return checkIns == 0 ? 0 : (double) rows / checkIns;
        }

        private static long count(Statement s, String sql) throws SQLException {
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
