package com.physiokiosk.bench.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The one HTTP client of the harness: HTTP/1.1 keep-alive on loopback, redirects not followed. */
public final class Http {

    /** No call in a benchmark may take longer than this. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Http() {
    }

    /**
     * A client for many concurrent callers. HTTP/1.1 explicitly: the default would try an h2c
     * upgrade on every new connection, which neither the kiosk nor a browser on plain HTTP does.
     */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** GETs {@code url} and returns the body, or throws unless the answer is 200. */
    public static byte[] getOk(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + url + " answered " + r.statusCode());
        }
        return r.body();
    }
}
