package com.physiokiosk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sign-in attempts as a script would send them, from any loopback address (127.0.0.0/8 on Linux),
 * so that tests of per-address rules need no seam in the kiosk: it sees the real source address.
 */
final class SignInClient {

    private static final Pattern FORM_COOKIE = Pattern.compile("KIOSK_STAFF_FORM=([0-9a-f]+)");

    private final int port;
    final String from;
    private String token;

    SignInClient(int port, String from) {
        this.port = port;
        this.from = from;
    }

    /** The sign-in page as this client sees it; keeps the form token it sets. */
    RawHttp.Response page() {
        RawHttp.Response r = send("GET", null, List.of("Accept: text/html"));
        Matcher m = FORM_COOKIE.matcher(r.header("set-cookie"));
        if (m.find()) {
            token = m.group(1);
        }
        return r;
    }

    /** Uses {@code token} (another client's, say) as its form token. */
    SignInClient withToken(String token) {
        this.token = token;
        return this;
    }

    String token() {
        if (token == null) {
            page();
        }
        return token;
    }

    /** A sign-in with the form token in cookie and field, as the form sends it. */
    RawHttp.Response signIn(String username, String password) {
        String t = token();
        return send("POST", "username=" + enc(username) + "&password=" + enc(password) + "&csrf=" + t,
                List.of("Content-Type: application/x-www-form-urlencoded", "Cookie: KIOSK_STAFF_FORM=" + t));
    }

    private RawHttp.Response send(String method, String body, List<String> headers) {
        try {
            return RawHttp.send(from, port, method, "/staff/sign-in", headers,
                    body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("sign-in from " + from, e);
        }
    }

    /** The error message on a refused sign-in's page. */
    static String error(RawHttp.Response r) {
        Matcher m = Pattern.compile("<p class=\"error\" role=\"alert\">([^<]*)</p>").matcher(r.body());
        return m.find() ? m.group(1) : "";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
