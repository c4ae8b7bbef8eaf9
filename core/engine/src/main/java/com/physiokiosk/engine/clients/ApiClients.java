package com.physiokiosk.engine.clients;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.i18n.PlainText;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinic record systems allowed to read the FHIR API, each with its own bearer token. An admin creates
 * one and is shown its token once; only the token's SHA-256 is stored, so neither the database nor a backup
 * of it can open the API. A client is never deleted, only revoked: its name stays taken, and the audit log
 * keeps naming what it did. Creating and revoking write their audit line in the same transaction.
 */
public final class ApiClients {

    private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

    /** How every token starts, so a leaked one is recognised for what it is (by a person or a secret scanner). */
    public static final String TOKEN_PREFIX = "pk_";
    /** The longest name, in characters. */
    public static final int MAX_NAME = 60;
    /** A client's last use is written at most this often: reads do not each write. */
    static final Duration LAST_USED_EVERY = Duration.ofMinutes(1);

    private static final int TOKEN_BYTES = 32;
    /** A token as made here: the prefix, then 32 bytes in base64url without padding (43 characters). */
    private static final Pattern TOKEN = Pattern.compile(Pattern.quote(TOKEN_PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final String COLUMNS = "id, name, created_by, created_at, revoked_at, revoked_by, last_used_at, token_hash";

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiClients(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why a client cannot be created or revoked as asked. */
    public enum Problem {
        NAME_EMPTY, NAME_TOO_LONG, NAME_NOT_PLAIN, NAME_TAKEN, NO_SUCH_CLIENT, ALREADY_REVOKED
    }

    /** A client could not be created or revoked; {@link #problem()} says why, the message in plain words. */
    public static final class ClientException extends RuntimeException {
        private final Problem problem;

        ClientException(Problem problem, String message) {
            super(message);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * A client just created, with its token: the only time the token exists outside the record system.
     * {@link #toString()} leaves the token out, so a log line cannot keep it.
     */
    public record Created(ApiClient client, String token) {
        @Override
        public String toString() {
            return "Created[" + client + "]";
        }
    }

    /**
     * An admin creates a client named {@code name} (trimmed) and receives its token, once.
     *
     * @param by the admin, for the audit log
     * @throws ClientException when the name is empty, longer than {@link #MAX_NAME}, not plain text, or taken
     *                         (by any client, revoked ones too; letters compared regardless of case)
     */
    public Created create(String name, String by) {
        String clean = checkName(name);
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
        Instant now = clock.instant();
        long id = db.write("add an API client", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_client (name, token_hash, created_by, created_at) SELECT ?, ?, ?, ?"
                            + " WHERE NOT EXISTS (SELECT 1 FROM api_client WHERE lower(name) = lower(?)) RETURNING id")) {
                ps.setString(1, clean);
                ps.setString(2, hash(token));
                ps.setString(3, by);
                ps.setString(4, now.toString());
                ps.setString(5, clean);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new ClientException(Problem.NAME_TAKEN, "An API client named '" + clean
                                + "' exists already (a revoked client keeps its name): choose another name");
                    }
                    long created = rs.getLong(1);
                    audit.entry(by, AuditAction.API_CLIENT_CREATED, null, detail(created, clean)).run(c);
                    return created;
                }
            }
        });
        log.info("API client {} '{}' created by {}", id, clean, by);
        return new Created(new ApiClient(id, clean, by, now, null, null, null), token);
    }

    /** Every client, revoked ones too, oldest first. */
    public List<ApiClient> list() {
        return db.read("list API clients", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_client ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                List<ApiClient> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(client(rs));
                }
                return out;
            }
        });
    }

    public Optional<ApiClient> find(long id) {
        return db.read("read an API client", c -> byId(c, id));
    }

    /**
     * An admin revokes a client: its token opens nothing from now on. Its row stays, for the list and the
     * audit log.
     *
     * @param by the admin, for the audit log
     * @return the client as revoked
     * @throws ClientException when there is no such client, or it was revoked already (nothing is written then)
     */
    public ApiClient revoke(long id, String by) {
        Instant now = clock.instant();
        ApiClient revoked = db.write("revoke an API client", c -> {
            ApiClient client = byId(c, id).orElseThrow(() -> new ClientException(Problem.NO_SUCH_CLIENT,
                    "There is no API client number " + id));
            if (!client.active()) {
                throw new ClientException(Problem.ALREADY_REVOKED, "The API client '" + client.name()
                        + "' was revoked already, by " + client.revokedBy() + " at " + client.revokedAt());
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_client SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setString(1, now.toString());
                ps.setString(2, by);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            audit.entry(by, AuditAction.API_CLIENT_REVOKED, null, detail(id, client.name())).run(c);
            return new ApiClient(client.id(), client.name(), client.createdBy(), client.createdAt(), now, by,
                    client.lastUsedAt());
        });
        log.info("API client {} '{}' revoked by {}", id, revoked.name(), by);
        return revoked;
    }

    /**
     * The active client whose token {@code presented} is, if any: found by the token's hash, never by the
     * token. Its last use is noted, at most once every {@link #LAST_USED_EVERY}.
     *
     * @param presented the token as the request gave it, or {@code null}
     * @return empty for no token, a malformed or unknown one, or a revoked client's
     */
    public Optional<ApiClient> authenticate(String presented) {
        if (presented == null || !TOKEN.matcher(presented).matches()) {
            return Optional.empty();
        }
        String hash = hash(presented);
        Optional<Stored> found = db.read("check an API token", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_client WHERE token_hash = ?")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Stored(client(rs), rs.getString(8))) : Optional.empty();
                }
            }
        });
        // The database found it by an index; compare the whole hash again in constant time all the same.
        if (found.isEmpty() || !MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII),
                found.get().tokenHash().getBytes(StandardCharsets.US_ASCII)) || !found.get().client().active()) {
            return Optional.empty();
        }
        return Optional.of(used(found.get().client()));
    }

    /** A client with its last use brought up to now, written when the stored one is a minute old or more. */
    private ApiClient used(ApiClient client) {
        Instant now = clock.instant();
        Instant last = client.lastUsedAt();
        if (last != null && now.isBefore(last.plus(LAST_USED_EVERY))) {
            return client;
        }
        try {
            // Only over the value read: of two requests at once, one writes.
            db.write("note an API client's use", c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE api_client SET last_used_at = ? WHERE id = ? AND last_used_at IS NOT DISTINCT FROM ?")) {
                    ps.setString(1, now.toString());
                    ps.setLong(2, client.id());
                    ps.setString(3, last == null ? null : last.toString());
                    return ps.executeUpdate();
                }
            });
        } catch (StorageException e) {
            // Only the "last used" column goes stale; the request itself is not refused for it.
            log.warn("Could not note the use of API client {}: {}", client.id(), e.getMessage());
            return client;
        }
        return new ApiClient(client.id(), client.name(), client.createdBy(), client.createdAt(), client.revokedAt(),
                client.revokedBy(), now);
    }

    /** A row with its token's hash, which stays in here. */
    private record Stored(ApiClient client, String tokenHash) {
    }

    /**
     * The name as stored: trimmed, 1 to {@link #MAX_NAME} characters of plain text.
     *
     * @throws ClientException naming what is wrong with it
     */
    static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new ClientException(Problem.NAME_EMPTY, "An API client needs a name");
        }
        if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
            throw new ClientException(Problem.NAME_TOO_LONG, "The name of an API client must be at most " + MAX_NAME
                    + " characters long");
        }
        if (!PlainText.isPlain(clean)) {
            throw new ClientException(Problem.NAME_NOT_PLAIN, "The name of an API client must be printable text,"
                    + " without control characters or line breaks");
        }
        return clean;
    }

    /** The SHA-256 of a token, in lower-case hex, as the {@code token_hash} column holds it. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    /** An audit line's detail: the client's name and number. */
    private static String detail(long id, String name) {
        return name + " (#" + id + ")";
    }

    private static Optional<ApiClient> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_client WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(client(rs)) : Optional.empty();
            }
        }
    }

    private static ApiClient client(ResultSet rs) throws SQLException {
        return new ApiClient(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)),
                instant(rs.getString(5)), rs.getString(6), instant(rs.getString(7)));
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
