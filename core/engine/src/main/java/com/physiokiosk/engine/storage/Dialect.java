package com.physiokiosk.engine.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Where the kiosk's two databases differ, in one place: everything else (the schema's portable migrations and
 * every repository's SQL) is written once for both.
 */
public enum Dialect {

    /** The embedded default: one file in the data folder, one kiosk server. */
    SQLITE("sqlite"),
    /** A clinic chain's shared server: several kiosk servers, one database. */
    POSTGRESQL("postgresql");

    private final String migrations;

    Dialect(String migrations) {
        this.migrations = migrations;
    }

    /** Flyway's locations: the portable migrations, then this dialect's own. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + migrations};
    }

    /**
     * Makes the rest of {@code c}'s transaction the only one, among every kiosk server, working on {@code name}
     * (the check-in numbers of a day, say) until it ends. SQLite has one writer already; PostgreSQL takes a
     * transaction-scoped advisory lock.
     */
    public void serialise(Connection c, String name) throws SQLException {
        if (this == POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, name);
                ps.execute();
            }
        }
    }

    /**
     * Sends {@code payload} to every connection {@linkplain Database#listen listening} on {@code channel}, as part of
     * {@code c}'s transaction: PostgreSQL delivers it when, and only if, the transaction commits (a savepoint undone
     * takes its notifications with it). SQLite has one kiosk server, which tells its own listeners directly: nothing.
     */
    public void notifyChannel(Connection c, String channel, String payload) throws SQLException {
        if (this == POSTGRESQL) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                ps.setString(1, channel);
                ps.setString(2, payload);
                ps.execute();
            }
        }
    }
}
