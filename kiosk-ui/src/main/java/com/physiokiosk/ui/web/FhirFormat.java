package com.physiokiosk.ui.web;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a FHIR resource in the format the client asked for, as the R4 REST conventions say: {@code _format}
 * first ({@code json}, {@code xml} or a FHIR MIME type), else the {@code Accept} header, else JSON. The kiosk
 * makes its resources as JSON; XML is made from that JSON by HAPI FHIR's parsers, loaded on the first XML request.
 */
public final class FhirFormat {

    /** FHIR JSON. */
    public static final String JSON = "application/fhir+json";
    /** FHIR XML. */
    public static final String XML = "application/fhir+xml";

    private final ObjectMapper json;

    public FhirFormat(ObjectMapper json) {
        this.json = json;
    }

    /** Thrown for a {@code _format} the kiosk does not write, naming it. */
    public static final class Unsupported extends RuntimeException {
        Unsupported(String format) {
            super("_format '" + format + "' is not supported: use json or xml (or application/fhir+json, application/fhir+xml)");
        }
    }

    /**
     * The MIME type to answer {@code ctx} in.
     *
     * @throws Unsupported for a {@code _format} that is neither JSON nor XML
     */
    public static String negotiate(Context ctx) {
        String format = ctx.queryParam("_format");
        if (format != null) {
            return parse(format).orElseThrow(() -> new Unsupported(format));
        }
        String accept = Optional.ofNullable(ctx.header("Accept")).orElse("").toLowerCase(Locale.ROOT);
        boolean xml = accept.contains("fhir+xml") || accept.contains("application/xml") || accept.contains("text/xml");
        boolean json = accept.contains("json");
        return xml && !json ? XML : JSON;
    }

    /** The MIME type {@code _format} asks for, or empty when it is neither JSON nor XML. */
    static Optional<String> parse(String format) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        int semicolon = f.indexOf(';');
        if (semicolon >= 0) {
            f = f.substring(0, semicolon).strip();
        }
        return switch (f) {
            case "json", "application/json", "application/fhir+json", "application/json+fhir" -> Optional.of(JSON);
            case "xml", "application/xml", "text/xml", "application/fhir+xml", "application/xml+fhir" -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    /** {@code resource} in {@code mimeType}, as text. */
    public String write(JsonNode resource, String mimeType) {
        try {
            String text = json.writerWithDefaultPrettyPrinter().writeValueAsString(resource);
            if (XML.equals(mimeType)) {
                FhirContext fhir = FhirContext.forR4Cached();
                return fhir.newXmlParser().setPrettyPrint(true).encodeResourceToString(fhir.newJsonParser().parseResource(text));
            }
            return text;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("FHIR resource not serialisable", e);
        }
    }

    /** Answers {@code ctx} with {@code resource} in the negotiated format. */
    public void send(Context ctx, JsonNode resource, String mimeType) {
        ctx.contentType(mimeType + "; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(write(resource, mimeType));
    }

    /** File extension of {@code mimeType}. */
    public static String extension(String mimeType) {
        return XML.equals(mimeType) ? "xml" : "json";
    }
}
