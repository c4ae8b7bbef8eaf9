package com.physiokiosk.engine.fhir;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.engine.checkin.CheckInService;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Every version of every topic's Questionnaire a response points to, kept unchanged in the database: a response
 * stored today is exported years later against exactly the questions, texts and options its patient saw, in
 * their language, whatever plugin runs then. A version is kept the first time a check-in uses it (or staff
 * download it); its {@code date} is that moment.
 */
public final class QuestionnaireArchive implements CheckInService.QuestionnaireVersions {

    private final Database db;
    private final ObjectMapper json;
    private final Clock clock;
    private final QuestionnaireBuilder builder;
    private final String base;
    /** Versions kept, by the loaded topic they were made from; dropped with the topic. */
    private final Map<LoadedTopic, Kept> kept = Collections.synchronizedMap(new WeakHashMap<>());

    public QuestionnaireArchive(Database db, ObjectMapper json, Clock clock, String base) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.base = base;
        this.builder = new QuestionnaireBuilder(json, base, new CodeSystems(json, base));
    }

    /** The canonical base every URL is under. */
    public String base() {
        return base;
    }

    /**
     * A kept Questionnaire version.
     *
     * @param topicId    its topic
     * @param url        its canonical URL
     * @param version    its version (plugin version and content hash)
     * @param resourceId its FHIR id
     * @param content    the Questionnaire, FHIR R4 JSON
     */
    public record Kept(String topicId, String url, String version, String resourceId, String content) {

        /** The Questionnaire as a JSON tree. */
        public com.fasterxml.jackson.databind.JsonNode resource() {
            try {
                return READER.readTree(content);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("kept Questionnaire " + resourceId + " is not JSON", e);
            }
        }
    }

    private static final ObjectMapper READER = new ObjectMapper();

    @Override
    public String keep(LoadedTopic topic) {
        return current(topic).version();
    }

    /** {@code topic}'s Questionnaire as it is now, kept if new. */
    public Kept current(LoadedTopic topic) {
        Kept known = kept.get(topic);
        if (known != null) {
            return known;
        }
        QuestionnaireBuilder.Built built = builder.build(topic);
        Kept stored = find(built.topicId(), built.version()).orElseGet(() -> store(built));
        kept.put(topic, stored);
        return stored;
    }

    private Kept store(QuestionnaireBuilder.Built built) {
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode resource = built.resource().deepCopy();
        // The date goes after the status, where FHIR puts it; the content hash does not include it.
        ObjectNode dated = json.createObjectNode();
        resource.fields().forEachRemaining(f -> {
            dated.set(f.getKey(), f.getValue());
            if (f.getKey().equals("status")) {
                dated.put("date", now);
            }
        });
        String content;
        try {
            content = json.writeValueAsString(dated);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Questionnaire " + built.resourceId() + " not serialisable", e);
        }
        db.write("keep a Questionnaire version", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO questionnaire_version (topic_id, version, url,"
                    + " resource_id, content, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, built.topicId());
                ps.setString(2, built.version());
                ps.setString(3, built.url());
                ps.setString(4, built.resourceId());
                ps.setString(5, content);
                ps.setString(6, now);
                return ps.executeUpdate();
            }
        });
        // Whoever stored it first, that copy is the one.
        return find(built.topicId(), built.version()).orElseThrow(() -> new IllegalStateException(
                "Questionnaire " + built.resourceId() + " version " + built.version() + " was neither kept nor found"));
    }

    /** The kept version {@code version} of {@code topicId}'s Questionnaire. */
    public Optional<Kept> find(String topicId, String version) {
        return db.read("read a Questionnaire version", c -> one(c,
                "SELECT " + COLUMNS + " FROM questionnaire_version WHERE topic_id = ? AND version = ?",
                topicId, version));
    }

    /** The kept Questionnaire with FHIR id {@code resourceId}. */
    public Optional<Kept> byResourceId(String resourceId) {
        return db.read("read a Questionnaire version", c -> one(c,
                "SELECT " + COLUMNS + " FROM questionnaire_version WHERE resource_id = ?",
                resourceId));
    }

    /** Every kept version of {@code topicId}'s Questionnaire, oldest first. */
    public List<Kept> versions(String topicId) {
        return db.read("list Questionnaire versions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM questionnaire_version WHERE topic_id = ? ORDER BY created_at, version")) {
                ps.setString(1, topicId);
                return all(ps);
            }
        });
    }

    /**
     * The kept versions whose canonical URL is {@code url} (under the base of the day they were kept): all of them,
     * oldest first, or the one {@code version} when it is not {@code null}.
     */
    public List<Kept> byUrl(String url, String version) {
        return db.read("find Questionnaire versions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM questionnaire_version"
                    + " WHERE url = ?" + (version == null ? "" : " AND version = ?") + " ORDER BY created_at, version")) {
                ps.setString(1, url);
                if (version != null) {
                    ps.setString(2, version);
                }
                return all(ps);
            }
        });
    }

    private static final String COLUMNS = "topic_id, url, version, resource_id, content";

    private static Optional<Kept> one(java.sql.Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            List<Kept> found = all(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<Kept> all(PreparedStatement ps) throws SQLException {
        List<Kept> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Kept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        return out;
    }
}
