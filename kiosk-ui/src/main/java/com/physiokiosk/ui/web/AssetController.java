package com.physiokiosk.ui.web;

import com.physiokiosk.engine.plugins.LoadedTopic;
import com.physiokiosk.engine.plugins.TopicRegistry;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the files of a topic plugin's {@code assets/} folder (icons, illustrations) at
 * {@code /topic-assets/{topic}/{file}}. Only plain file names are accepted, looked up in the
 * plugin's own jar; a disabled topic's assets are gone with it.
 */
public final class AssetController {

    private static final Map<String, String> TYPES = Map.of(
            "svg", "image/svg+xml", "png", "image/png", "jpg", "image/jpeg", "webp", "image/webp");

    private final TopicRegistry registry;

    public AssetController(TopicRegistry registry) {
        this.registry = registry;
    }

    public void topicAsset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        Optional<URL> url = registry.find(ctx.pathParam("topic")).flatMap((LoadedTopic t) -> t.asset(file));
        if (url.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("Not found");
            return;
        }
        byte[] bytes;
        try (InputStream in = url.get().openStream()) {
            bytes = in.readAllBytes();
        }
        ctx.contentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
        // An SVG opened on its own must not run anything.
        ctx.header("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox");
        ctx.header("Cache-Control", "private, max-age=300");
        ctx.result(bytes);
    }
}
