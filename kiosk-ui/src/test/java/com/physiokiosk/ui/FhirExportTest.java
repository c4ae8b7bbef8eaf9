package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.topic.LoadedTopic;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.RiskAssessment;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The FHIR exports parse as R4 resources with HAPI FHIR's strict parser and pass its R4 validator (offline: the R4
 * definitions ship in a jar), each response checked against the exact Questionnaire version it names, also after
 * the staff language changed and after the plugin changed its texts.
 */
@DisplayName("FHIR R4 export")
class FhirExportTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String BASE = "https://physio-kiosk.org/fhir";

    private TestKiosk kiosk;
    private FhirCheck check;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin();
        check = new FhirCheck();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private static IParser strict() {
        return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    @Test
    void eachTopicIsAValidVersionedQuestionnaireInEveryLanguage() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser staff = TestKiosk.admin(server.port());
            for (String topic : List.of("safety", "about", "cramps", "stretching", "sexual-activity", "postpartum", "sleep")) {
                HttpResponse<String> r = staff.get("/staff/questionnaires/" + topic);
                assertEquals(200, r.statusCode(), topic);
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
                Questionnaire q = strict().parseResource(Questionnaire.class, r.body());
                check.know(q);
                check.assertValid(r.body(), topic);
                assertEquals(BASE + "/Questionnaire/" + topic, q.getUrl());
                assertTrue(q.getVersion().matches("\\d+\\.\\d+\\.\\d+\\.[0-9a-f]{12}"), q.getVersion());
                assertFalse(q.getVersion().contains("SNAPSHOT"));
                assertEquals(topic + "-" + q.getVersion().substring(q.getVersion().length() - 12), q.getIdElement().getIdPart());
                assertEquals(Enumerations.PublicationStatus.ACTIVE, q.getStatus());
                assertTrue(q.hasDate() && q.hasPublisher() && q.getText().hasDiv(), "date, publisher, narrative");
                assertTrue(q.getMeta().getProfile().get(0).getValue().startsWith(
                        "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"));
                assertEquals("en", q.getLanguage());
                assertTrue(translation(q.getTitleElement(), "es") != null, topic + ": the title in Spanish");
                for (QuestionnaireItemComponent item : q.getItem()) {
                    assertTrue(translation(item.getTextElement(), "es") != null, topic + "/" + item.getLinkId());
                    boolean conditional = item.hasEnableWhen() || item.hasExtension(EXPRESSION)
                            || !conditionOf(topic, item.getLinkId()).equals(com.physiokiosk.api.Condition.always());
                    if (conditional) {
                        assertFalse(item.getRequired(), topic + "/" + item.getLinkId() + ": not always asked, not required");
                    }
                    for (Questionnaire.QuestionnaireItemAnswerOptionComponent o : item.getAnswerOption()) {
                        assertTrue(translation(o.getValueCoding().getDisplayElement(), "es") != null);
                    }
                }
            }
            // The same questions whatever the staff language: byte for byte.
            String before = staff.get("/staff/questionnaires/cramps").body();
            kiosk.app.settings().change(Map.of("kiosk.languages", "es,en"), "test");
            assertEquals(before, staff.get("/staff/questionnaires/cramps").body(), "the staff language changes nothing");

            Questionnaire cramps = strict().parseResource(Questionnaire.class, before);
            QuestionnaireItemComponent trigger = item(cramps, "trigger");
            assertEquals(QuestionnaireItemType.CHOICE, trigger.getType());
            assertTrue(trigger.getRepeats() && trigger.getRequired());
            assertEquals("check-box", itemControl(trigger));
            assertEquals("lifting", trigger.getAnswerOption().get(0).getValueCoding().getCode());
            assertEquals(BASE + "/CodeSystem/cramps", trigger.getAnswerOption().get(0).getValueCoding().getSystem());
            assertEquals("Lifting something heavy", trigger.getAnswerOption().get(0).getValueCoding().getDisplay());
            Questionnaire.QuestionnaireItemAnswerOptionComponent none = trigger.getAnswerOption().stream()
                    .filter(o -> o.getValueCoding().getCode().equals("none")).findFirst().orElseThrow();
            assertTrue(none.hasExtension("http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"),
                    "\"none of these\" stands alone");
            assertEquals(QuestionnaireItemType.BOOLEAN, item(cramps, "rhythmic").getType());

            Questionnaire about = strict().parseResource(Questionnaire.class, staff.get("/staff/questionnaires/about").body());
            QuestionnaireItemComponent pain = item(about, Facts.PAIN_NOW);
            assertEquals("72514-3", pain.getCodeFirstRep().getCode());
            assertEquals("http://loinc.org", pain.getCodeFirstRep().getSystem());
            assertEquals("help", itemControl(pain.getItemFirstRep()), "the help text is a help item");
            QuestionnaireItemComponent weeks = item(about, Facts.PREGNANCY_WEEKS);
            assertEquals("wk", ((org.hl7.fhir.r4.model.Coding) weeks.getExtensionByUrl(
                    "http://hl7.org/fhir/StructureDefinition/questionnaire-unit").getValue()).getCode());
            assertEquals(Questionnaire.QuestionnaireItemOperator.EQUAL, weeks.getEnableWhenFirstRep().getOperator());

            // A condition deeper than enableWhen is said in FHIRPath, and the question is not required.
            boolean anyExpression = false;
            for (String topic : List.of("cramps", "stretching", "sexual-activity", "postpartum", "sleep", "safety", "about")) {
                Questionnaire q = strict().parseResource(Questionnaire.class, staff.get("/staff/questionnaires/" + topic).body());
                for (QuestionnaireItemComponent i : q.getItem()) {
                    if (i.hasExtension(EXPRESSION)) {
                        anyExpression = true;
                        assertFalse(i.getRequired());
                        assertFalse(i.hasEnableWhen());
                        String expression = ((org.hl7.fhir.r4.model.Expression) i.getExtensionByUrl(EXPRESSION).getValue())
                                .getExpression();
                        assertTrue(expression.contains("%resource.repeat(item).where(linkId = '"), expression);
                    }
                }
            }
            assertTrue(anyExpression, "some topic has a deeper condition");
        });
    }

    @Test
    void aResponseIsWhatThePatientSawInTheirLanguageWhateverChangesLater() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            PatientFlowTest.walk(new Browser(server.port()), "es", "Ana",
                    Map.of("fever", "yes", "about/fact.pain-now", "8"), PatientFlowTest.severeCramps());
            CheckIn c = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
            Browser staff = TestKiosk.admin(server.port());

            HttpResponse<String> r = staff.get("/staff/check-ins/" + c.publicId() + "/fhir/cramps");
            assertEquals(200, r.statusCode());
            assertEquals("attachment; filename=\"check-in-" + c.day() + "-1-cramps.json\"",
                    r.headers().firstValue("Content-Disposition").orElse(""));
            String first = r.body();
            QuestionnaireResponse qr = strict().parseResource(QuestionnaireResponse.class, first);
            String canonical = qr.getQuestionnaire();
            check.know(questionnaireOf(staff, canonical));
            check.assertValid(first, "the cramps response");
            assertEquals("es", qr.getLanguage());
            assertFalse(first.contains("Ana"), "no name in the export: the record system links it to its patient");
            assertEquals(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED, qr.getStatus());
            assertEquals(c.topics().stream().filter(t -> t.topicId().equals("cramps")).findFirst().orElseThrow()
                            .answers().stream().map(a -> a.linkId()).toList(),
                    qr.getItem().stream().map(QuestionnaireResponseItemComponent::getLinkId).toList(),
                    "exactly the questions answered, in order");
            LoadedTopic crampsNow = kiosk.app.host().find("cramps").orElseThrow();
            Question trigger = crampsNow.question("trigger").orElseThrow();
            assertEquals(crampsNow.text("es", trigger.textKey()), answer(qr, "trigger").getText(), "the question as seen, in Spanish");
            assertEquals(crampsNow.text("es", trigger.option("lifting").orElseThrow().textKey()),
                    answer(qr, "trigger").getAnswerFirstRep().getValueCoding().getDisplay(), "the option as seen, in Spanish");
            assertEquals(List.of("lifting", "sitting"),
                    answer(qr, "trigger").getAnswer().stream().map(a -> a.getValueCoding().getCode()).toList());

            // The validator is not a rubber stamp: planted mistakes are caught.
            check.assertInvalid(first.replace("\"linkId\" : \"trigger\"", "\"linkId\" : \"no-such-question\""), "unknown question");
            check.assertInvalid(first.replace("\"valueBoolean\" : false", "\"valueInteger\" : 3"), "wrong answer type");
            check.assertInvalid(first.replace("\"code\" : \"lifting\"", "\"code\" : \"juggling\""), "an option not offered");
            check.assertInvalid(first.replace(answer(qr, "trigger").getText(), "Otra pregunta"), "a text not shown");

            // The staff language changes: the export does not.
            kiosk.app.settings().change(Map.of("kiosk.languages", "en,es"), "test");
            assertEquals(first, staff.get("/staff/check-ins/" + c.publicId() + "/fhir/cramps").body());
            kiosk.app.settings().change(Map.of("kiosk.languages", "es,en"), "test");
            assertEquals(first, staff.get("/staff/check-ins/" + c.publicId() + "/fhir/cramps").body());

            // The plugin changes a label: a new Questionnaire version; the old response keeps the old one, and is still valid.
            LoadedTopic upgraded = withText(crampsNow, "0.2.0", trigger.option("lifting").orElseThrow().textKey(),
                    "Lifting a heavy object", "Levantar un objeto pesado");
            String newVersion = kiosk.app.questionnaires().current(upgraded).version();
            assertNotEquals(canonical.substring(canonical.indexOf('|') + 1), newVersion);
            assertTrue(newVersion.startsWith("0.2.0."));
            assertEquals(first, staff.get("/staff/check-ins/" + c.publicId() + "/fhir/cramps").body(),
                    "the stored response is not rewritten with the new labels");
            check.assertValid(first, "the old response, against its own version");
            HttpResponse<String> old = staff.get("/staff/questionnaires/cramps?version="
                    + canonical.substring(canonical.indexOf('|') + 1));
            assertEquals(200, old.statusCode(), "the old version is still served");
            assertTrue(old.body().contains("Lifting something heavy"));
            assertEquals(404, staff.get("/staff/questionnaires/cramps?version=9.9.9.000000000000").statusCode());

            String aboutJson = staff.get("/staff/check-ins/" + c.publicId() + "/fhir/about").body();
            QuestionnaireResponse about = strict().parseResource(QuestionnaireResponse.class, aboutJson);
            check.know(questionnaireOf(staff, about.getQuestionnaire()));
            check.assertValid(aboutJson, "the facts");
            assertEquals(8, answer(about, Facts.PAIN_NOW).getAnswerFirstRep().getValueIntegerType().getValue());
            check.assertInvalid(aboutJson.replace("\"valueInteger\" : 8", "\"valueInteger\" : 11"), "above the scale");

            String safetyJson = staff.get("/staff/check-ins/" + c.publicId() + "/fhir/safety").body();
            QuestionnaireResponse safety = strict().parseResource(QuestionnaireResponse.class, safetyJson);
            check.know(questionnaireOf(staff, safety.getQuestionnaire()));
            check.assertValid(safetyJson, "the safety screen");
            assertTrue(answer(safety, "fever").getAnswerFirstRep().getValueBooleanType().booleanValue());
            assertEquals(AuditAction.EXPORT_FHIR, kiosk.app.audit().latest(1).get(0).action());
            assertEquals(404, staff.get("/staff/check-ins/" + c.publicId() + "/fhir/sleep").statusCode(),
                    "a topic this check-in does not have");
        });
    }

    @Test
    @DisplayName("the pain drawing: region codings of the kiosk's code system in the patient's language, SNOMED CT beside")
    void aPainDrawingIsRegionCodingsWithSnomedCt() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Walker w = new Walker(new Browser(server.port())).answer("about/" + Facts.PAIN_AREAS,
                    "back-left-flank", "front-right-knee", "back-right-low-back");
            assertEquals("/topics", w.answerFrom(w.start("es", "Ana")));
            assertEquals("/review", w.answerFrom(w.choose("sleep")));
            w.send();
            CheckIn c = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
            HttpResponse<String> r = TestKiosk.admin(server.port()).get("/staff/check-ins/" + c.publicId() + "/fhir");
            Bundle bundle = strict().parseResource(Bundle.class, r.body());
            check.knowAll(bundle);
            check.assertValid(r.body(), "the bundle with a pain drawing");

            QuestionnaireResponseItemComponent drawing = resources(bundle, QuestionnaireResponse.class).stream()
                    .flatMap(qr -> qr.getItem().stream()).filter(i -> i.getLinkId().equals(Facts.PAIN_AREAS))
                    .findFirst().orElseThrow();
            assertEquals("¿Dónde tiene dolor?", drawing.getText(), "the question as the patient read it");
            String system = BASE + "/CodeSystem/body-region";
            assertEquals(List.of("front-right-knee", "back-right-low-back", "back-left-flank"), drawing.getAnswer().stream()
                    .map(a -> a.getValueCoding().getCode()).toList(), "the map's order");
            assertTrue(drawing.getAnswer().stream().allMatch(a -> a.getValueCoding().getSystem().equals(system)));
            assertEquals("Parte delantera de la rodilla, derecha",
                    drawing.getAnswer().get(0).getValueCoding().getDisplay());
            String ext = "https://physio-kiosk.org/fhir/StructureDefinition/body-structure";
            org.hl7.fhir.r4.model.Coding knee = (org.hl7.fhir.r4.model.Coding) drawing.getAnswer().get(0)
                    .getExtensionByUrl(ext).getValue();
            assertEquals("http://snomed.info/sct", knee.getSystem());
            assertEquals("6757004", knee.getCode(), "right knee region");
            assertEquals("37822005", ((org.hl7.fhir.r4.model.Coding) drawing.getAnswer().get(1).getExtensionByUrl(ext)
                    .getValue()).getCode(), "lower back");
            assertEquals(null, drawing.getAnswer().get(2).getExtensionByUrl(ext), "no SNOMED CT concept checked for a flank");

            CodeSystem regions = resources(bundle, CodeSystem.class).stream().filter(cs -> cs.getUrl().equals(system))
                    .findFirst().orElseThrow();
            assertEquals(74, regions.getConcept().size());
            CodeSystem.ConceptDefinitionComponent leftKnee = regions.getConcept().stream()
                    .filter(cc -> cc.getCode().equals("front-left-knee")).findFirst().orElseThrow();
            assertEquals("Front of the knee, left", leftKnee.getDisplay(), "the patient's left, as records say it");
            assertEquals("82169009", ((org.hl7.fhir.r4.model.Coding) leftKnee.getPropertyFirstRep().getValue()).getCode());
            Questionnaire about = resources(bundle, Questionnaire.class).stream()
                    .filter(q -> q.getUrl().endsWith("/Questionnaire/about")).findFirst().orElseThrow();
            QuestionnaireItemComponent asked = about.getItem().stream()
                    .filter(i -> i.getLinkId().equals(Facts.PAIN_AREAS)).findFirst().orElseThrow();
            assertEquals(QuestionnaireItemType.CHOICE, asked.getType());
            assertTrue(asked.getRepeats());
            assertEquals(74, asked.getAnswerOption().size(), "every region an option");
        });
    }

    @Test
    void aCheckInIsOneBundleWithItsQuestionnairesFindingsAndPainScore() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            PatientFlowTest.walk(new Browser(server.port()), "en", "Ana",
                    Map.of("fever", "yes", "about/fact.pain-now", "7"), PatientFlowTest.severeCramps());
            CheckIn c = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
            Browser staff = TestKiosk.admin(server.port());
            HttpResponse<String> r = staff.get("/staff/check-ins/" + c.publicId() + "/fhir");
            assertEquals(200, r.statusCode());
            Bundle bundle = strict().parseResource(Bundle.class, r.body());
            assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
            assertEquals(c.day() + "-" + c.number(), bundle.getIdentifier().getValue());
            check.knowAll(bundle);
            check.assertValid(r.body(), "the bundle");

            List<QuestionnaireResponse> responses = resources(bundle, QuestionnaireResponse.class);
            assertEquals(c.topics().stream().map(t -> t.topicId()).toList(), responses.stream()
                    .map(q -> q.getQuestionnaire().substring(BASE.length() + "/Questionnaire/".length(),
                            q.getQuestionnaire().indexOf('|'))).toList(), "safety, facts and each topic");
            for (QuestionnaireResponse qr : responses) {
                assertTrue(resources(bundle, Questionnaire.class).stream()
                        .anyMatch(q -> (q.getUrl() + "|" + q.getVersion()).equals(qr.getQuestionnaire())), "its exact version");
                assertEquals(c.publicId(), qr.getSubject().getIdentifier().getValue());
            }
            List<Flag> flags = resources(bundle, Flag.class);
            assertEquals(c.findings().stream().filter(f -> f.severity() == com.physiokiosk.api.Severity.URGENT).count(),
                    flags.size(), "each urgent finding is a Flag");
            assertFalse(flags.isEmpty());
            assertEquals(c.findings().size() - flags.size(), resources(bundle, RiskAssessment.class).size());
            List<Observation> observations = resources(bundle, Observation.class);
            assertEquals(1, observations.size());
            assertEquals("72514-3", observations.get(0).getCode().getCodingFirstRep().getCode());
            assertEquals(7, observations.get(0).getValueIntegerType().getValue());
            assertEquals(1, resources(bundle, org.hl7.fhir.r4.model.Device.class).size());
            assertTrue(resources(bundle, CodeSystem.class).stream().anyMatch(cs -> cs.getUrl().equals(BASE + "/CodeSystem/cramps")));
            assertFalse(r.body().contains("Ana"));
            // The same bundle in XML.
            HttpResponse<String> xml = staff.get("/staff/check-ins/" + c.publicId() + "/fhir?_format=xml");
            assertTrue(xml.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+xml"));
            Bundle fromXml = FHIR.newXmlParser().setParserErrorHandler(new StrictErrorHandler()).parseResource(Bundle.class, xml.body());
            assertEquals(bundle.getEntry().size(), fromXml.getEntry().size());
        });
    }

    @Test
    void aCheckInStoredBeforeVersionsWereKeptIsExportedFromItsStoredTexts() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            // As stored by an earlier kiosk: texts in the staff language of that day, no Questionnaire version.
            CheckIn old = kiosk.app.checkIns().insert(LocalDate.now(), java.time.Instant.now(), "es", "Ana", List.of(
                    new com.physiokiosk.engine.checkin.TopicResponse("cramps", "cramps", "0.0.9", "Back cramps", List.of(
                            new com.physiokiosk.engine.checkin.StoredAnswer("trigger", com.physiokiosk.api.QuestionType.MULTI_CHOICE,
                                    "What do you think set the cramps off?", List.of("lifting"), "Lifting something heavy"),
                            new com.physiokiosk.engine.checkin.StoredAnswer("rhythmic", com.physiokiosk.api.QuestionType.YES_NO,
                                    "Do the cramps come and go?", List.of("no"), "No")), List.of())));
            Browser staff = TestKiosk.admin(server.port());
            String json = staff.get("/staff/check-ins/" + old.publicId() + "/fhir/cramps").body();
            QuestionnaireResponse qr = strict().parseResource(QuestionnaireResponse.class, json);
            check.assertValid(json, "an old response");
            assertFalse(qr.hasQuestionnaire(), "no version to point to");
            assertFalse(qr.hasLanguage(), "its texts are in the staff language of that day, which was not kept");
            assertEquals("What do you think set the cramps off?", answer(qr, "trigger").getText());
            assertEquals("Lifting something heavy", answer(qr, "trigger").getAnswerFirstRep().getValueCoding().getDisplay());
            String bundle = staff.get("/staff/check-ins/" + old.publicId() + "/fhir").body();
            check.assertValid(bundle, "an old check-in's Bundle");
        });
    }

    private static final String EXPRESSION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";

    private com.physiokiosk.api.Condition conditionOf(String topic, String linkId) {
        LoadedTopic t = topic.equals("safety") ? kiosk.app.host().safety()
                : topic.equals("about") ? kiosk.app.host().about() : kiosk.app.host().find(topic).orElseThrow();
        return t.question(linkId).map(Question::enableWhen).orElse(com.physiokiosk.api.Condition.always());
    }

    private Questionnaire questionnaireOf(Browser staff, String canonical) throws Exception {
        String topic = canonical.substring(BASE.length() + "/Questionnaire/".length(), canonical.indexOf('|'));
        String version = canonical.substring(canonical.indexOf('|') + 1);
        HttpResponse<String> r = staff.get("/staff/questionnaires/" + topic + "?version=" + version);
        assertEquals(200, r.statusCode(), canonical);
        return strict().parseResource(Questionnaire.class, r.body());
    }

    /** {@code topic} as a later plugin version would load it, with one text changed. */
    private static LoadedTopic withText(LoadedTopic topic, String version, String key, String en, String es) {
        Map<String, Map<String, String>> texts = new HashMap<>();
        for (String language : topic.messages().languages()) {
            Map<String, String> t = new HashMap<>();
            for (String k : topic.messages().keys(language)) {
                t.put(k, topic.messages().find(language, k).orElseThrow());
            }
            texts.put(language, t);
        }
        texts.get("en").put(key, en);
        texts.get("es").put(key, es);
        return new LoadedTopic(topic.pluginId(), version, topic.info(), topic.questions(), topic.rules(),
                MessageBundle.of(topic.messages().owner(), texts), topic.classLoader(), topic.templates());
    }

    private static String translation(org.hl7.fhir.r4.model.PrimitiveType<?> element, String language) {
        for (Extension e : element.getExtensionsByUrl("http://hl7.org/fhir/StructureDefinition/translation")) {
            if (language.equals(e.getExtensionByUrl("lang").getValue().primitiveValue())) {
                return ((StringType) e.getExtensionByUrl("content").getValue()).getValue();
            }
        }
        return null;
    }

    private static String itemControl(QuestionnaireItemComponent item) {
        Extension e = item.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl");
        return e == null ? null : ((org.hl7.fhir.r4.model.CodeableConcept) e.getValue()).getCodingFirstRep().getCode();
    }

    static <T extends org.hl7.fhir.r4.model.Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private static QuestionnaireItemComponent item(Questionnaire q, String linkId) {
        return q.getItem().stream().filter(i -> i.getLinkId().equals(linkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + linkId));
    }

    private static QuestionnaireResponseItemComponent answer(QuestionnaireResponse qr, String linkId) {
        return qr.getItem().stream().filter(i -> i.getLinkId().equals(linkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer " + linkId));
    }

}
