package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.PluginStatusProvider;

/**
 * Which plugins the clinic switched off. PF4J asks and tells it what runs now (in memory); the
 * clinic's choice is kept in the kiosk's database by {@link #store}, so it survives a restart.
 * Plugins are on unless switched off.
 */
public final class DatabasePluginStatusProvider implements PluginStatusProvider {

    private final Database db;
    private final Clock clock;
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();

    public DatabasePluginStatusProvider(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        disabled.addAll(db.read("read which topics are switched off", c -> {
            Set<String> off = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT plugin_id FROM plugin_state WHERE enabled = 0");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    off.add(rs.getString(1));
                }
            }
            return off;
        }));
    }

    @Override
    public boolean isPluginDisabled(String pluginId) {
        return disabled.contains(pluginId);
    }

    /** PF4J switched the plugin off; {@link #store} keeps the choice. */
    @Override
    public void disablePlugin(String pluginId) {
        disabled.add(pluginId);
    }

    /** PF4J switched the plugin on; {@link #store} keeps the choice. */
    @Override
    public void enablePlugin(String pluginId) {
        disabled.remove(pluginId);
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
        disabled.remove(pluginId);
    }
}
