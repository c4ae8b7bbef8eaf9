package com.physiokiosk.ui;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A patient's browser in HTTP tests: keeps cookies, does not follow redirects (tests check where
 * the kiosk sends them), and sends each form with the page's token, as a real form would.
 */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"");
    private static final Pattern SCREEN = Pattern.compile("name=\"screen\" value=\"([0-9a-f]+)\"");

    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String origin;
    private String csrf = "";
    private String screen = "";
    /** Told each request's time in nanoseconds, for tests that measure latency; or null. */
    java.util.function.LongConsumer timings;

    Browser(int port) {
        this.origin = "http://localhost:" + port;
    }

    HttpResponse<String> get(String path) {
        return get(path, new String[0]);
    }

    /** GET with extra request headers (name, value, …), e.g. {@code Accept: text/html} as a browser sends. */
    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** GET the way a browser follows a link: asking for HTML. */
    HttpResponse<String> page(String path) {
        return get(path, "Accept", "text/html,application/xhtml+xml");
    }

    /** GET as raw bytes, for downloads such as the PDF. */
    HttpResponse<byte[]> bytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(origin + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The form token of the last page read. */
    String csrf() {
        return csrf;
    }

    /** The value of cookie {@code name} this browser holds, or empty. */
    String cookie(String name) {
        return http.cookieHandler().map(h -> ((java.net.CookieManager) h).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)).map(java.net.HttpCookie::getValue)
                .findFirst().orElse("")).orElse("");
    }

    String origin() {
        return origin;
    }

    /** The screen token of the last page read (a question's form carries it), or empty. */
    String screen() {
        return screen;
    }

    /**
     * Posts {@code fields} (name, value, name, value, …) plus the current form token and, as a
     * question's form does, the token of the screen last read.
     */
    HttpResponse<String> post(String path, String... fields) {
        List<String> all = new ArrayList<>(List.of(fields));
        all.add("csrf");
        all.add(csrf);
        if (!screen.isEmpty()) {
            all.add("screen");
            all.add(screen);
        }
        return postRaw(path, all.toArray(String[]::new));
    }

    /** Posts exactly {@code fields}, with no token added. */
    HttpResponse<String> postRaw(String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    /**
     * Posts a multipart form as a browser sends a file: {@code fields} (name, value, …) and the
     * current form token, then one file.
     */
    HttpResponse<String> postFile(String path, String fileField, String fileName, String contentType, byte[] content,
                                  String... fields) {
        String boundary = "----kiosk-test-" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(fields));
        all.add("csrf");
        all.add(csrf);
        for (int i = 0; i + 1 < all.size(); i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i) + "\"\r\n\r\n"
                    + all.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "expected a redirect, got " + r.statusCode() + ": " + r.body()));
    }

    /** Sends {@code request}; a page in the answer becomes the page on screen, whose tokens the next form sends. */
    HttpResponse<String> send(HttpRequest request) {
        try {
            long start = System.nanoTime();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (timings != null) {
                timings.accept(System.nanoTime() - start);
            }
            if (r.body().contains("<html")) {
                Matcher m = CSRF.matcher(r.body());
                if (m.find()) {
                    csrf = m.group(1);
                }
                Matcher s = SCREEN.matcher(r.body());
                screen = s.find() ? s.group(1) : "";
            }
            return r;
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
