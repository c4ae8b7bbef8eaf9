package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.pf4j.PluginStatusProvider;

/**
 * Remembers in the kiosk's database which plugins the clinic switched off, so the choice survives a
 * restart. Plugins are on unless switched off.
 */
public final class DatabasePluginStatusProvider implements PluginStatusProvider {

    private final Database db;
    private final Clock clock;
    private volatile Set<String> disabled;

    public DatabasePluginStatusProvider(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.disabled = read();
    }

    private Set<String> read() {
        return db.read("read which topics are switched off", c -> {
            Set<String> off = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT plugin_id FROM plugin_state WHERE enabled = 0");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    off.add(rs.getString(1));
                }
            }
            return Set.copyOf(off);
        });
    }

    @Override
    public boolean isPluginDisabled(String pluginId) {
        return disabled.contains(pluginId);
    }

    @Override
    public void disablePlugin(String pluginId) {
        write(pluginId, false);
    }

    @Override
    public void enablePlugin(String pluginId) {
        write(pluginId, true);
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
        disabled = read();
    }

    private void write(String pluginId, boolean enabled) {
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
            return null;
        });
        disabled = read();
    }
}
