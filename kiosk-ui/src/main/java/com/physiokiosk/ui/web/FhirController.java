package com.physiokiosk.ui.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.plugins.TopicHost;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.fhir.FhirExport;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * FHIR R4 downloads for a clinic's record system: a topic's {@code Questionnaire}, and a
 * check-in's {@code QuestionnaireResponse} for one of its topics.
 */
public final class FhirController {

    /** What a topic id looks like (see {@code TopicInfo}); anything else is a malformed address. */
    private static final Pattern TOPIC_ID = com.physiokiosk.api.TopicInfo.ID;

    private final TopicHost host;
    private final CheckInRepository checkIns;
    private final AuditLog audit;
    private final StaffPages pages;
    private final FhirExport export;
    private final ObjectMapper json;

    public FhirController(TopicHost host, CheckInRepository checkIns, AuditLog audit, StaffPages pages,
                          ObjectMapper json) {
        this.host = host;
        this.checkIns = checkIns;
        this.audit = audit;
        this.pages = pages;
        this.json = json;
        this.export = new FhirExport(json);
    }

    /** {@code /staff/questionnaires/{topic}}: the questions of a topic available now. */
    public void questionnaire(Context ctx) {
        String topicId = topicId(ctx);
        LoadedTopic topic = topic(topicId).orElseThrow(() -> new NotFoundResponse("no-such-topic"));
        send(ctx, export.questionnaire(topic, pages.texts().language()), "Questionnaire-" + topicId);
    }

    /** {@code /staff/check-ins/{id}/fhir/{topic}}: what the patient answered to that topic. */
    public void response(Context ctx) {
        CheckIn checkIn = CheckInsController.requireCheckIn(ctx, checkIns);
        String topicId = topicId(ctx);
        TopicResponse answered = checkIn.topics().stream().filter(t -> t.topicId().equals(topicId)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("topic-not-in-check-in"));
        audit.record(pages.user(ctx).username(), AuditAction.EXPORT_FHIR, checkIn.publicId(), topicId);
        send(ctx, export.response(checkIn, answered, topic(topicId), pages.texts().language()),
                CheckInsController.fileName(checkIn) + "-" + topicId);
    }

    private Optional<LoadedTopic> topic(String topicId) {
        if (topicId.equals(host.safety().id())) {
            return Optional.of(host.safety());
        }
        return topicId.equals(host.about().id()) ? Optional.of(host.about()) : host.find(topicId);
    }

    private static String topicId(Context ctx) {
        String id = ctx.pathParam("topic");
        if (!TOPIC_ID.matcher(id).matches()) {
            throw new BadRequestResponse("malformed-topic-id");
        }
        return id;
    }

    private void send(Context ctx, ObjectNode resource, String fileName) {
        try {
            ctx.contentType("application/fhir+json; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + ".json\"");
            ctx.result(json.writerWithDefaultPrettyPrinter().writeValueAsString(resource));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("FHIR resource not serialisable", e);
        }
    }
}
