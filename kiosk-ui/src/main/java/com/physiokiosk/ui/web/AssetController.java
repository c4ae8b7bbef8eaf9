package com.physiokiosk.ui.web;

import com.physiokiosk.engine.plugins.TopicHost;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.ui.view.Assets;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the files of a topic plugin's {@code assets/} folder (icons, illustrations) at
 * {@code /topic-assets/{topic}/{file}}. Only plain file names are accepted, looked up in the
 * plugin's own jar; a disabled topic's assets are gone with it. Files are streamed, never read whole
 * into memory.
 */
public final class AssetController {

    private static final Logger log = LoggerFactory.getLogger(AssetController.class);

    /** The one buffer an asset is streamed through. */
    static final int BUFFER_BYTES = 8192;

    private static final Map<String, String> TYPES = Map.of(
            "svg", "image/svg+xml", "png", "image/png", "jpg", "image/jpeg", "webp", "image/webp");

    private final TopicHost host;

    public AssetController(TopicHost host) {
        this.host = host;
    }

    /**
     * The kiosk's own asset {@code /assets/{file}}: under its hashed name kept by the browser for a year (new content
     * is a new name); under its plain name (a page cached before an update, a bookmark) checked each time, with its
     * hash as the ETag.
     */
    public void kioskAsset(Context ctx) {
        String file = ctx.pathParam("file");
        Optional<Assets.Asset> found = Assets.find(file);
        if (found.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("Not found");
            return;
        }
        Assets.Asset a = found.get();
        ctx.contentType(a.type());
        if (file.equals(a.hashed())) {
            cacheable(ctx, "public, max-age=31536000, immutable");
        } else {
            String etag = "\"" + a.hash() + "\"";
            cacheable(ctx, "no-cache");
            ctx.header("ETag", etag);
            if (etag.equals(ctx.header("If-None-Match"))) {
                ctx.status(HttpStatus.NOT_MODIFIED);
                return;
            }
        }
        ctx.result(a.content());
    }

    public void topicAsset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        Optional<URL> url = host.find(ctx.pathParam("topic")).flatMap((LoadedTopic t) -> t.asset(file));
        if (url.isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("Not found");
            return;
        }
        try (InputStream in = url.get().openStream()) {
            ctx.contentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
            // An SVG opened on its own must not run anything.
            ctx.header("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; sandbox");
            cacheable(ctx, "private, max-age=300");
            copy(in, ctx.outputStream(), ctx.pathParam("topic") + "/" + file);
        }
    }

    /**
     * An asset says how it may be kept, in place of every answer's {@code no-store} ({@link SecurityHeaders}):
     * its {@code Cache-Control}, and no {@code Pragma: no-cache}.
     */
    private static void cacheable(Context ctx, String cacheControl) {
        ctx.header("Cache-Control", cacheControl);
        ctx.res().setHeader("Pragma", null);
    }

    /**
     * Streams an asset through one small buffer, never more than {@link LoadedTopic#MAX_ASSET_BYTES}: a
     * plugin with a larger asset is refused at load, so more here means the file changed under the kiosk.
     */
    static long copy(InputStream in, OutputStream out, String what) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long sent = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (sent + n > LoadedTopic.MAX_ASSET_BYTES) {
                log.error("Asset {} is larger than {} bytes; sent only the first {}", what, LoadedTopic.MAX_ASSET_BYTES, sent);
                break;
            }
            out.write(buffer, 0, n);
            sent += n;
        }
        return sent;
    }
}
