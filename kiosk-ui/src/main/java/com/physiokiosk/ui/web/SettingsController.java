package com.physiokiosk.ui.web;

import com.physiokiosk.engine.backup.Backup;
import com.physiokiosk.engine.backup.BackupJob;
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
import com.physiokiosk.ui.view.Views.BackupRow;
import com.physiokiosk.ui.view.Views.BackupsView;
import com.physiokiosk.ui.view.Views.FieldErrors;
import com.physiokiosk.ui.view.Views.LanguageOption;
import com.physiokiosk.ui.view.Views.SettingsPage;
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
 * change). Also serves the logo, and shows the database's backups ({@link BackupJob}) with "Back up now".
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

    /** Where "Back up now" posts. */
    public static final String BACKUP_PATH = "/staff/admin/backups";

    private final ClinicSettings settings;
    private final BackupJob backups;
    private final StaffPages pages;
    private final Clock clock;

    public SettingsController(ClinicSettings settings, BackupJob backups, StaffPages pages, Clock clock) {
        this.settings = settings;
        this.backups = backups;
        this.pages = pages;
        this.clock = clock;
    }

    /** {@code GET /staff/admin/settings}; the confirmation of the last change shows in the header's place for it. */
    public void page(Context ctx) {
        KioskConfig c = settings.get();
        render(ctx, HttpStatus.OK, c.clinicName(), c.languages(), c.defaultLanguage(),
                Long.toString(c.idleTimeout().toSeconds()), Integer.toString(c.retentionDays()), c.askName(), null, FieldErrors.NONE);
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
                    t.get("staff.settings.error.fields", errors.size()), new FieldErrors(errors));
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
                        t.get("staff.settings.error", e.getMessage()), FieldErrors.NONE);
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
            renderCurrent(ctx, HttpStatus.BAD_REQUEST, pages.texts().get("staff.settings.logo.no-file"));
            return;
        }
        try (InputStream in = file.content()) {
            byte[] image = in.readNBytes(ClinicSettings.MAX_LOGO_BYTES + 1);
            settings.setLogo(image, pages.user(ctx).username());
        } catch (IllegalArgumentException e) {
            // Not a PNG or JPEG, unreadable, empty, too large or too many pixels: one plain request.
            renderCurrent(ctx, HttpStatus.UNPROCESSABLE_CONTENT, pages.texts().get("staff.settings.logo.invalid",
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
        Optional<Backup> made = backups.runNow(pages.user(ctx).username());
        pages.confirm(ctx, made.map(b -> t.get("staff.settings.backups.done", b.name(), size(b.bytes(), t)))
                .orElseGet(() -> t.get("staff.settings.backups.not-done",
                        backups.lastFailure().map(BackupJob.Failure::reason).orElse("?"))));
        ctx.redirect("/staff/admin/settings", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /clinic-logo}: the logo with its own media type, or 404 when there is none. */
    public void logo(Context ctx) {
        ClinicSettings.Logo logo = settings.logo().orElseThrow(() -> new NotFoundResponse("no-logo"));
        ctx.contentType(logo.mediaType());
        ctx.result(logo.bytes());
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The settings as they are, with what is wrong with the uploaded logo next to its field. */
    private void renderCurrent(Context ctx, HttpStatus status, String logoError) {
        KioskConfig c = settings.get();
        render(ctx, status, c.clinicName(), c.languages(), c.defaultLanguage(), Long.toString(c.idleTimeout().toSeconds()),
                Integer.toString(c.retentionDays()), c.askName(), pages.texts().get("staff.form.fix-below"),
                FieldErrors.of(LOGO, logoError));
    }

    /**
     * @param error       what went wrong, on top of the page, or {@code null}
     * @param fields what is wrong with each field, by the id of its input
     */
    private void render(Context ctx, HttpStatus status, String clinicName, List<String> offered, String defaultLanguage,
                        String idle, String retention, boolean askName, String error, FieldErrors fields) {
        List<LanguageOption> languages = Languages.SUPPORTED.stream()
                .map(l -> new LanguageOption(l, Texts.in(l).get("language.name"), offered.contains(l), l.equals(defaultLanguage)))
                .toList();
        ctx.status(status);
        pages.render(ctx, Templates.staffSettings(new SettingsPage(pages.page(ctx, "staff.settings.title"), clinicName,
                languages, idle, retention, askName, settings.hasLogo(), error, fields, ClinicSettings.MAX_LOGO_BYTES / 1024,
                ConfigLoader.MAX_CLINIC_NAME, backupsView(pages.texts()))));
    }

    /** The backups as staff read them: times in the clinic's time zone, sizes in their language's numbers. */
    private BackupsView backupsView(Texts t) {
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
                settings.get().retentionDays(), rows, SummaryView.dateTime(backups.nextRun(), zone, t), failure);
    }

    /** A file's size in KB (under a megabyte) or MB with one decimal, in the staff language's numbers. */
    static String size(long bytes, Texts t) {
        NumberFormat number = NumberFormat.getNumberInstance(Locale.forLanguageTag(t.language()));
        number.setMaximumFractionDigits(1);
        return bytes < 1024 * 1024 ? number.format(Math.max(1, (bytes + 1023) / 1024)) + " KB"
                : number.format(bytes / (1024.0 * 1024.0)) + " MB";
    }
}
