package com.physiokiosk.engine.plugins;

import java.util.Arrays;

/**
 * What the kiosk knows of one plugin, for the health check and the admin page. Never anything
 * about patients.
 *
 * @param id      plugin id, or the file name when the file could not even be read as a plugin
 * @param version plugin version, or empty when unknown
 * @param state   where it is: running, switched off, failed, or on its way
 * @param problem why it failed, or {@code null}
 */
public record PluginStatus(String id, String version, State state, String problem) {

    /** A plugin's state: PF4J's, and {@link #FAILED} for one that could not be loaded, started or checked. */
    public enum State {
        CREATED, RESOLVED, STARTED, STOPPED, DISABLED, UNLOADED, FAILED;

        /** The state PF4J calls {@code name}; a state PF4J adds later reads as {@link #STOPPED} (not running). */
        public static State of(String name) {
            return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(STOPPED);
        }
    }
}
