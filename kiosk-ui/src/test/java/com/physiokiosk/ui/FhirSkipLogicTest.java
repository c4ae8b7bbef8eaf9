package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.fhir.CheckInExport;
import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.Conditions;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Expression;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The skip logic a Questionnaire exports says exactly what the kiosk tests: every {@code enableWhenExpression},
 * evaluated by HAPI FHIR's FHIRPath engine on the exported response, agrees with the kiosk's own condition on
 * the same answers, for hundreds of random answer sets per topic.
 */
@DisplayName("FHIR skip logic agrees with the kiosk's")
class FhirSkipLogicTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final String EXPRESSION = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression";

    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.start();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    void everyExpressionMeansTheKiosksCondition() {
        CheckInExport export = new CheckInExport(new ObjectMapper(), kiosk.app.questionnaires(), "test", "test-kiosk");
        IFhirPath fhirPath = FHIR.newFhirPath();
        Random random = new Random(20261129);
        List<LoadedTopic> topics = new ArrayList<>(kiosk.app.host().topics());
        topics.add(kiosk.app.host().safety());
        topics.add(kiosk.app.host().about());
        int compared = 0;
        int enabled = 0;
        for (LoadedTopic topic : topics) {
            String version = kiosk.app.questionnaires().keep(topic);
            Questionnaire q = FHIR.newJsonParser().parseResource(Questionnaire.class,
                    kiosk.app.questionnaires().find(topic.id(), version).orElseThrow().content());
            for (int round = 0; round < 300; round++) {
                Map<String, List<String>> given = randomAnswers(topic, random);
                List<StoredAnswer> stored = new ArrayList<>();
                given.forEach((linkId, values) -> stored.add(new StoredAnswer(linkId,
                        topic.question(linkId).orElseThrow().type(), "", values, String.join(", ", values))));
                CheckIn checkIn = new CheckIn("0123456789abcdef0123456789abcdef", LocalDate.now(), 1, Instant.now(), "en",
                        null, false, null, List.of(new TopicResponse(topic.id(), topic.pluginId(), topic.pluginVersion(),
                        topic.id(), stored, List.of(), true, false, version)), true, Instant.now());
                String json = export.response(checkIn, checkIn.topics().get(0)).toString();
                QuestionnaireResponse qr = FHIR.newJsonParser().parseResource(QuestionnaireResponse.class, json);
                Answers answers = Answers.of(given);
                for (Questionnaire.QuestionnaireItemComponent item : q.getItem()) {
                    if (item.hasEnableWhen()) {
                        Condition condition = topic.question(item.getLinkId()).orElseThrow().enableWhen();
                        assertEquals(Conditions.test(condition, answers), enableWhen(item, qr),
                                () -> topic.id() + "/" + item.getLinkId() + " (enableWhen) on " + given);
                        compared++;
                        continue;
                    }
                    if (!item.hasExtension(EXPRESSION)) {
                        continue;
                    }
                    String expression = ((Expression) item.getExtensionByUrl(EXPRESSION).getValue()).getExpression();
                    List<BooleanType> result = fhirPath.evaluate(qr, expression.replace("%resource", "%context"), BooleanType.class);
                    boolean fhir = result.size() == 1 && result.get(0).booleanValue();
                    Condition condition = topic.question(item.getLinkId()).orElseThrow().enableWhen();
                    boolean kioskSays = Conditions.test(condition, answers);
                    assertEquals(kioskSays, fhir, () -> topic.id() + "/" + item.getLinkId() + " on " + given + ": " + expression);
                    assertEquals(1, result.size(), "always true or false, never empty");
                    compared++;
                    enabled += kioskSays ? 1 : 0;
                }
            }
        }
        assertTrue(compared > 0, "some topic has an expression");
        assertTrue(enabled > 0 && enabled < compared, "both outcomes were met: " + enabled + " of " + compared);
    }

    /** What FHIR's enableWhen says for {@code item} on {@code qr}, as R4 defines it (any answer matching). */
    private static boolean enableWhen(Questionnaire.QuestionnaireItemComponent item, QuestionnaireResponse qr) {
        List<Boolean> results = new ArrayList<>();
        for (Questionnaire.QuestionnaireItemEnableWhenComponent ew : item.getEnableWhen()) {
            List<QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent> answers = qr.getItem().stream()
                    .filter(i -> i.getLinkId().equals(ew.getQuestion())).flatMap(i -> i.getAnswer().stream()).toList();
            boolean result = switch (ew.getOperator()) {
                case EXISTS -> answers.isEmpty() != ew.getAnswerBooleanType().booleanValue();
                case EQUAL -> answers.stream().anyMatch(a -> ew.hasAnswerCoding()
                        ? a.hasValueCoding() && a.getValueCoding().getSystem().equals(ew.getAnswerCoding().getSystem())
                                && a.getValueCoding().getCode().equals(ew.getAnswerCoding().getCode())
                        : a.getValue().equalsDeep(ew.getAnswer()));
                case GREATER_OR_EQUAL -> answers.stream().anyMatch(a -> a.getValueIntegerType().getValue()
                        >= ew.getAnswerIntegerType().getValue());
                case LESS_OR_EQUAL -> answers.stream().anyMatch(a -> a.getValueIntegerType().getValue()
                        <= ew.getAnswerIntegerType().getValue());
                default -> throw new AssertionError("operator the kiosk does not export: " + ew.getOperator());
            };
            results.add(result);
        }
        return item.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ANY
                ? results.contains(true) : !results.contains(false);
    }

    /** Answers to a random part of the topic's questions, each a legal answer. */
    private static Map<String, List<String>> randomAnswers(LoadedTopic topic, Random random) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Question q : topic.questions()) {
            if (!q.type().isAnswerable() || random.nextInt(5) == 0) {
                continue;
            }
            List<String> values = switch (q.type()) {
                case YES_NO -> List.of(random.nextBoolean() ? "yes" : "no");
                case SINGLE_CHOICE -> List.of(q.options().get(random.nextInt(q.options().size())).code());
                case MULTI_CHOICE -> {
                    List<String> chosen = new ArrayList<>();
                    for (AnswerOption o : q.options()) {
                        if (random.nextInt(3) == 0) {
                            chosen.add(o.code());
                        }
                    }
                    yield chosen.isEmpty() ? List.of(q.options().get(0).code()) : chosen;
                }
                case SCALE_0_10, NUMBER -> List.of(Integer.toString(q.min() + random.nextInt(q.max() - q.min() + 1)));
                case SHORT_TEXT -> List.of("text");
                case INFO -> List.of();
                case BODY_AREAS -> {
                    List<String> marked = new ArrayList<>();
                    for (String region : com.physiokiosk.api.BodyAreas.REGIONS) {
                        if (random.nextInt(12) == 0) {
                            marked.add(region);
                        }
                    }
                    yield marked.isEmpty() ? List.of(com.physiokiosk.api.BodyAreas.REGIONS.get(0)) : marked;
                }
            };
            out.put(q.linkId(), values);
        }
        return out;
    }
}
