package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.api.Facts;
import com.physiokiosk.engine.safety.SafetyScreen;
import com.physiokiosk.engine.audit.AuditAction;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The FHIR exports parse as R4 resources with HAPI FHIR's strict parser and pass its R4 validator
 * (offline: the R4 definitions ship in a jar), each response checked against its Questionnaire.
 */
@DisplayName("FHIR R4 export")
class FhirExportTest {

    private static final FhirContext FHIR = FhirContext.forR4();
    /** Questionnaires the validator may look up by canonical URL, as a clinic's system would have imported them. */
    private static final Map<String, Questionnaire> KNOWN = new ConcurrentHashMap<>();
    private static final FhirValidator VALIDATOR = validator();

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    private static IParser strict() {
        return FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    @Test
    void eachTopicIsAValidQuestionnaireWithTypesRequiredAndSkipLogic() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser staff = TestKiosk.admin(server.port());
            HttpResponse<String> r = staff.get("/staff/questionnaires/cramps");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
            Questionnaire q = strict().parseResource(Questionnaire.class, r.body());
            assertNoErrors(r.body());
            assertFalse(errors(r.body().replace("\"type\" : \"boolean\"", "\"type\" : \"yes-no\"")).isEmpty(),
                    "the validator is not a rubber stamp");

            assertEquals("urn:physio-kiosk:questionnaire:cramps", q.getUrl());
            assertEquals("0.1.0-SNAPSHOT", q.getVersion());
            assertEquals(Enumerations.PublicationStatus.ACTIVE, q.getStatus());
            assertEquals(kiosk.app.host().find("cramps").orElseThrow().questions().stream()
                    .map(com.physiokiosk.api.Question::linkId).toList(),
                    q.getItem().stream().map(QuestionnaireItemComponent::getLinkId).toList(), "every question, in order");
            assertEquals(QuestionnaireItemType.DISPLAY, item(q, "intro").getType());
            QuestionnaireItemComponent trigger = item(q, "trigger");
            assertEquals(QuestionnaireItemType.CHOICE, trigger.getType());
            assertTrue(trigger.getRepeats() && trigger.getRequired());
            assertEquals("lifting", trigger.getAnswerOption().get(0).getValueCoding().getCode());
            assertEquals("Lifting something heavy", trigger.getAnswerOption().get(0).getValueCoding().getDisplay());
            assertEquals(QuestionnaireItemType.BOOLEAN, item(q, "rhythmic").getType());
            // Asked unless the shared facts say pregnant: a condition on another section is left out.
            assertTrue(item(q, "period-link").getEnableWhen().isEmpty());

            String safetyJson = staff.get("/staff/questionnaires/safety").body();
            Questionnaire safety = strict().parseResource(Questionnaire.class, safetyJson);
            assertNoErrors(safetyJson);
            assertEquals(kiosk.app.host().safety().questions().stream().map(com.physiokiosk.api.Question::linkId)
                    .toList(), safety.getItem().stream().map(QuestionnaireItemComponent::getLinkId).toList());
            QuestionnaireItemComponent thinBones = item(safety, SafetyScreen.THIN_BONES);
            assertEquals("minor-fall", thinBones.getEnableWhenFirstRep().getQuestion());
            assertTrue(thinBones.getEnableWhenFirstRep().getAnswerBooleanType().booleanValue());

            String aboutJson = staff.get("/staff/questionnaires/about").body();
            Questionnaire about = strict().parseResource(Questionnaire.class, aboutJson);
            assertNoErrors(aboutJson);
            QuestionnaireItemComponent pain = item(about, Facts.PAIN_NOW);
            assertEquals(QuestionnaireItemType.INTEGER, pain.getType());
            assertEquals("10", pain.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/maxValue")
                    .getValue().primitiveValue());
            QuestionnaireItemComponent weeks = item(about, Facts.PREGNANCY_WEEKS);
            assertEquals("pregnant", weeks.getEnableWhenFirstRep().getAnswerCoding().getCode());
            assertEquals(Questionnaire.QuestionnaireItemOperator.EQUAL, weeks.getEnableWhenFirstRep().getOperator());
        });
    }

    @Test
    void eachTopicOfACheckInIsAValidQuestionnaireResponseWithTypedAnswers() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            PatientFlowTest.walk(new Browser(server.port()), "en", "Ana",
                    Map.of("fever", "yes", "about/fact.pain-now", "8"), PatientFlowTest.severeCramps());
            CheckIn c = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
            Browser staff = TestKiosk.admin(server.port());
            for (String topic : List.of("cramps", "safety", "about")) {
                Questionnaire q = strict().parseResource(Questionnaire.class, staff.get("/staff/questionnaires/" + topic).body());
                KNOWN.put(q.getUrl(), q);
            }

            HttpResponse<String> r = staff.get("/staff/check-ins/" + c.publicId() + "/fhir/cramps");
            assertEquals(200, r.statusCode());
            assertEquals("attachment; filename=\"check-in-" + c.day() + "-1-cramps.json\"",
                    r.headers().firstValue("Content-Disposition").orElse(""));
            QuestionnaireResponse qr = strict().parseResource(QuestionnaireResponse.class, r.body());
            assertNoErrors(r.body());
            assertFalse(errors(r.body().replace("\"linkId\" : \"trigger\"", "\"linkId\" : \"no-such-question\"")).isEmpty(),
                    "the validator really checks a response against its Questionnaire");
            assertFalse(errors(r.body().replace("\"valueBoolean\" : false", "\"valueInteger\" : 3")).isEmpty(),
                    "...down to the type of each answer");
            assertFalse(r.body().contains("Ana"), "no name in the export: the record system links it to its patient");

            assertEquals("urn:physio-kiosk:questionnaire:cramps|0.1.0-SNAPSHOT", qr.getQuestionnaire());
            assertEquals(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED, qr.getStatus());
            assertEquals(c.publicId() + "/cramps", qr.getIdentifier().getValue());
            assertEquals(c.topics().get(2).answers().stream().map(a -> a.linkId()).toList(),
                    qr.getItem().stream().map(QuestionnaireResponseItemComponent::getLinkId).toList(),
                    "exactly the questions answered, in order");
            List<String> triggers = answer(qr, "trigger").getAnswer().stream().map(a -> a.getValueCoding().getCode()).toList();
            assertEquals(List.of("lifting", "sitting"), triggers);
            assertFalse(answer(qr, "rhythmic").getAnswerFirstRep().getValueBooleanType().booleanValue());

            String aboutJson = staff.get("/staff/check-ins/" + c.publicId() + "/fhir/about").body();
            QuestionnaireResponse about = strict().parseResource(QuestionnaireResponse.class, aboutJson);
            assertNoErrors(aboutJson);
            assertEquals(8, answer(about, Facts.PAIN_NOW).getAnswerFirstRep().getValueIntegerType().getValue());
            assertFalse(errors(aboutJson.replace("\"valueInteger\" : 8", "\"valueInteger\" : 11")).isEmpty(),
                    "...down to the maximum of the pain scale");
            assertFalse(qr.getItem().stream().anyMatch(i -> i.getLinkId().equals(Facts.PREGNANCY_WEEKS)),
                    "skipped: not there");

            String safetyJson = staff.get("/staff/check-ins/" + c.publicId() + "/fhir/safety").body();
            QuestionnaireResponse safety = strict().parseResource(QuestionnaireResponse.class, safetyJson);
            assertNoErrors(safetyJson);
            assertTrue(answer(safety, "fever").getAnswerFirstRep().getValueBooleanType().booleanValue());
            assertEquals(AuditAction.EXPORT_FHIR, kiosk.app.audit().latest(1).get(0).action());
            assertEquals("safety", kiosk.app.audit().latest(1).get(0).detail());
            assertEquals(404, staff.get("/staff/check-ins/" + c.publicId() + "/fhir/sleep").statusCode(),
                    "a topic this check-in does not have");
        });
    }

    private static QuestionnaireItemComponent item(Questionnaire q, String linkId) {
        return q.getItem().stream().filter(i -> i.getLinkId().equals(linkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + linkId));
    }

    private static QuestionnaireResponseItemComponent answer(QuestionnaireResponse qr, String linkId) {
        return qr.getItem().stream().filter(i -> i.getLinkId().equals(linkId)).findFirst()
                .orElseThrow(() -> new AssertionError("no answer " + linkId));
    }

    private static void assertNoErrors(String json) {
        List<SingleValidationMessage> errors = errors(json);
        assertTrue(errors.isEmpty(), () -> "R4 validation errors: " + errors.stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList());
    }

    /** Errors only: the validator also warns that a resource has no narrative (dom-6), a best-practice hint. */
    private static List<SingleValidationMessage> errors(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    private static FhirValidator validator() {
        IValidationSupport questionnaires = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return FHIR;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
                if (uri == null || (type != null && !type.isAssignableFrom(Questionnaire.class))) {
                    return null;
                }
                int bar = uri.indexOf('|');
                return (T) KNOWN.get(bar < 0 ? uri : uri.substring(0, bar));
            }
        };
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR),
                questionnaires);
        return FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }
}
