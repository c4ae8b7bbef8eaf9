package com.physiokiosk.bench.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One browser, a patient's at the kiosk or the staff desk's: its own cookies and form token over a
 * shared {@link HttpClient}, sending each form with the page's token as the real form does.
 * Redirects are not followed, so a walk can check where the kiosk sends it.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");

    private final HttpClient http;
    private final String origin;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String cookieHeader;
    private String csrf = "";
    /** How long the patient reads a screen before each tap (each POST): none for a load client. */
    private long thinkMillis;

    public Browser(HttpClient http, int port) {
        this.http = http;
        this.origin = "http://127.0.0.1:" + port;
    }

    /** This browser, with a patient who reads each screen for {@code think} before tapping (posting). */
    public Browser thinking(java.time.Duration think) {
        this.thinkMillis = think.toMillis();
        return this;
    }

    /** An answer: its status, body and redirect target. */
    public record Page(int status, byte[] body, String location) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** GETs {@code path}; remembers the form token the page carries. */
    public Page get(String path) throws IOException, InterruptedException {
        Page page = fetch(path);
        if (page.status() == 200 && page.body().length > 0) {
            Matcher m = CSRF.matcher(page.text());
            if (m.find()) {
                csrf = m.group(1);
            }
        }
        return page;
    }

    /**
     * GETs {@code path} without reading the page: under load the client does no more work per
     * request than the baseline's client does, so it takes no more of the CPU the server needs.
     */
    public Page fetch(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** POSTs {@code fields} (name, value, name, value, …) and the current form token. */
    public Page post(String path, List<String> fields) throws IOException, InterruptedException {
        if (thinkMillis > 0) {
            Thread.sleep(thinkMillis);
        }
        StringBuilder body = new StringBuilder("csrf=").append(csrf);
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            body.append('&').append(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Http.TIMEOUT);
        if (cookieHeader != null) {
            b.header("Cookie", cookieHeader);
        }
        return b;
    }

    private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        List<String> setCookies = r.headers().allValues("Set-Cookie");
        if (!setCookies.isEmpty()) {
            remember(setCookies);
        }
        return new Page(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
    }

    /** The kiosk rotates the session at each new patient: keeps whatever cookie it sets last. */
    private void remember(List<String> setCookies) {
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
        cookieHeader = cookies.isEmpty() ? null : cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
