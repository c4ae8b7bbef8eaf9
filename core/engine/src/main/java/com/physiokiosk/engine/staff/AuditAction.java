package com.physiokiosk.engine.staff;

/** What an audit log entry records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    ACCOUNT_CREATED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    PASSWORD_RESET,
    VIEW,
    PRINT,
    EXPORT_PDF,
    EXPORT_FHIR,
    MARK_REVIEWED,
    DELETE,
    TOPIC_ENABLED,
    TOPIC_DISABLED,
    PLUGIN_INSTALLED,
    PLUGIN_REFUSED,
    PLUGIN_REMOVED,
    PLUGINS_RESCANNED,
    SETTINGS_CHANGED,
    LOGO_CHANGED,
    LOGO_REMOVED
}
