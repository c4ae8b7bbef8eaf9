package com.physiokiosk.ui.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What every page's layout needs.
 *
 * @param t             host texts in the page's language
 * @param title         the page title (also the browser tab title)
 * @param languages     languages the patient can switch to
 * @param returnTo      the path to come back to after switching language or text size, or {@code null} for none
 * @param patient       whether this is a patient screen (shows "start again" and idle reset)
 * @param idleSeconds   seconds of inactivity before a patient screen resets, 0 for none
 * @param csrf          the form token of this session, or empty
 * @param largeText     whether the patient asked for larger text
 * @param returnSeconds seconds after which the screen returns to the welcome screen by itself, 0 for never
 * @param staff         the signed-in staff member on a staff page, or {@code null}
 * @param brand         the clinic's name and logo for the page's header, or {@code null} for none
 * @param progress      the visit's progress to show above the screen, or {@code null} for none
 */
public record Page(Texts t, String title, List<String> languages, String returnTo, boolean patient, long idleSeconds,
                   String csrf, boolean largeText, long returnSeconds, StaffUser staff, Brand brand,
                   Progress progress) {

    /** The message keys of the visit's named steps, in order: the safety screen, About you, the topic, the check. */
    public static final List<String> STEPS = List.of("step.safety", "step.about", "step.topic", "step.check");

    /**
     * Who is signed in on a staff page, and where they are, for its header.
     *
     * @param section the {@link NavItem#path()} of the staff section the page belongs to, or {@code null}
     * @param notice  a confirmation of what they just did, shown once, or {@code null}
     */
    public record StaffUser(String username, boolean admin, String section, String notice) {

        /** Whether {@code item} is the section of this page. */
        public boolean isCurrent(NavItem item) {
            return item.path().equals(section);
        }
    }

    /** One section of the staff pages' navigation. */
    public record NavItem(String path, String titleKey, boolean adminOnly) {
    }

    /** The staff pages' sections, in the order the header shows them. */
    public static final List<NavItem> STAFF_NAV = List.of(
            new NavItem("/staff/check-ins", "staff.list.title", false),
            new NavItem("/staff/audit", "staff.audit.title", true),
            new NavItem("/staff/accounts", "staff.accounts.title", true),
            new NavItem("/staff/admin/topics", "staff.topics.title", true),
            new NavItem("/staff/admin/settings", "staff.settings.title", true),
            new NavItem("/staff/admin/catalogue", "staff.catalogue.title", true));

    /** The section a staff page at {@code path} belongs to (a check-in's summary is in the list's), or {@code null}. */
    public static String sectionOf(String path) {
        return STAFF_NAV.stream().map(NavItem::path)
                .filter(p -> path.equals(p) || path.startsWith(p + "/"))
                .findFirst().orElse(null);
    }

    /**
     * The clinic as the patient's header shows it.
     *
     * @param logoUrl the clinic's logo, or {@code null} for the kiosk's own mark
     */
    public record Brand(String clinicName, String logoUrl) {
    }

    /**
     * One progress indicator for the whole visit.
     *
     * @param step    the index in {@link #STEPS} of the step the screen belongs to
     * @param percent how much of the whole visit is done, 0 to 100; it never goes down within a visit
     */
    public record Progress(int step, int percent) {

        /** Whether the bar has passed step {@code i}: it shows as done, even when the patient went back to it. */
        public boolean done(int i) {
            return percent >= (i + 1) * 100 / STEPS.size();
        }
    }

    /** A page with no brand and no progress. */
    public Page(Texts t, String title, List<String> languages, String returnTo, boolean patient, long idleSeconds,
                String csrf, boolean largeText, long returnSeconds, StaffUser staff) {
        this(t, title, languages, returnTo, patient, idleSeconds, csrf, largeText, returnSeconds, staff, null, null);
    }

    /** A patient page with normal text that does not return to the welcome screen by itself. */
    public Page(Texts t, String title, List<String> languages, String returnTo, boolean patient, long idleSeconds,
                String csrf) {
        this(t, title, languages, returnTo, patient, idleSeconds, csrf, false, 0, null);
    }

    /** A staff page: no language switch, no idle reset; {@code user} is {@code null} before sign-in. */
    public static Page staff(Texts t, String title, String csrf, StaffUser user, Brand brand) {
        return new Page(t, title, List.of(), null, false, 0, csrf, false, 0, user, brand, null);
    }

    /** This page with another title. */
    public Page withTitle(String newTitle) {
        return new Page(t, newTitle, languages, returnTo, patient, idleSeconds, csrf, largeText, returnSeconds, staff,
                brand, progress);
    }

    /** This page, returning to the welcome screen by itself after {@code seconds}. */
    public Page returningAfter(long seconds) {
        return new Page(t, title, languages, returnTo, patient, idleSeconds, csrf, largeText, seconds, staff, brand,
                progress);
    }

    /** This page with the clinic's name and logo in its header. */
    public Page withBrand(Brand newBrand) {
        return new Page(t, title, languages, returnTo, patient, idleSeconds, csrf, largeText, returnSeconds, staff,
                newBrand, progress);
    }

    /** This page with the visit's progress above it. */
    public Page withProgress(Progress newProgress) {
        return new Page(t, title, languages, returnTo, patient, idleSeconds, csrf, largeText, returnSeconds, staff,
                brand, newProgress);
    }

    public String lang() {
        return t.language();
    }

    /** Whether the header offers "Start again": a visit in progress on a screen the patient can come back to. */
    public boolean offersStartAgain() {
        return patient && !csrf.isEmpty() && returnTo != null && returnSeconds == 0;
    }

    /** The "Start again?" question, which comes back here when the patient says no. */
    public String startAgainUrl() {
        return "/start-again?back=" + URLEncoder.encode(returnTo == null ? "/" : returnTo, StandardCharsets.UTF_8);
    }
}
