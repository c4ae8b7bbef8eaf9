package com.physiokiosk.ui.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.fhir.CheckInExport;
import com.physiokiosk.engine.fhir.QuestionnaireArchive;
import com.physiokiosk.engine.plugins.TopicHost;
import com.physiokiosk.engine.topic.LoadedTopic;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * FHIR R4 downloads for staff: a topic's {@code Questionnaire} (as offered now, or any kept version), a
 * check-in's {@code QuestionnaireResponse} for one of its sections, and the whole check-in as a {@code Bundle}.
 * JSON unless {@code _format=xml}. The record system's own way in is the read API ({@link FhirApiController}).
 */
public final class FhirController {

    /** What a topic id looks like (see {@code TopicInfo}); anything else is a malformed address. */
    private static final Pattern TOPIC_ID = com.physiokiosk.api.TopicInfo.ID;
    /** What a Questionnaire version looks like: a plugin version and a content hash. */
    static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,80}");

    private final TopicHost host;
    private final CheckInRepository checkIns;
    private final AuditLog audit;
    private final StaffPages pages;
    private final QuestionnaireArchive archive;
    private final CheckInExport export;
    private final FhirFormat format;

    public FhirController(TopicHost host, CheckInRepository checkIns, AuditLog audit, StaffPages pages,
                          QuestionnaireArchive archive, CheckInExport export, FhirFormat format) {
        this.host = host;
        this.checkIns = checkIns;
        this.audit = audit;
        this.pages = pages;
        this.archive = archive;
        this.export = export;
        this.format = format;
    }

    /**
     * {@code /staff/questionnaires/{topic}}: the topic's questions as offered now (kept from this moment, like
     * every version a response points to), or with {@code ?version=} any kept version, offered or not.
     */
    public void questionnaire(Context ctx) {
        String mime = mime(ctx);
        String topicId = topicId(ctx);
        String version = ctx.queryParam("version");
        QuestionnaireArchive.Kept kept;
        if (version != null) {
            if (!VERSION.matcher(version).matches()) {
                throw new BadRequestResponse("malformed-version");
            }
            kept = archive.find(topicId, version).orElseThrow(() -> new NotFoundResponse("no-such-version"));
        } else {
            kept = archive.current(topic(topicId).orElseThrow(() -> new NotFoundResponse("no-such-topic")));
        }
        download(ctx, kept.resource(), mime, "Questionnaire-" + kept.resourceId());
    }

    /** {@code /staff/check-ins/{id}/fhir/{topic}}: what the patient answered to that section. */
    public void response(Context ctx) {
        String mime = mime(ctx);
        CheckIn checkIn = CheckInsController.requireCheckIn(ctx, checkIns, pages);
        String topicId = topicId(ctx);
        TopicResponse answered = checkIn.topics().stream().filter(t -> t.topicId().equals(topicId)).findFirst()
                .orElseThrow(() -> new NotFoundResponse("topic-not-in-check-in"));
        audit.record(pages.user(ctx).username(), AuditAction.EXPORT_FHIR, checkIn.publicId(), topicId);
        download(ctx, export.response(checkIn, answered), mime, CheckInsController.fileName(checkIn) + "-" + topicId);
    }

    /** {@code /staff/check-ins/{id}/fhir}: the whole check-in as one Bundle. */
    public void bundle(Context ctx) {
        String mime = mime(ctx);
        CheckIn checkIn = CheckInsController.requireCheckIn(ctx, checkIns, pages);
        audit.record(pages.user(ctx).username(), AuditAction.EXPORT_FHIR, checkIn.publicId(), "Bundle");
        download(ctx, export.bundle(checkIn), mime, CheckInsController.fileName(checkIn) + "-fhir");
    }

    private static String mime(Context ctx) {
        try {
            return FhirFormat.negotiate(ctx);
        } catch (FhirFormat.Unsupported e) {
            throw new BadRequestResponse("unsupported-format");
        }
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


    private void download(Context ctx, JsonNode resource, String mime, String fileName) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "." + FhirFormat.extension(mime) + "\"");
        format.send(ctx, resource, mime);
    }
}
