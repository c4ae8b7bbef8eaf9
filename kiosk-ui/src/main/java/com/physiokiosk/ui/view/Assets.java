package com.physiokiosk.ui.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The kiosk's own style sheets, scripts and mark (in {@code /public} on the class path) and the scripts it takes from
 * WebJars (htmx), each served under a name
 * that carries a hash of its content, {@code /assets/kiosk.<hash>.css}: a browser may keep such a file for a year
 * without asking again, since new content is a new name, while the pages that name them are never stored. Read once,
 * at start; a few tens of kilobytes.
 */
public final class Assets {

    /** Where the assets are served. */
    public static final String PATH = "/assets/";

    /** Every file of {@code /public}; AssetsTest checks the folder holds no other. */
    static final List<String> FILES = List.of("kiosk.css", "kiosk.js", "staff.js", "summary.css", "catalogue.css",
            "mark.svg");

    /**
     * Scripts from WebJars on the class path, by the name the pages use: the WebJar's artifact and the file in its
     * folder. The version is the one the build put on the class path, read from the WebJar's own Maven properties.
     */
    static final Map<String, WebJarFile> WEBJARS = Map.of("htmx.js", new WebJarFile("htmx.org", "dist/htmx.min.js"));

    /** A file of a WebJar: its artifact (of group {@code org.webjars.npm}) and the file's path in its folder. */
    record WebJarFile(String artifact, String file) {
    }

    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml");

    /**
     * One asset.
     *
     * @param name     its plain name, {@code kiosk.css}
     * @param hashed   its name with its hash, {@code kiosk.0123456789.css}
     * @param hash     the first 10 hex digits of the SHA-256 of its content, also its ETag
     * @param type     its content type
     * @param content  its bytes
     */
    public record Asset(String name, String hashed, String hash, String type, byte[] content) {
    }

    private static final Map<String, Asset> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, Asset> BY_HASHED = new LinkedHashMap<>();

    static {
        List<String> names = new java.util.ArrayList<>(FILES);
        names.addAll(WEBJARS.keySet());
        for (String name : names) {
            byte[] content = WEBJARS.containsKey(name) ? readWebJar(WEBJARS.get(name)) : read("/public/" + name);
            String hash = hash(content);
            int dot = name.lastIndexOf('.');
            Asset a = new Asset(name, name.substring(0, dot) + "." + hash + name.substring(dot), hash,
                    TYPES.get(name.substring(dot + 1)), content);
            BY_NAME.put(name, a);
            BY_HASHED.put(a.hashed(), a);
        }
    }

    private Assets() {
    }

    /** The address of asset {@code name} ({@code kiosk.css}) with its content's hash, for the pages to name. */
    public static String url(String name) {
        Asset a = BY_NAME.get(name);
        if (a == null) {
            throw new IllegalArgumentException("No asset " + name + " (known: " + BY_NAME.keySet() + ")");
        }
        return PATH + a.hashed();
    }

    /** The asset a request names: by its hashed name (this content, for good), or by its plain name (whatever is current). */
    public static Optional<Asset> find(String file) {
        Asset hashed = BY_HASHED.get(file);
        return hashed != null ? Optional.of(hashed) : Optional.ofNullable(BY_NAME.get(file));
    }

    private static byte[] readWebJar(WebJarFile webJar) {
        String artifact = webJar.artifact();
        java.util.Properties pom = new java.util.Properties();
        String properties = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getResourceAsStream(properties)) {
            if (in == null) {
                throw new IllegalStateException("The WebJar " + artifact + " is not on the class path (no " + properties + ")");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read("/META-INF/resources/webjars/" + artifact + "/" + pom.getProperty("version") + "/" + webJar.file());
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The kiosk jar has no " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hash(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
