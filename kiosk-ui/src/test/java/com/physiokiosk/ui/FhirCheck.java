package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * HAPI FHIR's R4 validator with the kiosk's Questionnaires and code systems known by {@code url|version}, as a
 * record system that imported them would have them: each response is checked against the exact version it names.
 *
 * <p>One gap of the validator is closed by hand: it compares a response item's {@code text} with the
 * Questionnaire item's base text only, ignoring the {@code translation} extension, so every response given in a
 * language other than the base one would fail. Those messages are accepted only when this class itself finds the
 * text equal to the Questionnaire's text in the response's {@code language}: a text the patient did not see still
 * fails.
 */
final class FhirCheck {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";
    /** The validator's message id for an item text unlike the Questionnaire's. */
    private static final String ITEM_TEXT = "Questionnaire_QR_Item_Text";

    private final Map<String, IBaseResource> known = new ConcurrentHashMap<>();
    private final FhirValidator validator;

    FhirCheck() {
        IValidationSupport ours = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return FHIR;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends IBaseResource> T fetchResource(Class<T> type, String uri) {
                IBaseResource r = uri == null ? null : known.get(uri);
                return r != null && (type == null || type.isInstance(r)) ? (T) r : null;
            }

            @Override
            public IBaseResource fetchCodeSystem(String system) {
                IBaseResource r = system == null ? null : known.get(system);
                return r instanceof CodeSystem ? r : null;
            }

            @Override
            public boolean isCodeSystemSupported(ca.uhn.fhir.context.support.ValidationSupportContext context, String system) {
                return fetchCodeSystem(system) != null;
            }
        };
        ValidationSupportChain chain = new ValidationSupportChain(ours, new DefaultProfileValidationSupport(FHIR),
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR));
        FhirInstanceValidator instance = new FhirInstanceValidator(chain);
        // The SDC profiles the resources claim are not in this offline validator (the SDC guide is not on Maven
        // Central): it says so as a warning and checks them against R4 itself.
        instance.setErrorForUnknownProfiles(false);
        validator = FHIR.newValidator().registerValidatorModule(instance);
    }

    /** Makes {@code resource} (a Questionnaire or CodeSystem) known by its url and url|version. */
    void know(Resource resource) {
        String url;
        String version;
        if (resource instanceof Questionnaire q) {
            url = q.getUrl();
            version = q.getVersion();
        } else if (resource instanceof CodeSystem cs) {
            url = cs.getUrl();
            version = cs.getVersion();
        } else {
            return;
        }
        known.put(url + "|" + version, resource);
        known.putIfAbsent(url, resource);
    }

    /** Makes every Questionnaire and CodeSystem in {@code bundle} known. */
    void knowAll(Bundle bundle) {
        bundle.getEntry().forEach(e -> know(e.getResource()));
    }

    void assertValid(String resource, String what) {
        List<String> errors = errors(resource);
        assertTrue(errors.isEmpty(), () -> what + ": R4 validation errors: " + errors);
    }

    void assertInvalid(String resource, String mistake) {
        assertFalse(errors(resource).isEmpty(), "the validator catches " + mistake);
    }

    /** Errors only: warnings (a LOINC code this offline validator cannot look up) are not failures. */
    List<String> errors(String resource) {
        List<String> out = new ArrayList<>();
        boolean textsChecked = false;
        List<String> textProblems = null;
        for (SingleValidationMessage m : validator.validateWithResult(resource).getMessages()) {
            if (m.getSeverity() != ResultSeverityEnum.ERROR && m.getSeverity() != ResultSeverityEnum.FATAL) {
                continue;
            }
            if (ITEM_TEXT.equals(m.getMessageId())) {
                if (!textsChecked) {
                    textProblems = translatedTexts(resource);
                    textsChecked = true;
                    out.addAll(textProblems);
                }
                continue;
            }
            out.add(m.getLocationString() + ": " + m.getMessage());
        }
        return out;
    }

    /** Problems with the item texts of every response in {@code resource}, in its language. */
    private List<String> translatedTexts(String resource) {
        IBaseResource parsed = FHIR.newJsonParser().parseResource(resource);
        List<QuestionnaireResponse> responses = new ArrayList<>();
        collect(parsed, responses);
        List<String> problems = new ArrayList<>();
        for (QuestionnaireResponse qr : responses) {
            IBaseResource q = known.get(qr.getQuestionnaire());
            if (!(q instanceof Questionnaire questionnaire)) {
                problems.add("no Questionnaire " + qr.getQuestionnaire());
                continue;
            }
            checkTexts(qr.getItem(), questionnaire, qr.getLanguage(), problems);
        }
        if (problems.isEmpty() && responses.isEmpty()) {
            problems.add("an item text differs from its Questionnaire's");
        }
        return problems;
    }

    /** Every response in {@code resource}, in bundles within bundles too. */
    private static void collect(IBaseResource resource, List<QuestionnaireResponse> out) {
        if (resource instanceof QuestionnaireResponse qr) {
            out.add(qr);
        } else if (resource instanceof Bundle b) {
            b.getEntry().forEach(e -> collect(e.getResource(), out));
        }
    }

    private static void checkTexts(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items,
                                   Questionnaire q, String language, List<String> problems) {
        for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : items) {
            Questionnaire.QuestionnaireItemComponent qItem = find(q.getItem(), item.getLinkId());
            if (qItem == null) {
                problems.add(item.getLinkId() + ": not in the Questionnaire");
                continue;
            }
            String expected = textIn(qItem.getTextElement(), language);
            if (item.hasText() && !item.getText().equals(expected)) {
                problems.add(item.getLinkId() + ": text '" + item.getText() + "' is not the Questionnaire's in "
                        + language + " ('" + expected + "')");
            }
            checkTexts(item.getItem(), q, language, problems);
        }
    }

    private static Questionnaire.QuestionnaireItemComponent find(List<Questionnaire.QuestionnaireItemComponent> items,
                                                                  String linkId) {
        for (Questionnaire.QuestionnaireItemComponent i : items) {
            if (i.getLinkId().equals(linkId)) {
                return i;
            }
            Questionnaire.QuestionnaireItemComponent inside = find(i.getItem(), linkId);
            if (inside != null) {
                return inside;
            }
        }
        return null;
    }

    static String textIn(StringType element, String language) {
        for (Extension e : element.getExtensionsByUrl(TRANSLATION)) {
            if (language != null && language.equals(e.getExtensionByUrl("lang").getValue().primitiveValue())) {
                return e.getExtensionByUrl("content").getValue().primitiveValue();
            }
        }
        return element.getValue();
    }
}
