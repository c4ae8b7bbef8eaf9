package com.physiokiosk.ui.web;

import com.physiokiosk.engine.plugins.TopicHost;
import com.physiokiosk.engine.plugins.PluginStatus;
import com.physiokiosk.engine.safety.SafetyScreen;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.ui.view.Templates;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.Views.FieldErrors;
import com.physiokiosk.ui.view.Views.PluginRow;
import com.physiokiosk.ui.view.Views.RemovePluginPage;
import com.physiokiosk.ui.view.Views.TopicsAdminPage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin's topics page: every plugin with its state and problem, switch a topic on or off, install
 * an uploaded plugin jar, rescan the plugins folder, remove a plugin after a confirmation step. The
 * general safety screen is shown as always on and has no switch. Every action is in the audit log.
 * The {@link TopicHost} makes every change, one at a time.
 */
public final class TopicsAdminController {

    /** Where the upload form posts; multipart is accepted here (see {@link Security#checkForm}). */
    public static final String UPLOAD_PATH = "/staff/admin/topics/upload";

    private static final Pattern PLUGIN_ID = com.physiokiosk.api.TopicInfo.ID;

    private final TopicHost plugins;
    private final AuditLog audit;
    private final StaffPages pages;

    public TopicsAdminController(TopicHost plugins, AuditLog audit, StaffPages pages) {
        this.plugins = plugins;
        this.audit = audit;
        this.pages = pages;
    }

    /** {@code GET /staff/admin/topics}; the confirmation of the last action shows in the header's place for it. */
    public void page(Context ctx) {
        render(ctx, HttpStatus.OK, null, FieldErrors.NONE);
    }

    /**
     * {@code POST /staff/admin/topics/{plugin}/enabled}: {@code enabled=true} switches on, anything else off;
     * the switch writes its own audit line, with the stored choice.
     */
    public void setEnabled(Context ctx) {
        boolean on = "true".equals(ctx.formParam("enabled"));
        String id = existing(ctx, on ? "staff.topics.gone.switch-on" : "staff.topics.gone.switch-off");
        if (id == null) {
            return;
        }
        String who = pages.user(ctx).username();
        try {
            if (on) {
                plugins.enable(id, who);
            } else {
                plugins.disable(id, who);
            }
        } catch (TopicHost.Refused e) {
            refused(ctx, who, (on ? "switch on " : "switch off ") + id, e);
            return;
        }
        pages.confirm(ctx, pages.texts().get(on ? "staff.topics.switched-on" : "staff.topics.switched-off", name(id)));
        ctx.redirect("/staff/admin/topics", HttpStatus.SEE_OTHER);
    }

    /** {@code GET /staff/admin/topics/{plugin}/remove}: the confirmation step. */
    public void confirmRemove(Context ctx) {
        String id = existing(ctx, "staff.topics.gone.remove");
        if (id == null) {
            return;
        }
        Texts t = pages.texts();
        String name = name(id);
        pages.render(ctx, Templates.staffRemovePlugin(new RemovePluginPage(pages.page(ctx, "staff.topics.remove.title"),
                id, name, t.get("staff.topics.remove.confirm", name, id))));
    }

    /** {@code POST /staff/admin/topics/{plugin}/remove}: stops, unloads and deletes the plugin. */
    public void remove(Context ctx) {
        String id = existing(ctx, "staff.topics.gone.remove");
        if (id == null) {
            return;
        }
        String who = pages.user(ctx).username();
        String name = name(id);
        try {
            plugins.remove(id, who);
        } catch (TopicHost.Refused e) {
            refused(ctx, who, "remove " + id, e);
            return;
        }
        pages.confirm(ctx, pages.texts().get("staff.topics.removed", name, id));
        ctx.redirect("/staff/admin/topics", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /staff/admin/topics/upload}: a multipart form with the plugin jar as {@code jar}. */
    public void upload(Context ctx) {
        String who = pages.user(ctx).username();
        UploadedFile jar = ctx.contentType() != null && ctx.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/")
                ? ctx.uploadedFile("jar") : null;
        if (jar == null || jar.size() == 0) {
            renderWithJarError(ctx, HttpStatus.BAD_REQUEST, pages.texts().get("staff.topics.install.no-file"));
            return;
        }
        String id;
        // The jar's checks take seconds in a child JVM; the topic host keeps other admin actions waiting
        // only while it changes the plugin host, not during the checks.
        try (InputStream in = jar.content()) {
            if (jar.size() > TopicHost.MAX_JAR_BYTES) {
                throw new TopicHost.Refused("The file is larger than "
                        + TopicHost.MAX_JAR_BYTES / (1024 * 1024) + " MB");
            }
            id = plugins.install(in, who);
        } catch (TopicHost.Refused e) {
            refused(ctx, who, "upload " + safeFileName(jar.filename()), e);
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.confirm(ctx, pages.texts().get("staff.topics.installed", name(id), id));
        ctx.redirect("/staff/admin/topics", HttpStatus.SEE_OTHER);
    }

    /** {@code POST /staff/admin/topics/rescan}: loads jars dropped into the plugins folder. */
    public void rescan(Context ctx) {
        String added = String.join(", ", plugins.rescan(pages.user(ctx).username()));
        pages.confirm(ctx, added.isEmpty() ? pages.texts().get("staff.topics.rescanned.nothing")
                : pages.texts().get("staff.topics.rescanned", added));
        ctx.redirect("/staff/admin/topics", HttpStatus.SEE_OTHER);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void refused(Context ctx, String who, String what, TopicHost.Refused e) {
        audit.record(who, AuditAction.PLUGIN_REFUSED, null, AuditLog.shorten(what + ": " + e.getMessage()));
        String message = pages.texts().get("staff.topics.refused", e.getMessage());
        if (what.startsWith("upload")) {
            renderWithJarError(ctx, HttpStatus.UNPROCESSABLE_CONTENT, message);
        } else {
            render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, message, FieldErrors.NONE);
        }
    }

    /** The page with what is wrong with the uploaded jar next to its field, and a pointer to it on top. */
    private void renderWithJarError(Context ctx, HttpStatus status, String message) {
        render(ctx, status, pages.texts().get("staff.form.fix-below"), FieldErrors.of("jar", message));
    }

    /**
     * @param error  what went wrong, on top of the page, or {@code null}
     * @param fields what is wrong with the upload form's field
     */
    private void render(Context ctx, HttpStatus status, String error, FieldErrors fields) {
        Texts t = pages.texts();
        List<PluginRow> rows = plugins.plugins().stream()
                .map(p -> new PluginRow(p.id(), name(p.id()), p.version(), stateLabel(p.state(), t), p.problem(),
                        p.state() == PluginStatus.State.STARTED && plugins.topics().stream().anyMatch(x -> x.pluginId().equals(p.id()))))
                .toList();
        ctx.status(status);
        pages.render(ctx, Templates.staffTopics(new TopicsAdminPage(pages.page(ctx, "staff.topics.title"),
                t.get("staff.topics.safety"), rows, error, fields, TopicHost.MAX_JAR_BYTES / (1024 * 1024))));
    }

    /** The topic's title in the staff language: running, switched off since it ran, or as it was when switched off. */
    private String name(String pluginId) {
        return plugins.topicName(pluginId, pages.texts().language());
    }

    private static String stateLabel(PluginStatus.State state, Texts t) {
        return switch (state) {
            case STARTED -> t.get("staff.topics.state.started");
            case DISABLED -> t.get("staff.topics.state.disabled");
            case FAILED -> t.get("staff.topics.state.failed");
            default -> t.get("staff.topics.state.other", state.name());
        };
    }

    private Optional<PluginStatus> status(String id) {
        return plugins.plugins().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * The {@code {plugin}} of the path, when there is such a plugin. A tap on a row that is no longer
     * there (another admin removed the plugin, an old tab) shows the topics page as it is now, saying what
     * could not be done to which plugin, and gives {@code null}; a path that names no plugin at all is a 404.
     */
    private String existing(Context ctx, String goneKey) {
        String id = ctx.pathParam("plugin");
        if (!isPluginId(id) || SafetyScreen.ID.equals(id)) {
            // The general safety screen is the kiosk's own, never a plugin: there is nothing to switch or remove.
            throw new NotFoundResponse("no-such-plugin");
        }
        if (status(id).isEmpty()) {
            render(ctx, HttpStatus.NOT_FOUND, pages.texts().get(goneKey, name(id)), FieldErrors.NONE);
            return null;
        }
        return id;
    }

    private static boolean isPluginId(String id) {
        return id != null && PLUGIN_ID.matcher(id).matches();
    }

    /** An uploaded file's name for the audit log: its last part, plain characters only, short. */
    private static String safeFileName(String name) {
        if (name == null) {
            return "a file";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return AuditLog.shorten(last.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

}
