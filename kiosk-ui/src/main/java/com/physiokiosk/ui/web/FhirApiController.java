package com.physiokiosk.ui.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.checkin.CheckInSummary;
import com.physiokiosk.engine.fhir.CheckInExport;
import com.physiokiosk.engine.fhir.CodeSystems;
import com.physiokiosk.engine.fhir.QuestionnaireArchive;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only FHIR R4 API a clinic's record system uses ({@code /fhir/}), after the R4 REST conventions:
 *
 * <ul>
 *   <li>{@code GET /fhir/metadata}: what the API can do ({@code CapabilityStatement});</li>
 *   <li>{@code GET /fhir/Bundle?date=2026-11-29} (prefixes {@code ge le gt lt eq}, repeatable; {@code _count},
 *       {@code _offset}): the check-ins of those days, each a {@code collection} Bundle, in a {@code searchset};
 *       {@code GET /fhir/Bundle/{id}}: one check-in;</li>
 *   <li>{@code GET /fhir/Questionnaire/{id}} and {@code ?url=…&version=…}: any kept Questionnaire version;</li>
 *   <li>{@code GET /fhir/CodeSystem/{id}} and {@code ?url=…&version=…}: the answer and severity codes.</li>
 * </ul>
 *
 * JSON unless {@code _format} or {@code Accept} asks for XML. Every failure, from a bad parameter to a missing
 * token, is an {@code OperationOutcome} naming what is wrong. Only an API client's bearer token opens it
 * ({@code ApiAuth}); every read is in the audit log under the client's name.
 */
public final class FhirApiController {

    private static final Logger log = LoggerFactory.getLogger(FhirApiController.class);

    /** Where the API lives. */
    public static final String PATH = ApiAuth.PATH;
    /** Most check-ins on one page of a search (each carries its Questionnaires in every language: ~130 KB). */
    static final int MAX_COUNT = 20;
    /** Check-ins on a page of a search when {@code _count} is not given. */
    static final int DEFAULT_COUNT = 10;
    /** The furthest a search may page: far beyond a year of a busy clinic's check-ins. */
    static final int MAX_OFFSET = 1_000_000;
    /** Longest span of days one search may cover. */
    static final int MAX_DAYS = 366;

    private static final Pattern DATE = Pattern.compile("(eq|ge|le|gt|lt)?(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private final CheckInRepository checkIns;
    private final QuestionnaireArchive archive;
    private final CheckInExport export;
    private final AuditLog audit;
    private final FhirFormat format;
    private final ObjectMapper json;
    private final Clock clock;
    private final Function<Context, String> clientName;

    /**
     * @param clientName the name of the API client that made a request (authenticated by {@link ApiAuth} before
     *                   it gets here; it fails when none was)
     */
    public FhirApiController(CheckInRepository checkIns, QuestionnaireArchive archive, CheckInExport export,
                             AuditLog audit, FhirFormat format, ObjectMapper json, Clock clock,
                             Function<Context, String> clientName) {
        this.checkIns = checkIns;
        this.archive = archive;
        this.export = export;
        this.audit = audit;
        this.format = format;
        this.json = json;
        this.clock = clock;
        this.clientName = clientName;
    }

    /** Whether {@code ctx} is a request to the API. */
    public static boolean isApiPath(Context ctx) {
        return ApiAuth.isApiPath(ctx.path());
    }

    /** {@code GET /fhir/metadata}. */
    public void metadata(Context ctx) {
        String mime = FhirFormat.negotiate(ctx);
        onlyParams(ctx, Set.of());
        ObjectNode cs = json.createObjectNode();
        cs.put("resourceType", "CapabilityStatement");
        narrative(cs, "Physio Kiosk: read-only FHIR R4 API for the clinic's record system");
        cs.put("status", "active");
        cs.put("date", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        cs.put("publisher", "Physio Kiosk");
        cs.put("kind", "instance");
        cs.putObject("software").put("name", "Physio Kiosk");
        cs.putObject("implementation").put("description", "Physio Kiosk").put("url", apiBase(ctx));
        cs.put("fhirVersion", "4.0.1");
        cs.putArray("format").add("json").add("xml");
        ObjectNode rest = cs.putArray("rest").addObject();
        rest.put("mode", "server");
        rest.putObject("security").put("description",
                "A bearer token (Authorization: Bearer ...) of an API client an admin created on the kiosk's settings page.");
        resource(rest, "Bundle", Map.of("date", "date"));
        resource(rest, "Questionnaire", Map.of("url", "uri", "version", "token"));
        resource(rest, "CodeSystem", Map.of("url", "uri", "version", "token"));
        read(ctx, null, "metadata");
        format.send(ctx, cs, mime);
    }

    private void resource(ObjectNode rest, String type, Map<String, String> params) {
        ObjectNode r = rest.withArray("resource").addObject();
        r.put("type", type);
        ArrayNode interactions = r.putArray("interaction");
        interactions.addObject().put("code", "read");
        interactions.addObject().put("code", "search-type");
        ArrayNode search = r.putArray("searchParam");
        params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> search.addObject().put("name", p.getKey()).put("type", p.getValue()));
    }

    /** {@code GET /fhir/Bundle/{id}}: one check-in. */
    public void readBundle(Context ctx) {
        String mime = FhirFormat.negotiate(ctx);
        onlyParams(ctx, Set.of());
        String id = id(ctx);
        CheckIn checkIn = checkIns.find(id).orElseThrow(() -> new NotFoundResponse("Bundle/" + id + " is not known"
                + " (check-ins are kept for the clinic's retention time only)"));
        read(ctx, checkIn.publicId(), "Bundle/" + id);
        format.send(ctx, export.bundle(checkIn), mime);
    }

    /** {@code GET /fhir/Bundle?date=…}: the check-ins of the days given. */
    public void searchBundles(Context ctx) {
        String mime = FhirFormat.negotiate(ctx);
        onlyParams(ctx, Set.of("date", "_count", "_offset"));
        List<String> dates = ctx.queryParams("date");
        if (dates.isEmpty()) {
            throw new Invalid("Search Bundle needs a date parameter, such as date=2026-11-29 or date=ge2026-11-01&date=le2026-11-30");
        }
        LocalDate from = LocalDate.MIN;
        LocalDate to = LocalDate.MAX;
        for (String d : dates) {
            Matcher m = DATE.matcher(d);
            if (!m.matches()) {
                throw new Invalid("date '" + d + "' is not a day (yyyy-mm-dd) with an optional prefix eq, ge, le, gt or lt");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(m.group(2));
            } catch (DateTimeParseException e) {
                throw new Invalid("date '" + d + "' is not a day of the calendar");
            }
            String prefix = m.group(1) == null ? "eq" : m.group(1);
            switch (prefix) {
                case "eq" -> {
                    from = max(from, day);
                    to = min(to, day);
                }
                case "ge" -> from = max(from, day);
                case "gt" -> from = max(from, day.plusDays(1));
                case "le" -> to = min(to, day);
                case "lt" -> to = min(to, day.minusDays(1));
                default -> throw new IllegalStateException(prefix);
            }
        }
        LocalDate today = LocalDate.now(clock);
        if (to.isAfter(today)) {
            to = today;
        }
        if (from.equals(LocalDate.MIN)) {
            throw new Invalid("date needs a first day (eq, ge or gt): the search covers at most " + MAX_DAYS + " days");
        }
        if (!from.isAfter(to) && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new Invalid("date covers " + (ChronoUnit.DAYS.between(from, to) + 1) + " days; at most " + MAX_DAYS
                    + " may be searched at once");
        }
        int count = intParam(ctx, "_count", DEFAULT_COUNT, 0, MAX_COUNT);
        int offset = intParam(ctx, "_offset", 0, 0, MAX_OFFSET);
        List<CheckInSummary> found = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            found.addAll(checkIns.summariesForDay(day).stream()
                    .sorted(Comparator.comparingInt(CheckInSummary::number)).toList());
        }
        List<CheckInSummary> page = found.subList(Math.min(offset, found.size()), Math.min(offset + count, found.size()));
        List<CheckIn> shown = new ArrayList<>();
        for (CheckInSummary s : page) {
            checkIns.find(s.publicId()).ifPresent(shown::add);
        }
        String base = apiBase(ctx);
        ObjectNode bundle = searchset(found.size());
        ArrayNode links = bundle.putArray("link");
        links.addObject().put("relation", "self").put("url", pageUrl(base, dates, count, offset));
        if (offset + count < found.size() && count > 0) {
            links.addObject().put("relation", "next").put("url", pageUrl(base, dates, count, offset + count));
        }
        ArrayNode entries = bundle.putArray("entry");
        for (CheckIn c : shown) {
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", base + "/Bundle/" + c.publicId());
            entry.set("resource", export.bundle(c));
            entry.putObject("search").put("mode", "match");
        }
        String detail = "Bundle?" + String.join("&", dates.stream().map(d -> "date=" + d).toList())
                + " (" + shown.size() + " of " + found.size() + ")";
        if (shown.isEmpty()) {
            read(ctx, null, detail);
        } else {
            audit.recordAll(user(ctx), AuditAction.FHIR_READ, shown.stream().map(CheckIn::publicId).toList(), detail);
        }
        format.send(ctx, bundle, mime);
    }

    /** {@code GET /fhir/Questionnaire/{id}}. */
    public void readQuestionnaire(Context ctx) {
        String mime = FhirFormat.negotiate(ctx);
        onlyParams(ctx, Set.of());
        String id = id(ctx);
        QuestionnaireArchive.Kept kept = archive.byResourceId(id)
                .orElseThrow(() -> new NotFoundResponse("Questionnaire/" + id + " is not known"));
        read(ctx, null, "Questionnaire/" + id);
        format.send(ctx, kept.resource(), mime);
    }

    /** {@code GET /fhir/Questionnaire?url=…[&version=…]}: the kept versions of a topic's Questionnaire. */
    public void searchQuestionnaires(Context ctx) {
        String mime = FhirFormat.negotiate(ctx);
        onlyParams(ctx, Set.of("url", "version"));
        List<QuestionnaireArchive.Kept> found = byCanonical(ctx, "/Questionnaire/");
        ObjectNode bundle = searchset(found.size());
        ArrayNode entries = bundle.putArray("entry");
        String base = apiBase(ctx);
        for (QuestionnaireArchive.Kept k : found) {
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", base + "/Questionnaire/" + k.resourceId());
            entry.set("resource", k.resource());
            entry.putObject("search").put("mode", "match");
        }
        read(ctx, null, "Questionnaire?url=" + ctx.queryParam("url"));
        format.send(ctx, bundle, mime);
    }

    /** {@code GET /fhir/CodeSystem/{id}}. */
    public void readCodeSystem(Context ctx) {
        String mime = FhirFormat.negotiate(ctx);
        onlyParams(ctx, Set.of());
        String id = id(ctx);
        CodeSystems codes = export.codeSystems();
        ObjectNode cs = codes.fixed(id).orElseGet(() -> archive.byResourceId(id)
                .map(k -> codes.ofTopic(k.topicId(), k.resource()))
                .orElseThrow(() -> new NotFoundResponse("CodeSystem/" + id + " is not known")));
        read(ctx, null, "CodeSystem/" + id);
        format.send(ctx, cs, mime);
    }

    /** {@code GET /fhir/CodeSystem?url=…[&version=…]}. */
    public void searchCodeSystems(Context ctx) {
        String mime = FhirFormat.negotiate(ctx);
        onlyParams(ctx, Set.of("url", "version"));
        CodeSystems codes = export.codeSystems();
        String url = required(ctx, "url");
        List<ObjectNode> found = new ArrayList<>();
        String prefix = archive.base() + "/CodeSystem/";
        String name = url.startsWith(prefix) ? url.substring(prefix.length()) : "";
        int bar = name.indexOf('|');
        String id = bar < 0 ? name : name.substring(0, bar);
        if (CodeSystems.isFixed(id)) {
            codes.fixed(id).ifPresent(found::add);
        } else {
            for (QuestionnaireArchive.Kept k : byCanonical(ctx, "/CodeSystem/")) {
                found.add(codes.ofTopic(k.topicId(), k.resource()));
            }
        }
        ObjectNode bundle = searchset(found.size());
        ArrayNode entries = bundle.putArray("entry");
        String base = apiBase(ctx);
        for (ObjectNode cs : found) {
            ObjectNode entry = entries.addObject();
            entry.put("fullUrl", base + "/CodeSystem/" + cs.path("id").asText());
            entry.set("resource", cs);
            entry.putObject("search").put("mode", "match");
        }
        read(ctx, null, "CodeSystem?url=" + url);
        format.send(ctx, bundle, mime);
    }

    /**
     * Kept Questionnaire versions named by the {@code url} (with an optional {@code |version}) and {@code version}
     * parameters: a Questionnaire's canonical URL, or (with {@code kind} {@code /CodeSystem/}) the URL of the code
     * system of its answers, under whatever base it was kept with.
     */
    private List<QuestionnaireArchive.Kept> byCanonical(Context ctx, String kind) {
        String url = required(ctx, "url");
        String version = ctx.queryParam("version");
        int bar = url.indexOf('|');
        if (bar >= 0) {
            version = url.substring(bar + 1);
            url = url.substring(0, bar);
        }
        int at = url.lastIndexOf(kind);
        if (at < 0) {
            return List.of();
        }
        return archive.byUrl(url.substring(0, at) + "/Questionnaire/" + url.substring(at + kind.length()), version);
    }

    /** A refusal or failure on an API path, as an OperationOutcome in the format asked for (JSON if that is the problem). */
    public void error(Exception e, Context ctx) {
        HttpStatus status;
        String code;
        String message;
        if (e instanceof FhirFormat.Unsupported) {
            status = HttpStatus.NOT_ACCEPTABLE;
            code = "not-supported";
            message = e.getMessage();
        } else if (e instanceof Invalid) {
            status = HttpStatus.BAD_REQUEST;
            code = "invalid";
            message = e.getMessage();
        } else if (e instanceof UnauthorizedResponse) {
            status = HttpStatus.UNAUTHORIZED;
            code = "login";
            message = "Give the bearer token of an API client (Authorization: Bearer ...); an admin creates one on the"
                    + " kiosk's settings page";
        } else if (e instanceof ForbiddenResponse) {
            status = HttpStatus.FORBIDDEN;
            code = "forbidden";
            message = "This token may not do that";
        } else if (e instanceof MethodNotAllowedResponse) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
            code = "not-supported";
            message = "The FHIR API is read-only: " + ctx.method() + " is not allowed";
            ctx.header("Allow", "GET, HEAD");
        } else if (e instanceof NotFoundResponse nf) {
            status = HttpStatus.NOT_FOUND;
            code = "not-found";
            message = nf.getMessage() == null || nf.getMessage().isBlank() || "Not Found".equals(nf.getMessage())
                    ? "Nothing at " + ctx.path() + ": see " + PATH + "/metadata" : nf.getMessage();
        } else if (e instanceof com.physiokiosk.engine.storage.StorageException) {
            log.error("Storage failure on {} {}: {}", ctx.method(), ctx.path().length() > 120 ? ctx.path().substring(0, 120)
                    : ctx.path(), e.getMessage());
            status = HttpStatus.SERVICE_UNAVAILABLE;
            code = "transient";
            message = "The kiosk's database is not available just now; try again shortly";
        } else if (e instanceof Security.BadRequest b) {
            status = HttpStatus.forStatus(b.status());
            code = b.status() == 421 ? "security" : "invalid";
            message = b.status() == 421 ? "The request names a host this kiosk does not answer to (kiosk.public-hostnames)"
                    : "The request was refused: " + b.messageKey();
        } else if (e instanceof HttpResponseException h) {
            status = HttpStatus.forStatus(h.getStatus());
            code = h.getStatus() >= 500 ? "exception" : "processing";
            message = h.getMessage();
        } else {
            log.error("Unexpected failure on {} {}", ctx.method(), ctx.path().length() > 120 ? ctx.path().substring(0, 120) : ctx.path(), e);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
            code = "exception";
            message = "The kiosk could not answer; the failure is in its log";
        }
        String mime;
        try {
            mime = FhirFormat.negotiate(ctx);
        } catch (FhirFormat.Unsupported unsupported) {
            mime = FhirFormat.JSON;
        }
        ctx.status(status);
        format.send(ctx, outcome(code, message), mime);
    }

    /** An OperationOutcome with one error. */
    ObjectNode outcome(String code, String message) {
        ObjectNode o = json.createObjectNode();
        o.put("resourceType", "OperationOutcome");
        narrative(o, message);
        ObjectNode issue = o.putArray("issue").addObject();
        issue.put("severity", "error");
        issue.put("code", code);
        issue.put("diagnostics", message);
        return o;
    }

    /** A bad search or read parameter: 400, naming it. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private void narrative(ObjectNode resource, String text) {
        ObjectNode n = resource.putObject("text");
        n.put("status", "generated");
        n.put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>" + text.replace("&", "&amp;")
                .replace("<", "&lt;").replace(">", "&gt;") + "</p></div>");
    }

    private ObjectNode searchset(int total) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.putObject("meta").put("lastUpdated", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        bundle.put("type", "searchset");
        bundle.put("total", total);
        return bundle;
    }

    private static void onlyParams(Context ctx, Set<String> allowed) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!allowed.contains(name) && !"_format".equals(name)) {
                throw new Invalid("parameter '" + name + "' is not supported here"
                        + (allowed.isEmpty() ? "" : "; use " + String.join(", ", allowed.stream().sorted().toList())));
            }
        }
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw new Invalid("parameter '" + name + "' is required");
        }
        return value;
    }

    private static int intParam(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Invalid(name + " '" + value + "' must be a whole number from " + min + " to " + max);
        }
    }

    private static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw new Invalid("id '" + id + "' is not a FHIR id (1-64 letters, digits, '-' and '.')");
        }
        return id;
    }

    private static String apiBase(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + PATH;
    }

    private static String pageUrl(String base, List<String> dates, int count, int offset) {
        StringBuilder url = new StringBuilder(base).append("/Bundle?");
        for (String d : dates) {
            url.append("date=").append(URLEncoder.encode(d, StandardCharsets.UTF_8)).append('&');
        }
        return url.append("_count=").append(count).append("&_offset=").append(offset).toString();
    }

    private void read(Context ctx, String checkInId, String detail) {
        if (checkInId != null) {
            audit.record(user(ctx), AuditAction.FHIR_READ, checkInId, detail);
        } else {
            audit.recordFrom(user(ctx), AuditAction.FHIR_READ, ctx.ip(), detail);
        }
    }

    private String user(Context ctx) {
        return "api:" + clientName.apply(ctx);
    }


    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

}
