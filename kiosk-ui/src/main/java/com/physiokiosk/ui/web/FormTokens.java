package com.physiokiosk.ui.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The form token of the sign-in and set-up forms, which are used before there is a staff session:
 * a signed double-submit token. The same token goes in a cookie ({@value #COOKIE}: HttpOnly,
 * SameSite=Strict, sent to {@code /staff} only) and in the form's hidden field; a POST is taken only
 * when the two match and the token carries this kiosk process's signature and is not older than
 * {@link #MAX_AGE}. The kiosk keeps nothing per browser, so opening the sign-in page any number of
 * times creates no server session and cannot crowd out anyone's (issue 14: 5,200 GETs of the page
 * filled the session table and signed-in staff mid-form lost theirs).
 *
 * <p>Token: 16 random bytes, the issue time in seconds, and an HMAC-SHA256 over both with a key made
 * at start-up, all in hex. A restart makes open forms stale; the form then asks to reload.
 */
public final class FormTokens {

    public static final String COOKIE = "KIOSK_STAFF_FORM";

    /** The forms that use these tokens instead of a staff session's. */
    static final Set<String> PATHS = Set.of(Security.SIGN_IN, "/staff/setup");

    /** A sign-in form left open longer than this asks to be reloaded. */
    static final Duration MAX_AGE = Duration.ofHours(12);

    private static final int RANDOM_BYTES = 16;
    private static final int TIME_BYTES = 8;
    private static final int MAC_BYTES = 32;
    private static final int LENGTH = 2 * (RANDOM_BYTES + TIME_BYTES + MAC_BYTES);
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;
    private final Clock clock;

    public FormTokens(Clock clock) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    /**
     * The token for a form on this page: the browser's own while it is valid (so two open tabs both
     * work), otherwise a new one set in the cookie.
     */
    public String issue(Context ctx) {
        String held = ctx.cookie(COOKIE);
        if (held != null && valid(held)) {
            return held;
        }
        byte[] value = new byte[RANDOM_BYTES];
        random.nextBytes(value);
        String token = sign(HEX.formatHex(value) + HEX.toHexDigits(clock.instant().getEpochSecond()));
        ctx.cookie(new Cookie(COOKIE, token, StaffSessions.PATH, -1, "https".equals(ctx.scheme()), true, null,
                SameSite.STRICT));
        return token;
    }

    /** Whether the form's {@code given} token is the cookie's, signed by this kiosk and recent. */
    public boolean check(Context ctx, String given) {
        String held = ctx.cookie(COOKIE);
        return held != null && given != null && MessageDigest.isEqual(held.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII)) && valid(held);
    }

    private boolean valid(String token) {
        if (token.length() != LENGTH || !token.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
            return false;
        }
        int signedPart = 2 * (RANDOM_BYTES + TIME_BYTES);
        if (!MessageDigest.isEqual(sign(token.substring(0, signedPart)).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        long issued = HEX.fromHexDigitsToLong(token.substring(2 * RANDOM_BYTES, signedPart));
        long age = clock.instant().getEpochSecond() - issued;
        return age >= -60 && age <= MAX_AGE.toSeconds();
    }

    /** {@code payload} followed by its signature, in hex. */
    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return payload + HEX.formatHex(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
