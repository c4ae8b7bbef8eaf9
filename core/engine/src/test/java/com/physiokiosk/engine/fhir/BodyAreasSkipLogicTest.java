package com.physiokiosk.engine.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.api.BodyAreas;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Skip logic on a body map, in FHIR: the region's coding of the body region code system")
class BodyAreasSkipLogicTest {

    private static final String BASE = "https://clinic.example/fhir";

    @Test
    @DisplayName("a question asked when a region is marked: enableWhen on its coding; a group of regions in FHIRPath")
    void regionsAreCodings() {
        LoadedTopic about = AboutYou.load();
        List<Question> questions = new ArrayList<>(about.questions());
        questions.add(Question.yesNo("calf-cramp", "about.first-episode")
                .withEnableWhen(Condition.equals(com.physiokiosk.api.Facts.PAIN_AREAS, "back-left-calf")));
        LoadedTopic topic = new LoadedTopic(about.pluginId(), about.pluginVersion(), about.info(), questions,
                about.rules(), about.messages(), about.classLoader(), null);
        ObjectMapper json = new ObjectMapper();
        CodeSystems codes = new CodeSystems(json, BASE);

        List<ObjectNode> simple = EnableWhen.simple(json, topic, Condition.equals(com.physiokiosk.api.Facts.PAIN_AREAS,
                "back-left-calf"), codes).orElseThrow();
        assertEquals(1, simple.size());
        ObjectNode coding = (ObjectNode) simple.get(0).get("answerCoding");
        assertEquals(BASE + "/CodeSystem/body-region", coding.get("system").asText());
        assertEquals("back-left-calf", coding.get("code").asText());
        assertEquals(CodeSystems.BODY_VERSION, coding.get("version").asText());

        String path = EnableWhen.fhirPath(topic, BodyAreas.inLowBack(com.physiokiosk.api.Facts.PAIN_AREAS), codes);
        assertEquals(6, path.split(" or ").length, "one test a region of the low back: " + path);
        assertEquals(true, path.contains("system = '" + BASE + "/CodeSystem/body-region' and code = 'back-left-buttock'"),
                path);
    }
}
