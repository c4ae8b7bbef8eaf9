package com.physiokiosk.engine.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.topic.ConditionLinks;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HL7 FHIR R4 resources for a clinic's record system: each topic's questions as a
 * {@code Questionnaire}, and each topic a patient answered as a {@code QuestionnaireResponse}
 * pointing at it.
 *
 * <p>Types: yes/no is {@code boolean}; single and multiple choice are {@code choice} (multiple with
 * {@code repeats}) whose options are codings in a code system per question; the 0-10 scale and
 * numbers are {@code integer} with the standard {@code minValue}/{@code maxValue} extensions;
 * short text is {@code string}; an information screen is {@code display}.
 *
 * <p>Skip logic becomes {@code enableWhen} where FHIR can say the same: an equals (or its "not"),
 * at least, at most, answered, or one {@code all}/{@code any} of those ({@code enableBehavior}).
 * Anything deeper (an {@code any} inside an {@code all}, a "not" of a group) has no FHIR
 * {@code enableWhen}; such a question is exported without one, so an importing system shows it
 * always. A response still holds only the questions that were asked.
 */
public final class FhirExport {

    /** Canonical URL of a topic's Questionnaire: {@code urn:physio-kiosk:questionnaire:cramps}. */
    public static final String QUESTIONNAIRE_URL = "urn:physio-kiosk:questionnaire:";
    /** Code system of a choice question's answers: {@code urn:physio-kiosk:answers:cramps:trigger}. */
    public static final String ANSWER_SYSTEM = "urn:physio-kiosk:answers:";
    /** Identifier system of a check-in's public id. */
    public static final String CHECK_IN_SYSTEM = "urn:physio-kiosk:check-in";

    private static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

    private final ObjectMapper json;

    public FhirExport(ObjectMapper json) {
        this.json = json;
    }

    /** The topic's questions, texts in {@code language}. */
    public ObjectNode questionnaire(LoadedTopic topic, String language) {
        ObjectNode q = json.createObjectNode();
        q.put("resourceType", "Questionnaire");
        q.put("id", topic.id());
        q.put("language", language);
        q.put("url", QUESTIONNAIRE_URL + topic.id());
        q.put("version", topic.pluginVersion());
        q.put("name", computableName(topic.id()));
        q.put("title", topic.title(language));
        q.put("status", "active");
        q.putArray("subjectType").add("Patient");
        q.put("description", topic.text(language, topic.info().summaryKey()));
        ArrayNode items = q.putArray("item");
        for (Question question : topic.questions()) {
            items.add(item(topic, question, language));
        }
        return q;
    }

    /** What the patient answered to one topic of a check-in, as stored (texts in the staff language). */
    public ObjectNode response(CheckIn checkIn, TopicResponse topic, Optional<LoadedTopic> live, String language) {
        ObjectNode r = json.createObjectNode();
        r.put("resourceType", "QuestionnaireResponse");
        r.put("language", language);
        ObjectNode identifier = r.putObject("identifier");
        identifier.put("system", CHECK_IN_SYSTEM);
        identifier.put("value", checkIn.publicId() + "/" + topic.topicId());
        r.put("questionnaire", QUESTIONNAIRE_URL + topic.topicId() + "|" + topic.pluginVersion());
        // Answered to the end; left part-way (stopped); or an urgent visit stored before its end (in-progress).
        r.put("status", !checkIn.finished() ? "in-progress" : topic.finished() ? "completed" : "stopped");
        r.put("authored", checkIn.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode items = r.putArray("item");
        for (StoredAnswer a : topic.answers()) {
            Optional<Question> question = live.flatMap(t -> t.question(a.linkId()));
            ObjectNode item = items.addObject();
            item.put("linkId", a.linkId());
            item.put("text", a.questionText());
            ArrayNode answers = item.putArray("answer");
            QuestionType type = a.type() != null ? a.type() : question.map(Question::type).orElse(null);
            if (type == null) {
                // Stored before types were kept, by a plugin no longer here: the answer as read.
                answers.addObject().put("valueString", a.displayValue());
                continue;
            }
            for (String value : a.values()) {
                ObjectNode answer = answers.addObject();
                switch (type) {
                    case YES_NO -> answer.put("valueBoolean", "yes".equals(value));
                    case SINGLE_CHOICE, MULTI_CHOICE -> {
                        String display = question.flatMap(q -> q.option(value))
                                .map(o -> live.get().text(language, o.textKey()))
                                .orElse(a.values().size() == 1 ? a.displayValue() : null);
                        answer.set("valueCoding", coding(topic.topicId(), a.linkId(), value, display));
                    }
                    case SCALE_0_10, NUMBER -> putInteger(answer, value);
                    case SHORT_TEXT, INFO -> answer.put("valueString", value);
                }
            }
        }
        return r;
    }

    private ObjectNode item(LoadedTopic topic, Question q, String language) {
        ObjectNode item = json.createObjectNode();
        item.put("linkId", q.linkId());
        item.put("text", topic.text(language, q.textKey()));
        item.put("type", switch (q.type()) {
            case YES_NO -> "boolean";
            case SINGLE_CHOICE, MULTI_CHOICE -> "choice";
            case SCALE_0_10, NUMBER -> "integer";
            case SHORT_TEXT -> "string";
            case INFO -> "display";
        });
        if (q.type().isAnswerable()) {
            item.put("required", q.required());
        }
        if (q.type() == QuestionType.MULTI_CHOICE) {
            item.put("repeats", true);
        }
        if (q.type() == QuestionType.SCALE_0_10 || q.type() == QuestionType.NUMBER) {
            ArrayNode ext = item.putArray("extension");
            ext.addObject().put("url", MIN_VALUE).put("valueInteger", q.min());
            ext.addObject().put("url", MAX_VALUE).put("valueInteger", q.max());
        }
        if (q.type() == QuestionType.SHORT_TEXT) {
            item.put("maxLength", Question.MAX_TEXT_LENGTH);
        }
        enableWhen(topic, q.enableWhen()).ifPresent(conditions -> {
            if (conditions.size() > 1) {
                item.put("enableBehavior", q.enableWhen() instanceof Condition.AnyOf ? "any" : "all");
            }
            if (!conditions.isEmpty()) {
                item.putArray("enableWhen").addAll(conditions);
            }
        });
        if (q.type().hasOptions()) {
            ArrayNode options = item.putArray("answerOption");
            for (AnswerOption o : q.options()) {
                options.addObject().set("valueCoding", coding(topic.id(), q.linkId(), o.code(), topic.text(language, o.textKey())));
            }
        }
        return item;
    }

    /**
     * {@code condition} as FHIR enableWhen entries, or empty when FHIR cannot express it. An empty
     * list means "always asked".
     */
    private Optional<List<ObjectNode>> enableWhen(LoadedTopic topic, Condition condition) {
        if (condition instanceof Condition.Always) {
            return Optional.of(List.of());
        }
        List<Condition> parts = condition instanceof Condition.AllOf all ? all.conditions()
                : condition instanceof Condition.AnyOf any ? any.conditions() : List.of(condition);
        List<ObjectNode> out = new ArrayList<>();
        for (Condition part : parts) {
            Optional<ObjectNode> one = simple(topic, part);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            out.add(one.get());
        }
        return Optional.of(out);
    }

    private Optional<ObjectNode> simple(LoadedTopic topic, Condition c) {
        if (ConditionLinks.of(c).stream().anyMatch(id -> topic.question(id).isEmpty())) {
            // A condition on another section (the host's shared facts) cannot be an enableWhen here.
            return Optional.empty();
        }
        ObjectNode e = json.createObjectNode();
        if (c instanceof Condition.Equals eq) {
            return compare(topic, e, eq, "=");
        } else if (c instanceof Condition.Not not && not.condition() instanceof Condition.Equals eq) {
            return compare(topic, e, eq, "!=");
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

    /** An equals on another question, typed as that question's answers are. */
    private Optional<ObjectNode> compare(LoadedTopic topic, ObjectNode e, Condition.Equals eq, String operator) {
        Optional<Question> target = topic.question(eq.linkId());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        e.put("question", eq.linkId()).put("operator", operator);
        switch (target.get().type()) {
            case YES_NO -> e.put("answerBoolean", "yes".equals(eq.code()));
            case SINGLE_CHOICE, MULTI_CHOICE -> e.set("answerCoding", coding(topic.id(), eq.linkId(), eq.code(), null));
            case SCALE_0_10, NUMBER -> {
                try {
                    e.put("answerInteger", Integer.parseInt(eq.code()));
                } catch (NumberFormatException notANumber) {
                    return Optional.empty();
                }
            }
            case SHORT_TEXT -> e.put("answerString", eq.code());
            case INFO -> {
                return Optional.empty();
            }
        }
        return Optional.of(e);
    }

    private ObjectNode coding(String topicId, String linkId, String code, String display) {
        ObjectNode coding = json.createObjectNode();
        coding.put("system", ANSWER_SYSTEM + topicId + ":" + linkId);
        coding.put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return coding;
    }

    private static void putInteger(ObjectNode answer, String value) {
        try {
            answer.put("valueInteger", Integer.parseInt(value));
        } catch (NumberFormatException e) {
            answer.put("valueString", value);
        }
    }

    /** A name a machine can use, as FHIR asks: {@code sexual-activity} is {@code SexualActivity}. */
    static String computableName(String id) {
        return Arrays.stream(id.split("-")).filter(p -> !p.isEmpty())
                .map(p -> p.substring(0, 1).toUpperCase(Locale.ROOT) + p.substring(1))
                .collect(Collectors.joining());
    }
}
