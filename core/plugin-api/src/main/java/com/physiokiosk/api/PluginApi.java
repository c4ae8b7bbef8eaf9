package com.physiokiosk.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * This plugin API itself: its version, and where in a topic plugin's jar the host looks for what the
 * Java types do not carry. The host checks these when it loads a plugin and names what is missing.
 *
 * @since 1.1
 */
public final class PluginApi {

    /**
     * The version of this API ({@code major.minor.patch}). A plugin built against it requires
     * {@code >=VERSION & <(major+1).0.0} in its descriptor; the host runs plugins that require a version
     * it satisfies.
     */
    public static final String VERSION = readVersion();

    /**
     * Base name of a plugin's texts: {@code messages_<language>.properties} (UTF-8) at the root of its jar,
     * one per language it ships, English always.
     */
    public static final String MESSAGES = "messages";

    /** Folder at the root of a plugin's jar with its static assets (icons, illustrations); flat, no subfolders. */
    public static final String ASSETS = "assets/";

    /**
     * Where a plugin's own screen templates are compiled to: the package of its {@link Topic} class followed
     * by this suffix, e.g. {@code com.example.topic.jte}.
     */
    public static final String TEMPLATES_PACKAGE_SUFFIX = ".jte";

    private PluginApi() {
    }

    private static String readVersion() {
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            if (in == null) {
                throw new IllegalStateException("plugin-api.properties is missing from the plugin API jar");
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "");
            if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
                throw new IllegalStateException("The plugin API jar names no version (plugin-api.properties: '"
                        + version + "')");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
