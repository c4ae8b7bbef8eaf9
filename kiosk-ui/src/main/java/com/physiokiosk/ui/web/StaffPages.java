package com.physiokiosk.ui.web;

import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.ui.view.Page;
import com.physiokiosk.ui.view.Pages;
import com.physiokiosk.ui.view.Templates;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.Views.MessagePage;
import gg.jte.html.HtmlContent;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What every staff page shares: texts in the clinic's default language, the signed-in member (set
 * on the request by {@link Security#checkAccess}), the staff form token, and the staff message page.
 */
public final class StaffPages {

    private static final String USER = "kiosk.staff-session";

    /** The clinic's settings as they are now. */
    private final Supplier<KioskConfig> settings;
    private final Pages pages;
    private final StaffSessions sessions;
    private final FormTokens formTokens;
    private final BooleanSupplier hasLogo;

    /** The settings in force now. */
    public KioskConfig settings() {
        return settings.get();
    }

    /** Whether the signed-in member on {@code ctx} may see every site's check-ins, not only this site's. */
    public boolean mayViewAllSites(Context ctx) {
        return settings.get().mayViewAllSites(user(ctx).isAdmin());
    }

    public StaffPages(Supplier<KioskConfig> settings, BooleanSupplier hasLogo, Pages pages, StaffSessions sessions,
                      FormTokens formTokens) {
        this.settings = settings;
        this.hasLogo = hasLogo;
        this.pages = pages;
        this.sessions = sessions;
        this.formTokens = formTokens;
    }

    /** Staff read the kiosk in the clinic's default language. */
    public Texts texts() {
        return Texts.in(config().defaultLanguage());
    }

    /** The clinic's settings as they are now. */
    public KioskConfig config() {
        return settings.get();
    }

    public Pages pages() {
        return pages;
    }

    /** Remembers the signed-in session for the rest of this request. */
    static void setUser(Context ctx, StaffSessions.StaffSession session) {
        ctx.attribute(USER, session);
    }

    /** The signed-in staff member of this request; only called on routes that require one. */
    public StaffSessions.StaffSession user(Context ctx) {
        StaffSessions.StaffSession s = ctx.attribute(USER);
        if (s == null) {
            throw new IllegalStateException("no signed-in staff member on " + ctx.path());
        }
        return s;
    }

    /**
     * The layout model of a page for the signed-in member: the clinic in the header, the section the
     * page belongs to marked, and the confirmation of their last action if this page is where it leads.
     */
    public Page page(Context ctx, String titleKey) {
        StaffSessions.StaffSession s = user(ctx);
        return Page.staff(texts(), texts().get(titleKey), s.csrf(), header(ctx, s), brand());
    }

    /** The layout model of a sign-in or set-up page: its form token needs no session ({@link FormTokens}). */
    public Page formPage(Context ctx, String titleKey) {
        return Page.staff(texts(), texts().get(titleKey), formTokens.issue(ctx), null, brand());
    }

    /**
     * Remembers a confirmation of what the member just did, for the page the action redirects to
     * (post, redirect, get): shown there once, in the header's place for notices.
     */
    public void confirm(Context ctx, String text) {
        sessions.confirm(user(ctx), text);
    }

    private Page.StaffUser header(Context ctx, StaffSessions.StaffSession s) {
        // The live list's own reloads do not take a confirmation meant for the page a person opens.
        String notice = ctx.header(StaffSessions.BACKGROUND) == null ? sessions.takeConfirmation(s) : null;
        return new Page.StaffUser(s.username(), s.isAdmin(), Page.sectionOf(ctx.path()), notice);
    }

    private Page.Brand brand() {
        return new Page.Brand(config().clinicName(), hasLogo.getAsBoolean() ? SettingsController.LOGO_URL : null);
    }

    /** Sends {@code page} (a {@link Templates} call) as HTML. */
    public void render(Context ctx, HtmlContent page) {
        pages.render(ctx, page);
    }

    /** A plain message page with {@code status}, with the header of whoever is signed in, if anyone. */
    public void message(Context ctx, HttpStatus status, String titleKey, String textKey) {
        Texts t = texts();
        // An address that matched no route was not checked for access: look the session up here.
        StaffSessions.StaffSession s = ctx.attribute(USER) != null ? ctx.attribute(USER)
                : sessions.signedIn(ctx).orElse(null);
        Page page = Page.staff(t, t.get(titleKey), s == null ? "" : s.csrf(), s == null ? null : header(ctx, s), brand());
        ctx.status(status);
        pages.render(ctx, Templates.message(new MessagePage(page, t.get(titleKey), t.get(textKey),
                s == null ? Security.SIGN_IN : "/staff/check-ins",
                t.get(s == null ? "staff.action.sign-in" : "staff.action.list"))));
    }
}
