package com.physiokiosk.testkit;

/**
 * What the kiosk reports of a plugin it loaded for a test, in the test kit's own words.
 *
 * @param id      the plugin id, or the file name of a file that was not a plugin
 * @param version the plugin's version, or empty
 * @param state   {@code STARTED}, {@code FAILED}, {@code DISABLED}, … as {@code /health} shows it
 * @param problem why it failed, or {@code null}
 */
public record PluginState(String id, String version, String state, String problem) {

    /** Whether the plugin runs. */
    public boolean started() {
        return "STARTED".equals(state);
    }
}
