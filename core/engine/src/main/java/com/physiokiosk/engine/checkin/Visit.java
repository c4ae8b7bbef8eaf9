package com.physiokiosk.engine.checkin;

import com.physiokiosk.api.Answers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A patient's visit in progress at the kiosk, before it is submitted. Immutable: every step makes
 * a new one.
 *
 * @param language    the language the patient chose
 * @param displayName the name to be called by, or {@code null}
 * @param answers     answers so far by topic id, the safety screen first, in the order asked
 */
public record Visit(String language, String displayName, Map<String, Answers> answers) {

    public Visit {
        Objects.requireNonNull(language, "language");
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /** A new visit in {@code language}. */
    public static Visit start(String language) {
        return new Visit(language, null, Map.of());
    }

    public Visit withLanguage(String newLanguage) {
        return new Visit(newLanguage, displayName, answers);
    }

    public Visit withDisplayName(String name) {
        return new Visit(language, name, answers);
    }

    /** The answers given so far to {@code topicId}. */
    public Answers answersFor(String topicId) {
        return answers.getOrDefault(topicId, Answers.empty());
    }

    /** This visit with {@code topicId}'s answers replaced. */
    public Visit withAnswers(String topicId, Answers topicAnswers) {
        Map<String, Answers> next = new LinkedHashMap<>(answers);
        next.put(topicId, topicAnswers);
        return new Visit(language, displayName, next);
    }

    /** This visit without {@code topicId}. */
    public Visit without(String topicId) {
        Map<String, Answers> next = new LinkedHashMap<>(answers);
        next.remove(topicId);
        return new Visit(language, displayName, next);
    }

    @Override
    public String toString() {
        // Health data: never in logs.
        return "Visit[" + language + ", topics=" + answers.keySet() + "]";
    }
}
