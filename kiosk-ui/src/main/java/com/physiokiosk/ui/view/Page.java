package com.physiokiosk.ui.view;

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
 */
public record Page(Texts t, String title, List<String> languages, String returnTo, boolean patient, long idleSeconds,
                   String csrf, boolean largeText, long returnSeconds, StaffUser staff) {

    /** Who is signed in on a staff page, for its header. */
    public record StaffUser(String username, boolean admin) {
    }

    /** A patient page with normal text that does not return to the welcome screen by itself. */
    public Page(Texts t, String title, List<String> languages, String returnTo, boolean patient, long idleSeconds,
                String csrf) {
        this(t, title, languages, returnTo, patient, idleSeconds, csrf, false, 0, null);
    }

    /** A staff page: no language switch, no idle reset; {@code user} is {@code null} before sign-in. */
    public static Page staff(Texts t, String title, String csrf, StaffUser user) {
        return new Page(t, title, List.of(), null, false, 0, csrf, false, 0, user);
    }

    /** This page with another title. */
    public Page withTitle(String newTitle) {
        return new Page(t, newTitle, languages, returnTo, patient, idleSeconds, csrf, largeText, returnSeconds, staff);
    }

    /** This page, returning to the welcome screen by itself after {@code seconds}. */
    public Page returningAfter(long seconds) {
        return new Page(t, title, languages, returnTo, patient, idleSeconds, csrf, largeText, seconds, staff);
    }

    public String lang() {
        return t.language();
    }
}
