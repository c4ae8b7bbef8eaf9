package com.physiokiosk.engine.config;

/** A setting that cannot be used; the message names the setting, its value and where it came from. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
