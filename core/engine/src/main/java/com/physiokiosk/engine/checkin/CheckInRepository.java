package com.physiokiosk.engine.checkin;

import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.StorageException;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.CheckInSummary;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.safety.SafetyScreen;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Stores and reads check-ins. Prepared statements only. */
public final class CheckInRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Separates the values of one answer in its column: the ASCII unit separator, which no answer may contain. */
    static final String VALUE_SEPARATOR = "\u001F";

    /** The linkId topics used for their own 0-10 pain score before the host asked it once for all. */
    public static final String LEGACY_PAIN_SCORE = "pain-score";

    /** The site of a kiosk that names none, and of everything stored before sites. */
    public static final String DEFAULT_SITE = "main";

    private final Database db;
    private final String site;

    /** The check-ins of the default site. */
    public CheckInRepository(Database db) {
        this(db, DEFAULT_SITE);
    }

    /** The check-ins of {@code site}: new ones are stored as its, numbered among its own of their day. */
    public CheckInRepository(Database db, String site) {
        this.db = db;
        this.site = site;
    }

    /** The site this repository stores check-ins for. */
    public String site() {
        return site;
    }

    /**
     * Stores a whole visit in one durable transaction and gives it the next check-in number of its day.
     *
     * @return the stored check-in, with its number and public id
     */
    public CheckIn insert(LocalDate day, Instant at, String language, String displayName, List<TopicResponse> topics) {
        return insert(day, at, language, displayName, topics, true);
    }

    /**
     * Stores a visit in one durable transaction and gives it the next check-in number of its day.
     *
     * @param finished whether the patient has reached the end; an urgent visit is stored unfinished the
     *                 moment its finding arises, then {@linkplain #replace replaced} as answers come in
     * @return the stored check-in, with its number and public id
     */
    public CheckIn insert(LocalDate day, Instant at, String language, String displayName, List<TopicResponse> topics,
                          boolean finished) {
        return insert(day, at, language, displayName, topics, finished, NOTHING_ALONGSIDE);
    }

    /**
     * Work done in the transaction that stores a check-in, once its number is known: it is committed with the
     * check-in or undone with it.
     */
    @FunctionalInterface
    public interface Alongside {
        /**
         * @param urgent whether the check-in is urgent as stored (once urgent, it stays so)
         */
        void run(Connection c, LocalDate day, int number, boolean urgent) throws SQLException;
    }

    private static final Alongside NOTHING_ALONGSIDE = (c, day, number, urgent) -> { };

    /** As {@link #insert(LocalDate, Instant, String, String, List, boolean)}, doing {@code alongside} in its transaction. */
    public CheckIn insert(LocalDate day, Instant at, String language, String displayName, List<TopicResponse> topics,
                          boolean finished, Alongside alongside) {
        boolean urgent = isUrgent(topics);
        String publicId = newPublicId();
        int number = db.write("store the check-in", c -> {
            // Kiosk servers sharing one database take a day's next number one at a time.
            db.dialect().serialise(c, "check-in-number/" + site + "/" + day);
            int next;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM check_in WHERE site = ? AND day = ?")) {
                ps.setString(1, site);
                ps.setString(2, day.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    next = rs.getInt(1);
                }
            }
            long checkInId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO check_in (public_id, day, number, created_at, language, display_name, urgent, finished,"
                            + " updated_at, site) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, publicId);
                ps.setString(2, day.toString());
                ps.setInt(3, next);
                ps.setString(4, at.toString());
                ps.setString(5, language);
                ps.setString(6, displayName);
                ps.setInt(7, urgent ? 1 : 0);
                ps.setInt(8, finished ? 1 : 0);
                ps.setString(9, at.toString());
                ps.setString(10, site);
                ps.executeUpdate();
                checkInId = generatedKey(ps);
            }
            insertTopics(c, checkInId, topics);
            alongside.run(c, day, next, urgent);
            return next;
        });
        return new CheckIn(publicId, day, number, at, language, displayName, urgent, null, topics, finished, at, site);
    }

    /**
     * Replaces what a stored visit holds (its name, language, topics, answers and findings) with
     * {@code topics}, in one durable transaction; its number, day and creation time stay. Once urgent,
     * a check-in stays urgent: staff have been alerted to it.
     *
     * @return whether there is such a check-in
     */
    public boolean replace(String publicId, Instant at, String language, String displayName, List<TopicResponse> topics,
                           boolean finished) {
        return replace(publicId, at, language, displayName, topics, finished, NOTHING_ALONGSIDE);
    }

    /**
     * As {@link #replace(String, Instant, String, String, List, boolean)}, doing {@code alongside} in its transaction
     * (not when there is no such check-in).
     */
    public boolean replace(String publicId, Instant at, String language, String displayName, List<TopicResponse> topics,
                           boolean finished, Alongside alongside) {
        boolean urgent = isUrgent(topics);
        return db.write("update the check-in", c -> {
            long checkInId;
            LocalDate day;
            int number;
            boolean wasUrgent;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, day, number, urgent FROM check_in WHERE public_id = ?")) {
                ps.setString(1, publicId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    checkInId = rs.getLong(1);
                    day = LocalDate.parse(rs.getString(2));
                    number = rs.getInt(3);
                    wasUrgent = rs.getInt(4) == 1;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE check_in SET language = ?, display_name = ?,"
                    + " urgent = CASE WHEN ? = 1 THEN 1 ELSE urgent END, finished = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, language);
                ps.setString(2, displayName);
                ps.setInt(3, urgent ? 1 : 0);
                ps.setInt(4, finished ? 1 : 0);
                ps.setString(5, at.toString());
                ps.setLong(6, checkInId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM topic_response WHERE check_in_id = ?")) {
                ps.setLong(1, checkInId);
                ps.executeUpdate();
            }
            insertTopics(c, checkInId, topics);
            alongside.run(c, day, number, urgent || wasUrgent);
            return true;
        });
    }

    private static boolean isUrgent(List<TopicResponse> topics) {
        return topics.stream().flatMap(t -> t.findings().stream()).anyMatch(f -> f.severity() == Severity.URGENT);
    }

    private static void insertTopics(Connection c, long checkInId, List<TopicResponse> topics) throws SQLException {
        int position = 0;
        for (TopicResponse t : topics) {
            insertTopic(c, checkInId, position++, t);
        }
    }

    private static void insertTopic(Connection c, long checkInId, int position, TopicResponse t) throws SQLException {
        long responseId;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO topic_response (check_in_id, position, topic_id, plugin_id, plugin_version, topic_title,"
                        + " finished, sensitive, questionnaire_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, checkInId);
            ps.setInt(2, position);
            ps.setString(3, t.topicId());
            ps.setString(4, t.pluginId());
            ps.setString(5, t.pluginVersion());
            ps.setString(6, t.topicTitle());
            ps.setInt(7, t.finished() ? 1 : 0);
            ps.setInt(8, t.sensitive() ? 1 : 0);
            ps.setString(9, t.questionnaireVersion());
            ps.executeUpdate();
            responseId = generatedKey(ps);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO answer (topic_response_id, position, link_id, question_text, answer_values, display_value,"
                        + " question_type) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (StoredAnswer a : t.answers()) {
                ps.setLong(1, responseId);
                ps.setInt(2, i++);
                ps.setString(3, a.linkId());
                ps.setString(4, a.questionText());
                ps.setString(5, String.join(VALUE_SEPARATOR, a.values()));
                ps.setString(6, a.displayValue());
                ps.setString(7, a.type() == null ? null : a.type().name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO finding (topic_response_id, position, rule_id, severity, patient_text, clinician_text,"
                        + " triggered_by, source, withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            for (StoredFinding f : t.findings()) {
                ps.setLong(1, responseId);
                ps.setInt(2, i++);
                ps.setString(3, f.ruleId());
                ps.setString(4, f.severity().name());
                ps.setString(5, f.patientText());
                ps.setString(6, f.clinicianText());
                ps.setString(7, String.join(",", f.triggeredBy()));
                ps.setString(8, f.source());
                ps.setInt(9, f.withdrawn() ? 1 : 0);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The check-in with {@code publicId}, with all its answers and findings. */
    public Optional<CheckIn> find(String publicId) {
        return db.read("read a check-in", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, public_id, day, number, created_at, language, display_name, urgent, reviewed_at, finished,"
                            + " updated_at, site"
                            + " FROM check_in WHERE public_id = ?")) {
                ps.setString(1, publicId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    long id = rs.getLong("id");
                    return Optional.of(new CheckIn(rs.getString("public_id"), LocalDate.parse(rs.getString("day")),
                            rs.getInt("number"), Instant.parse(rs.getString("created_at")), rs.getString("language"),
                            rs.getString("display_name"), rs.getInt("urgent") == 1,
                            instant(rs.getString("reviewed_at")), topics(c, id), rs.getInt("finished") == 1,
                            instant(rs.getString("updated_at")), rs.getString("site")));
                }
            }
        });
    }

    /** Public ids of this site's check-ins of {@code day}, urgent first, then newest first. */
    public List<String> idsForDay(LocalDate day) {
        return summariesForDay(day).stream().map(CheckInSummary::publicId).toList();
    }

    /** This site's check-ins of {@code day}, as the staff list shows them. */
    public List<CheckInSummary> summariesForDay(LocalDate day) {
        return summariesForDay(day, false);
    }

    /**
     * The check-ins of {@code day} as the staff list shows them: urgent first, then newest first,
     * each with the titles of the topics chosen (the safety screen, asked of everyone, left out).
     */
    public List<CheckInSummary> summariesForDay(LocalDate day, boolean everySite) {
        return db.read("list check-ins", c -> {
            // Titles joined with the unit separator, which no title contains, in the order asked. The pain
            // score is the host's "pain now" fact, or for check-ins stored before it, a topic's own score.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT c.public_id, c.number, c.created_at, c.display_name, c.urgent, c.reviewed_at,"
                            + " (SELECT string_agg(t.topic_title, ? ORDER BY t.position) FROM topic_response t"
                            + "   WHERE t.check_in_id = c.id AND t.topic_id NOT IN (?, ?)),"
                            + " EXISTS (SELECT 1 FROM finding f JOIN topic_response t ON f.topic_response_id = t.id"
                            + "   WHERE t.check_in_id = c.id AND f.severity = 'CONSULT'),"
                            + " (SELECT MAX(CAST(a.answer_values AS INTEGER)) FROM answer a JOIN topic_response t"
                            + "   ON a.topic_response_id = t.id WHERE t.check_in_id = c.id AND a.link_id IN (?, ?)),"
                            + " c.finished, c.site"
                            + " FROM check_in c WHERE c.day = ?" + (everySite ? "" : " AND c.site = ?")
                            + " ORDER BY c.urgent DESC, c.created_at DESC, c.number DESC")) {
                ps.setString(1, VALUE_SEPARATOR);
                ps.setString(2, SafetyScreen.ID);
                ps.setString(3, AboutYou.ID);
                ps.setString(4, Facts.PAIN_NOW);
                ps.setString(5, LEGACY_PAIN_SCORE);
                ps.setString(6, day.toString());
                if (!everySite) {
                    ps.setString(7, site);
                }
                List<CheckInSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String titles = rs.getString(7);
                        out.add(new CheckInSummary(rs.getString(1), rs.getInt(2), Instant.parse(rs.getString(3)),
                                rs.getString(4), titles == null ? List.of() : Arrays.asList(titles.split(VALUE_SEPARATOR)),
                                rs.getInt(5) == 1, instant(rs.getString(6)), rs.getBoolean(8),
                                rs.getObject(9) == null ? null : rs.getInt(9), rs.getInt(10) == 1, rs.getString(11)));
                    }
                }
                return out;
            }
        });
    }

    /**
     * Marks the check-in reviewed by staff, keeping the time of the first review, and {@code andThen} (its
     * audit line) in the same transaction when there is such a check-in.
     *
     * @return whether there is such a check-in
     */
    public boolean markReviewed(String publicId, Instant at, Database.SqlWork<?> andThen) {
        return db.write("mark a check-in reviewed", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE check_in SET reviewed_at = COALESCE(reviewed_at, ?) WHERE public_id = ?")) {
                ps.setString(1, at.toString());
                ps.setString(2, publicId);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            andThen.run(c);
            return true;
        });
    }

    /**
     * Deletes every check-in of this site of a day before {@code firstDayKept}, with its answers and findings,
     * then checkpoints the write-ahead log so no copy of them is left there. With
     * {@code secure_delete} on, the freed pages are overwritten with zeros. What {@code andThen} makes of
     * the deleted ids (their audit lines) is written in the same transaction.
     *
     * @return the public ids of the check-ins deleted
     */
    public List<String> deleteBefore(LocalDate firstDayKept,
                                     java.util.function.Function<List<String>, Database.SqlWork<?>> andThen) {
        List<String> deleted = db.write("delete old check-ins", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT public_id FROM check_in WHERE site = ? AND day < ? ORDER BY day, number")) {
                ps.setString(1, site);
                ps.setString(2, firstDayKept.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return ids;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM check_in WHERE site = ? AND day < ?")) {
                ps.setString(1, site);
                ps.setString(2, firstDayKept.toString());
                ps.executeUpdate();
            }
            andThen.apply(ids).run(c);
            return ids;
        });
        if (!deleted.isEmpty()) {
            db.checkpoint();
        }
        return deleted;
    }

    private static List<TopicResponse> topics(Connection c, long checkInId) throws SQLException {
        List<TopicResponse> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, topic_id, plugin_id, plugin_version, topic_title, finished, sensitive, questionnaire_version"
                        + " FROM topic_response"
                        + " WHERE check_in_id = ? ORDER BY position")) {
            ps.setLong(1, checkInId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long rid = rs.getLong("id");
                    out.add(new TopicResponse(rs.getString("topic_id"), rs.getString("plugin_id"),
                            rs.getString("plugin_version"), rs.getString("topic_title"), answers(c, rid), findings(c, rid),
                            rs.getInt("finished") == 1, rs.getInt("sensitive") == 1,
                            rs.getString("questionnaire_version")));
                }
            }
        }
        return out;
    }

    private static List<StoredAnswer> answers(Connection c, long responseId) throws SQLException {
        List<StoredAnswer> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT link_id, question_type, question_text, answer_values, display_value FROM answer"
                        + " WHERE topic_response_id = ? ORDER BY position")) {
            ps.setLong(1, responseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String type = rs.getString(2);
                    out.add(new StoredAnswer(rs.getString(1), type == null ? null : QuestionType.valueOf(type),
                            rs.getString(3), Arrays.asList(rs.getString(4).split(VALUE_SEPARATOR, -1)), rs.getString(5)));
                }
            }
        }
        return out;
    }

    private static List<StoredFinding> findings(Connection c, long responseId) throws SQLException {
        List<StoredFinding> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT rule_id, severity, patient_text, clinician_text, triggered_by, source, withdrawn FROM finding"
                        + " WHERE topic_response_id = ? ORDER BY position")) {
            ps.setLong(1, responseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String triggered = rs.getString(5);
                    out.add(new StoredFinding(rs.getString(1), Severity.valueOf(rs.getString(2)), rs.getString(3),
                            rs.getString(4), triggered.isEmpty() ? List.of() : Arrays.asList(triggered.split(",")),
                            rs.getString(6), rs.getInt(7) == 1));
                }
            }
        }
        return out;
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    private static long generatedKey(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    private static String newPublicId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
