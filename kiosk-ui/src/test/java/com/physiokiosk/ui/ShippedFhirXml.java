package com.physiokiosk.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.physiokiosk.ui.web.FhirFormat;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a FHIR JSON file as XML with the kiosk's own {@link FhirFormat}, for {@link ShippedFhirXmlIT} to run on
 * the shipped jar alone (its classes and the jar's, nothing from the test class path).
 */
public final class ShippedFhirXml {

    private ShippedFhirXml() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        System.out.print(new FhirFormat(json).write(json.readTree(Files.readString(Path.of(args[0]))), FhirFormat.XML));
    }
}
