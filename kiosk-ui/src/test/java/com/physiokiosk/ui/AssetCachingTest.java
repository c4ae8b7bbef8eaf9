package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.ui.view.Assets;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Assets cached for a year under names that change with their content, pages never stored: every patient and
 * staff page names only hashed assets; a hashed asset says {@code immutable}; a plain name is checked each time.
 */
@DisplayName("Assets cached by their content's hash, pages never")
class AssetCachingTest {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/assets/[^\"]+)\"");
    private TestKiosk kiosk;

    @BeforeEach
    void start() {
        kiosk = TestKiosk.withAdmin();
    }

    @AfterEach
    void stop() {
        kiosk.close();
    }

    @Test
    @DisplayName("pages name hashed assets only and are no-store; a hashed asset is immutable for a year")
    void hashedAndImmutable() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = new Browser(server.port());
            Walker w = new Walker(b);
            String first = w.start("en", "Ana");
            List<HttpResponse<String>> pages = List.of(b.get("/"), b.get(first),
                    w.answerUntil(first, "/q/about/fact.pain-areas"),
                    TestKiosk.admin(server.port()).page("/staff/check-ins"));
            int named = 0;
            for (HttpResponse<String> page : pages) {
                assertEquals(200, page.statusCode(), page.uri().toString());
                assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""), page.uri().toString());
                Matcher m = ASSET.matcher(page.body());
                while (m.find()) {
                    named++;
                    assertTrue(m.group(1).matches("/assets/[a-z]+\\.[0-9a-f]{10}\\.(css|js|svg)"),
                            page.uri() + " names " + m.group(1));
                    HttpResponse<String> asset = b.get(m.group(1));
                    assertEquals(200, asset.statusCode(), m.group(1));
                    assertEquals("public, max-age=31536000, immutable",
                            asset.headers().firstValue("Cache-Control").orElse(""), m.group(1));
                }
            }
            assertTrue(named >= 8, "the pages name their style sheet, scripts and mark: " + named);
            HttpResponse<String> css = b.get(Assets.url("kiosk.css"));
            assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
            assertTrue(css.body().contains(".body-map"));
            assertEquals(404, b.get("/assets/kiosk.0123456789.css").statusCode(), "another content's hash");
            assertEquals(404, b.get("/assets/nothing.css").statusCode());
        });
    }

    @Test
    @DisplayName("a plain name (a page from before an update) is served, checked each time with its hash as ETag")
    void plainNamesRevalidate() {
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/assets/kiosk.js");
            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, plain.statusCode());
            assertEquals("no-cache", plain.headers().firstValue("Cache-Control").orElse(""));
            String etag = plain.headers().firstValue("ETag").orElseThrow();
            assertEquals("\"" + Assets.url("kiosk.js").replaceAll(".*kiosk\\.([0-9a-f]+)\\.js", "$1") + "\"", etag);
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(304, again.statusCode());
            assertFalse(again.body().contains("use strict"), "no body with a 304");
        });
    }
}
