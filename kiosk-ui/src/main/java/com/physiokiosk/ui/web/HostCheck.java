package com.physiokiosk.ui.web;

import com.physiokiosk.engine.config.KioskConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a request that changes something, or opens the sign-in or first-account set-up, unless it
 * names the kiosk itself as its host and, when the browser says where the form came from, comes from
 * the kiosk's own pages. A web page elsewhere cannot then drive a browser on the kiosk machine
 * (DNS rebinding makes its own name point at 127.0.0.1, but the Host header still carries that name),
 * nor post a form to the kiosk from another site.
 *
 * <p>The kiosk's names: {@code localhost}, this machine's host name and every address of its network
 * interfaces (looked up again every minute, as DHCP may change them), and the clinic's own names in
 * {@code kiosk.public-hostnames}.
 */
public final class HostCheck {

    private static final Logger log = LoggerFactory.getLogger(HostCheck.class);
    private static final long REFRESH_NANOS = 60_000_000_000L;

    /** Pages that must not be framed into another site's flow even to be read: sign-in and set-up. */
    private static final Set<String> GUARDED_PAGES = Set.of("/staff/sign-in", "/staff/setup", "/setup");

    private final Supplier<KioskConfig> settings;
    private volatile Set<String> ownNames = Set.of();
    private volatile long lookedUpAt;

    public HostCheck(Supplier<KioskConfig> settings) {
        this.settings = settings;
    }

    public void check(Context ctx) {
        String method = ctx.method().name();
        boolean changes = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        // The FHIR API writes its own address (the Host header) into the links it answers with: named hosts only.
        if (!changes && !GUARDED_PAGES.contains(ctx.path()) && !ApiAuth.isApiPath(ctx.path())) {
            return;
        }
        String host = hostOf(ctx.header("Host"));
        if (host == null || !isOwnName(host)) {
            log.warn("Refused {} {}: the request names another host", method, ctx.path());
            throw new Security.BadRequest(421, "request.host");
        }
        if (!changes) {
            return;
        }
        // The browser's own word first (fetch metadata); then the Origin header. The kiosk's pages send no
        // referrer, so a browser sends "Origin: null" with their forms: that says nothing either way.
        String site = ctx.header("Sec-Fetch-Site");
        String origin = ctx.header("Origin");
        boolean crossSite = site != null ? !site.equals("same-origin") && !site.equals("none")
                : origin != null && !origin.equals("null") && !sameOrigin(origin, ctx.header("Host"));
        if (crossSite) {
            log.warn("Refused {} {}: the form came from another site", method, ctx.path());
            throw new Security.BadRequest(403, "request.origin");
        }
    }

    /** Whether {@code origin} (scheme://host[:port], or "null") is the kiosk page's own origin. */
    private static boolean sameOrigin(String origin, String hostHeader) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(hostHeader.strip())
                    || uri.getPort() < 0 && hostOf(hostHeader) != null && uri.getHost().equalsIgnoreCase(hostOf(hostHeader))
                    && defaultPort(uri.getScheme(), hostHeader);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean defaultPort(String scheme, String hostHeader) {
        String h = hostHeader.strip();
        int colon = h.lastIndexOf(':');
        boolean hasPort = colon > h.lastIndexOf(']') && colon > 0;
        if (!hasPort) {
            return true;
        }
        String port = h.substring(colon + 1);
        return scheme.equals("http") && port.equals("80") || scheme.equals("https") && port.equals("443");
    }

    /** The host name of a Host header, lower-case, without port or IPv6 brackets; {@code null} if malformed. */
    static String hostOf(String header) {
        if (header == null || header.isBlank() || header.length() > 300) {
            return null;
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? null : h.substring(1, end);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    private boolean isOwnName(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || settings.get().publicHostnames().contains(host)) {
            return true;
        }
        Set<String> names = ownNames;
        if (System.nanoTime() - lookedUpAt > REFRESH_NANOS || !names.contains(host) && lookedUpAt == 0) {
            names = lookUp();
        }
        return names.contains(host);
    }

    /** This machine's names and addresses, as a Host header would carry them. */
    private synchronized Set<String> lookUp() {
        Set<String> names = new HashSet<>(List.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1"));
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName().toLowerCase(Locale.ROOT));
            names.add(local.getCanonicalHostName().toLowerCase(Locale.ROOT));
            names.add(local.getHostAddress());
        } catch (java.io.IOException e) {
            log.debug("No local host name: {}", e.toString());
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    String address = a.getHostAddress().toLowerCase(Locale.ROOT);
                    int zone = address.indexOf('%');
                    names.add(zone < 0 ? address : address.substring(0, zone));
                }
            }
        } catch (java.io.IOException e) {
            log.warn("Cannot list this machine's addresses: {}", e.toString());
        }
        String bind = settings.get().bindAddress();
        if (!bind.equals("0.0.0.0") && !bind.equals("::")) {
            names.add(bind.toLowerCase(Locale.ROOT));
        }
        ownNames = Set.copyOf(names);
        lookedUpAt = System.nanoTime();
        return ownNames;
    }
}
