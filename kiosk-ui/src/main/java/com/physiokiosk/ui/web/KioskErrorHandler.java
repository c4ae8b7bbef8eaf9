package com.physiokiosk.ui.web;

import java.io.IOException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refuses before the app sees it (a path that is not valid UTF-8, an
 * ambiguous path): a short message for any method, never a stack trace, with the same security
 * headers as every other response.
 */
public final class KioskErrorHandler extends ErrorHandler {

    public KioskErrorHandler() {
        setShowStacks(false);
        setShowMessageInTitle(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        Security.HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
        SecurityHeaders.NOT_STORED.forEach(response.getHeaders()::put);
        super.generateResponse(request, response, code, message, null, callback);
    }
}
