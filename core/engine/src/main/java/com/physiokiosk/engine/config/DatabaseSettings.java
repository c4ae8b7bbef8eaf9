package com.physiokiosk.engine.config;

/**
 * Which database the kiosk keeps its data in: the embedded SQLite file in the data folder ({@code url} empty), or a
 * clinic chain's shared PostgreSQL server.
 *
 * @param url      {@code kiosk.database-url}: empty for SQLite, else {@code jdbc:postgresql://host:port/name[?options]}
 * @param user     {@code kiosk.database-user}, or empty for the driver's default
 * @param password from {@code KIOSK_DATABASE_PASSWORD} or {@code kiosk.database-password-file}, never from the
 *                 properties file; {@code null} when none is given. Never printed.
 */
public record DatabaseSettings(String url, String user, String password) {

    /** The embedded SQLite default. */
    public static final DatabaseSettings SQLITE = new DatabaseSettings("", "", null);

    public DatabaseSettings {
        url = url == null ? "" : url.strip();
        user = user == null ? "" : user.strip();
    }

    /** Whether the data is on a PostgreSQL server. */
    public boolean isPostgresql() {
        return !url.isEmpty();
    }

    /**
     * Opens the database these settings name: the SQLite file in {@code dataDir}, or the PostgreSQL server.
     *
     * @throws com.physiokiosk.engine.storage.StorageException naming the database and what is wrong
     */
    public com.physiokiosk.engine.storage.Database open(java.nio.file.Path dataDir) {
        return isPostgresql()
                ? com.physiokiosk.engine.storage.Database.openPostgresql(url, user.isEmpty() ? null : user, password)
                : com.physiokiosk.engine.storage.Database.open(dataDir);
    }

    @Override
    public String toString() {
        return isPostgresql() ? "PostgreSQL " + com.physiokiosk.engine.storage.Database.withoutSecrets(url)
                + (user.isEmpty() ? "" : " as " + user) + (password == null ? "" : " (password given)") : "SQLite";
    }
}
