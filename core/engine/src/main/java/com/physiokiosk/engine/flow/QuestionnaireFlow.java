package com.physiokiosk.engine.flow;

import com.physiokiosk.api.Answers;
import com.physiokiosk.api.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Skip logic and navigation over one topic's questions. A question is asked when its
 * {@code enableWhen} holds for the answers to the questions asked before it; answers to
 * questions that are no longer asked (because an earlier answer changed) do not count.
 */
public final class QuestionnaireFlow {

    private QuestionnaireFlow() {
    }

    /** The questions asked for these answers, in order. */
    public static List<Question> enabled(List<Question> questions, Answers answers) {
        List<Question> out = new ArrayList<>();
        Map<String, List<String>> counted = new LinkedHashMap<>();
        for (Question q : questions) {
            if (q.enableWhen().test(Answers.of(counted))) {
                out.add(q);
                if (answers.isAnswered(q.linkId())) {
                    counted.put(q.linkId(), answers.get(q.linkId()));
                }
            }
        }
        return out;
    }

    /** The answers that count: those to questions that are asked. */
    public static Answers effective(List<Question> questions, Answers answers) {
        Set<String> asked = enabled(questions, answers).stream().map(Question::linkId).collect(Collectors.toSet());
        return answers.only(asked);
    }

    /** The first question asked. */
    public static Question first(List<Question> questions, Answers answers) {
        return enabled(questions, answers).get(0);
    }

    /** The question asked after {@code linkId}, or empty when it is the last. */
    public static Optional<Question> next(List<Question> questions, Answers answers, String linkId) {
        List<Question> asked = enabled(questions, answers);
        int i = indexOf(asked, linkId);
        return i >= 0 && i + 1 < asked.size() ? Optional.of(asked.get(i + 1)) : Optional.empty();
    }

    /** The question asked before {@code linkId}, or empty when it is the first. */
    public static Optional<Question> previous(List<Question> questions, Answers answers, String linkId) {
        List<Question> asked = enabled(questions, answers);
        int i = indexOf(asked, linkId);
        return i > 0 ? Optional.of(asked.get(i - 1)) : Optional.empty();
    }

    /** Whether {@code linkId} is asked for these answers. */
    public static boolean isAsked(List<Question> questions, Answers answers, String linkId) {
        return indexOf(enabled(questions, answers), linkId) >= 0;
    }

    /** 1-based position of {@code linkId} among the questions asked, and how many are asked. */
    public static Progress progress(List<Question> questions, Answers answers, String linkId) {
        List<Question> asked = enabled(questions, answers);
        return new Progress(indexOf(asked, linkId) + 1, asked.size());
    }

    /** The first asked, required question still unanswered, if any. */
    public static Optional<Question> firstMissing(List<Question> questions, Answers answers) {
        return enabled(questions, answers).stream()
                .filter(q -> q.required() && !answers.isAnswered(q.linkId()))
                .findFirst();
    }

    /** Position in the questionnaire, for "question 3 of 8". */
    public record Progress(int position, int total) {
    }

    private static int indexOf(List<Question> asked, String linkId) {
        for (int i = 0; i < asked.size(); i++) {
            if (asked.get(i).linkId().equals(linkId)) {
                return i;
            }
        }
        return -1;
    }
}
