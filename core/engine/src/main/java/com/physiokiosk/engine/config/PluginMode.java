package com.physiokiosk.engine.config;

/** Where topic plugins are loaded from. */
public enum PluginMode {
    /** Plugin jars (or unpacked plugin folders) in the plugins folder: what a clinic runs. */
    DEPLOYMENT,
    /** Each sub-folder of the plugins folder is a plugin module; classes come from its {@code target/classes}. */
    DEVELOPMENT
}
