package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patient walking the kiosk over HTTP the way a browser does: reads each question's page, then
 * posts its form. Answers are given by {@code "section/linkId"} (for example {@code "safety/fever"},
 * {@code "about/fact.pain-now"}, {@code "cramps/trigger"}); every other question gets a calm answer
 * read off its page ("no", "none of these", the first option, a low score, the smallest number,
 * nothing for an optional text).
 */
final class Walker {

    private static final Pattern QUESTION = Pattern.compile("^/q/([a-z0-9-]+)/([a-z0-9_.-]+)$");
    private static final Pattern VALUE = Pattern.compile("name=\"answer\" value=\"([^\"]*)\"");
    private static final Pattern EXCLUSIVE = Pattern.compile(
            "value=\"([^\"]*)\"\\s+(?:checked\\s+)?data-exclusive=\"true\"");
    private static final Pattern NUMBER = Pattern.compile("type=\"number\"[^>]*min=\"(\\d+)\"");

    final Browser b;
    private final Map<String, List<String>> answers = new HashMap<>();
    /** The answer to a question the patient was given none for, read off its page: calm, unless told otherwise. */
    private Function<String, List<String>> otherwise = Walker::calm;
    /** Every question answered, as {@code section/linkId}, in order. */
    final List<String> asked = new ArrayList<>();
    /** The urgent screens seen, each as the page the patient saw. */
    final List<String> urgentScreens = new ArrayList<>();

    Walker(Browser b) {
        this.b = b;
    }

    /** The patient answers {@code key} ({@code section/linkId}) with {@code values}. */
    Walker answer(String key, String... values) {
        answers.put(key, List.of(values));
        return this;
    }

    /** The patient gives the first answer of each question given no answer here, instead of a calm one (see {@link #first}). */
    Walker firstAnswers() {
        otherwise = Walker::first;
        return this;
    }

    /** The patient answers every question of {@code topic} given in {@code byLinkId}. */
    Walker topic(String topic, Map<String, List<String>> byLinkId) {
        byLinkId.forEach((linkId, values) -> answers.put(topic + "/" + linkId, values));
        return this;
    }

    /** From the welcome screen: starts in {@code lang}, gives {@code name}; returns where the kiosk sends the patient. */
    String start(String lang, String name) {
        assertEquals(200, b.get("/").statusCode());
        HttpResponse<String> r = b.postRaw("/start", "lang", lang);
        assertEquals(303, r.statusCode());
        String next = Browser.location(r);
        if (next.equals("/name")) {
            assertEquals(200, b.get("/name").statusCode());
            next = Browser.location(b.post("/name", "name", name));
        }
        return next;
    }

    /**
     * Answers questions from {@code location} on, as long as the kiosk asks; after an urgent screen the
     * patient carries on answering. Returns the first other address.
     */
    String answerFrom(String location) {
        String next = location;
        for (int guard = 0; guard < 200; guard++) {
            if (next.equals("/urgent")) {
                HttpResponse<String> urgent = b.get("/urgent");
                assertEquals(200, urgent.statusCode());
                urgentScreens.add(urgent.body());
                next = Browser.location(b.post("/urgent/carry-on"));
                continue;
            }
            if (!QUESTION.matcher(next).matches()) {
                return next;
            }
            next = answerOne(next);
        }
        throw new AssertionError("more than 200 questions");
    }

    /** Answers the question at {@code location}, reading its page first as a browser does; returns where the kiosk sends the patient. */
    String answerOne(String location) {
        Matcher m = QUESTION.matcher(location);
        if (!m.matches()) {
            throw new AssertionError("not a question: " + location);
        }
        HttpResponse<String> page = b.get(location);
        assertEquals(200, page.statusCode(), "question page " + location);
        List<String> values = answers.getOrDefault(m.group(1) + "/" + m.group(2), otherwise.apply(page.body()));
        asked.add(m.group(1) + "/" + m.group(2));
        String[] fields = values.stream().flatMap(v -> java.util.stream.Stream.of("answer", v)).toArray(String[]::new);
        HttpResponse<String> r = b.post(location, fields);
        assertEquals(303, r.statusCode(), "answer to " + location + " " + values + ": " + r.body());
        return Browser.location(r);
    }

    /** From the welcome screen through the safety screen and About you to the topic list. */
    Walker toTopics(String lang, String name) {
        assertEquals("/topics", answerFrom(start(lang, name)), "after the safety screen and About you: the topic choice");
        return this;
    }

    /**
     * Answers questions from {@code location} on until the kiosk asks {@code target} (not answered), and
     * reads its page, ready for a post.
     */
    HttpResponse<String> answerUntil(String location, String target) {
        String next = location;
        for (int guard = 0; guard < 200 && !next.equals(target); guard++) {
            if (!QUESTION.matcher(next).matches()) {
                throw new AssertionError("reached " + next + " before " + target);
            }
            next = answerOne(next);
        }
        assertEquals(target, next);
        return b.get(target);
    }

    /** Chooses {@code topic} on the topic list; returns where the kiosk sends the patient. */
    String choose(String topic) {
        HttpResponse<String> topics = b.get("/topics");
        assertEquals(200, topics.statusCode());
        return Browser.location(b.post("/topics", "topic", topic));
    }

    /**
     * A whole visit to the review: start, name, safety screen, About you, {@code topic}; returns the
     * address reached after the topic (the review, or the urgent screen if an answer was urgent).
     */
    String toReview(String lang, String name, String topic) {
        String next = answerFrom(start(lang, name));
        assertEquals("/topics", next, "after the safety screen and About you: the topic choice");
        return answerFrom(choose(topic));
    }

    /** Sends the visit from the review; returns the result page. */
    HttpResponse<String> send() {
        assertEquals(200, b.get("/review").statusCode());
        HttpResponse<String> submitted = b.post("/submit");
        assertEquals("/done", Browser.location(submitted));
        return b.get("/done");
    }

    /** The calm answer to the question on {@code page}. */
    static List<String> calm(String page) {
        if (page.contains("data-body-map")) {
            // The pain drawing: the low back, both sides, as most patients here mark it.
            return List.of("back-right-low-back", "back-left-low-back");
        }
        Matcher exclusive = EXCLUSIVE.matcher(page);
        if (exclusive.find()) {
            return List.of(exclusive.group(1));
        }
        if (page.contains("class=\"scale\"")) {
            return List.of("3");
        }
        Matcher number = NUMBER.matcher(page);
        if (number.find()) {
            return List.of(number.group(1));
        }
        List<String> values = new ArrayList<>();
        Matcher v = VALUE.matcher(page);
        while (v.find()) {
            values.add(v.group(1));
        }
        if (values.contains("no")) {
            return List.of("no");
        }
        if (!values.isEmpty() && !values.get(0).isEmpty()) {
            return List.of(values.get(0));
        }
        return List.of();
    }

    /**
     * The first answer to the question on {@code page}, as a patient tapping the first thing offered gives
     * it: the first option (a box to tick, a button, 0 on a scale), or the smallest number; nothing on an
     * information screen.
     */
    static List<String> first(String page) {
        Matcher number = NUMBER.matcher(page);
        if (number.find()) {
            return List.of(number.group(1));
        }
        Matcher v = VALUE.matcher(page);
        while (v.find()) {
            if (!v.group(1).isEmpty()) {
                return List.of(v.group(1));
            }
        }
        return List.of();
    }
}
