package com.physiokiosk.engine.audit;

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
    /** A record system read the FHIR API ({@code /fhir/}). */
    FHIR_READ,
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
    LOGO_REMOVED,
    /** An admin looked at the clinical rules catalogue; the detail names the versions it was made from. */
    CATALOGUE_VIEWED,
    /** An admin downloaded the clinical rules catalogue as a PDF; the detail names the versions. */
    CATALOGUE_EXPORTED,
    /** A backup of the database was made; the detail names its file and size. */
    BACKUP_MADE,
    /** A backup was deleted: beyond the number kept, or older than the retention period; the detail says which. */
    BACKUP_REMOVED,
    /** The database was replaced by a backup (from the command line); the detail names the backup's file. */
    DATABASE_RESTORED,
    /** A clinic's SQLite database was copied into the shared PostgreSQL one (from the command line); the detail has the counts. */
    DATABASE_MIGRATED,
    /** An admin created a record-system client of the FHIR API; the detail names it ("name (#id)"). */
    API_CLIENT_CREATED,
    /** An admin revoked a record-system client of the FHIR API: its token opens nothing any more; the detail names it. */
    API_CLIENT_REVOKED
}
