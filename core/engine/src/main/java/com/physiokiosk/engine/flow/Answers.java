package com.physiokiosk.engine.flow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The answers given to one topic (or the host's shared facts), by question {@code linkId}. Immutable; the
 * engine's, not the plugin API's: a topic describes its questions and rules, the engine holds and reads the answers.
 *
 * <p>Every answer is a list of strings: option codes for choice questions ({@code yes}/{@code no}
 * for yes/no questions), one decimal whole number for scales and numbers, one text for short
 * text. A question that was skipped or not asked has no entry.
 */
public final class Answers {

    private static final Answers EMPTY = new Answers(Map.of());

    private final Map<String, List<String>> values;

    private Answers(Map<String, List<String>> values) {
        this.values = values;
    }

    /** No answers at all. */
    public static Answers empty() {
        return EMPTY;
    }

    /** Answers from a map of linkId to values; entries with no values are left out. */
    public static Answers of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((linkId, v) -> {
            Objects.requireNonNull(linkId, "linkId");
            if (v != null && !v.isEmpty()) {
                copy.put(linkId, List.copyOf(v));
            }
        });
        return new Answers(java.util.Collections.unmodifiableMap(copy));
    }

    /** These answers with {@code linkId} set to {@code answer}, or removed when {@code answer} is empty. */
    public Answers with(String linkId, List<String> answer) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.remove(linkId);
        if (answer != null && !answer.isEmpty()) {
            copy.put(linkId, List.copyOf(answer));
        }
        return new Answers(java.util.Collections.unmodifiableMap(copy));
    }

    /** These answers restricted to the given linkIds. */
    public Answers only(Set<String> linkIds) {
        Map<String, List<String>> copy = new LinkedHashMap<>(values);
        copy.keySet().retainAll(linkIds);
        return new Answers(java.util.Collections.unmodifiableMap(copy));
    }

    /** The values given for {@code linkId}; empty when it was not answered. */
    public List<String> get(String linkId) {
        return values.getOrDefault(linkId, List.of());
    }

    /** Whether {@code linkId} was answered. */
    public boolean isAnswered(String linkId) {
        return values.containsKey(linkId);
    }

    /** Whether the answer to {@code linkId} includes {@code code}. */
    public boolean has(String linkId, String code) {
        return get(linkId).contains(code);
    }

    /** The whole-number answer to {@code linkId}, if it has one. */
    public OptionalInt number(String linkId) {
        List<String> v = get(linkId);
        if (v.size() != 1) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(v.get(0)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** All answers as an unmodifiable map, in the order they were given. */
    public Map<String, List<String>> asMap() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Answers a && a.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        // Answers are health data: never print their values.
        return "Answers" + values.keySet();
    }
}
