package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

/**
 * Which plugins the clinic switched off. PF4J asks and tells it what runs now (in memory); the
 * clinic's choice is kept in the kiosk's database by {@link #store}, so it survives a restart.
 * Plugins are on unless switched off.
 */
public final class DatabasePluginStatusProvider extends MemoryPluginStatus {

    private final Database db;
    private final Clock clock;

    public DatabasePluginStatusProvider(Database db, Clock clock) {
        super(switchedOff(db));
        this.db = db;
        this.clock = clock;
    }

    private static Set<String> switchedOff(Database db) {
        return db.read("read which topics are switched off", c -> {
            Set<String> off = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT plugin_id FROM plugin_state WHERE enabled = 0");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    off.add(rs.getString(1));
                }
            }
            return off;
        });
    }

    /**
     * Keeps the clinic's choice for {@code pluginId} durably, in one transaction with {@code alongside}
     * (the audit line that says who made it).
     */
    public void store(String pluginId, boolean enabled, Database.SqlWork<?> alongside) {
        db.write("remember whether a topic is on", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO plugin_state (plugin_id, enabled, changed_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (plugin_id) DO UPDATE SET enabled = excluded.enabled,"
                            + " changed_at = excluded.changed_at")) {
                ps.setString(1, pluginId);
                ps.setInt(2, enabled ? 1 : 0);
                ps.setString(3, clock.instant().toString());
                ps.executeUpdate();
            }
            return alongside.run(c);
        });
    }

    /** Forgets a removed plugin, so a later one with the same id starts switched on. */
    public void forget(String pluginId) {
        db.write("forget a removed topic", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM plugin_state WHERE plugin_id = ?")) {
                ps.setString(1, pluginId);
                ps.executeUpdate();
            }
            return null;
        });
        enablePlugin(pluginId); // in memory: a plugin is on unless switched off
    }
}
