package com.physiokiosk.ui.web;

import com.physiokiosk.engine.backup.Backup;
import com.physiokiosk.engine.backup.BackupJob;
import com.physiokiosk.engine.clients.ApiClient;
import com.physiokiosk.engine.clients.ApiClients;
import com.physiokiosk.engine.config.ClinicSettings;
import com.physiokiosk.engine.config.ConfigException;
import com.physiokiosk.engine.config.ConfigLoader;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.i18n.PlainText;
import com.physiokiosk.engine.storage.PrivateFiles;
import com.physiokiosk.ui.view.SummaryView;
import com.physiokiosk.ui.view.Templates;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.Views.ApiClientRow;
import com.physiokiosk.ui.view.Views.ApiClientsView;
import com.physiokiosk.ui.view.Views.BackupRow;
import com.physiokiosk.ui.view.Views.BackupsView;
import com.physiokiosk.ui.view.Views.FieldErrors;
import com.physiokiosk.ui.view.Views.LanguageOption;
import com.physiokiosk.ui.view.Views.NewApiToken;
import com.physiokiosk.ui.view.Views.SettingsPage;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin's clinic settings page: clinic name, languages, idle timeout, retention, the name
 * question, and the clinic logo. Changes go through {@link ClinicSettings}, checked exactly as at
 * start-up, and apply to the next request; each is in the audit log (written by ClinicSettings with the
 * change). Also serves the logo, shows the database's backups ({@link BackupJob}) with "Back up now" (on PostgreSQL,
 * that the server is backed up where it runs instead), and the
 * record systems allowed to read the FHIR API ({@link ApiClients}): create one (its token is shown on that
 * response alone), revoke one.
 */
public final class SettingsController {

    /** Where the logo form posts; multipart is accepted here (see {@link Security#checkForm}). */
    public static final String LOGO_PATH = "/staff/admin/logo";
    /** The clinic logo, for the welcome screen. */
    public static final String LOGO_URL = "/clinic-logo";

    /** The ids of the page's inputs, which its errors are shown next to. */
    static final String CLINIC_NAME = "clinic-name";
    static final String LANGUAGES = "languages";
    static final String DEFAULT_LANGUAGE = "default-language";
    static final String IDLE = "idle";
    static final String RETENTION = "retention";
    static final String LOGO = "logo";
    static final String API_CLIENT_NAME = "api-client-name";

    /** Where "Back up now" posts. */
    public static final String BACKUP_PATH = "/staff/admin/backups";
    /** Where a new API client's form posts; {@code /{client}/revoke} under it revokes one. */
    public static final String API_CLIENTS_PATH = "/staff/admin/settings/api-clients";

    private final ClinicSettings settings;
    private final BackupJob backups;
    private final ApiClients apiClients;
    private final StaffPages pages;
    private final Clock clock;

    public SettingsController(ClinicSettings settings, BackupJob backups, ApiClients apiClients, StaffPages pages,
                              Clock clock) {
        this.settings = settings;
        this.backups = backups;
        this.apiClients = apiClients;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code GET /staff/admin/settings}; the confirmation of the last change shows in the header's place for it. */
    public void page(Context ctx) {
        renderCurrent(ctx, HttpStatus.OK, null, FieldErrors.NONE, apiClientsView(ctx));
    }

    /**
     * {@code POST /staff/admin/settings}: all five settings at once; all or nothing. Each field is checked
     * here first, with a message in the staff language next to it; what passes is then checked again
     * exactly as at start-up ({@link ClinicSettings#change}).
     */
    public void save(Context ctx) {
        Texts t = pages.texts();
        String name = Objects.requireNonNullElse(ctx.formParam("clinicName"), "");
        List<String> offered = Languages.SUPPORTED.stream().filter(ctx.formParams("languages")::contains).toList();
        String defaultLanguage = ctx.formParam("defaultLanguage");
        String idle = Objects.requireNonNullElse(ctx.formParam("idleTimeoutSeconds"), "");
        String retention = Objects.requireNonNullElse(ctx.formParam("retentionDays"), "");
        boolean askName = "true".equals(ctx.formParam("askName"));

        Map<String, String> errors = new LinkedHashMap<>();
        String clinicName = name.strip();
        if (clinicName.isEmpty()) {
            errors.put(CLINIC_NAME, t.get("staff.settings.error.clinic-name.empty"));
        } else if (clinicName.length() > ConfigLoader.MAX_CLINIC_NAME || !PlainText.isPlain(clinicName)) {
            errors.put(CLINIC_NAME, t.get("staff.settings.error.clinic-name", ConfigLoader.MAX_CLINIC_NAME));
        }
        List<String> ordered = new ArrayList<>(offered);
        if (offered.isEmpty()) {
            errors.put(LANGUAGES, t.get("staff.settings.error.languages"));
        } else if (defaultLanguage == null || !offered.contains(defaultLanguage)) {
            errors.put(DEFAULT_LANGUAGE, t.get("staff.settings.error.default-language"));
        } else {
            ordered.remove(defaultLanguage);
            ordered.add(0, defaultLanguage);
        }
        if (!isWholeNumber(idle, ConfigLoader.MIN_IDLE_SECONDS, ConfigLoader.MAX_IDLE_SECONDS)) {
            errors.put(IDLE, t.get("staff.settings.error.idle", ConfigLoader.MIN_IDLE_SECONDS, ConfigLoader.MAX_IDLE_SECONDS));
        }
        if (!isWholeNumber(retention, ConfigLoader.MIN_RETENTION_DAYS, ConfigLoader.MAX_RETENTION_DAYS)) {
            errors.put(RETENTION, t.get("staff.settings.error.retention", ConfigLoader.MIN_RETENTION_DAYS,
                    ConfigLoader.MAX_RETENTION_DAYS));
        }
        if (!errors.isEmpty()) {
            render(ctx, HttpStatus.BAD_REQUEST, name, offered, defaultLanguage, idle, retention, askName,
                    t.get("staff.settings.error.fields", errors.size()), new FieldErrors(errors), apiClientsView(ctx));
            return;
        }

        KioskConfig current = settings.get();
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("kiosk.clinic-name", clinicName);
        wanted.put("kiosk.languages", String.join(",", ordered));
        wanted.put("kiosk.ask-name", Boolean.toString(askName));
        wanted.put("kiosk.idle-timeout-seconds", idle.strip());
        wanted.put("kiosk.retention-days", retention.strip());
        Map<String, String> now = Map.of("kiosk.clinic-name", current.clinicName(),
                "kiosk.languages", String.join(",", current.languages()),
                "kiosk.ask-name", Boolean.toString(current.askName()),
                "kiosk.idle-timeout-seconds", Long.toString(current.idleTimeout().toSeconds()),
                "kiosk.retention-days", Integer.toString(current.retentionDays()));
        Map<String, String> changes = new LinkedHashMap<>();
        wanted.forEach((key, value) -> {
            if (!value.equals(now.get(key))) {
                changes.put(key, value);
            }
        });
        if (!changes.isEmpty()) {
            try {
                settings.change(changes, pages.user(ctx).username());
            } catch (ConfigException e) {
                render(ctx, HttpStatus.BAD_REQUEST, name, offered, defaultLanguage, idle, retention, askName,
                        t.get("staff.settings.error", e.getMessage()), FieldErrors.NONE, apiClientsView(ctx));
                return;
            }
        }
        // In the staff language as it is now: the change may have been to it.
        pages.confirm(ctx, pages.texts().get(changes.isEmpty() ? "staff.settings.unchanged" : "staff.settings.saved"));
        ctx.redirect("/staff/admin/settings", HttpStatus.SEE_OTHER);
    }

    private static boolean isWholeNumber(String text, int min, int max) {
        String s = text.strip();
        if (!s.matches("[0-9]{1,9}")) {
            return false;
        }
        int n = Integer.parseInt(s);
        return n >= min && n <= max;
    }

    /** {@code POST /staff/admin/logo}: a multipart form with a PNG or JPEG image as {@code logo}. */
    public void uploadLogo(Context ctx) {
        UploadedFile file = ctx.contentType() != null && ctx.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/")
                ? ctx.uploadedFile("logo") : null;
        if (file == null || file.size() == 0) {
            renderLogoError(ctx, HttpStatus.BAD_REQUEST, pages.texts().get("staff.settings.logo.no-file"));
            return;
        }
        try (InputStream in = file.content()) {
            byte[] image = in.readNBytes(ClinicSettings.MAX_LOGO_BYTES + 1);
            settings.setLogo(image, pages.user(ctx).username());
        } catch (IllegalArgumentException e) {
            // Not a PNG or JPEG, unreadable, empty, too large or too many pixels: one plain request.
            renderLogoError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, pages.texts().get("staff.settings.logo.invalid",
                    ClinicSettings.MAX_LOGO_BYTES / 1024));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.confirm(ctx, pages.texts().get("staff.settings.logo.saved"));
        ctx.redirect("/staff/admin/settings", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /staff/admin/logo/remove}. */
    public void removeLogo(Context ctx) {
        settings.removeLogo(pages.user(ctx).username());
        pages.confirm(ctx, pages.texts().get("staff.settings.logo.removed"));
        ctx.redirect("/staff/admin/settings", HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /staff/admin/backups}: "Back up now". The backup is made while the admin waits (seconds for
     * a clinic's database), in the audit log under their name; the page they return to says how it went.
     */
    public void backUpNow(Context ctx) {
        Texts t = pages.texts();
        if (!backups.makesBackups()) {
            // The page offers no "Back up now" on PostgreSQL; a form posted from an older page is told why.
            pages.confirm(ctx, t.get("staff.settings.backups.not-here"));
            ctx.redirect("/staff/admin/settings", HttpStatus.SEE_OTHER);
            return;
        }
        Optional<Backup> made = backups.runNow(pages.user(ctx).username());
        pages.confirm(ctx, made.map(b -> t.get("staff.settings.backups.done", b.name(), size(b.bytes(), t)))
                .orElseGet(() -> t.get("staff.settings.backups.not-done",
                        backups.lastFailure().map(BackupJob.Failure::reason).orElse("?"))));
        ctx.redirect("/staff/admin/settings", HttpStatus.SEE_OTHER);
    }

    /**
     * {@code POST /staff/admin/settings/api-clients}: a new record-system client named {@code name}. Its token is on this
     * response alone (never in a redirect, the session or a log), which no cache keeps: reloading the page
     * posts the form again, which is refused as the name is taken, and shows no token.
     */
    public void createApiClient(Context ctx) {
        String name = Objects.requireNonNullElse(ctx.formParam("name"), "");
        ApiClients.Created created;
        try {
            created = apiClients.create(name, pages.user(ctx).username());
        } catch (ApiClients.ClientException e) {
            // The name stays as typed, with what is wrong with it next to it.
            renderCurrent(ctx, HttpStatus.BAD_REQUEST, pages.texts().get("staff.form.fix-below"),
                    FieldErrors.of(API_CLIENT_NAME, problem(e)), apiClientsView(ctx, name, null));
            return;
        }
        ctx.header("Cache-Control", "no-store");
        renderCurrent(ctx, HttpStatus.OK, null, FieldErrors.NONE,
                apiClientsView(ctx, "", new NewApiToken(created.client().name(), created.token())));
    }

    /**
     * {@code POST /staff/admin/settings/api-clients/{client}/revoke}: the client's token opens nothing from now on. A
     * client number that is no number is a malformed request (400); one no client has, or a client revoked
     * already, is said on the page as it is now.
     */
    public void revokeApiClient(Context ctx) {
        String id = ctx.pathParam("client");
        ApiClient revoked;
        try {
            revoked = apiClients.revoke(clientId(id), pages.user(ctx).username());
        } catch (ApiClients.ClientException e) {
            renderCurrent(ctx, e.problem() == ApiClients.Problem.ALREADY_REVOKED ? HttpStatus.CONFLICT : HttpStatus.NOT_FOUND,
                    problem(e), FieldErrors.NONE, apiClientsView(ctx));
            return;
        }
        pages.confirm(ctx, pages.texts().get("staff.api-clients.revoked", revoked.name()));
        ctx.redirect("/staff/admin/settings", HttpStatus.SEE_OTHER);
    }

    /** A client's number from the address. */
    private static long clientId(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new BadRequestResponse("malformed-client-id");
        }
        return Long.parseLong(text);
    }

    /** What is wrong, in the staff language. */
    private String problem(ApiClients.ClientException e) {
        String key = "staff.api-clients.error." + e.problem().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return pages.texts().get(key, ApiClients.MAX_NAME);
    }

    /** {@code GET /clinic-logo}: the logo with its own media type, or 404 when there is none. */
    public void logo(Context ctx) {
        ClinicSettings.Logo logo = settings.logo().orElseThrow(() -> new NotFoundResponse("no-logo"));
        ctx.contentType(logo.mediaType());
        ctx.result(logo.bytes());
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The settings as they are, with what is wrong with the uploaded logo next to its field. */
    private void renderLogoError(Context ctx, HttpStatus status, String logoError) {
        renderCurrent(ctx, status, pages.texts().get("staff.form.fix-below"), FieldErrors.of(LOGO, logoError),
                apiClientsView(ctx));
    }

    /** The settings as they are now, with {@code error} on top (or {@code null}) and {@code fields}' errors. */
    private void renderCurrent(Context ctx, HttpStatus status, String error, FieldErrors fields, ApiClientsView api) {
        KioskConfig c = settings.get();
        render(ctx, status, c.clinicName(), c.languages(), c.defaultLanguage(), Long.toString(c.idleTimeout().toSeconds()),
                Integer.toString(c.retentionDays()), c.askName(), error, fields, api);
    }

    /**
     * @param error       what went wrong, on top of the page, or {@code null}
     * @param fields what is wrong with each field, by the id of its input
     */
    private void render(Context ctx, HttpStatus status, String clinicName, List<String> offered, String defaultLanguage,
                        String idle, String retention, boolean askName, String error, FieldErrors fields,
                        ApiClientsView api) {
        List<LanguageOption> languages = Languages.SUPPORTED.stream()
                .map(l -> new LanguageOption(l, Texts.in(l).get("language.name"), offered.contains(l), l.equals(defaultLanguage)))
                .toList();
        ctx.status(status);
        pages.render(ctx, Templates.staffSettings(new SettingsPage(pages.page(ctx, "staff.settings.title"), clinicName,
                languages, idle, retention, askName, settings.hasLogo(), error, fields, ClinicSettings.MAX_LOGO_BYTES / 1024,
                ConfigLoader.MAX_CLINIC_NAME, backupsView(pages.texts()), api)));
    }

    /**
     * The record-system clients as staff read them, and where the API is as this browser reaches the kiosk.
     *
     * @param name    the new client's name as typed
     * @param created the client just created, whose token this response shows, or {@code null}
     */
    private ApiClientsView apiClientsView(Context ctx, String name, NewApiToken created) {
        Texts t = pages.texts();
        ZoneId zone = clock.getZone();
        List<ApiClientRow> rows = apiClients.list().stream()
                .map(c -> new ApiClientRow(c.id(), c.name(), c.createdBy(), SummaryView.dateTime(c.createdAt(), zone, t),
                        c.lastUsedAt() == null ? t.get("staff.api-clients.never") : SummaryView.dateTime(c.lastUsedAt(), zone, t),
                        c.active() ? null : t.get("staff.api-clients.revoked-at", SummaryView.dateTime(c.revokedAt(), zone, t),
                                c.revokedBy())))
                .toList();
        String apiUrl = ctx.scheme() + "://" + Objects.requireNonNullElse(ctx.host(), "localhost") + ApiAuth.PATH + "/";
        return new ApiClientsView(rows, name, ApiClients.MAX_NAME, apiUrl, created);
    }

    /** The record-system clients as they are, with an empty form for a new one. */
    private ApiClientsView apiClientsView(Context ctx) {
        return apiClientsView(ctx, "", null);
    }

    /** The backups as staff read them: times in the clinic's time zone, sizes in their language's numbers. */
    private BackupsView backupsView(Texts t) {
        if (!backups.makesBackups()) {
            return BackupsView.onServer(backups.databaseName());
        }
        ZoneId zone = clock.getZone();
        List<BackupRow> rows = List.of();
        String failure = backups.lastFailure()
                .map(f -> t.get("staff.settings.backups.failed", SummaryView.dateTime(f.at(), zone, t), f.reason()))
                .orElse(null);
        try {
            rows = backups.backups().stream()
                    .map(b -> new BackupRow(SummaryView.dateTime(b.at(), zone, t), size(b.bytes(), t), b.name()))
                    .toList();
        } catch (IOException e) {
            failure = t.get("staff.settings.backups.failed", SummaryView.dateTime(clock.instant(), zone, t),
                    PrivateFiles.reason(e));
        }
        return new BackupsView(backups.folder().toAbsolutePath().toString(), backups.keep(),
                settings.get().retentionDays(), rows, SummaryView.dateTime(backups.nextRun(), zone, t), failure, null);
    }

    /** A file's size in KB (under a megabyte) or MB with one decimal, in the staff language's numbers. */
    static String size(long bytes, Texts t) {
        NumberFormat number = NumberFormat.getNumberInstance(Locale.forLanguageTag(t.language()));
        number.setMaximumFractionDigits(1);
        return bytes < 1024 * 1024 ? number.format(Math.max(1, (bytes + 1023) / 1024)) + " KB"
                : number.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
