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
     * @param version    its version (plugin version and content hash)
     * @param resourceId its FHIR id
     * @param content    the Questionnaire, FHIR R4 JSON
     */
    public record Kept(String topicId, String version, String resourceId, String content) {
    }

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
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO questionnaire_version (topic_id, version,"
                    + " resource_id, content, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, built.topicId());
                ps.setString(2, built.version());
                ps.setString(3, built.resourceId());
                ps.setString(4, content);
                ps.setString(5, now);
                return ps.executeUpdate();
            }
        });
        // Whoever stored it first, that copy is the one.
        return find(built.topicId(), built.version()).orElseThrow();
    }

    /** The kept version {@code version} of {@code topicId}'s Questionnaire. */
    public Optional<Kept> find(String topicId, String version) {
        return db.read("read a Questionnaire version", c -> one(c,
                "SELECT topic_id, version, resource_id, content FROM questionnaire_version WHERE topic_id = ? AND version = ?",
                topicId, version));
    }

    /** The kept Questionnaire with FHIR id {@code resourceId}. */
    public Optional<Kept> byResourceId(String resourceId) {
        return db.read("read a Questionnaire version", c -> one(c,
                "SELECT topic_id, version, resource_id, content FROM questionnaire_version WHERE resource_id = ?",
                resourceId));
    }

    /** Every kept version of {@code topicId}'s Questionnaire, oldest first. */
    public List<Kept> versions(String topicId) {
        return db.read("list Questionnaire versions", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT topic_id, version, resource_id, content"
                    + " FROM questionnaire_version WHERE topic_id = ? ORDER BY created_at, version")) {
                ps.setString(1, topicId);
                return all(ps);
            }
        });
    }

    /** The topic whose canonical URL is {@code url}, if it is one of ours. */
    public Optional<String> topicOfUrl(String url) {
        String prefix = QuestionnaireBuilder.url(base, "");
        if (url == null || !url.startsWith(prefix)) {
            return Optional.empty();
        }
        String id = url.substring(prefix.length());
        return com.physiokiosk.api.TopicInfo.ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }

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
                out.add(new Kept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }
}
