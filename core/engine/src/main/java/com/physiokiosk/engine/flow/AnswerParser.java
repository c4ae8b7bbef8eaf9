package com.physiokiosk.engine.flow;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.BodyAreas;
import com.physiokiosk.api.Question;
import com.physiokiosk.engine.i18n.PlainText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns what a patient sent for one question into the stored answer, or a reason to ask again.
 * The one place that knows what a valid answer of each question type is.
 */
public final class AnswerParser {

    private AnswerParser() {
    }

    /**
     * The outcome of parsing: either {@code values} (empty for "no answer", allowed for an optional
     * question) or an {@code errorKey} of the host's messages with its arguments.
     */
    public record Result(List<String> values, String errorKey, List<Object> errorArgs) {
        static Result ok(List<String> values) {
            return new Result(List.copyOf(values), null, List.of());
        }

        static Result error(String key, Object... args) {
            return new Result(List.of(), key, List.of(args));
        }

        public boolean isValid() {
            return errorKey == null;
        }
    }

    /** Parses the raw form values sent for {@code question}. */
    public static Result parse(Question question, List<String> raw) {
        List<String> given = raw == null ? List.of()
                : raw.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!question.type().isAnswerable()) {
            return Result.ok(List.of());
        }
        if (given.isEmpty()) {
            return question.required() ? Result.error("error.required") : Result.ok(List.of());
        }
        return switch (question.type()) {
            case YES_NO -> one(given, Set.of("yes", "no"));
            case SINGLE_CHOICE -> one(given, codes(question));
            case MULTI_CHOICE -> many(question, given);
            case SCALE_0_10 -> number(given, 0, 10);
            case NUMBER -> number(given, question.min(), question.max());
            case SHORT_TEXT -> text(given);
            case INFO -> Result.ok(List.of());
            case BODY_AREAS -> regions(given);
        };
    }

    private static Result one(List<String> given, Set<String> allowed) {
        if (given.size() != 1 || !allowed.contains(given.get(0))) {
            return Result.error("error.choose-one");
        }
        return Result.ok(given);
    }

    private static Result many(Question question, List<String> given) {
        Set<String> allowed = codes(question);
        Set<String> chosen = new LinkedHashSet<>(given);
        if (!allowed.containsAll(chosen)) {
            return Result.error("error.choose-listed");
        }
        boolean exclusive = question.options().stream().anyMatch(o -> o.exclusive() && chosen.contains(o.code()));
        if (exclusive && chosen.size() > 1) {
            return Result.error("error.exclusive");
        }
        // Keep the order of the options, not of the request.
        List<String> ordered = new ArrayList<>();
        question.options().forEach(o -> {
            if (chosen.contains(o.code())) {
                ordered.add(o.code());
            }
        });
        return Result.ok(ordered);
    }

    private static Result regions(List<String> given) {
        Set<String> marked = new LinkedHashSet<>(given);
        if (!BodyAreas.REGIONS.containsAll(marked)) {
            return Result.error("error.choose-listed");
        }
        // Keep the map's order, not the order of the taps.
        return Result.ok(BodyAreas.REGIONS.stream().filter(marked::contains).toList());
    }

    private static Result number(List<String> given, int min, int max) {
        if (given.size() != 1 || !given.get(0).matches("[0-9]{1,6}")) {
            return Result.error("error.number", min, max);
        }
        int n = Integer.parseInt(given.get(0));
        if (n < min || n > max) {
            return Result.error("error.number", min, max);
        }
        return Result.ok(List.of(Integer.toString(n)));
    }

    private static Result text(List<String> given) {
        if (given.size() != 1) {
            return Result.error("error.plain-text");
        }
        String text = Normalizer.normalize(given.get(0), Normalizer.Form.NFC);
        if (text.codePointCount(0, text.length()) > Question.MAX_TEXT_LENGTH) {
            return Result.error("error.text-length", Question.MAX_TEXT_LENGTH);
        }
        if (!PlainText.isPlain(text)) {
            return Result.error("error.plain-text");
        }
        return Result.ok(List.of(text));
    }

    private static Set<String> codes(Question question) {
        Set<String> codes = new LinkedHashSet<>();
        for (AnswerOption o : question.options()) {
            codes.add(o.code());
        }
        return codes;
    }
}
