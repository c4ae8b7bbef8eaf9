package com.physiokiosk.engine.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.engine.i18n.Languages;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every FHIR R4 resource the kiosk writes shares: the canonical base the clinic owns, the extension and
 * code system URLs it uses, texts in one base language with the others as {@code translation} extensions,
 * and a generated narrative.
 *
 * <p>Texts are written in {@link #BASE_LANGUAGE} with every other language the kiosk has texts in as the
 * standard {@code translation} extension on the element's {@code _text}/{@code _display}/{@code _title}. So no
 * resource depends on the staff's or the patient's language: changing either changes nothing in an export.
 */
public final class Fhir {

    /** The language of every base text; the others are translations. */
    public static final String BASE_LANGUAGE = Languages.FALLBACK;

    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
    static final String ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control";
    static final String OPTION_EXCLUSIVE = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive";
    static final String UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
    static final String ENABLE_WHEN_EXPRESSION =
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";
    static final String OBSERVATION_EXTRACT =
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract";
    static final String SDC_QUESTIONNAIRE = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire|3.0.0";
    static final String SDC_RESPONSE =
            "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaireresponse|3.0.0";
    static final String FLAG_DETAIL = "http://hl7.org/fhir/StructureDefinition/flag-detail";
    /**
     * The kiosk's extension on a pain drawing's answer: the SNOMED CT body structure that fits the region coded in
     * the answer (a Coding holds one code; a region's SNOMED CT concept goes beside it). The kiosk's own definition,
     * the same for every clinic.
     */
    static final String BODY_STRUCTURE = "https://physio-kiosk.org/fhir/StructureDefinition/body-structure";
    static final String LOINC = "http://loinc.org";
    static final String SNOMED = "http://snomed.info/sct";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String XHTML = "http://www.w3.org/1999/xhtml";

    private Fhir() {
    }

    /**
     * Puts {@code texts} (language to text; the {@link #BASE_LANGUAGE} one required) on {@code node} as
     * {@code field} with a translation for each other language.
     */
    static void putText(ObjectNode node, String field, Map<String, String> texts) {
        node.put(field, texts.get(BASE_LANGUAGE));
        ArrayNode translations = null;
        for (Map.Entry<String, String> e : texts.entrySet()) {
            if (e.getKey().equals(BASE_LANGUAGE)) {
                continue;
            }
            if (translations == null) {
                translations = node.putObject("_" + field).putArray("extension");
            }
            ObjectNode t = translations.addObject();
            t.put("url", TRANSLATION);
            ArrayNode parts = t.putArray("extension");
            parts.addObject().put("url", "lang").put("valueCode", e.getKey());
            parts.addObject().put("url", "content").put("valueString", e.getValue());
        }
    }

    /** The text of {@code field} on {@code node} in {@code language}: its translation, else the base text. */
    static Optional<String> text(JsonNode node, String field, String language) {
        if (!node.hasNonNull(field)) {
            return Optional.empty();
        }
        if (!language.equals(BASE_LANGUAGE)) {
            for (JsonNode t : node.path("_" + field).path("extension")) {
                if (TRANSLATION.equals(t.path("url").asText())) {
                    String lang = null;
                    String content = null;
                    for (JsonNode part : t.path("extension")) {
                        if ("lang".equals(part.path("url").asText())) {
                            lang = part.path("valueCode").asText();
                        } else if ("content".equals(part.path("url").asText())) {
                            content = part.path("valueString").asText();
                        }
                    }
                    if (language.equals(lang) && content != null) {
                        return Optional.of(content);
                    }
                }
            }
        }
        return Optional.of(node.get(field).asText());
    }

    /** A generated narrative: a heading and lines, escaped. */
    static void narrative(ObjectNode resource, String language, String heading, List<String> lines) {
        StringBuilder div = new StringBuilder("<div xmlns=\"").append(XHTML).append("\"");
        if (language != null) {
            div.append(" lang=\"").append(language).append("\" xml:lang=\"").append(language).append("\"");
        }
        div.append("><p><b>").append(escape(heading)).append("</b></p>");
        if (!lines.isEmpty()) {
            div.append("<ul>");
            for (String line : lines) {
                div.append("<li>").append(escape(line)).append("</li>");
            }
            div.append("</ul>");
        }
        div.append("</div>");
        ObjectNode text = resource.putObject("text");
        text.put("status", "generated");
        text.put("div", div.toString());
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coding. */
    static ObjectNode coding(ObjectMapper json, String system, String version, String code, String display) {
        ObjectNode c = json.createObjectNode();
        c.put("system", system);
        if (version != null) {
            c.put("version", version);
        }
        c.put("code", code);
        if (display != null) {
            c.put("display", display);
        }
        return c;
    }

    /** An extension holding a coded concept of {@code system}. */
    static ObjectNode codeableExtension(ArrayNode extensions, String url, ObjectNode coding) {
        ObjectNode e = extensions.addObject();
        e.put("url", url);
        e.putObject("valueCodeableConcept").putArray("coding").add(coding);
        return e;
    }

    /** A name a machine can use, as FHIR asks: {@code sexual-activity} is {@code SexualActivity}. */
    static String computableName(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
