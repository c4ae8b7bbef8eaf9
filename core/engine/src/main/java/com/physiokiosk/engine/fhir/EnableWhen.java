package com.physiokiosk.engine.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.engine.topic.ConditionLinks;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A topic's skip condition in FHIR: as {@code enableWhen} entries where they say exactly what the kiosk tests
 * ({@code flow.Conditions}), else as a FHIRPath expression for the SDC {@code enableWhenExpression}.
 *
 * <p>Every comparison on a question that was not answered is false, as in the kiosk; "not" of it is then true.
 * FHIR's {@code !=} does not say what it does on a question with no answer, so a "not equals" is an expression.
 */
final class EnableWhen {

    private EnableWhen() {
    }

    /** {@code condition} as enableWhen entries (and all/any of them), or empty when they cannot say it. */
    static Optional<List<ObjectNode>> simple(ObjectMapper json, LoadedTopic topic, Condition condition, CodeSystems codes) {
        List<Condition> parts = condition instanceof Condition.AllOf all ? all.conditions()
                : condition instanceof Condition.AnyOf any ? any.conditions() : List.of(condition);
        List<ObjectNode> out = new ArrayList<>();
        for (Condition part : parts) {
            Optional<ObjectNode> one = atom(json, topic, part, codes);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            out.add(one.get());
        }
        return Optional.of(out);
    }

    private static Optional<ObjectNode> atom(ObjectMapper json, LoadedTopic topic, Condition c, CodeSystems codes) {
        ObjectNode e = json.createObjectNode();
        if (c instanceof Condition.Equals eq) {
            Optional<Question> target = topic.question(eq.linkId());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            e.put("question", eq.linkId()).put("operator", "=");
            switch (target.get().type()) {
                case YES_NO -> e.put("answerBoolean", "yes".equals(eq.code()));
                case SINGLE_CHOICE, MULTI_CHOICE, BODY_AREAS -> e.set("answerCoding", coding(topic, target.get(), eq.code(), codes));
                case SCALE_0_10, NUMBER -> {
                    Optional<Integer> n = integer(eq.code());
                    if (n.isEmpty()) {
                        return Optional.empty();
                    }
                    e.put("answerInteger", n.get());
                }
                case SHORT_TEXT -> e.put("answerString", eq.code());
                case INFO -> {
                    return Optional.empty();
                }
            }
        } else if (c instanceof Condition.AtLeast least) {
            e.put("question", least.linkId()).put("operator", ">=").put("answerInteger", least.value());
        } else if (c instanceof Condition.AtMost most) {
            e.put("question", most.linkId()).put("operator", "<=").put("answerInteger", most.value());
        } else if (c instanceof Condition.Answered answered) {
            e.put("question", answered.linkId()).put("operator", "exists").put("answerBoolean", true);
        } else if (c instanceof Condition.Not not && not.condition() instanceof Condition.Answered answered) {
            e.put("question", answered.linkId()).put("operator", "exists").put("answerBoolean", false);
        } else {
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** The coding of answer {@code code} of {@code q}: a region of the body map, or one of the question's options. */
    private static ObjectNode coding(LoadedTopic topic, Question q, String code, CodeSystems codes) {
        return q.type() == com.physiokiosk.api.QuestionType.BODY_AREAS ? codes.bodyRegion(code, null)
                : codes.option(topic.id(), null, code, null);
    }

    /** {@code condition} in FHIRPath on the QuestionnaireResponse ({@code %resource}); always true or false. */
    static String fhirPath(LoadedTopic topic, Condition condition, CodeSystems codes) {
        if (condition instanceof Condition.Always) {
            return "true";
        }
        if (condition instanceof Condition.Equals eq) {
            Question target = topic.question(eq.linkId()).orElseThrow();
            String test = switch (target.type()) {
                case YES_NO -> "$this = " + "yes".equals(eq.code());
                case SINGLE_CHOICE, MULTI_CHOICE, BODY_AREAS -> {
                    ObjectNode coding = coding(topic, target, eq.code(), codes);
                    yield "system = " + literal(coding.path("system").asText()) + " and code = "
                            + literal(coding.path("code").asText());
                }
                case SCALE_0_10, NUMBER -> integer(eq.code()).map(n -> "$this = " + n).orElse("false");
                case SHORT_TEXT, INFO -> "$this = " + literal(eq.code());
            };
            return answers(eq.linkId()) + ".value.where(" + test + ").exists()";
        }
        if (condition instanceof Condition.AtLeast c) {
            return answers(c.linkId()) + ".value.where($this >= " + c.value() + ").exists()";
        }
        if (condition instanceof Condition.AtMost c) {
            return answers(c.linkId()) + ".value.where($this <= " + c.value() + ").exists()";
        }
        if (condition instanceof Condition.Answered c) {
            return answers(c.linkId()) + ".exists()";
        }
        if (condition instanceof Condition.AllOf c) {
            return c.conditions().stream().map(p -> "(" + fhirPath(topic, p, codes) + ")").collect(Collectors.joining(" and "));
        }
        if (condition instanceof Condition.AnyOf c) {
            return c.conditions().stream().map(p -> "(" + fhirPath(topic, p, codes) + ")").collect(Collectors.joining(" or "));
        }
        if (condition instanceof Condition.Not c) {
            return "(" + fhirPath(topic, c.condition(), codes) + ").not()";
        }
        throw ConditionLinks.unknown(condition);
    }

    private static String answers(String linkId) {
        return "%resource.repeat(item).where(linkId = " + literal(linkId) + ").answer";
    }

    /** A FHIRPath string literal. */
    static String literal(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static Optional<Integer> integer(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
