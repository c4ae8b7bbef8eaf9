package com.physiokiosk.engine.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored check-in in FHIR R4: each section the patient answered as a {@code QuestionnaireResponse}, and the
 * whole check-in as one {@code Bundle} a record system can file.
 *
 * <p>A response is made only from what was stored at submission: the answers, and the kept version of the
 * Questionnaire they were given to ({@link QuestionnaireArchive}), whose texts and option labels in the
 * patient's language are what the patient saw; {@code language} says which. Nothing is read from the plugin
 * running now or from the staff language. A check-in stored before versions were kept has no Questionnaire to
 * point to: its response carries the texts stored with it (in the staff language of that day) and no
 * {@code questionnaire} or {@code language}.
 *
 * <p>The Bundle ({@code collection}, identified by the check-in's day and number) holds the kiosk as a
 * {@code Device}; the responses (safety screen, shared facts, each topic); the exact Questionnaire versions and
 * the code systems of their answers; each URGENT finding as a {@code Flag} and every other finding as a
 * {@code RiskAssessment}, pointing at the response that raised it; and every answer to a coded question (the
 * pain score, LOINC 72514-3) as an {@code Observation}. No name: the record system links the check-in to its
 * patient, whom every resource names only by the check-in's identifier.
 */
public final class CheckInExport {

    private final ObjectMapper json;
    private final QuestionnaireArchive archive;
    private final CodeSystems codes;
    private final String base;
    private final String kioskVersion;
    private final String deviceName;
    /** The kiosk's Device: the same in every export, so a record system files it once. */
    private final String device;

    /**
     * @param kioskVersion the kiosk's version
     * @param deviceName   what names this kiosk server among the clinic's (its host name): the Device's identifier
     */
    public CheckInExport(ObjectMapper json, QuestionnaireArchive archive, String kioskVersion, String deviceName) {
        this.json = json;
        this.archive = archive;
        this.base = archive.base();
        this.codes = new CodeSystems(json, base);
        this.kioskVersion = kioskVersion;
        this.deviceName = deviceName;
        this.device = "urn:uuid:" + UUID.nameUUIDFromBytes(("device/" + base + "/" + deviceName).getBytes(StandardCharsets.UTF_8));
    }

    /** The code systems, for the read API. */
    public CodeSystems codeSystems() {
        return codes;
    }

    /** Identifier system of a check-in (its random public id): what every resource names its patient by. */
    public String checkInSystem() {
        return base + "/check-in";
    }

    /** Identifier system of a check-in's day and number, as reception calls it. */
    public String checkInNumberSystem() {
        return base + "/check-in-number";
    }

    /** The response of one section of {@code checkIn}, as stored. */
    public ObjectNode response(CheckIn checkIn, TopicResponse topic) {
        return response(checkIn, topic, stored(topic).orElse(null), null);
    }

    /** The whole check-in as one Bundle. */
    public ObjectNode bundle(CheckIn checkIn) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", checkIn.publicId());
        bundle.putObject("meta").put("lastUpdated", seconds(updated(checkIn)));
        ObjectNode identifier = bundle.putObject("identifier");
        identifier.put("system", checkInNumberSystem());
        identifier.put("value", checkIn.day() + "-" + checkIn.number());
        bundle.put("type", "collection");
        bundle.put("timestamp", seconds(updated(checkIn)));
        ArrayNode entries = bundle.putArray("entry");

        add(entries, device, device());
        Map<String, JsonNode> questionnaires = new LinkedHashMap<>();
        Map<String, String> topicOf = new HashMap<>();
        List<ObjectNode> findings = new ArrayList<>();
        List<ObjectNode> observations = new ArrayList<>();
        for (TopicResponse topic : checkIn.topics()) {
            Optional<JsonNode> questionnaire = stored(topic);
            String responseUrl = uuid(checkIn, "response/" + topic.topicId());
            add(entries, responseUrl, response(checkIn, topic, questionnaire.orElse(null), device));
            questionnaire.ifPresent(q -> {
                questionnaires.putIfAbsent(q.path("id").asText(), q);
                topicOf.put(q.path("id").asText(), topic.topicId());
            });
            int i = 0;
            for (StoredFinding f : topic.findings()) {
                findings.add(finding(checkIn, topic, f, responseUrl, device, uuid(checkIn, "finding/" + topic.topicId() + "/" + i++)));
            }
            questionnaire.ifPresent(q -> observations.addAll(observations(checkIn, topic, q, responseUrl, device)));
        }
        for (ObjectNode finding : findings) {
            add(entries, finding.remove("fullUrl").asText(), finding);
        }
        for (ObjectNode observation : observations) {
            add(entries, observation.remove("fullUrl").asText(), observation);
        }
        for (JsonNode q : questionnaires.values()) {
            add(entries, base + "/Questionnaire/" + q.path("id").asText(), q);
            ObjectNode cs = codes.ofTopic(topicOf.get(q.path("id").asText()), q);
            if (cs.path("count").asInt() > 0) {
                add(entries, base + "/CodeSystem/" + cs.path("id").asText(), cs);
            }
        }
        for (String fixed : List.of(CodeSystems.SHARED, CodeSystems.SEVERITY, CodeSystems.BODY)) {
            add(entries, base + "/CodeSystem/" + fixed, codes.fixed(fixed).orElseThrow());
        }
        return bundle;
    }

    private ObjectNode response(CheckIn checkIn, TopicResponse topic, JsonNode questionnaire, String device) {
        String language = questionnaire == null ? null : checkIn.language();
        Map<String, JsonNode> items = new HashMap<>();
        if (questionnaire != null) {
            index(questionnaire.path("item"), items);
        }
        ObjectNode r = json.createObjectNode();
        r.put("resourceType", "QuestionnaireResponse");
        r.putObject("meta").putArray("profile").add(Fhir.SDC_RESPONSE);
        if (language != null) {
            r.put("language", language);
        }
        ObjectNode identifier = r.putObject("identifier");
        identifier.put("system", checkInSystem());
        identifier.put("value", checkIn.publicId() + "/" + topic.topicId());
        if (questionnaire != null) {
            r.put("questionnaire", questionnaire.path("url").asText() + "|" + questionnaire.path("version").asText());
        }
        // Answered to the end; left part-way (stopped); or an urgent visit stored before its end (in-progress).
        r.put("status", !checkIn.finished() ? "in-progress" : topic.finished() ? "completed" : "stopped");
        r.set("subject", patient(checkIn));
        r.put("authored", seconds(checkIn.createdAt()));
        if (device != null) {
            r.putObject("author").put("reference", device);
        }
        ArrayNode out = r.putArray("item");
        List<String> lines = new ArrayList<>();
        for (StoredAnswer a : topic.answers()) {
            JsonNode qItem = items.get(a.linkId());
            QuestionType type = a.type();
            if (type == QuestionType.INFO) {
                continue;
            }
            ObjectNode item = out.addObject();
            item.put("linkId", a.linkId());
            String questionText = qItem == null ? a.questionText() : Fhir.text(qItem, "text", language).orElse(a.questionText());
            item.put("text", questionText);
            ArrayNode answers = item.putArray("answer");
            List<String> shown = new ArrayList<>();
            if (type == null) {
                // Stored before types were kept: the answer as read.
                answers.addObject().put("valueString", a.displayValue());
                shown.add(a.displayValue());
            } else {
                for (String value : a.values()) {
                    ObjectNode answer = answers.addObject();
                    switch (type) {
                        case YES_NO -> answer.put("valueBoolean", "yes".equals(value));
                        case SINGLE_CHOICE, MULTI_CHOICE -> {
                            ObjectNode coding = option(topic, qItem, value, language, a);
                            answer.set("valueCoding", coding);
                            shown.add(coding.path("display").asText(value));
                        }
                        case BODY_AREAS -> {
                            // As coded in the kept Questionnaire, else (a check-in kept before it) the map's own.
                            ObjectNode coding = kept(qItem, value, language)
                                    .orElseGet(() -> codes.bodyRegion(value, language == null ? Fhir.BASE_LANGUAGE : language));
                            answer.set("valueCoding", coding);
                            // The SNOMED CT body structure, where one fits, beside the kiosk's own region code.
                            codes.snomed(value).ifPresent(snomed -> answer.putArray("extension").addObject()
                                    .put("url", Fhir.BODY_STRUCTURE).set("valueCoding", snomed));
                            shown.add(coding.path("display").asText(value));
                        }
                        case SCALE_0_10, NUMBER -> putInteger(answer, value);
                        case SHORT_TEXT, INFO -> answer.put("valueString", value);
                    }
                    if (type == QuestionType.YES_NO) {
                        shown.add(questionnaire == null ? a.displayValue()
                                : CodeSystems.TEXTS.get(language, "answer." + ("yes".equals(value) ? "yes" : "no")));
                    } else if (type != QuestionType.SINGLE_CHOICE && type != QuestionType.MULTI_CHOICE
                            && type != QuestionType.BODY_AREAS) {
                        shown.add(value);
                    }
                }
            }
            lines.add(questionText + " " + String.join(", ", shown));
        }
        String title = questionnaire == null ? topic.topicTitle()
                : Fhir.text(questionnaire, "title", language).orElse(topic.topicTitle());
        ObjectNode withText = json.createObjectNode();
        Fhir.narrative(withText, language, CodeSystems.TEXTS.get(language == null ? Fhir.BASE_LANGUAGE : language,
                "response.title", title), lines);
        // The narrative goes after meta and language, where FHIR puts it.
        return placeAfter(r, language != null ? "language" : "meta", "text", withText.get("text"));
    }

    /** An answer option as coded in the kept Questionnaire, labelled in the patient's language. */
    private ObjectNode option(TopicResponse topic, JsonNode qItem, String value, String language, StoredAnswer a) {
        return kept(qItem, value, language).orElseGet(() -> codes.option(topic.topicId(), null, value,
                a.values().size() == 1 ? a.displayValue() : null));
    }

    /** The option {@code value} of the kept Questionnaire's item, labelled in {@code language}, if it has one. */
    private Optional<ObjectNode> kept(JsonNode qItem, String value, String language) {
        if (qItem == null) {
            return Optional.empty();
        }
        for (JsonNode option : qItem.path("answerOption")) {
            JsonNode coding = option.path("valueCoding");
            if (value.equals(codeOf(coding))) {
                ObjectNode out = json.createObjectNode();
                out.put("system", coding.path("system").asText());
                if (coding.hasNonNull("version")) {
                    out.put("version", coding.path("version").asText());
                }
                out.put("code", coding.path("code").asText());
                Fhir.text(coding, "display", language).ifPresent(d -> out.put("display", d));
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    /** The kiosk's own code of an option coding (LOINC yes and no back to {@code yes} and {@code no}). */
    private static String codeOf(JsonNode coding) {
        return CodeSystems.kioskCode(coding.path("system").asText(), coding.path("code").asText());
    }

    private ObjectNode finding(CheckIn checkIn, TopicResponse topic, StoredFinding f, String response, String device,
                               String fullUrl) {
        ObjectNode r = json.createObjectNode();
        boolean urgent = f.severity() == Severity.URGENT;
        r.put("resourceType", urgent ? "Flag" : "RiskAssessment");
        // The rule that raised it, as a tag; the finding itself, as this check-in's.
        r.putObject("meta").putArray("tag").addObject().put("system", base + "/rule")
                .put("code", topic.topicId() + "/" + f.ruleId());
        Fhir.narrative(r, null, f.clinicianText(), f.patientText() == null ? List.of() : List.of(f.patientText()));
        r.putArray("identifier").addObject().put("system", base + "/finding")
                .put("value", checkIn.publicId() + "/" + topic.topicId() + "/" + f.ruleId());
        if (urgent) {
            r.putArray("extension").addObject().put("url", Fhir.FLAG_DETAIL).putObject("valueReference")
                    .put("reference", response);
            // Withdrawn (the patient changed the answer that raised it) or reviewed by staff: no longer active.
            r.put("status", checkIn.reviewedAt() == null && !f.withdrawn() ? "active" : "inactive");
            r.putArray("category").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/flag-category").put("code", "clinical")
                    .put("display", "Clinical");
            ObjectNode code = r.putObject("code");
            code.putArray("coding").add(codes.severity(f.severity()));
            code.put("text", f.clinicianText());
            r.set("subject", patient(checkIn));
            ObjectNode period = r.putObject("period");
            period.put("start", seconds(checkIn.createdAt()));
            if (checkIn.reviewedAt() != null) {
                period.put("end", seconds(checkIn.reviewedAt()));
            }
            r.putObject("author").put("reference", device);
        } else {
            r.put("status", checkIn.finished() ? "final" : "preliminary");
            r.set("subject", patient(checkIn));
            r.put("occurrenceDateTime", seconds(checkIn.createdAt()));
            r.putObject("performer").put("reference", device);
            r.putArray("basis").addObject().put("reference", response);
            ObjectNode prediction = r.putArray("prediction").addObject();
            prediction.putObject("outcome").put("text", f.clinicianText());
            prediction.putObject("qualitativeRisk").putArray("coding").add(codes.severity(f.severity()));
            if (f.source() != null && !f.source().isBlank()) {
                r.putArray("note").addObject().put("text", f.source());
            }
        }
        r.put("fullUrl", fullUrl);
        return r;
    }

    /** Every answer to a coded question of {@code questionnaire}, as an Observation derived from the response. */
    private List<ObjectNode> observations(CheckIn checkIn, TopicResponse topic, JsonNode questionnaire, String response,
                                          String device) {
        Map<String, JsonNode> items = new HashMap<>();
        index(questionnaire.path("item"), items);
        List<ObjectNode> out = new ArrayList<>();
        for (StoredAnswer a : topic.answers()) {
            JsonNode qItem = items.get(a.linkId());
            if (qItem == null || !qItem.has("code") || a.values().isEmpty()) {
                continue;
            }
            ObjectNode o = json.createObjectNode();
            o.put("resourceType", "Observation");
            JsonNode coding = qItem.path("code").get(0);
            Fhir.narrative(o, null, coding.path("display").asText() + ": " + String.join(", ", a.values()), List.of());
            o.put("status", checkIn.finished() ? "final" : "preliminary");
            o.putArray("category").addObject().putArray("coding").addObject()
                    .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "survey")
                    .put("display", "Survey");
            o.putObject("code").set("coding", qItem.path("code").deepCopy());
            o.set("subject", patient(checkIn));
            o.put("effectiveDateTime", seconds(checkIn.createdAt()));
            o.put("issued", checkIn.createdAt().truncatedTo(ChronoUnit.MILLIS).toString());
            if (a.type() == QuestionType.SCALE_0_10 || a.type() == QuestionType.NUMBER) {
                putInteger(o, a.values().get(0));
            } else if (a.type() == QuestionType.YES_NO) {
                o.put("valueBoolean", "yes".equals(a.values().get(0)));
            } else {
                o.put("valueString", a.displayValue());
            }
            o.putObject("device").put("reference", device);
            o.putArray("derivedFrom").addObject().put("reference", response);
            o.put("fullUrl", uuid(checkIn, "observation/" + topic.topicId() + "/" + a.linkId()));
            out.add(o);
        }
        return out;
    }

    private ObjectNode device() {
        ObjectNode d = json.createObjectNode();
        d.put("resourceType", "Device");
        String name = CodeSystems.TEXTS.get(Fhir.BASE_LANGUAGE, "device.name");
        Fhir.narrative(d, Fhir.BASE_LANGUAGE, name + " " + kioskVersion + " (" + deviceName + ")", List.of());
        d.putArray("identifier").addObject().put("system", base + "/device").put("value", deviceName);
        d.put("status", "active");
        d.putArray("deviceName").addObject().put("name", name).put("type", "manufacturer-name");
        d.putObject("type").put("text", CodeSystems.TEXTS.get(Fhir.BASE_LANGUAGE, "device.type"));
        d.putArray("version").addObject().put("value", kioskVersion);
        return d;
    }

    /** The patient, named only by the check-in. */
    private ObjectNode patient(CheckIn checkIn) {
        ObjectNode ref = json.createObjectNode();
        ref.put("type", "Patient");
        ref.putObject("identifier").put("system", checkInSystem()).put("value", checkIn.publicId());
        return ref;
    }

    private Optional<JsonNode> stored(TopicResponse topic) {
        if (topic.questionnaireVersion() == null) {
            return Optional.empty();
        }
        return archive.find(topic.topicId(), topic.questionnaireVersion()).map(QuestionnaireArchive.Kept::resource);
    }

    private static void index(JsonNode items, Map<String, JsonNode> out) {
        for (JsonNode item : items) {
            out.put(item.path("linkId").asText(), item);
            index(item.path("item"), out);
        }
    }

    private ObjectNode placeAfter(ObjectNode node, String after, String field, JsonNode value) {
        ObjectNode out = json.createObjectNode();
        node.fields().forEachRemaining(f -> {
            out.set(f.getKey(), f.getValue());
            if (f.getKey().equals(after)) {
                out.set(field, value);
            }
        });
        return out;
    }

    private static void add(ArrayNode entries, String fullUrl, JsonNode resource) {
        ObjectNode entry = entries.addObject();
        entry.put("fullUrl", fullUrl);
        entry.set("resource", resource);
    }

    /** A stable {@code urn:uuid} for a part of a check-in, the same in every export. */
    private static String uuid(CheckIn checkIn, String part) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((checkIn.publicId() + "/" + part).getBytes(StandardCharsets.UTF_8));
    }

    private static Instant updated(CheckIn checkIn) {
        return checkIn.updatedAt() != null ? checkIn.updatedAt() : checkIn.createdAt();
    }

    private static String seconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void putInteger(ObjectNode node, String value) {
        try {
            node.put("valueInteger", Integer.parseInt(value));
        } catch (NumberFormatException e) {
            node.put("valueString", value);
        }
    }
}
