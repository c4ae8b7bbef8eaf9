package com.physiokiosk.ui;

import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.plugins.TopicHost;
import com.physiokiosk.engine.staff.Passwords;
import com.physiokiosk.engine.storage.StorageException;
import com.physiokiosk.ui.view.Pages;
import com.physiokiosk.ui.web.Access;
import com.physiokiosk.ui.web.AdminController;
import com.physiokiosk.ui.web.ApiAuth;
import com.physiokiosk.ui.web.AssetController;
import com.physiokiosk.ui.web.CatalogueController;
import com.physiokiosk.ui.web.CheckInsController;
import com.physiokiosk.ui.web.FhirApiController;
import com.physiokiosk.ui.web.FhirController;
import com.physiokiosk.ui.web.FhirFormat;
import com.physiokiosk.ui.web.HealthController;
import com.physiokiosk.ui.web.HostCheck;
import com.physiokiosk.ui.web.KioskErrorHandler;
import com.physiokiosk.ui.web.PatientController;
import com.physiokiosk.ui.web.Security;
import com.physiokiosk.ui.web.SecurityHeaders;
import com.physiokiosk.ui.web.StaffAuthController;
import com.physiokiosk.ui.web.StaffEvents;
import com.physiokiosk.ui.web.SettingsController;
import com.physiokiosk.ui.web.StaffPages;
import com.physiokiosk.ui.web.TopicsAdminController;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site map. Javalin 7 fixes routes at start-up, so topic routes take the topic id as a path
 * parameter and look it up in the host on every request: a disabled topic answers 404 at once,
 * an enabled one appears without a restart. Staff routes live under {@code /staff}, each with the
 * {@link Access} it needs.
 */
public final class Routes {

    private static final Logger log = LoggerFactory.getLogger(Routes.class);

    /** The largest form body the kiosk reads (uploads aside): far above any real form, far below harm. */
    static final int MAX_FORM_BYTES = 64 * 1024;

    private Routes() {
    }

    /** The staff side: its controllers, its pages, and the access and form-token checks. */
    record Staff(StaffAuthController auth, CheckInsController checkIns, StaffEvents events, FhirController fhir,
                 AdminController admin, TopicsAdminController topics, SettingsController settings,
                 CatalogueController catalogue, StaffPages pages, Security security, HostCheck hosts) {
    }

    /** @param api who may read the FHIR API under {@value ApiAuth#PATH}, and the refusal of its credentials elsewhere */
    static Javalin create(Supplier<KioskConfig> settings, PatientController patient,
                          AssetController assets, HealthController health, Staff staff, ApiAuth api,
                          FhirApiController fhir) {
        return Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.http.maxRequestSize = MAX_FORM_BYTES;
            // Only the admin upload forms take a multipart body (Security.checkForm); the engine
            // refuses a jar or logo over its own limit with the reason.
            c.jetty.multipartConfig.maxFileSize(TopicHost.MAX_JAR_BYTES + 1024 * 1024, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(TopicHost.MAX_JAR_BYTES + 2 * 1024 * 1024, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1024 * 1024, SizeUnit.BYTES);
            c.jetty.modifyServletContextHandler(handler -> handler.setSessionHandler(noServletSessions()));
            c.jetty.modifyServer(server -> {
                server.setErrorHandler(new KioskErrorHandler());
                server.insertHandler(new SecurityHeaders());
                // A client that sends its body slowly must not hold a server thread while it does: every body
                // up to the largest form the kiosk reads is gathered without a thread (asynchronously) before
                // the request is handled. Only a larger body (an admin's upload, which needs a signed-in admin
                // before it is read) is handed over part-way and read as it comes.
                EagerContentHandler eager = new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(
                        MAX_FORM_BYTES + 4096, -1, false));
                // A body announced larger than any form goes straight on, to be refused (or, for a signed-in
                // admin's upload, read) at once instead of after the first 64 KB.
                eager.exclude(request -> request.getHeaders().getLongField(
                        org.eclipse.jetty.http.HttpHeader.CONTENT_LENGTH) > MAX_FORM_BYTES);
                server.insertHandler(eager);
            });
            // Live streams end while the server can still answer them, whoever stops it.
            c.events.serverStopping(staff.events()::stop);

            // Before any other check: the API's credentials open only the API, and the API only reads.
            c.routes.before(api::check);
            c.routes.before(staff.hosts()::check);
            c.routes.before(Security::checkForm);
            // After matching, so the access check knows the route's Access; access before the form token.
            c.routes.beforeMatched(staff.security()::checkMatched);

            // Patient flow
            c.routes.get("/", patient::welcome);
            c.routes.post("/start", patient::start);
            c.routes.post("/language", patient::switchLanguage);
            c.routes.post("/text-size", patient::textSize);
            c.routes.get("/name", patient::nameForm);
            c.routes.post("/name", patient::saveName);
            c.routes.get("/q/{topic}/{linkId}", patient::question);
            c.routes.post("/q/{topic}/{linkId}", patient::answer);
            c.routes.get("/topics", patient::topics);
            c.routes.post("/topics", patient::chooseTopic);
            c.routes.get("/review", patient::review);
            c.routes.post("/submit", patient::submit);
            c.routes.get("/urgent", patient::urgent);
            c.routes.post("/urgent/carry-on", patient::carryOn);
            c.routes.get("/done", patient::done);
            c.routes.get("/start-again", patient::confirmStartAgain);
            c.routes.post("/reset", patient::reset);

            c.routes.get("/assets/{file}", assets::kioskAsset);
            c.routes.get("/topic-assets/{topic}/{file}", assets::topicAsset);
            c.routes.get(SettingsController.LOGO_URL, staff.settings()::logo);

            // Staff: sign-in and the first admin's set-up, open to anyone (set-up only from this machine)
            c.routes.get("/staff/sign-in", staff.auth()::signInForm, Access.ANYONE);
            c.routes.post("/staff/sign-in", staff.auth()::signIn, Access.ANYONE);
            c.routes.get("/staff/setup", staff.auth()::setupForm, Access.ANYONE);
            c.routes.post("/staff/setup", staff.auth()::setup, Access.ANYONE);
            c.routes.get("/setup", ctx -> ctx.redirect("/staff/setup", HttpStatus.SEE_OTHER));
            // Staff: check-ins
            c.routes.post("/staff/sign-out", staff.auth()::signOut, Access.STAFF);
            c.routes.get("/staff", ctx -> ctx.redirect("/staff/check-ins", HttpStatus.SEE_OTHER), Access.STAFF);
            c.routes.get("/staff/check-ins", staff.checkIns()::list, Access.STAFF);
            c.routes.sse("/staff/events", staff.events()::connect, Access.STAFF);
            c.routes.get("/staff/check-ins/{id}", staff.checkIns()::summary, Access.STAFF);
            c.routes.get("/staff/check-ins/{id}/print", staff.checkIns()::print, Access.STAFF);
            c.routes.get("/staff/check-ins/{id}/pdf", staff.checkIns()::pdf, Access.STAFF);
            c.routes.post("/staff/check-ins/{id}/reviewed", staff.checkIns()::markReviewed, Access.STAFF);
            c.routes.get("/staff/check-ins/{id}/fhir", staff.fhir()::bundle, Access.STAFF);
            c.routes.get("/staff/check-ins/{id}/fhir/{topic}", staff.fhir()::response, Access.STAFF);
            c.routes.get("/staff/questionnaires/{topic}", staff.fhir()::questionnaire, Access.STAFF);
            // Staff: admins only
            c.routes.get("/staff/audit", staff.admin()::auditLog, Access.ADMIN);
            c.routes.get("/staff/accounts", staff.admin()::accounts, Access.ADMIN);
            c.routes.post("/staff/accounts", staff.admin()::createAccount, Access.ADMIN);
            c.routes.post("/staff/accounts/{username}/disabled", staff.admin()::setDisabled, Access.ADMIN);
            c.routes.post("/staff/accounts/{username}/password", staff.admin()::resetPassword, Access.ADMIN);
            c.routes.get("/staff/admin/topics", staff.topics()::page, Access.ADMIN);
            c.routes.post("/staff/admin/topics/{plugin}/enabled", staff.topics()::setEnabled, Access.ADMIN);
            c.routes.get("/staff/admin/topics/{plugin}/remove", staff.topics()::confirmRemove, Access.ADMIN);
            c.routes.post("/staff/admin/topics/{plugin}/remove", staff.topics()::remove, Access.ADMIN);
            c.routes.post(TopicsAdminController.UPLOAD_PATH, staff.topics()::upload, Access.ADMIN);
            c.routes.post("/staff/admin/topics/rescan", staff.topics()::rescan, Access.ADMIN);
            c.routes.get("/staff/admin/settings", staff.settings()::page, Access.ADMIN);
            c.routes.post("/staff/admin/settings", staff.settings()::save, Access.ADMIN);
            c.routes.post(SettingsController.LOGO_PATH, staff.settings()::uploadLogo, Access.ADMIN);
            c.routes.post("/staff/admin/logo/remove", staff.settings()::removeLogo, Access.ADMIN);
            c.routes.post(SettingsController.BACKUP_PATH, staff.settings()::backUpNow, Access.ADMIN);
            c.routes.post(SettingsController.API_CLIENTS_PATH, staff.settings()::createApiClient, Access.ADMIN);
            c.routes.post(SettingsController.API_CLIENTS_PATH + "/{client}/revoke", staff.settings()::revokeApiClient, Access.ADMIN);
            // The clinical rules catalogue: admins, as the clinical lead who signs it off signs in as one.
            c.routes.get("/staff/admin/catalogue", staff.catalogue()::page, Access.ADMIN);
            c.routes.get("/staff/admin/catalogue/pdf", staff.catalogue()::pdf, Access.ADMIN);

            // The record system's read-only FHIR API, with an API client's bearer token (ApiAuth)
            c.routes.get(FhirApiController.PATH + "/metadata", fhir::metadata);
            c.routes.get(FhirApiController.PATH + "/Bundle", fhir::searchBundles);
            c.routes.get(FhirApiController.PATH + "/Bundle/{id}", fhir::readBundle);
            c.routes.get(FhirApiController.PATH + "/Questionnaire", fhir::searchQuestionnaires);
            c.routes.get(FhirApiController.PATH + "/Questionnaire/{id}", fhir::readQuestionnaire);
            c.routes.get(FhirApiController.PATH + "/CodeSystem", fhir::searchCodeSystems);
            c.routes.get(FhirApiController.PATH + "/CodeSystem/{id}", fhir::readCodeSystem);

            // Operations
            c.routes.get("/health", health::health);

            // On the FHIR API every failure is an OperationOutcome; these handlers make pages for the rest.
            c.routes.exception(FhirFormat.Unsupported.class, fhir::error);
            c.routes.exception(FhirApiController.Invalid.class, fhir::error);
            c.routes.exception(io.javalin.http.HttpResponseException.class, (e, ctx) -> {
                if (FhirApiController.isApiPath(ctx)) {
                    fhir.error(e, ctx);
                } else {
                    ctx.status(e.getStatus()).result(e.getMessage());
                }
            });
            c.routes.exception(Security.Refused.class, apiFirst(fhir, (e, ctx) -> refusal(ctx, staff, HttpStatus.FORBIDDEN,
                    "staff.forbidden.title", e.why() == Security.Refused.Why.ADMIN_ONLY ? "staff.forbidden.admin"
                            : "staff.forbidden.expired",
                    () -> message(ctx, patient, "expired.title", "expired.text"))));
            c.routes.exception(NotFoundResponse.class, apiFirst(fhir, (e, ctx) -> refusal(ctx, staff, HttpStatus.NOT_FOUND,
                    "staff.not-found.title", "staff.not-found.text", () -> patient.notAvailable(ctx, settings.get().defaultLanguage()))));
            c.routes.exception(BadRequestResponse.class, apiFirst(fhir, (e, ctx) -> refusal(ctx, staff, HttpStatus.BAD_REQUEST,
                    "staff.bad-request.title", "staff.bad-request.text", () -> message(ctx, patient, "error.title", "error.text"))));
            c.routes.exception(StorageException.class, apiFirst(fhir, (e, ctx) -> {
                log.error("Storage failure on {} {}: {}", ctx.method(), shortPath(ctx), e.getMessage());
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
                message(ctx, patient, "storage.title", "storage.text");
            }));
            c.routes.exception(Passwords.Busy.class, apiFirst(fhir, (e, ctx) -> {
                // Setting a password found every hashing slot taken for longer than it waits.
                ctx.header("Retry-After", StaffAuthController.BUSY_RETRY_SECONDS);
                refusal(ctx, staff, HttpStatus.TOO_MANY_REQUESTS, "staff.busy.title", "staff.busy.text",
                        () -> message(ctx, patient, "error.title", "error.text"));
            }));
            c.routes.exception(Security.BadRequest.class, apiFirst(fhir, (e, ctx) -> {
                ctx.status(e.status());
                message(ctx, patient, "request.title", e.messageKey(), e.args());
            }));
            c.routes.exception(Exception.class, apiFirst(fhir, (e, ctx) -> {
                try {
                    if (isUnreadableRequest(e)) {
                        // A body cut short or malformed: the client's fault, not the kiosk's.
                        ctx.status(HttpStatus.BAD_REQUEST);
                        message(ctx, patient, "request.title", "request.unreadable");
                        return;
                    }
                    log.error("Unexpected failure on {} {}", ctx.method(), shortPath(ctx), e);
                    ctx.status(HttpStatus.INTERNAL_SERVER_ERROR);
                    message(ctx, patient, "error.title", "error.text");
                } catch (RuntimeException onADeadRequest) {
                    // Javalin hands an exception thrown here back to this same handler: never throw,
                    // or a request that is already gone (a stream closed at shutdown) loops for ever.
                    log.error("Unexpected failure on a request that has ended: {}", e.toString());
                }
            }));
            c.routes.error(404, ctx -> {
                if (FhirApiController.isApiPath(ctx)) {
                    if (!"application/fhir".regionMatches(0, String.valueOf(ctx.res().getContentType()), 0, 16)) {
                        fhir.error(new NotFoundResponse(), ctx);
                    }
                    return;
                }
                // A 404 with a page of ours (a stale tap on the admin page, the not-found page itself) stays as it
                // is; any other (no route matched, Javalin's plain text) gets the page.
                if (!Pages.rendered(ctx)) {
                    refusal(ctx, staff, HttpStatus.NOT_FOUND, "staff.not-found.title", "staff.not-found.text",
                            () -> patient.notAvailable(ctx, settings.get().defaultLanguage()));
                }
            });
        });
    }

    /** {@code handler}, except on the FHIR API, whose failures are all OperationOutcomes. */
    private static <E extends Exception> io.javalin.http.ExceptionHandler<E> apiFirst(
            FhirApiController fhir, io.javalin.http.ExceptionHandler<E> handler) {
        return (e, ctx) -> {
            if (FhirApiController.isApiPath(ctx)) {
                fhir.error(e, ctx);
            } else {
                handler.handle(e, ctx);
            }
        };
    }

    /** Whether {@code e} comes from a request body that could not be read as a form. */
    private static boolean isUnreadableRequest(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof java.nio.charset.CharacterCodingException
                    || t instanceof IllegalArgumentException && thrownByJetty(t)) {
                return true;
            }
        }
        return false;
    }

    /** Whether Jetty itself threw {@code t} (reading a form or a query it could not decode): the client's input. */
    private static boolean thrownByJetty(Throwable t) {
        StackTraceElement[] at = t.getStackTrace();
        return at.length > 0 && at[0].getClassName().startsWith("org.eclipse.jetty.");
    }

    /** The request path for a log line, cut short: logs stay readable whatever was sent. */
    private static String shortPath(io.javalin.http.Context ctx) {
        String path = ctx.path();
        return path.length() > 120 ? path.substring(0, 120) + "…" : path;
    }

    /** A refusal as a page: the staff message page on staff paths, the patient's page otherwise. */
    private static void refusal(io.javalin.http.Context ctx, Staff staff, HttpStatus status, String staffTitleKey,
                                String staffTextKey, Runnable patientPage) {
        if (Security.isStaffPath(ctx.path())) {
            staff.pages().message(ctx, status, staffTitleKey, staffTextKey);
        } else {
            ctx.status(status);
            patientPage.run();
        }
    }

    /**
     * The kiosk keeps its sessions itself (PatientSessions, StaffSessions). Jetty's servlet context must have a
     * session handler; this one neither reads nor sets a cookie or an address parameter, so it costs a request
     * nothing and no servlet session can ever be found again.
     */
    private static SessionHandler noServletSessions() {
        SessionHandler none = new SessionHandler();
        none.setUsingCookies(false);
        none.setUsingUriParameters(false);
        return none;
    }

    private static void message(io.javalin.http.Context ctx, PatientController patient,
                                String titleKey, String textKey, Object... args) {
        patient.message(ctx, titleKey, textKey, args);
    }
}
