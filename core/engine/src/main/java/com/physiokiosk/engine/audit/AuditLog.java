package com.physiokiosk.engine.audit;

import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.StorageException;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who signed in, viewed, printed, exported or deleted which check-in, and when. Entries name a
 * check-in by its random public id and never hold patient data.
 *
 * <p>Refusals that anyone can cause in floods (failed sign-ins) are {@linkplain #recordRepeated
 * grouped}: one line per action, user, source and reason per {@link #GROUP_WINDOW}, with a count,
 * so a flood neither pushes real actions out of sight nor turns every refused request into a
 * database write.
 */
public final class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** The user name of entries the kiosk itself writes, such as retention deletes. */
    public static final String SYSTEM = "system";

    /**
     * The user name of a refused sign-in as a name no account has. The name typed is not kept:
     * people type their password into the name field by mistake.
     */
    public static final String UNKNOWN_USER = "(unknown name)";

    /** Repeats of one refusal within this long of its first are counted on its line. */
    public static final Duration GROUP_WINDOW = Duration.ofHours(1);

    /** A line's count is brought up to date at most this often (and whenever the log is read). */
    static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    /** Groups open at most; beyond, their counts are written and they are closed. */
    static final int MAX_OPEN_GROUPS = 10_000;

    private final Database db;
    private final Clock clock;

    /** What identifies a group of repeated refusals. */
    private record Group(String username, AuditAction action, String source, String detail) {
    }

    /** A group's line and the repeats not yet added to it; guarded by {@link #groups}. */
    private static final class Open {
        final long rowId;
        final Instant until;
        int unwritten;
        Instant lastAt;

        Open(long rowId, Instant until) {
            this.rowId = rowId;
            this.until = until;
        }
    }

    private final Map<Group, Open> groups = new HashMap<>();
    /** When the counts were last written, by {@link System#nanoTime()}: a cadence, not a clinic time. */
    private final AtomicLong lastFlushNanos = new AtomicLong(System.nanoTime());

    /** The site every line is written for (the kiosk server's {@code kiosk.site}). */
    private final String site;

    /** The audit log of the default site. */
    public AuditLog(Database db, Clock clock) {
        this(db, clock, "main");
    }

    /** The audit log, each line written as {@code site}'s. */
    public AuditLog(Database db, Clock clock, String site) {
        this.db = db;
        this.clock = clock;
        this.site = site;
    }

    /** Records that {@code username} did {@code action}, now. */
    public void record(String username, AuditAction action, String checkInId, String detail) {
        recordAll(username, action, Collections.singletonList(checkInId), detail);
    }

    /** Records that {@code username} did {@code action} from {@code source} (an address), now. */
    public void recordFrom(String username, AuditAction action, String source, String detail) {
        db.write("write the audit log", entries(username, action, Collections.singletonList(null), detail, source));
    }

    /** Records one entry for each of {@code checkInIds}, in one transaction. */
    public void recordAll(String username, AuditAction action, List<String> checkInIds, String detail) {
        db.write("write the audit log", entries(username, action, checkInIds, detail, null));
    }

    /** Longest detail kept in a line; a longer one is cut, with an ellipsis. */
    public static final int MAX_DETAIL = 300;

    /** {@code detail} cut to {@link #MAX_DETAIL} characters. */
    public static String shorten(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…";
    }

    /** The writing of {@code entries} for each of {@code checkInIds}, for a caller that stores a change and its lines in one transaction. */
    public Database.SqlWork<Integer> entries(String username, AuditAction action, List<String> checkInIds, String detail) {
        return entries(username, action, checkInIds, detail, null);
    }

    /**
     * The writing of one entry, for a caller that stores a change and its entry in one transaction,
     * so neither is kept without the other.
     */
    public Database.SqlWork<Integer> entry(String username, AuditAction action, String checkInId, String detail) {
        return entries(username, action, Collections.singletonList(checkInId), detail, null);
    }

    /**
     * Records a refusal that may come in a flood. The first of a group (same user, action, source
     * and detail) within {@link #GROUP_WINDOW} writes a line at once; the rest add to its count,
     * written at most every {@link #FLUSH_EVERY} and whenever the log is read.
     */
    public void recordRepeated(String username, AuditAction action, String source, String detail) {
        Instant now = clock.instant();
        Group key = new Group(username, action, source, detail);
        synchronized (groups) {
            Open open = groups.get(key);
            if (open != null && now.isBefore(open.until)) {
                open.unwritten++;
                open.lastAt = now;
            } else {
                if (groups.size() >= MAX_OPEN_GROUPS) {
                    flush();
                    groups.clear();
                }
                long id = db.write("write the audit log", c -> insert(c, now, username, action, detail, source));
                groups.put(key, new Open(id, now.plus(GROUP_WINDOW)));
            }
        }
        long last = lastFlushNanos.get();
        if (System.nanoTime() - last >= FLUSH_EVERY.toNanos() && lastFlushNanos.compareAndSet(last, System.nanoTime())) {
            flush();
        }
    }

    /** Writes the counts of repeated refusals not yet written, and closes groups whose window is over. */
    public void flush() {
        Instant now = clock.instant();
        List<long[]> counts = new ArrayList<>();
        List<Instant> lastAts = new ArrayList<>();
        synchronized (groups) {
            groups.values().removeIf(g -> {
                if (g.unwritten > 0) {
                    counts.add(new long[] {g.rowId, g.unwritten});
                    lastAts.add(g.lastAt);
                    g.unwritten = 0;
                }
                return !now.isBefore(g.until);
            });
        }
        if (counts.isEmpty()) {
            return;
        }
        try {
            db.write("count repeated audit entries", c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE audit_log SET repeats = repeats + ?, last_at = ? WHERE id = ?")) {
                    for (int i = 0; i < counts.size(); i++) {
                        ps.setLong(1, counts.get(i)[1]);
                        ps.setString(2, lastAts.get(i).toString());
                        ps.setLong(3, counts.get(i)[0]);
                        ps.addBatch();
                    }
                    return ps.executeBatch().length;
                }
            });
        } catch (StorageException e) {
            // The lines themselves are written; only some repeats go uncounted.
            log.warn("Could not count {} repeated audit entries: {}", counts.size(), e.getMessage());
        }
    }

    private Database.SqlWork<Integer> entries(String username, AuditAction action, List<String> checkInIds, String detail,
                                              String source) {
        String at = clock.instant().toString();
        return c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_log (at, username, action, check_in, detail, source, site)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (String id : checkInIds) {
                    ps.setString(1, at);
                    ps.setString(2, username);
                    ps.setString(3, action.name());
                    ps.setString(4, id);
                    ps.setString(5, detail);
                    ps.setString(6, source);
                    ps.setString(7, site);
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        };
    }

    /** Writes one entry and returns its id. */
    private long insert(Connection c, Instant at, String username, AuditAction action, String detail,
                        String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, username, action, check_in, detail,"
                + " source, site) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, at.toString());
            ps.setString(2, username);
            ps.setString(3, action.name());
            ps.setString(4, null);
            ps.setString(5, detail);
            ps.setString(6, source);
            ps.setString(7, site);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Which entries to read: each filter is optional ({@code null}); {@code before} and {@code after}
     * are entry ids, for the next older or newer page.
     *
     * @param from  entries at or after this instant
     * @param to    entries before this instant
     * @param limit entries per page
     */
    public record Query(AuditAction action, String username, Instant from, Instant to, Long before, Long after,
                        int limit) {

        /** The newest {@code limit} entries, unfiltered. */
        public static Query newest(int limit) {
            return new Query(null, null, null, null, null, null, limit);
        }
    }

    /**
     * One page of entries, newest first.
     *
     * @param newer whether entries matching the filters come after this page
     * @param older whether entries matching the filters come before this page
     */
    public record Slice(List<AuditEntry> entries, boolean newer, boolean older) {
    }

    /**
     * The timestamps are {@link Instant#toString()}, whose fraction has 0, 3, 6 or 9 digits. Bounds
     * written with all nine compare as text in the same order as the instants, so the {@code at}
     * index serves the day filter.
     */
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** A page of entries matching {@code q}, newest first. */
    public Slice page(Query q) {
        flush();
        return db.read("read the audit log", c -> {
            List<String> where = new ArrayList<>();
            List<String> params = new ArrayList<>();
            if (q.action() != null) {
                where.add("action = ?");
                params.add(q.action().name());
            }
            if (q.username() != null) {
                where.add("username = ?");
                params.add(q.username());
            }
            if (q.from() != null) {
                where.add("at >= ?");
                params.add(BOUND.format(q.from()));
            }
            if (q.to() != null) {
                where.add("at < ?");
                params.add(BOUND.format(q.to()));
            }
            boolean backwards = q.after() != null && q.before() == null;
            List<String> pageWhere = new ArrayList<>(where);
            if (q.before() != null) {
                pageWhere.add("id < " + q.before());
            } else if (q.after() != null) {
                pageWhere.add("id > " + q.after());
            }
            String sql = "SELECT id, at, username, action, check_in, detail, source, repeats, last_at, site FROM audit_log"
                    + clause(pageWhere) + " ORDER BY id " + (backwards ? "ASC" : "DESC") + " LIMIT ?";
            List<AuditEntry> out = new ArrayList<>();
            boolean more;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = bind(ps, params);
                ps.setInt(i, q.limit() + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String lastAt = rs.getString(9);
                        out.add(new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                                AuditAction.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getInt(8), lastAt == null ? null : Instant.parse(lastAt), rs.getString(10)));
                    }
                }
            }
            more = out.size() > q.limit();
            if (more) {
                out.remove(out.size() - 1);
            }
            if (backwards) {
                Collections.reverse(out);
            }
            if (out.isEmpty()) {
                return new Slice(out, false, false);
            }
            boolean newer = backwards ? more : exists(c, where, params, "id > " + out.get(0).id());
            boolean older = backwards ? exists(c, where, params, "id < " + out.get(out.size() - 1).id()) : more;
            return new Slice(out, newer, older);
        });
    }

    /** The latest {@code limit} entries, newest first. */
    public List<AuditEntry> latest(int limit) {
        return page(Query.newest(limit)).entries();
    }

    private static boolean exists(Connection c, List<String> where, List<String> params, String beyond)
            throws SQLException {
        List<String> all = new ArrayList<>(where);
        all.add(beyond);
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_log" + clause(all) + ")")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    /** Binds {@code params} from the first placeholder on; returns the next placeholder's index. */
    private static int bind(PreparedStatement ps, List<String> params) throws SQLException {
        int i = 1;
        for (String p : params) {
            ps.setString(i++, p);
        }
        return i;
    }
}
