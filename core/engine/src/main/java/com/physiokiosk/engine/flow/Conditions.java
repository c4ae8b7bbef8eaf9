package com.physiokiosk.engine.flow;

import com.physiokiosk.api.Condition;
import com.physiokiosk.engine.topic.ConditionLinks;

/**
 * Tests a topic's {@link Condition}s, which are data in the plugin API, on answers. Comparisons on a question that
 * was not answered are false. (Which questions a condition reads: {@link ConditionLinks}.)
 */
public final class Conditions {

    private Conditions() {
    }

    /** Whether {@code condition} holds for {@code answers}. */
    public static boolean test(Condition condition, Answers answers) {
        if (condition instanceof Condition.Always) {
            return true;
        }
        if (condition instanceof Condition.Equals c) {
            return answers.has(c.linkId(), c.code());
        }
        if (condition instanceof Condition.AtLeast c) {
            var n = answers.number(c.linkId());
            return n.isPresent() && n.getAsInt() >= c.value();
        }
        if (condition instanceof Condition.AtMost c) {
            var n = answers.number(c.linkId());
            return n.isPresent() && n.getAsInt() <= c.value();
        }
        if (condition instanceof Condition.Answered c) {
            return answers.isAnswered(c.linkId());
        }
        if (condition instanceof Condition.AllOf c) {
            return c.conditions().stream().allMatch(part -> test(part, answers));
        }
        if (condition instanceof Condition.AnyOf c) {
            return c.conditions().stream().anyMatch(part -> test(part, answers));
        }
        if (condition instanceof Condition.Not c) {
            return !test(c.condition(), answers);
        }
        throw ConditionLinks.unknown(condition);
    }
}
