package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.storage.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which plugins the clinic switched off. PF4J asks and tells it what runs now (in memory); the
 * clinic's choice is kept in the kiosk's database by {@link #store}, so it survives a restart.
 * Plugins are on unless switched off.
 */
public final class DatabasePluginStatusProvider extends MemoryPluginStatus {

    private final Database db;
    private final Clock clock;
    private final String site;
    /** What each switched-off topic was called when it was switched off, by plugin id, then language. */
    private final Map<String, Map<String, String>> titles;

    /** The default site's choices. */
    public DatabasePluginStatusProvider(Database db, Clock clock) {
        this(db, clock, com.physiokiosk.engine.checkin.CheckInRepository.DEFAULT_SITE);
    }

    /** The choices of {@code site}: each site of a chain switches its own topics. */
    public DatabasePluginStatusProvider(Database db, Clock clock, String site) {
        super(switchedOff(db, site));
        this.db = db;
        this.clock = clock;
        this.site = site;
        this.titles = new ConcurrentHashMap<>(storedTitles(db, site));
    }

    private static Map<String, Map<String, String>> storedTitles(Database db, String site) {
        return db.read("read what switched-off topics are called", c -> {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT plugin_id, titles FROM site_plugin_state WHERE site = ? AND titles <> ''")) {
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), parseTitles(rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    static Map<String, String> parseTitles(String stored) {
        Map<String, String> out = new LinkedHashMap<>();
        stored.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0 && eq < line.length() - 1) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        return Map.copyOf(out);
    }

    static String formatTitles(Map<String, String> titles) {
        StringBuilder out = new StringBuilder();
        // A title is one line of plain text (the topic validator sees to it); a line break would split it.
        titles.forEach((lang, title) -> out.append(lang).append('=').append(title.replaceAll("\\R", " ")).append('\n'));
        return out.toString();
    }

    /**
     * What plugin {@code pluginId}'s topic was called in {@code language} when the clinic last switched it (off
     * or on), if known: kept in the database while the plugin is installed, in memory after its removal.
     */
    public java.util.Optional<String> titleWhenSwitchedOff(String pluginId, String language) {
        return java.util.Optional.ofNullable(titles.getOrDefault(pluginId, Map.of()).get(language));
    }

    private static Set<String> switchedOff(Database db, String site) {
        return db.read("read which topics are switched off", c -> {
            Set<String> off = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT plugin_id FROM site_plugin_state WHERE site = ? AND enabled = 0")) {
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        off.add(rs.getString(1));
                    }
                }
            }
            return off;
        });
    }

    /**
     * Keeps the clinic's choice for {@code pluginId} durably, in one transaction with {@code alongside}
     * (the audit line that says who made it), with what the topic is called in each language (empty when
     * not known; titles known before are then kept).
     */
    public void store(String pluginId, boolean enabled, Map<String, String> topicTitles, Database.SqlWork<?> alongside) {
        String stored = formatTitles(topicTitles);
        db.write("remember whether a topic is on", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO site_plugin_state (site, plugin_id, enabled, changed_at, titles) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (site, plugin_id) DO UPDATE SET enabled = excluded.enabled,"
                            + " changed_at = excluded.changed_at, titles = CASE WHEN excluded.titles <> ''"
                            + " THEN excluded.titles ELSE site_plugin_state.titles END")) {
                ps.setString(1, site);
                ps.setString(2, pluginId);
                ps.setInt(3, enabled ? 1 : 0);
                ps.setString(4, clock.instant().toString());
                ps.setString(5, stored);
                ps.executeUpdate();
            }
            return alongside.run(c);
        });
        if (!topicTitles.isEmpty()) {
            titles.put(pluginId, Map.copyOf(topicTitles));
        }
    }

    /**
     * Forgets a removed plugin, so a later one with the same id starts switched on: its row and
     * {@code alongside} (its audit line) in one transaction, with {@code lastStep} (the removal itself) run
     * last inside it, so that a removal that fails leaves neither. What its topic was called
     * ({@code topicTitles}, when known) stays in memory until the kiosk stops, so an admin's tap on its
     * row, made before the removal showed, is answered with its name.
     */
    public void forget(String pluginId, Map<String, String> topicTitles, Database.SqlWork<?> alongside, Runnable lastStep) {
        db.write("forget a removed topic", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM site_plugin_state WHERE site = ? AND plugin_id = ?")) {
                ps.setString(1, site);
                ps.setString(2, pluginId);
                ps.executeUpdate();
            }
            alongside.run(c);
            lastStep.run();
            return null;
        });
        if (!topicTitles.isEmpty()) {
            titles.put(pluginId, Map.copyOf(topicTitles));
        }
        enablePlugin(pluginId); // in memory: a plugin is on unless switched off
    }
}
