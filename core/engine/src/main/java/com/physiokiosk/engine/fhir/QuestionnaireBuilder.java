package com.physiokiosk.engine.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.body.BodyMap;
import com.physiokiosk.engine.topic.ConditionLinks;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A topic's questions as an SDC FHIR R4 {@code Questionnaire}, in every language the kiosk has texts in.
 *
 * <p>Its version is the plugin's version (without {@code -SNAPSHOT}) followed by a hash of the content, so it
 * changes whenever any text, option or condition does and never names two different Questionnaires.
 *
 * <p>Types: yes/no is {@code boolean}; single and multiple choice are {@code choice} (multiple with {@code repeats})
 * with radio-button and check-box item controls and "none of these" options marked exclusive; the 0-10 scale and
 * numbers are {@code integer} with {@code minValue}/{@code maxValue} (weeks with their UCUM unit); short text is
 * {@code string}; an information screen is {@code display}; a help text is a {@code display} child item with the
 * {@code help} item control. The pain now score carries its LOINC code (72514-3) and is extracted as an
 * {@code Observation}.
 *
 * <p>Skip logic: as {@code enableWhen} where FHIR can say the same (equals, at least, at most, answered, not
 * answered, or one all/any of those); anything deeper as the SDC {@code enableWhenExpression} in FHIRPath, which
 * says exactly what the kiosk tests. A condition on another section (the shared facts) cannot be said inside
 * this Questionnaire: such a question has neither. A question is {@code required} only when it is always asked.
 */
final class QuestionnaireBuilder {

    /** Questions of the shared facts whose meaning has a LOINC code: extracted as observations. */
    private static final Map<String, String[]> LOINC_ITEMS = Map.of(
            Facts.PAIN_NOW, new String[] {"72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported"});
    /** Numbers of the shared facts counted in a unit (UCUM code and its name). */
    private static final Map<String, String[]> UNITS = Map.of(
            Facts.PREGNANCY_WEEKS, new String[] {"wk", "week"},
            Facts.WEEKS_SINCE_BIRTH, new String[] {"wk", "week"});

    private final ObjectMapper json;
    private final String base;
    private final CodeSystems codes;

    QuestionnaireBuilder(ObjectMapper json, String base, CodeSystems codes) {
        this.json = json;
        this.base = base;
        this.codes = codes;
    }

    /** Canonical URL of a topic's Questionnaire. */
    static String url(String base, String topicId) {
        return base + "/Questionnaire/" + topicId;
    }

    /** The version's content hash goes after this. */
    static String versionPrefix(String pluginVersion) {
        String v = pluginVersion.endsWith("-SNAPSHOT")
                ? pluginVersion.substring(0, pluginVersion.length() - "-SNAPSHOT".length()) : pluginVersion;
        return v.isEmpty() ? "0" : v;
    }

    /**
     * The topic's Questionnaire: its id, version and content; {@code date} is left to whoever first keeps it.
     *
     * @return the id (topic and content hash), the version and the resource without {@code date}
     */
    Built build(LoadedTopic topic) {
        String prefix = versionPrefix(topic.pluginVersion());
        String hash = hash(topic, prefix);
        String version = prefix + "." + hash;
        ObjectNode body = body(topic, version);
        ObjectNode q = json.createObjectNode();
        q.put("resourceType", "Questionnaire");
        q.put("id", topic.id() + "-" + hash);
        q.putObject("meta").putArray("profile").add(Fhir.SDC_QUESTIONNAIRE);
        q.put("language", Fhir.BASE_LANGUAGE);
        List<String> lines = new ArrayList<>();
        for (Question question : topic.questions()) {
            lines.add(question.linkId() + ": " + topic.text(Fhir.BASE_LANGUAGE, question.textKey()));
        }
        Fhir.narrative(q, Fhir.BASE_LANGUAGE, topic.title(Fhir.BASE_LANGUAGE), lines);
        q.put("url", url(base, topic.id()));
        q.put("version", version);
        q.setAll(body);
        return new Built(topic.id(), url(base, topic.id()), version, topic.id() + "-" + hash, q);
    }

    /** A built Questionnaire, before it is kept. */
    record Built(String topicId, String url, String version, String resourceId, ObjectNode resource) {
    }

    /**
     * The hash in the version: of the canonical URL, the plugin version and everything else in the Questionnaire
     * (but the version that holds it), so one version (and one id) never names two different Questionnaires.
     */
    private String hash(LoadedTopic topic, String prefix) {
        try {
            byte[] content = json.writeValueAsBytes(body(topic, ""));
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(url(base, topic.id()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(prefix.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(content);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (java.io.IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the Questionnaire of " + topic.id(), e);
        }
    }

    private ObjectNode body(LoadedTopic topic, String version) {
        ObjectNode q = json.createObjectNode();
        q.put("name", Fhir.computableName(topic.id()));
        Fhir.putText(q, "title", texts(topic, topic.info().titleKey()));
        q.put("status", "active");
        q.putArray("subjectType").add("Patient");
        q.put("publisher", "Physio Kiosk");
        Fhir.putText(q, "description", texts(topic, topic.info().summaryKey()));
        ArrayNode items = q.putArray("item");
        for (Question question : topic.questions()) {
            items.addAll(items(topic, question, version));
        }
        return q;
    }

    /** The question's items: it, and for an information screen its help text as a display item after it. */
    private List<ObjectNode> items(LoadedTopic topic, Question q, String version) {
        ObjectNode item = item(topic, q, version);
        if (q.helpKey() == null || q.type().isAnswerable()) {
            return List.of(item);
        }
        // A display item may hold no items: its explanation follows it.
        ObjectNode help = json.createObjectNode();
        help.put("linkId", q.linkId() + ".help");
        Fhir.putText(help, "text", texts(topic, q.helpKey()));
        help.put("type", "display");
        if (item.has("enableWhen")) {
            help.set("enableWhen", item.get("enableWhen").deepCopy());
        }
        if (item.has("enableBehavior")) {
            help.set("enableBehavior", item.get("enableBehavior").deepCopy());
        }
        for (com.fasterxml.jackson.databind.JsonNode e : item.path("extension")) {
            if (Fhir.ENABLE_WHEN_EXPRESSION.equals(e.path("url").asText())) {
                help.putArray("extension").add(e.deepCopy());
            }
        }
        return List.of(item, help);
    }

    private ObjectNode item(LoadedTopic topic, Question q, String version) {
        ObjectNode item = json.createObjectNode();
        item.put("linkId", q.linkId());
        String[] loinc = LOINC_ITEMS.get(q.linkId());
        if (loinc != null) {
            item.putArray("code").add(Fhir.coding(json, Fhir.LOINC, null, loinc[0], loinc[1]));
        }
        Fhir.putText(item, "text", texts(topic, q.textKey()));
        item.put("type", switch (q.type()) {
            case YES_NO -> "boolean";
            case SINGLE_CHOICE, MULTI_CHOICE, BODY_AREAS -> "choice";
            case SCALE_0_10, NUMBER -> "integer";
            case SHORT_TEXT -> "string";
            case INFO -> "display";
        });
        ArrayNode extensions = json.createArrayNode();
        boolean always = q.enableWhen() instanceof Condition.Always;
        if (!always) {
            skipLogic(topic, q, item, extensions);
        }
        if (q.type().isAnswerable()) {
            // Only a question asked in every visit is required: one that is skipped must be left out.
            item.put("required", q.required() && always);
        }
        if (q.type() == QuestionType.MULTI_CHOICE || q.type() == QuestionType.BODY_AREAS) {
            item.put("repeats", true);
        }
        if (q.type() == QuestionType.SHORT_TEXT) {
            item.put("maxLength", Question.MAX_TEXT_LENGTH);
        }
        if (q.type() == QuestionType.SCALE_0_10 || q.type() == QuestionType.NUMBER) {
            extensions.addObject().put("url", Fhir.MIN_VALUE).put("valueInteger", q.min());
            extensions.addObject().put("url", Fhir.MAX_VALUE).put("valueInteger", q.max());
            String[] unit = UNITS.get(q.linkId());
            if (unit != null) {
                extensions.addObject().put("url", Fhir.UNIT).set("valueCoding",
                        Fhir.coding(json, Fhir.UCUM, null, unit[0], unit[1]));
            }
        }
        if (q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTI_CHOICE) {
            Fhir.codeableExtension(extensions, Fhir.ITEM_CONTROL, Fhir.coding(json, Fhir.ITEM_CONTROL_SYSTEM, null,
                    q.type() == QuestionType.SINGLE_CHOICE ? "radio-button" : "check-box",
                    q.type() == QuestionType.SINGLE_CHOICE ? "Radio Button" : "Check-box"));
        }
        if (loinc != null) {
            extensions.addObject().put("url", Fhir.OBSERVATION_EXTRACT).put("valueBoolean", true);
        }
        if (!extensions.isEmpty()) {
            item.set("extension", extensions);
        }
        if (q.type().hasOptions()) {
            ArrayNode options = item.putArray("answerOption");
            for (AnswerOption o : q.options()) {
                ObjectNode option = options.addObject();
                if (o.exclusive()) {
                    option.putArray("extension").addObject().put("url", Fhir.OPTION_EXCLUSIVE).put("valueBoolean", true);
                }
                ObjectNode coding = codes.option(topic.id(), version, o.code(), null);
                Fhir.putText(coding, "display", texts(topic, o.textKey()));
                option.set("valueCoding", coding);
            }
        }
        if (q.type() == QuestionType.BODY_AREAS) {
            // Every region of the body map, coded in its own code system, whichever topic asks.
            ArrayNode options = item.putArray("answerOption");
            for (BodyMap.Region r : BodyMap.get().regions()) {
                ObjectNode coding = codes.bodyRegion(r.id(), null);
                Fhir.putText(coding, "display", CodeSystems.bodyLabels(r.id()));
                options.addObject().set("valueCoding", coding);
            }
        }
        if (q.helpKey() != null && q.type().isAnswerable()) {
            ObjectNode help = item.putArray("item").addObject();
            help.put("linkId", q.linkId() + ".help");
            Fhir.putText(help, "text", texts(topic, q.helpKey()));
            help.put("type", "display");
            Fhir.codeableExtension(help.putArray("extension"), Fhir.ITEM_CONTROL,
                    Fhir.coding(json, Fhir.ITEM_CONTROL_SYSTEM, null, "help", "Help-Button"));
        }
        return item;
    }

    private void skipLogic(LoadedTopic topic, Question q, ObjectNode item, ArrayNode extensions) {
        Condition condition = q.enableWhen();
        if (ConditionLinks.of(condition).stream().anyMatch(id -> topic.question(id).isEmpty())) {
            // A condition on another section (the host's shared facts) cannot be said in this Questionnaire.
            return;
        }
        Optional<List<ObjectNode>> simple = EnableWhen.simple(json, topic, condition, codes);
        if (simple.isPresent()) {
            if (simple.get().size() > 1) {
                item.put("enableBehavior", condition instanceof Condition.AnyOf ? "any" : "all");
            }
            item.putArray("enableWhen").addAll(simple.get());
            return;
        }
        ObjectNode e = extensions.addObject();
        e.put("url", Fhir.ENABLE_WHEN_EXPRESSION);
        ObjectNode expression = e.putObject("valueExpression");
        expression.put("language", "text/fhirpath");
        expression.put("expression", EnableWhen.fhirPath(topic, condition, codes));
    }

    /** The text of {@code key} in every language the kiosk has texts in, the base language first. */
    private static Map<String, String> texts(LoadedTopic topic, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(Fhir.BASE_LANGUAGE, topic.text(Fhir.BASE_LANGUAGE, key));
        for (String language : Languages.SUPPORTED) {
            out.putIfAbsent(language, topic.text(language, key));
        }
        return out;
    }
}
