package com.physiokiosk.ui.web;

import com.physiokiosk.engine.clients.ApiClient;
import com.physiokiosk.engine.clients.ApiClients;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.UnauthorizedResponse;
import java.util.Map;
import java.util.Optional;

/**
 * Who may read the FHIR API under {@value #PATH}: a clinic record system with a bearer token an admin created
 * on the settings page ({@link ApiClients}). The API is read-only, and its credentials open nothing else: a
 * request anywhere outside {@value #PATH} that carries an {@code Authorization} header is refused, so a leaked
 * record-system token reaches no patient or staff page, and no bearer token ever reaches the staff session
 * check. A staff session opens nothing under {@value #PATH}: staff use their own pages.
 *
 * <p>Refusals under {@value #PATH} are thrown (Javalin's {@link UnauthorizedResponse} and
 * {@link MethodNotAllowedResponse}) for the API's own exception handler to answer; the headers they need
 * ({@code WWW-Authenticate}, {@code Allow}) are set before.
 */
public final class ApiAuth {

    /** Where the API is. */
    public static final String PATH = "/fhir";
    /** The realm of the {@code WWW-Authenticate} challenge. */
    static final String REALM = "physio-kiosk";
    /** The methods the API answers: it only reads. */
    static final String ALLOWED_METHODS = "GET, HEAD";
    /** What a request with credentials outside the API is told (403). */
    static final String ONLY_FOR_API = "API credentials (an Authorization header) are only accepted under " + PATH
            + "/. Staff sign in on the staff pages; patients need no credentials.";

    private static final String CLIENT = "kiosk.api-client";
    private static final String BEARER = "Bearer ";

    private final ApiClients clients;

    public ApiAuth(ApiClients clients) {
        this.clients = clients;
    }

    /**
     * Whether {@code path} belongs to the API. Repeated slashes count as one, so no spelling of an API
     * address escapes the check.
     */
    private static final java.util.regex.Pattern DOUBLED_SLASHES = java.util.regex.Pattern.compile("/{2,}");

    public static boolean isApiPath(String path) {
        // Runs on every request: the regular expression only when a path has a doubled slash at all.
        String p = path.contains("//") ? DOUBLED_SLASHES.matcher(path).replaceAll("/") : path;
        return p.equals(PATH) || p.startsWith(PATH + "/");
    }

    /**
     * Before every request: under {@value #PATH}, only GET and HEAD (405 otherwise) with the bearer token
     * of an active client (401 otherwise), which is then on the request for {@link #client}. Anywhere else, a
     * request with an {@code Authorization} header is refused (403, plain text) and goes no further.
     */
    public void check(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (!isApiPath(ctx.path())) {
            if (authorization != null) {
                ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8").result(ONLY_FOR_API);
                ctx.skipRemainingHandlers();
            }
            return;
        }
        String method = ctx.method().name();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ctx.header("Allow", ALLOWED_METHODS);
            throw new MethodNotAllowedResponse("The FHIR API is read-only: " + ALLOWED_METHODS + " only",
                    Map.of("availableMethods", ALLOWED_METHODS));
        }
        String token = bearerToken(authorization);
        if (token == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
            throw new UnauthorizedResponse("A bearer token is needed: Authorization: Bearer <token>");
        }
        Optional<ApiClient> client = clients.authenticate(token);
        if (client.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
            throw new UnauthorizedResponse("The bearer token is not one of an active API client");
        }
        ctx.attribute(CLIENT, client.get());
    }

    /**
     * The record system this API request comes from, for its audit lines.
     *
     * @throws IllegalStateException on a request {@link #check} did not let through as an API read: a
     *                               route that calls this can never be reached without a token
     */
    public static ApiClient client(Context ctx) {
        ApiClient client = ctx.attribute(CLIENT);
        if (client == null) {
            throw new IllegalStateException("no API client on " + ctx.method() + " " + ctx.path());
        }
        return client;
    }

    /** The token of an {@code Authorization: Bearer <token>} header (the scheme in any case), or {@code null}. */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
