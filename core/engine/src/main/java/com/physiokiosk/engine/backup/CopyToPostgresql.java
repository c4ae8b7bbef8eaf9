package com.physiokiosk.engine.backup;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.Dialect;
import com.physiokiosk.engine.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Moves one clinic's SQLite database into a chain's shared PostgreSQL database, under the clinic's site.
 *
 * <p>The SQLite file is never changed: a copy of it is brought to this kiosk's schema first (as at start-up), and
 * rows are read from the copy. Everything goes into PostgreSQL in one transaction: check-ins with their answers and
 * findings (their site set to {@code site}, numbers kept), the audit log, the clinic's topic choices and settings,
 * the kept Questionnaire versions and the record-system clients; staff accounts, which the chain shares, are added
 * when their name is new and otherwise left as they are (the count says so). The counts are checked against the
 * source before the commit, and the move is in the audit log. A site that already has check-ins, or was moved in
 * before, is refused: it never runs twice.
 */
public final class CopyToPostgresql {

    /** Thrown when the move is refused; nothing was written. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * What was moved.
     *
     * @param counts          rows moved, by table
     * @param accountsKept    staff accounts whose name the shared database already had (left as they were)
     */
    public record Done(Map<String, Integer> counts, List<String> accountsKept) {
    }

    /** A table to copy: its name, whether its {@code id} is generated anew, and which columns name a site. */
    private record Table(String name, boolean newIds, String siteColumn, Map<String, String> parents, String unique) {
    }

    /** In the order foreign keys need; each child names the table its key column points into. */
    private static final List<Table> TABLES = List.of(
            new Table("check_in", true, "site", Map.of(), null),
            new Table("topic_response", true, null, Map.of("check_in_id", "check_in"), null),
            new Table("answer", false, null, Map.of("topic_response_id", "topic_response"), null),
            new Table("finding", false, null, Map.of("topic_response_id", "topic_response"), null),
            new Table("audit_log", true, "site", Map.of(), null),
            new Table("site_plugin_state", false, "site", Map.of(), null),
            new Table("site_setting", false, "site", Map.of(), null),
            new Table("questionnaire_version", false, null, Map.of(), "resource_id"),
            new Table("api_client", true, null, Map.of(), "name"),
            new Table("staff_account", true, null, Map.of(), "username"));

    private CopyToPostgresql() {
    }

    /**
     * Moves {@code sqliteFile} into {@code target} under {@code site}.
     *
     * @param by who ran it, for the audit line
     * @throws Refused       when the site has check-ins already, or was moved in before
     * @throws StorageException when either database cannot be read or written (nothing is kept then)
     */
    public static Done run(Path sqliteFile, Database target, String site, Clock clock, String by) {
        if (target.dialect() != Dialect.POSTGRESQL) {
            throw new Refused("the kiosk's database (kiosk.database-url) is not PostgreSQL: set it to the shared database");
        }
        if (!Files.isRegularFile(sqliteFile)) {
            throw new Refused(sqliteFile + " is not a file");
        }
        Database.FileCheck check = Database.check(sqliteFile);
        if (!check.intact()) {
            throw new Refused(sqliteFile + " is damaged: " + check.integrity());
        }
        if (!check.newer().isEmpty()) {
            throw new Refused(sqliteFile + " was made by a newer kiosk (schema " + String.join(", ", check.newer()) + ")");
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("kiosk-move");
            Files.copy(sqliteFile, scratch.resolve(Database.FILE_NAME));
        } catch (IOException e) {
            throw new StorageException("Cannot copy " + sqliteFile + " to read it: " + e.getMessage(), e);
        }
        try (Database source = Database.open(scratch)) {
            Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
            for (Table t : TABLES) {
                rows.put(t.name(), source.read("read " + t.name(), c -> readAll(c, t.name())));
            }
            return target.write("move a clinic's database into the shared one", c -> {
                refuseTwice(c, site);
                Map<String, Map<Long, Long>> newIds = new HashMap<>();
                Map<String, Integer> counts = new LinkedHashMap<>();
                List<String> accountsKept = new ArrayList<>();
                for (Table t : TABLES) {
                    counts.put(t.name(), copy(c, t, rows.get(t.name()), site, newIds, accountsKept));
                }
                verify(c, site, rows, counts, accountsKept);
                String detail = counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")) + " from " + sqliteFile.getFileName();
                new AuditLog(target, clock, site).entry(by, AuditAction.DATABASE_MIGRATED, null, AuditLog.shorten(detail)).run(c);
                return new Done(counts, accountsKept);
            });
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(scratch);
            } catch (IOException e) {
                // A scratch copy of health data left in the temporary folder: say so.
                System.err.println("Could not delete the scratch copy " + scratch + ": " + e.getMessage());
            }
        }
    }

    private static void refuseTwice(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT"
                + " (SELECT COUNT(*) FROM check_in WHERE site = ?) + (SELECT COUNT(*) FROM audit_log WHERE site = ? AND action = ?)")) {
            ps.setString(1, site);
            ps.setString(2, site);
            ps.setString(3, AuditAction.DATABASE_MIGRATED.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new Refused("the site '" + site + "' already has check-ins or was moved in before: a database is"
                            + " moved once, into a site of its own (set kiosk.site)");
                }
            }
        }
    }

    private static List<Map<String, Object>> readAll(Connection c, String table) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                out.add(row);
            }
        }
        return out;
    }

    private static int copy(Connection c, Table t, List<Map<String, Object>> rows, String site,
                            Map<String, Map<Long, Long>> newIds, List<String> kept) throws SQLException {
        Map<Long, Long> ids = newIds.computeIfAbsent(t.name(), k -> new HashMap<>());
        int copied = 0;
        for (Map<String, Object> row : rows) {
            Map<String, Object> values = new LinkedHashMap<>(row);
            Object oldId = values.get("id");
            if (t.newIds()) {
                values.remove("id");
            }
            if (t.siteColumn() != null) {
                values.put(t.siteColumn(), site);
            }
            for (Map.Entry<String, String> parent : t.parents().entrySet()) {
                Object old = values.get(parent.getKey());
                values.put(parent.getKey(), newIds.get(parent.getValue()).get(((Number) old).longValue()));
            }
            if (t.unique() != null && exists(c, t.name(), t.unique(), values.get(t.unique()))) {
                if (t.name().equals("staff_account")) {
                    kept.add(String.valueOf(values.get("username")));
                }
                continue;
            }
            String columns = String.join(", ", values.keySet());
            String marks = values.keySet().stream().map(k -> "?").collect(Collectors.joining(", "));
            String sql = "INSERT INTO " + t.name() + " (" + columns + ") VALUES (" + marks + ")"
                    + (t.newIds() ? " RETURNING id" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object v : values.values()) {
                    ps.setObject(i++, v);
                }
                if (t.newIds()) {
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        ids.put(((Number) oldId).longValue(), rs.getLong(1));
                    }
                } else {
                    ps.executeUpdate();
                }
            }
            copied++;
        }
        return copied;
    }

    private static boolean exists(Connection c, String table, String column, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + column + " = ?")) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The site's rows in PostgreSQL, counted, against the source's: any difference undoes the whole move. */
    private static void verify(Connection c, String site, Map<String, List<Map<String, Object>>> rows,
                               Map<String, Integer> counts, List<String> accountsKept) throws SQLException {
        Map<String, String> siteCounts = Map.of(
                "check_in", "SELECT COUNT(*) FROM check_in WHERE site = ?",
                "topic_response", "SELECT COUNT(*) FROM topic_response t JOIN check_in c ON t.check_in_id = c.id WHERE c.site = ?",
                "answer", "SELECT COUNT(*) FROM answer a JOIN topic_response t ON a.topic_response_id = t.id"
                        + " JOIN check_in c ON t.check_in_id = c.id WHERE c.site = ?",
                "finding", "SELECT COUNT(*) FROM finding f JOIN topic_response t ON f.topic_response_id = t.id"
                        + " JOIN check_in c ON t.check_in_id = c.id WHERE c.site = ?",
                "audit_log", "SELECT COUNT(*) FROM audit_log WHERE site = ?",
                "site_plugin_state", "SELECT COUNT(*) FROM site_plugin_state WHERE site = ?",
                "site_setting", "SELECT COUNT(*) FROM site_setting WHERE site = ?");
        for (Map.Entry<String, String> e : siteCounts.entrySet()) {
            try (PreparedStatement ps = c.prepareStatement(e.getValue())) {
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int there = rs.getInt(1);
                    int expected = rows.get(e.getKey()).size();
                    if (there != expected) {
                        throw new StorageException("the shared database has " + there + " rows of " + e.getKey()
                                + " for site '" + site + "' after the move, not " + expected + ": nothing was kept", null);
                    }
                }
            }
        }
        int accounts = rows.get("staff_account").size();
        if (counts.get("staff_account") + accountsKept.size() != accounts) {
            throw new StorageException("staff accounts moved and kept do not add up to " + accounts + ": nothing was kept", null);
        }
    }
}
