package com.physiokiosk.engine.clients;

import com.physiokiosk.engine.storage.OnBothDatabases;
import com.physiokiosk.engine.storage.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.MovableClock;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("API clients: a token shown once, stored hashed, revocable, audited")
class ApiClientsTest extends OnBothDatabases {

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private AuditLog audit;
    private ApiClients clients;

    @BeforeEach
    void open() {
        db = openDatabase(dir);
        audit = new AuditLog(db, clock);
        clients = new ApiClients(db, audit, clock);
    }

    @AfterEach
    void close() {
        if (db != null) { // not opened when the PostgreSQL half is skipped
            db.close();
        }
    }

    @Test
    void theTokenIsGivenOnceAndOnlyItsHashIsStored() throws Exception {
        ApiClients.Created created = clients.create("  Clinic EHR  ", "admin");
        String token = created.token();
        assertTrue(token.matches("pk_[A-Za-z0-9_-]{43}"), token);
        assertEquals("Clinic EHR", created.client().name(), "trimmed");
        assertEquals("admin", created.client().createdBy());
        assertEquals(clock.instant(), created.client().createdAt());
        assertTrue(created.client().active());
        assertFalse(created.toString().contains(token), "no token in a log line");
        assertNotEquals(token, clients.create("Second system", "admin").token(), "each client its own token");

        assertEquals(sha256(token), column("SELECT token_hash FROM api_client WHERE name = 'Clinic EHR'"));
        for (String cell : everyCell("api_client")) {
            assertFalse(cell.contains(token.substring(3)), "the token is nowhere in the table: " + cell);
        }
        for (String cell : everyCell("audit_log")) {
            assertFalse(cell.contains(token.substring(3)), "nor in the audit log: " + cell);
        }
        db.checkpoint();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(token.substring(3)),
                        "nor anywhere in " + f.getFileName());
            }
        }
        assertEquals(List.of("Clinic EHR", "Second system"), clients.list().stream().map(ApiClient::name).toList());
    }

    @Test
    void anActiveClientsTokenOpensAndNothingElseDoes() {
        ApiClients.Created created = clients.create("Clinic EHR", "admin");
        String token = created.token();
        assertEquals(created.client().id(), clients.authenticate(token).orElseThrow().id());

        char last = token.charAt(token.length() - 1);
        String oneCharOff = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        for (String wrong : new String[] {null, "", "pk_", oneCharOff, token + "x", token.substring(3), "Bearer " + token,
                " " + token, sha256(token), clients.create("Other", "admin").token().replace("pk_", "px_")}) {
            assertTrue(clients.authenticate(wrong).isEmpty(), "refused: " + wrong);
        }

        clients.revoke(created.client().id(), "admin");
        assertTrue(clients.authenticate(token).isEmpty(), "a revoked client's token opens nothing");
    }

    @Test
    void aClientsLastUseIsWrittenAtMostOnceAMinute() {
        ApiClients.Created created = clients.create("Clinic EHR", "admin");
        long id = created.client().id();
        assertNull(clients.find(id).orElseThrow().lastUsedAt(), "never used");

        Instant first = clock.instant();
        assertEquals(first, clients.authenticate(created.token()).orElseThrow().lastUsedAt());
        assertEquals(first, clients.find(id).orElseThrow().lastUsedAt());

        clock.advance(Duration.ofSeconds(59));
        clients.authenticate(created.token()).orElseThrow();
        assertEquals(first, clients.find(id).orElseThrow().lastUsedAt(), "not written again within the minute");

        clock.advance(Duration.ofSeconds(1));
        clients.authenticate(created.token()).orElseThrow();
        assertEquals(clock.instant(), clients.find(id).orElseThrow().lastUsedAt(), "a minute on, written");
    }

    @Test
    void aBadOrTakenNameIsRefusedNamingTheProblemAndNothingIsWritten() {
        clients.create("Clinic EHR", "admin");
        int auditLines = audit.latest(100).size();
        record Case(String name, ApiClients.Problem problem, String says) {
        }
        for (Case c : List.of(
                new Case(null, ApiClients.Problem.NAME_EMPTY, "needs a name"),
                new Case("   ", ApiClients.Problem.NAME_EMPTY, "needs a name"),
                new Case("x".repeat(61), ApiClients.Problem.NAME_TOO_LONG, "at most 60 characters"),
                new Case("line\nbreak", ApiClients.Problem.NAME_NOT_PLAIN, "printable"),
                new Case("bell\u0007", ApiClients.Problem.NAME_NOT_PLAIN, "printable"),
                new Case("Clinic EHR", ApiClients.Problem.NAME_TAKEN, "exists already"),
                new Case(" clinic ehr ", ApiClients.Problem.NAME_TAKEN, "exists already"))) {
            ApiClients.ClientException e = assertThrows(ApiClients.ClientException.class,
                    () -> clients.create(c.name(), "admin"), String.valueOf(c.name()));
            assertEquals(c.problem(), e.problem(), c.name());
            assertTrue(e.getMessage().contains(c.says()), e.getMessage());
        }
        assertEquals(1, clients.list().size(), "no client added");
        assertEquals(auditLines, audit.latest(100).size(), "no audit line for a refusal");

        assertEquals("ñ".repeat(60), clients.create("ñ".repeat(60), "admin").client().name(), "60 characters are fine");
        ApiClient revoked = clients.revoke(clients.create("Old system", "admin").client().id(), "admin");
        assertEquals(ApiClients.Problem.NAME_TAKEN, assertThrows(ApiClients.ClientException.class,
                () -> clients.create(revoked.name(), "admin")).problem(), "a revoked client keeps its name");
    }

    @Test
    void creatingAndRevokingAreAuditedAndRevokingTwiceOrNothingIsRefused() {
        ApiClient client = clients.create("Clinic EHR", "ana").client();
        clock.advance(Duration.ofHours(1));
        ApiClient revoked = clients.revoke(client.id(), "luis");
        assertFalse(revoked.active());
        assertEquals(clock.instant(), revoked.revokedAt());
        assertEquals("luis", revoked.revokedBy());
        assertEquals(revoked, clients.find(client.id()).orElseThrow());

        List<AuditEntry> lines = audit.latest(10);
        assertEquals(2, lines.size());
        assertEquals(AuditAction.API_CLIENT_REVOKED, lines.get(0).action());
        assertEquals("luis", lines.get(0).username());
        assertEquals("Clinic EHR (#" + client.id() + ")", lines.get(0).detail());
        assertEquals(AuditAction.API_CLIENT_CREATED, lines.get(1).action());
        assertEquals("ana", lines.get(1).username());
        assertEquals("Clinic EHR (#" + client.id() + ")", lines.get(1).detail());

        ApiClients.ClientException twice = assertThrows(ApiClients.ClientException.class, () -> clients.revoke(client.id(), "ana"));
        assertEquals(ApiClients.Problem.ALREADY_REVOKED, twice.problem());
        assertTrue(twice.getMessage().contains("revoked already, by luis"), twice.getMessage());
        ApiClients.ClientException none = assertThrows(ApiClients.ClientException.class, () -> clients.revoke(999, "ana"));
        assertEquals(ApiClients.Problem.NO_SUCH_CLIENT, none.problem());
        assertTrue(none.getMessage().contains("no API client number 999"), none.getMessage());
        assertEquals(2, audit.latest(10).size(), "refusals write no audit line");
        assertEquals("luis", clients.find(client.id()).orElseThrow().revokedBy(), "the first revocation stands");
    }

    @Test
    void aClientAndItsAuditLineAreWrittenTogetherOrNotAtAll() {
        ApiClient kept = clients.create("Clinic EHR", "admin").client();
        TestDatabases.refuseInserts(db, "audit_log");
        assertThrows(StorageException.class, () -> clients.create("Second system", "admin"));
        assertEquals(List.of("Clinic EHR"), clients.list().stream().map(ApiClient::name).toList(), "no client without its line");
        assertThrows(StorageException.class, () -> clients.revoke(kept.id(), "admin"));
        assertTrue(clients.find(kept.id()).orElseThrow().active(), "not revoked without its line");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private String column(String sql) {
        return db.read("test", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        });
    }

    /** Every cell of {@code table}, as text. */
    private List<String> everyCell(String table) {
        return db.read("test", c -> {
            List<String> cells = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        cells.add(String.valueOf(rs.getString(i)));
                    }
                }
            }
            assertFalse(cells.isEmpty(), table + " has rows");
            return cells;
        });
    }
}
