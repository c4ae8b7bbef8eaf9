package com.physiokiosk.engine.staff;

/** What an audit log entry records. */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    ACCOUNT_CREATED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    VIEW,
    PRINT,
    EXPORT_PDF,
    EXPORT_FHIR,
    MARK_REVIEWED,
    DELETE
}
