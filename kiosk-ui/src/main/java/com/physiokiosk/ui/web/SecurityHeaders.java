package com.physiokiosk.ui.web;

import java.util.List;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts {@link Security#HEADERS} and {@code Cache-Control: no-store} on every response, before any handler
 * of the app runs: patient answers must never come back from a cache, the back button or history. Only an
 * answer that may be kept says so itself (the assets, {@link AssetController}), replacing it; the default
 * is never decided by the address, so no spelling of one escapes it. The fields are encoded once, at
 * start-up, so a page pays no more for them than copying their bytes. Jetty's own error pages get them
 * from {@link KioskErrorHandler}.
 */
public final class SecurityHeaders extends Handler.Wrapper {

    private static final List<HttpField> ALWAYS = Security.HEADERS.entrySet().stream()
            .<HttpField>map(h -> new PreEncodedHttpField(h.getKey(), h.getValue())).toList();

    /** Also {@link KioskErrorHandler}'s. */
    static final List<HttpField> NOT_STORED = List.of(
            new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "no-store"),
            new PreEncodedHttpField(HttpHeader.PRAGMA, "no-cache"));

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        ALWAYS.forEach(headers::add);
        NOT_STORED.forEach(headers::add);
        return super.handle(request, response, callback);
    }
}
