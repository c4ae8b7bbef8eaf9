package com.physiokiosk.bench.suite;

import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The submission baseline: the rows of one stored check-in written again and again with plain JDBC,
 * one transaction each, on the kiosk's schema and with the kiosk's pragmas (WAL,
 * {@code synchronous=FULL}, busy timeout, foreign keys, secure delete). It does what the bare stack
 * does at its best: one connection kept open, statements prepared once, one writer at a time.
 */
final class PlainJdbcSubmissions implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement checkIn;
    private final PreparedStatement topic;
    private final PreparedStatement answer;
    private final PreparedStatement finding;
    private final CheckIn template;
    private final ReentrantLock writer = new ReentrantLock();
    private int number;

    private PlainJdbcSubmissions(Connection connection, CheckIn template) throws SQLException {
        this.connection = connection;
        this.template = template;
        connection.setAutoCommit(false);
        checkIn = connection.prepareStatement("INSERT INTO check_in (public_id, day, number, created_at, language,"
                + " display_name, urgent) VALUES (?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
        topic = connection.prepareStatement("INSERT INTO topic_response (check_in_id, position, topic_id, plugin_id,"
                + " plugin_version, topic_title) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
        answer = connection.prepareStatement("INSERT INTO answer (topic_response_id, position, link_id, question_text,"
                + " answer_values, display_value) VALUES (?, ?, ?, ?, ?, ?)");
        finding = connection.prepareStatement("INSERT INTO finding (topic_response_id, position, rule_id, severity,"
                + " patient_text, clinician_text, triggered_by, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /**
     * Opens {@code file}, which must already hold the kiosk's schema, to write {@code template}'s rows.
     */
    static PlainJdbcSubmissions open(Path file, CheckIn template) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        return new PlainJdbcSubmissions(config.createConnection("jdbc:sqlite:" + file), template);
    }

    /** {@code PRAGMA synchronous} of the connection: 2 is FULL. */
    int synchronous() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Writes one check-in with all its topics, answers and findings, durably. */
    void submit() throws SQLException {
        writer.lock();
        try {
            try {
                long id = insertCheckIn(++number);
                int position = 0;
                for (TopicResponse t : template.topics()) {
                    insertTopic(id, position++, t);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } finally {
            writer.unlock();
        }
    }

    private long insertCheckIn(int n) throws SQLException {
        checkIn.setString(1, String.format("%032x", n));
        checkIn.setString(2, LocalDate.now().toString());
        checkIn.setInt(3, n);
        checkIn.setString(4, Instant.now().toString());
        checkIn.setString(5, template.language());
        checkIn.setString(6, template.displayName());
        checkIn.setInt(7, template.urgent() ? 1 : 0);
        checkIn.executeUpdate();
        return key(checkIn);
    }

    private void insertTopic(long checkInId, int position, TopicResponse t) throws SQLException {
        topic.setLong(1, checkInId);
        topic.setInt(2, position);
        topic.setString(3, t.topicId());
        topic.setString(4, t.pluginId());
        topic.setString(5, t.pluginVersion());
        topic.setString(6, t.topicTitle());
        topic.executeUpdate();
        long responseId = key(topic);
        int i = 0;
        for (StoredAnswer a : t.answers()) {
            answer.setLong(1, responseId);
            answer.setInt(2, i++);
            answer.setString(3, a.linkId());
            answer.setString(4, a.questionText());
            answer.setString(5, String.join("\u001F", a.values()));
            answer.setString(6, a.displayValue());
            answer.addBatch();
        }
        answer.executeBatch();
        i = 0;
        for (StoredFinding f : t.findings()) {
            finding.setLong(1, responseId);
            finding.setInt(2, i++);
            finding.setString(3, f.ruleId());
            finding.setString(4, f.severity().name());
            finding.setString(5, f.patientText());
            finding.setString(6, f.clinicianText());
            finding.setString(7, String.join(",", f.triggeredBy()));
            finding.setString(8, f.source());
            finding.addBatch();
        }
        finding.executeBatch();
    }

    private static long key(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
