package com.physiokiosk.bench.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patient's way through the kiosk over HTTP, as {@code PatientFlowTest.walk} takes it: welcome,
 * name, the safety screen and About you (calm answers), the cramps topic, review, submit, result.
 * Each answer is posted with the token of the screen it was read from, as the kiosk's forms do. Every step checks
 * the status and where the kiosk sends the patient next; anything else is a failed call.
 */
public final class PatientWalk {

    /** The topic every benchmark patient chooses. */
    public static final String TOPIC = "cramps";

    /** The question screen the question-screen load fetches: a multiple choice with six options. */
    public static final String QUESTION = "/q/" + TOPIC + "/trigger";

    /** A calm cramps visit (the same answers as the HTTP tests): lifting at the gym, moderate pain. */
    public static final Map<String, List<String>> CALM_CRAMPS = calmCramps();

    private PatientWalk() {
    }

    /** What went wrong on the way. */
    public static final class WalkFailed extends IOException {
        WalkFailed(String message) {
            super(message);
        }
    }

    /** From the welcome screen to {@link #QUESTION}; returns its size in bytes. */
    public static int toQuestion(Browser patient) throws IOException, InterruptedException {
        String next = throughSafety(patient);
        next = redirect(patient.post("/topics", List.of("topic", TOPIC)), "choose the topic");
        for (int steps = 0; !next.equals(QUESTION); steps++) {
            if (steps > 50) {
                throw new WalkFailed(QUESTION + " not reached after 50 questions");
            }
            next = answer(patient, next);
        }
        return ok(patient.get(QUESTION), QUESTION).body().length;
    }

    /** GETs {@link #QUESTION}, which must be there, without reading it (see {@link Browser#fetch}). */
    public static Browser.Page question(Browser patient) throws IOException, InterruptedException {
        return ok(patient.fetch(QUESTION), QUESTION);
    }

    /** From the welcome screen to the topic choice, safety screen answered. */
    public static void toTopics(Browser patient) throws IOException, InterruptedException {
        throughSafety(patient);
    }

    /** One whole visit, from the welcome screen to the result screen with its check-in number. */
    public static void completeVisit(Browser patient) throws IOException, InterruptedException {
        String next = throughSafety(patient);
        next = redirect(patient.post("/topics", List.of("topic", TOPIC)), "choose the topic");
        for (int steps = 0; !next.equals("/review"); steps++) {
            if (steps > 50) {
                throw new WalkFailed("no review after 50 questions");
            }
            next = answer(patient, next);
        }
        ok(patient.get("/review"), "/review");
        expect(redirect(patient.post("/submit", List.of()), "submit"), "/done");
        if (!ok(patient.get("/done"), "/done").text().contains("id=\"check-in-number\"")) {
            throw new WalkFailed("the result screen shows no check-in number");
        }
    }

    /** Welcome, start, name, the safety screen and About you; returns where the kiosk sends the patient. */
    private static String throughSafety(Browser patient) throws IOException, InterruptedException {
        ok(patient.get("/"), "/");
        expect(redirect(patient.post("/start", List.of("lang", "en")), "start"), "/name");
        ok(patient.get("/name"), "/name");
        String next = redirect(patient.post("/name", List.of("name", "Ana")), "name");
        for (int steps = 0; next.startsWith("/q/safety/") || next.startsWith("/q/about/"); steps++) {
            if (steps > 40) {
                throw new WalkFailed("the safety screen and About you do not end");
            }
            String linkId = next.substring(next.lastIndexOf('/') + 1);
            next = post(patient, next, CALM_HOST.getOrDefault(linkId, List.of("no")));
        }
        expect(next, "/topics");
        ok(patient.get("/topics"), "/topics");
        return next;
    }

    /** Answers the topic question at {@code path} from the calm visit; returns the next step. */
    private static String answer(Browser patient, String path) throws IOException, InterruptedException {
        String prefix = "/q/" + TOPIC + "/";
        if (!path.startsWith(prefix)) {
            throw new WalkFailed("expected a " + TOPIC + " question, was sent to " + path);
        }
        String linkId = path.substring(prefix.length());
        List<String> values = CALM_CRAMPS.get(linkId);
        if (values == null) {
            throw new WalkFailed("no answer prepared for " + path);
        }
        return post(patient, path, values);
    }

    private static final Pattern SCREEN = Pattern.compile("name=\"screen\" value=\"([0-9a-f]+)\"");

    /** Reads the question at {@code path}, then posts {@code values} with its screen token; returns the next step. */
    private static String post(Browser patient, String path, List<String> values) throws IOException, InterruptedException {
        Matcher token = SCREEN.matcher(ok(patient.get(path), path).text());
        if (!token.find()) {
            throw new WalkFailed(path + " has no screen token");
        }
        List<String> fields = new ArrayList<>(List.of("screen", token.group(1)));
        values.forEach(v -> {
            fields.add("answer");
            fields.add(v);
        });
        return redirect(patient.post(path, fields), path);
    }

    private static Browser.Page ok(Browser.Page page, String what) throws WalkFailed {
        if (page.status() != 200) {
            throw new WalkFailed(what + " answered " + page.status());
        }
        return page;
    }

    private static String redirect(Browser.Page page, String what) throws WalkFailed {
        if (page.status() != 303 || page.location() == null) {
            throw new WalkFailed(what + " answered " + page.status() + " instead of a redirect");
        }
        return page.location();
    }

    private static void expect(String location, String expected) throws WalkFailed {
        if (!location.equals(expected)) {
            throw new WalkFailed("sent to " + location + " instead of " + expected);
        }
    }

    private static Map<String, List<String>> calmCramps() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("intro", List.of());
        a.put("trigger", List.of("lifting", "sitting"));
        a.put("muscular", List.of("muscular"));
        a.put("rhythmic", List.of("no"));
        a.put("belly", List.of("no"));
        a.put("unwell", List.of("none"));
        a.put("period-link", List.of("no"));
        return java.util.Collections.unmodifiableMap(a);
    }

    /** Calm answers to the host's questions that are not yes/no, by linkId: the rest are "no". */
    public static final Map<String, List<String>> CALM_HOST = Map.of(
            "infection-risk", List.of("none"),
            "fact.age-band", List.of("20-49"),
            "fact.maternity", List.of("none"),
            "fact.peg-pain", List.of("4"),
            "fact.peg-enjoyment", List.of("3"),
            "fact.peg-activity", List.of("3"),
            "fact.pain-now", List.of("5"),
            "fact.pain-areas", List.of("back-right-low-back", "back-left-low-back"));
}
