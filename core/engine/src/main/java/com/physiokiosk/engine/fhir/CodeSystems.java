package com.physiokiosk.engine.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.body.BodyMap;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.i18n.MessageBundle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The code systems of the kiosk's answers and findings, each a FHIR {@code CodeSystem} the record system can
 * read.
 *
 * <ul>
 *   <li>"Yes" and "No" among a choice question's options are LOINC answer codes (LA33-6, LA32-8).</li>
 *   <li>"Not sure" is the one shared code of {@code <base>/CodeSystem/answer}: the same answer in every topic.</li>
 *   <li>Every other option is a code of its topic's own system, {@code <base>/CodeSystem/<topic>}, in the
 *       version of the topic's Questionnaire: the code system is made from that stored Questionnaire, so it
 *       is as permanent as it is.</li>
 *   <li>How much a finding matters: {@code <base>/CodeSystem/finding-severity}.</li>
 *   <li>The regions of the body map (the pain drawing's answers): {@code <base>/CodeSystem/body-region}, each
 *       concept with its SNOMED CT body structure as the property {@code snomed-ct} where one fits.</li>
 * </ul>
 */
public final class CodeSystems {

    /** Id of the shared answer code system. */
    public static final String SHARED = "answer";
    /** Id of the finding severity code system. */
    public static final String SEVERITY = "finding-severity";
    /** Id of the body map's region code system. */
    public static final String BODY = "body-region";
    /** Its property holding the SNOMED CT body structure that fits a region. */
    static final String SNOMED_PROPERTY = "snomed-ct";
    /** Version of the body region code system: a hash of its regions, texts and SNOMED CT codes. */
    static final String BODY_VERSION;
    /** Version of the two fixed code systems: a hash of their codes and texts, so it changes whenever they do. */
    static final String FIXED_VERSION;

    private static final Map<String, String[]> LOINC_ANSWERS = Map.of(
            "yes", new String[] {"LA33-6", "Yes"},
            "no", new String[] {"LA32-8", "No"});
    private static final List<String> SHARED_CODES = List.of("unsure");

    static final MessageBundle TEXTS = MessageBundle.load("the FHIR export", CodeSystems.class.getClassLoader(),
            "com/physiokiosk/engine/fhir/messages");

    static {
        StringBuilder content = new StringBuilder();
        for (String code : SHARED_CODES) {
            content.append(code).append(texts("answer." + code)).append('\n');
        }
        for (Severity s : Severity.values()) {
            content.append(severityCode(s)).append(texts("severity." + severityCode(s))).append('\n');
        }
        content.append(texts("answer.title")).append(texts("severity.title"));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            FIXED_VERSION = "1." + java.util.HexFormat.of().formatHex(hash).substring(0, 12);
            StringBuilder body = new StringBuilder(texts("body.title").toString());
            for (BodyMap.Region r : BodyMap.get().regions()) {
                body.append(r.id()).append(bodyLabels(r.id())).append(r.snomed()).append('\n');
            }
            BODY_VERSION = "1." + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ObjectMapper json;
    private final String base;

    public CodeSystems(ObjectMapper json, String base) {
        this.json = json;
        this.base = base;
    }

    /** Canonical URL of a topic's answer codes. */
    public String topicSystem(String topicId) {
        return base + "/CodeSystem/" + topicId;
    }

    /** The coding of option {@code code} of a topic whose Questionnaire has {@code version}. */
    ObjectNode option(String topicId, String version, String code, String display) {
        String[] loinc = LOINC_ANSWERS.get(code);
        if (loinc != null) {
            return Fhir.coding(json, Fhir.LOINC, null, loinc[0], display);
        }
        if (SHARED_CODES.contains(code)) {
            return Fhir.coding(json, base + "/CodeSystem/" + SHARED, FIXED_VERSION, code, display);
        }
        return Fhir.coding(json, topicSystem(topicId), version, code, display);
    }

    /** The coding of body map region {@code id}, labelled in {@code language} (none when {@code null}). */
    ObjectNode bodyRegion(String id, String language) {
        return Fhir.coding(json, base + "/CodeSystem/" + BODY, BODY_VERSION, id,
                language == null ? null : BodyMap.get().label(id, language));
    }

    /** The SNOMED CT coding of body map region {@code id}, if one fits. */
    Optional<ObjectNode> snomed(String id) {
        return BodyMap.get().region(id).map(BodyMap.Region::snomed)
                .map(s -> Fhir.coding(json, Fhir.SNOMED, null, s.code(), s.display()));
    }

    /** The label of body map region {@code id} in every language. */
    static Map<String, String> bodyLabels(String id) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String language : Languages.SUPPORTED) {
            out.put(language, BodyMap.get().label(id, language));
        }
        return out;
    }

    /** The kiosk's own answer code of a coding of {@code system}: a LOINC answer code back to {@code yes} or {@code no}. */
    static String kioskCode(String system, String code) {
        if (Fhir.LOINC.equals(system)) {
            for (Map.Entry<String, String[]> e : LOINC_ANSWERS.entrySet()) {
                if (e.getValue()[0].equals(code)) {
                    return e.getKey();
                }
            }
        }
        return code;
    }

    /** Whether {@code id} names one of the fixed code systems. */
    public static boolean isFixed(String id) {
        return SHARED.equals(id) || SEVERITY.equals(id) || BODY.equals(id);
    }

    /** The fixed code system {@code id} ({@link #SHARED}, {@link #SEVERITY} or {@link #BODY}). */
    public Optional<ObjectNode> fixed(String id) {
        if (SHARED.equals(id)) {
            Map<String, Map<String, String>> concepts = new LinkedHashMap<>();
            for (String code : SHARED_CODES) {
                concepts.put(code, texts("answer." + code));
            }
            return Optional.of(codeSystem(SHARED, FIXED_VERSION, texts("answer.title"), concepts, null));
        }
        if (SEVERITY.equals(id)) {
            Map<String, Map<String, String>> concepts = new LinkedHashMap<>();
            for (Severity s : Severity.values()) {
                concepts.put(severityCode(s), texts("severity." + severityCode(s)));
            }
            return Optional.of(codeSystem(SEVERITY, FIXED_VERSION, texts("severity.title"), concepts, null));
        }
        if (BODY.equals(id)) {
            Map<String, Map<String, String>> concepts = new LinkedHashMap<>();
            for (BodyMap.Region r : BodyMap.get().regions()) {
                concepts.put(r.id(), bodyLabels(r.id()));
            }
            ObjectNode cs = codeSystem(BODY, BODY_VERSION, texts("body.title"), concepts, null);
            cs.putArray("property").addObject().put("code", SNOMED_PROPERTY)
                    .put("description", "The SNOMED CT body structure that fits the region").put("type", "Coding");
            for (JsonNode concept : cs.path("concept")) {
                snomed(concept.path("code").asText()).ifPresent(coding -> ((ObjectNode) concept).putArray("property")
                        .addObject().put("code", SNOMED_PROPERTY).set("valueCoding", coding));
            }
            return Optional.of(cs);
        }
        return Optional.empty();
    }

    /** The code of a severity in {@link #SEVERITY}. */
    static String severityCode(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    ObjectNode severity(Severity s) {
        return Fhir.coding(json, base + "/CodeSystem/" + SEVERITY, FIXED_VERSION, severityCode(s),
                TEXTS.get(Fhir.BASE_LANGUAGE, "severity." + severityCode(s)));
    }

    /**
     * The answer codes of the topic whose stored Questionnaire is {@code questionnaire}: every option code of
     * the topic's own system, with its label in every language. A code two questions share keeps the first
     * question's label; the other labels are designations.
     */
    public ObjectNode ofTopic(String topicId, JsonNode questionnaire) {
        // Under the canonical base the Questionnaire was kept with, which need not be today's.
        String url = questionnaire.path("url").asText();
        String system = url.endsWith("/Questionnaire/" + topicId)
                ? url.substring(0, url.length() - ("/Questionnaire/" + topicId).length()) + "/CodeSystem/" + topicId
                : topicSystem(topicId);
        String version = questionnaire.path("version").asText();
        Map<String, Map<String, String>> concepts = new LinkedHashMap<>();
        Map<String, List<Map<String, String>>> others = new LinkedHashMap<>();
        collect(questionnaire.path("item"), system, concepts, others);
        Map<String, String> title = new LinkedHashMap<>();
        for (String language : Languages.SUPPORTED) {
            title.put(language, TEXTS.get(language, "codes.title",
                    Fhir.text(questionnaire, "title", language).orElse(topicId)));
        }
        ObjectNode cs = codeSystem(questionnaire.path("id").asText(topicId), version, title, concepts, others);
        cs.put("url", system);
        return cs;
    }

    private static void collect(JsonNode items, String system, Map<String, Map<String, String>> concepts,
                                Map<String, List<Map<String, String>>> others) {
        for (JsonNode item : items) {
            for (JsonNode option : item.path("answerOption")) {
                JsonNode coding = option.path("valueCoding");
                if (!system.equals(coding.path("system").asText())) {
                    continue;
                }
                Map<String, String> labels = new LinkedHashMap<>();
                for (String language : Languages.SUPPORTED) {
                    Fhir.text(coding, "display", language).ifPresent(t -> labels.put(language, t));
                }
                String code = coding.path("code").asText();
                if (concepts.containsKey(code)) {
                    if (!concepts.get(code).equals(labels)) {
                        others.computeIfAbsent(code, c -> new ArrayList<>()).add(labels);
                    }
                } else {
                    concepts.put(code, labels);
                }
            }
            collect(item.path("item"), system, concepts, others);
        }
    }

    private ObjectNode codeSystem(String id, String version, Map<String, String> title,
                                  Map<String, Map<String, String>> concepts,
                                  Map<String, List<Map<String, String>>> otherLabels) {
        ObjectNode cs = json.createObjectNode();
        cs.put("resourceType", "CodeSystem");
        cs.put("id", id);
        cs.put("language", Fhir.BASE_LANGUAGE);
        List<String> lines = new ArrayList<>();
        concepts.forEach((code, labels) -> lines.add(code + ": " + labels.get(Fhir.BASE_LANGUAGE)));
        Fhir.narrative(cs, Fhir.BASE_LANGUAGE, title.get(Fhir.BASE_LANGUAGE), lines);
        cs.put("url", base + "/CodeSystem/" + id);
        cs.put("version", version);
        cs.put("name", Fhir.computableName(id));
        Fhir.putText(cs, "title", title);
        cs.put("status", "active");
        cs.put("publisher", "Physio Kiosk");
        cs.put("caseSensitive", true);
        cs.put("content", "complete");
        cs.put("count", concepts.size());
        ArrayNode out = cs.putArray("concept");
        concepts.forEach((code, labels) -> {
            ObjectNode concept = out.addObject();
            concept.put("code", code);
            Fhir.putText(concept, "display", labels);
            // Every label in every language as a designation too, so a display in the patient's language (or a
            // question's own wording of a shared code) is one the code system knows.
            List<Map<String, String>> all = new ArrayList<>();
            all.add(labels);
            all.addAll(otherLabels == null ? List.of() : otherLabels.getOrDefault(code, List.of()));
            ArrayNode designations = concept.putArray("designation");
            for (Map<String, String> someLabels : all) {
                someLabels.forEach((language, text) -> {
                    if (!(someLabels == labels && language.equals(Fhir.BASE_LANGUAGE))) {
                        designations.addObject().put("language", language).put("value", text);
                    }
                });
            }
            if (designations.isEmpty()) {
                concept.remove("designation");
            }
        });
        return cs;
    }

    private static Map<String, String> texts(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String language : Languages.SUPPORTED) {
            out.put(language, TEXTS.get(language, key));
        }
        return out;
    }
}
