package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.javalin.testtools.JavalinTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar leaves out HAPI FHIR's dependencies that parsing and writing do not need (ShEx, XSLT, ICU: 60 MB).
 * The tests' class path has them all, so this runs the conversion to XML in a JVM of its own on the shipped jar
 * alone, and reads the result back strictly.
 */
@DisplayName("FHIR XML from the shipped jar")
class ShippedFhirXmlIT {

    private static final Path JAR = Path.of("target", "physio-kiosk.jar").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void aCheckInBundleBecomesXmlWithTheShippedJarAlone() throws Exception {
        Path json = work.resolve("bundle.json");
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                PatientFlowTest.walk(new Browser(server.port()), "es", "Ana",
                        Map.of("fever", "yes", "about/fact.pain-now", "6"), PatientFlowTest.severeCramps());
                String id = kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0);
                Files.writeString(json, TestKiosk.admin(server.port()).get("/staff/check-ins/" + id + "/fhir").body());
            });
        }
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", JAR + File.pathSeparator + Path.of("target", "test-classes").toAbsolutePath(),
                ShippedFhirXml.class.getName(), json.toString())
                .redirectError(work.resolve("err.log").toFile()).start();
        String xml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> "conversion failed: " + read(work.resolve("err.log")));
        FhirContext fhir = FhirContext.forR4Cached();
        Bundle fromXml = fhir.newXmlParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Bundle.class, xml);
        Bundle fromJson = fhir.newJsonParser().parseResource(Bundle.class, Files.readString(json));
        assertEquals(fromJson.getEntry().size(), fromXml.getEntry().size());
        // The XML writer indents the narratives' XHTML; apart from that whitespace, the same resource.
        String fromXmlAgain = fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(fromXml)
                .replaceAll(">\\\\n\\s*<", "><");
        assertEquals(fhir.newJsonParser().setPrettyPrint(true).encodeResourceToString(fromJson), fromXmlAgain,
                "the same resource in both formats");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
