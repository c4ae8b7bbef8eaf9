package com.physiokiosk.bench.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clinic's desktop over HTTP, signed in as the {@code admin} account the kiosk made from
 * {@code KIOSK_ADMIN_PASSWORD}: today's check-ins, a check-in's PDF, a topic switched off and on.
 * Every call checks what the kiosk answered; anything else is a failed call.
 *
 * <p>The desk is a browser of its own, as at the clinic: its own HTTP client, so its calls are not
 * queued in the harness behind those of the patients' kiosks (the JDK's client serves all its
 * connections from one selector thread).
 */
public final class StaffDesk {

    /** The admin password the benchmarks give the kiosk they start; the account exists only in their work folder. */
    public static final String ADMIN_PASSWORD = "bench-admin-password-1";

    private static final Pattern CHECK_IN_LINK = Pattern.compile("href=\"/staff/check-ins/([A-Za-z0-9_-]+)\"");

    private final Browser browser;

    private StaffDesk(Browser browser) {
        this.browser = browser;
    }

    /** Signs in as {@code admin}, from a browser of its own. */
    public static StaffDesk signIn(int port) throws IOException, InterruptedException {
        Browser browser = new Browser(Http.newClient(), port);
        ok(browser.get("/staff/sign-in"), "the sign-in page");
        Browser.Page signedIn = browser.post("/staff/sign-in", List.of("username", "admin", "password", ADMIN_PASSWORD));
        if (signedIn.status() != 303 || !"/staff/check-ins".equals(signedIn.location())) {
            throw new IOException("signing in as admin answered " + signedIn.status() + " to " + signedIn.location());
        }
        return new StaffDesk(browser);
    }

    /** The public ids of today's check-ins, as the list links to them. */
    public List<String> todaysCheckIns() throws IOException, InterruptedException {
        Matcher m = CHECK_IN_LINK.matcher(ok(browser.get("/staff/check-ins"), "today's check-ins").text());
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** Opens check-in {@code id}'s summary page. */
    public void summary(String id) throws IOException, InterruptedException {
        ok(browser.get("/staff/check-ins/" + id), "the summary of a check-in");
    }

    /** Downloads check-in {@code id}'s one-page summary as a PDF; returns its size in bytes. */
    public int pdf(String id) throws IOException, InterruptedException {
        Browser.Page pdf = ok(browser.fetch("/staff/check-ins/" + id + "/pdf"), "the PDF of a check-in");
        byte[] body = pdf.body();
        if (body.length < 5 || !new String(body, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new IOException("the PDF of a check-in is not a PDF (" + body.length + " bytes)");
        }
        return body.length;
    }

    /** Opens the topics page, which carries the form token every switch sends. */
    public void openTopics() throws IOException, InterruptedException {
        ok(browser.get("/staff/admin/topics"), "the topics page");
    }

    /** Taps "enable" or "disable" on {@code pluginId}, as the topics page's form does. */
    public void setEnabled(String pluginId, boolean enabled) throws IOException, InterruptedException {
        String path = "/staff/admin/topics/" + pluginId + "/enabled";
        Browser.Page done = browser.post(path, List.of("enabled", Boolean.toString(enabled)));
        if (done.status() != 303) {
            throw new IOException((enabled ? "enabling " : "disabling ") + pluginId + " answered " + done.status());
        }
    }

    private static Browser.Page ok(Browser.Page page, String what) throws IOException {
        if (page.status() != 200) {
            throw new IOException(what + " answered " + page.status());
        }
        return page;
    }
}
