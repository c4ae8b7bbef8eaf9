package com.physiokiosk.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A test on earlier answers, used both for skip logic ({@link Question#enableWhen()}) and for
 * {@link Rule}s. Build one with the static factories. Conditions are data: the host evaluates them,
 * checks at load time that every linkId they name exists, and exports simple ones as FHIR
 * {@code enableWhen}; the records below are what it reads.
 *
 * <p>Comparisons on a question that was not answered are false.
 *
 * <p>A condition has at most 500 parts and 20 levels of nesting; a part used in two places counts
 * twice, since testing the condition walks it twice. The kiosk refuses a topic with a larger one when
 * it loads it.
 *
 * @since 1.0 (data only since 2.0: the host evaluates it)
 */
public sealed interface Condition {

    /** Always true: the default {@code enableWhen}. */
    static Condition always() {
        return Always.INSTANCE;
    }

    /** True when the answer to {@code linkId} includes {@code code} (a choice or {@code yes}/{@code no}). */
    static Condition equals(String linkId, String code) {
        return new Equals(linkId, code);
    }

    /** True when {@code linkId} was answered {@code yes}. */
    static Condition yes(String linkId) {
        return new Equals(linkId, "yes");
    }

    /** True when the answer to {@code linkId} includes any of {@code codes}. */
    static Condition anyOf(String linkId, String... codes) {
        return new AnyOf(Arrays.stream(codes).<Condition>map(c -> new Equals(linkId, c)).toList());
    }

    /** True when the number answered to {@code linkId} is at least {@code value}. */
    static Condition atLeast(String linkId, int value) {
        return new AtLeast(linkId, value);
    }

    /** True when the number answered to {@code linkId} is at most {@code value}. */
    static Condition atMost(String linkId, int value) {
        return new AtMost(linkId, value);
    }

    /** True when {@code linkId} has any answer. */
    static Condition answered(String linkId) {
        return new Answered(linkId);
    }

    /** True when every one of {@code conditions} holds. */
    static Condition all(Condition... conditions) {
        return new AllOf(List.of(conditions));
    }

    /** True when at least one of {@code conditions} holds. */
    static Condition any(Condition... conditions) {
        return new AnyOf(List.of(conditions));
    }

    /** True when {@code condition} does not hold. */
    static Condition not(Condition condition) {
        return new Not(condition);
    }

    /** See {@link #always()}. */
    enum Always implements Condition {
        INSTANCE
    }

    /** See {@link #equals(String, String)}. */
    record Equals(String linkId, String code) implements Condition {
        public Equals {
            Objects.requireNonNull(linkId, "linkId");
            Objects.requireNonNull(code, "code");
        }
    }

    /** See {@link #atLeast(String, int)}. */
    record AtLeast(String linkId, int value) implements Condition {
        public AtLeast {
            Objects.requireNonNull(linkId, "linkId");
        }
    }

    /** See {@link #atMost(String, int)}. */
    record AtMost(String linkId, int value) implements Condition {
        public AtMost {
            Objects.requireNonNull(linkId, "linkId");
        }
    }

    /** See {@link #answered(String)}. */
    record Answered(String linkId) implements Condition {
        public Answered {
            Objects.requireNonNull(linkId, "linkId");
        }
    }

    /** See {@link #all(Condition...)}. */
    record AllOf(List<Condition> conditions) implements Condition {
        public AllOf {
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("all() needs at least one condition");
            }
        }
    }

    /** See {@link #any(Condition...)}. */
    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("any() needs at least one condition");
            }
        }
    }

    /** See {@link #not(Condition)}. */
    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }
}
