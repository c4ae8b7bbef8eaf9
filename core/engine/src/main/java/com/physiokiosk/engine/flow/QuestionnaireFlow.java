package com.physiokiosk.engine.flow;

import com.physiokiosk.api.Question;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Skip logic and navigation over one topic's questions, for one set of answers. A question is asked
 * when its {@code enableWhen} holds for the answers to the questions asked before it; answers to
 * questions that are no longer asked (because an earlier answer changed) do not count.
 *
 * <p>The questions asked are worked out once, in {@link #of}; every other method reads that list.
 * Build a new flow when the answers change.
 */
public final class QuestionnaireFlow {

    private final List<Question> asked;
    private final Answers answers;
    private final Answers given;
    /** The index of the first asked, required question unanswered, or -1: read on every screen, found once. */
    private final int firstMissing;

    private QuestionnaireFlow(List<Question> asked, Answers answers, Answers given) {
        this.asked = asked;
        this.answers = answers;
        this.given = given;
        this.firstMissing = findFirstMissing(asked, answers);
    }

    /** The flow through {@code questions} (in the topic's order) for these answers, with no facts given. */
    public static QuestionnaireFlow of(List<Question> questions, Answers answers) {
        return of(questions, answers, Answers.empty());
    }

    /**
     * The flow through {@code questions} (in the topic's order) for these answers, where {@code given}
     * holds what was answered before the topic began (the host's shared facts), which skip logic may
     * read as if they were earlier questions.
     */
    public static QuestionnaireFlow of(List<Question> questions, Answers answers, Answers given) {
        List<Question> asked = new ArrayList<>(questions.size());
        // Only answers to questions asked so far decide whether a later one is asked.
        Answers counted = given;
        for (Question q : questions) {
            if (Conditions.test(q.enableWhen(), counted)) {
                asked.add(q);
                if (answers.isAnswered(q.linkId())) {
                    counted = counted.with(q.linkId(), answers.get(q.linkId()));
                }
            }
        }
        return new QuestionnaireFlow(List.copyOf(asked), answers, given);
    }

    /** The questions asked for these answers, in order. */
    public List<Question> asked() {
        return asked;
    }

    /** The answers that count: those to questions that are asked. */
    public Answers effective() {
        Set<String> ids = new HashSet<>();
        asked.forEach(q -> ids.add(q.linkId()));
        return answers.only(ids);
    }

    /** What rules read: the facts given, then the answers that count. */
    public Answers forRules() {
        Answers out = given;
        for (var e : effective().asMap().entrySet()) {
            out = out.with(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The first question asked. */
    public Question first() {
        return asked.get(0);
    }

    /** The question asked after {@code linkId}, or empty when it is the last. */
    public Optional<Question> next(String linkId) {
        int i = indexOf(linkId);
        return i >= 0 && i + 1 < asked.size() ? Optional.of(asked.get(i + 1)) : Optional.empty();
    }

    /** The question asked before {@code linkId}, or empty when it is the first. */
    public Optional<Question> previous(String linkId) {
        int i = indexOf(linkId);
        return i > 0 ? Optional.of(asked.get(i - 1)) : Optional.empty();
    }

    /** Whether {@code linkId} is asked for these answers. */
    public boolean isAsked(String linkId) {
        return indexOf(linkId) >= 0;
    }

    /** 1-based position of {@code linkId} among the questions asked, and how many are asked. */
    public Progress progress(String linkId) {
        return new Progress(indexOf(linkId) + 1, asked.size());
    }

    /** The first asked, required question still unanswered, if any. */
    public Optional<Question> firstMissing() {
        int i = firstMissingIndex();
        return i < 0 ? Optional.empty() : Optional.of(asked.get(i));
    }

    /** Whether every asked, required question is answered. */
    public boolean isComplete() {
        return firstMissingIndex() < 0;
    }

    /**
     * Whether {@code linkId} is an unanswered question beyond the first required question still
     * unanswered: a patient may go back to any answer, but not skip ahead of a required one.
     */
    public boolean isAhead(String linkId) {
        int missing = firstMissingIndex();
        return missing >= 0 && !answers.isAnswered(linkId) && indexOf(linkId) > missing;
    }

    /** Position in the questionnaire, for "question 3 of 8". */
    public record Progress(int position, int total) {
    }

    private int firstMissingIndex() {
        return firstMissing;
    }

    private static int findFirstMissing(List<Question> asked, Answers answers) {
        for (int i = 0; i < asked.size(); i++) {
            Question q = asked.get(i);
            if (q.required() && !answers.isAnswered(q.linkId())) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(String linkId) {
        for (int i = 0; i < asked.size(); i++) {
            if (asked.get(i).linkId().equals(linkId)) {
                return i;
            }
        }
        return -1;
    }
}
