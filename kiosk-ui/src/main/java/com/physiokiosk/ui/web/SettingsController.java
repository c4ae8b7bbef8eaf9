package com.physiokiosk.ui.web;

import com.physiokiosk.engine.config.ClinicSettings;
import com.physiokiosk.engine.config.ConfigException;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.staff.AuditAction;
import com.physiokiosk.engine.storage.AuditLog;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.Views.LanguageOption;
import com.physiokiosk.ui.view.Views.SettingsPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The admin's clinic settings page: clinic name, languages, idle timeout, retention, the name
 * question, and the clinic logo. Changes go through {@link ClinicSettings}, checked exactly as at
 * start-up, and apply to the next request; each is in the audit log. Also serves the logo.
 */
public final class SettingsController {

    /** Where the logo form posts; multipart is accepted here (see {@link Security#checkForm}). */
    public static final String LOGO_PATH = "/staff/admin/logo";
    /** The clinic logo, for the welcome screen. */
    public static final String LOGO_URL = "/clinic-logo";

    private final ClinicSettings settings;
    private final AuditLog audit;
    private final StaffPages pages;

    public SettingsController(ClinicSettings settings, AuditLog audit, StaffPages pages) {
        this.settings = settings;
        this.audit = audit;
        this.pages = pages;
    }

    /** {@code GET /staff/admin/settings}; {@code ?saved}, {@code ?logo=saved|removed} after an action. */
    public void page(Context ctx) {
        Texts t = pages.texts();
        String notice = null;
        if (ctx.queryParam("saved") != null) {
            notice = t.get("staff.settings.saved");
        } else if ("saved".equals(ctx.queryParam("logo"))) {
            notice = t.get("staff.settings.logo.saved");
        } else if ("removed".equals(ctx.queryParam("logo"))) {
            notice = t.get("staff.settings.logo.removed");
        }
        KioskConfig c = settings.get();
        render(ctx, HttpStatus.OK, c.clinicName(), c.languages(), c.defaultLanguage(),
                Long.toString(c.idleTimeout().toSeconds()), Integer.toString(c.retentionDays()), c.askName(), null, notice);
    }

    /** {@code POST /staff/admin/settings}: all five settings at once; all or nothing. */
    public void save(Context ctx) {
        String name = Objects.requireNonNullElse(ctx.formParam("clinicName"), "");
        List<String> offered = Languages.SUPPORTED.stream().filter(ctx.formParams("languages")::contains).toList();
        String defaultLanguage = ctx.formParam("defaultLanguage");
        String idle = Objects.requireNonNullElse(ctx.formParam("idleTimeoutSeconds"), "");
        String retention = Objects.requireNonNullElse(ctx.formParam("retentionDays"), "");
        boolean askName = "true".equals(ctx.formParam("askName"));

        List<String> ordered = new ArrayList<>(offered);
        String error = null;
        if (defaultLanguage != null && !defaultLanguage.isEmpty()) {
            if (!offered.contains(defaultLanguage) && !offered.isEmpty()) {
                error = "Bad setting kiosk.languages: the default language (" + shorten(defaultLanguage)
                        + ") must be one of the languages offered";
            } else if (offered.contains(defaultLanguage)) {
                ordered.remove(defaultLanguage);
                ordered.add(0, defaultLanguage);
            }
        }
        KioskConfig current = settings.get();
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("kiosk.clinic-name", name.strip());
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
        if (error == null && name.strip().length() > 200) {
            error = "Bad setting kiosk.clinic-name: at most 200 characters";
        }
        if (error == null && !changes.isEmpty()) {
            try {
                settings.change(changes, pages.user(ctx).username());
            } catch (ConfigException e) {
                error = e.getMessage();
            }
        }
        if (error != null) {
            render(ctx, HttpStatus.BAD_REQUEST, name, offered, defaultLanguage, idle, retention, askName,
                    pages.texts().get("staff.settings.error", error), null);
            return;
        }
        if (!changes.isEmpty()) {
            audit.record(pages.user(ctx).username(), AuditAction.SETTINGS_CHANGED, null, shorten(changes.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "))));
        }
        ctx.redirect("/staff/admin/settings?saved", HttpStatus.SEE_OTHER);
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
            settings.setLogo(image);
            audit.record(pages.user(ctx).username(), AuditAction.LOGO_CHANGED, null,
                    settings.logo().map(l -> l.mediaType() + ", " + l.bytes().length + " bytes").orElse(""));
        } catch (IllegalArgumentException e) {
            renderCurrent(ctx, HttpStatus.UNPROCESSABLE_CONTENT, pages.texts().get("staff.settings.error", e.getMessage()));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.redirect("/staff/admin/settings?logo=saved", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /staff/admin/logo/remove}. */
    public void removeLogo(Context ctx) {
        if (settings.hasLogo()) {
            settings.removeLogo();
            audit.record(pages.user(ctx).username(), AuditAction.LOGO_REMOVED, null, null);
        }
        ctx.redirect("/staff/admin/settings?logo=removed", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /clinic-logo}: the logo with its own media type, or 404 when there is none. */
    public void logo(Context ctx) {
        ClinicSettings.Logo logo = settings.logo().orElseThrow(() -> new NotFoundResponse("no-logo"));
        ctx.contentType(logo.mediaType());
        ctx.result(logo.bytes());
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void renderCurrent(Context ctx, HttpStatus status, String error) {
        KioskConfig c = settings.get();
        render(ctx, status, c.clinicName(), c.languages(), c.defaultLanguage(), Long.toString(c.idleTimeout().toSeconds()),
                Integer.toString(c.retentionDays()), c.askName(), error, null);
    }

    private void render(Context ctx, HttpStatus status, String clinicName, List<String> offered, String defaultLanguage,
                        String idle, String retention, boolean askName, String error, String notice) {
        List<LanguageOption> languages = Languages.SUPPORTED.stream()
                .map(l -> new LanguageOption(l, Texts.in(l).get("language.name"), offered.contains(l), l.equals(defaultLanguage)))
                .toList();
        ctx.status(status);
        pages.render(ctx, "staff/settings.jte", new SettingsPage(pages.page(ctx, "staff.settings.title"), clinicName,
                languages, idle, retention, askName, settings.hasLogo(), error, notice, ClinicSettings.MAX_LOGO_BYTES / 1024));
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
