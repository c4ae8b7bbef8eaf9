package com.physiokiosk.engine.plugins;

/**
 * What the kiosk knows of one plugin, for the health check and the admin page. Never anything
 * about patients.
 *
 * @param id      plugin id, or the file name when the file could not even be read as a plugin
 * @param version plugin version, or empty when unknown
 * @param state   PF4J state ({@code STARTED}, {@code STOPPED}, {@code DISABLED}, …) or {@code FAILED}
 * @param problem why it failed, or {@code null}
 */
public record PluginStatus(String id, String version, String state, String problem) {
}
