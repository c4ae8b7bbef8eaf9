package com.physiokiosk.engine.storage;

import com.physiokiosk.engine.staff.AuditAction;
import com.physiokiosk.engine.staff.AuditEntry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who signed in, viewed, printed, exported or deleted which check-in, and when. Entries name a
 * check-in by its random public id and never hold patient data.
 */
public final class AuditLog {

    /** The user name of entries the kiosk itself writes, such as retention deletes. */
    public static final String SYSTEM = "system";

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records that {@code username} did {@code action}, now. */
    public void record(String username, AuditAction action, String checkInId, String detail) {
        recordAll(username, action, java.util.Collections.singletonList(checkInId), detail);
    }

    /** Records one entry for each of {@code checkInIds}, in one transaction. */
    public void recordAll(String username, AuditAction action, List<String> checkInIds, String detail) {
        db.write("write the audit log", entries(username, action, checkInIds, detail));
    }

    /**
     * The writing of one entry, for a caller that stores a change and its entry in one transaction,
     * so neither is kept without the other.
     */
    public Database.SqlWork<Integer> entry(String username, AuditAction action, String checkInId, String detail) {
        return entries(username, action, java.util.Collections.singletonList(checkInId), detail);
    }

    private Database.SqlWork<Integer> entries(String username, AuditAction action, List<String> checkInIds, String detail) {
        String at = clock.instant().toString();
        return c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_log (at, username, action, check_in, detail) VALUES (?, ?, ?, ?, ?)")) {
                for (String id : checkInIds) {
                    ps.setString(1, at);
                    ps.setString(2, username);
                    ps.setString(3, action.name());
                    ps.setString(4, id);
                    ps.setString(5, detail);
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        };
    }

    /** The latest {@code limit} entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return db.read("read the audit log", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, username, action, check_in, detail FROM audit_log ORDER BY id DESC LIMIT ?")) {
                ps.setInt(1, limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(Instant.parse(rs.getString(1)), rs.getString(2),
                                AuditAction.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
                    }
                }
                return out;
            }
        });
    }
}
