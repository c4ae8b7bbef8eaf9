package com.physiokiosk.engine.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.storage.AuditLog;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.StaffRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Staff accounts: hashing, first admin, lockout")
class StaffAccountsTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dir;

    private Database db;
    private StaffAccounts accounts;
    private AuditLog audit;
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");

    /** A clock the test moves by hand. */
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void open() {
        db = Database.open(dir);
        audit = new AuditLog(db, clock);
        accounts = new StaffAccounts(new StaffRepository(db), audit, clock);
    }

    @Test
    void thereIsNoAccountUntilTheFirstAdminIsMadeAndThenOnlyOnce() {
        assertTrue(accounts.needsSetup());
        accounts.createFirstAdminIfNone(null);
        assertTrue(accounts.needsSetup(), "no password, no account: there is no default");
        assertTrue(accounts.signIn("admin", "admin").isEmpty());
        assertTrue(accounts.createFirstAdmin(PASSWORD));
        assertFalse(accounts.needsSetup());
        assertFalse(accounts.createFirstAdmin("another long password"), "set-up works once");
        accounts.createFirstAdminIfNone("another long password");
        assertTrue(accounts.signIn("admin", "another long password").isEmpty(), "the environment does not reset it");
        StaffAccount admin = accounts.signIn("admin", PASSWORD).orElseThrow();
        assertEquals(Role.ADMIN, admin.role());
    }

    @Test
    void passwordsAreStoredAsSaltedArgon2idHashes() {
        accounts.createFirstAdmin(PASSWORD);
        String stored = new StaffRepository(db).credentials("admin").orElseThrow().passwordHash();
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertFalse(stored.contains(PASSWORD));
        assertFalse(stored.equals(Passwords.hash(PASSWORD)), "a new salt each time");
        assertTrue(Passwords.matches(PASSWORD, stored));
        assertFalse(Passwords.matches("not it at all", stored));
        assertFalse(Passwords.matches(PASSWORD, "garbage"));
    }

    @Test
    void passwordsShorterThanTwelveAndBadNamesAreRefused() {
        StaffAccounts.AccountException e = assertThrows(StaffAccounts.AccountException.class,
                () -> accounts.createFirstAdmin("elevenchars"));
        assertEquals(StaffAccounts.Problem.PASSWORD_TOO_SHORT, e.problem());
        accounts.createFirstAdmin(PASSWORD);
        assertEquals(StaffAccounts.Problem.USERNAME_INVALID, assertThrows(StaffAccounts.AccountException.class,
                () -> accounts.create("admin", "Robert'); DROP", Role.STAFF, PASSWORD)).problem());
        assertEquals(StaffAccounts.Problem.USERNAME_TAKEN, assertThrows(StaffAccounts.AccountException.class,
                () -> accounts.create("admin", "admin", Role.STAFF, PASSWORD)).problem());
        assertEquals(StaffAccounts.Problem.PASSWORD_TOO_LONG, assertThrows(StaffAccounts.AccountException.class,
                () -> accounts.create("admin", "maria", Role.STAFF, "x".repeat(201))).problem());
        accounts.create("admin", "maria", Role.STAFF, PASSWORD);
        assertEquals(Role.STAFF, accounts.signIn("maria", PASSWORD).orElseThrow().role());
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
        accounts.createFirstAdmin(PASSWORD);
        for (int i = 0; i < StaffAccounts.MAX_FAILURES; i++) {
            assertTrue(accounts.signIn("admin", "wrong password " + i).isEmpty());
        }
        assertTrue(accounts.signIn("admin", PASSWORD).isEmpty(), "locked");
        now = now.plus(Duration.ofMinutes(14));
        assertTrue(accounts.signIn("admin", PASSWORD).isEmpty(), "still locked");
        now = now.plus(Duration.ofMinutes(2));
        assertTrue(accounts.signIn("admin", PASSWORD).isPresent(), "the lock runs out");
        assertEquals(0, accounts.find("admin").orElseThrow().failedAttempts());

        List<AuditEntry> log = audit.latest(20);
        assertEquals(AuditAction.SIGN_IN, log.get(0).action());
        assertTrue(log.stream().anyMatch(e -> "wrong password; locked".equals(e.detail())));
        assertTrue(log.stream().noneMatch(e -> String.valueOf(e.detail()).contains(PASSWORD)));
    }

    @Test
    void aDisabledAccountCannotSignInAndEnablingItAgainLiftsTheLock() {
        accounts.createFirstAdmin(PASSWORD);
        accounts.create("admin", "maria", Role.STAFF, PASSWORD);
        assertTrue(accounts.setDisabled("admin", "maria", true));
        assertTrue(accounts.signIn("maria", PASSWORD).isEmpty());
        assertTrue(accounts.setDisabled("admin", "maria", false));
        assertTrue(accounts.signIn("maria", PASSWORD).isPresent());
        assertFalse(accounts.setDisabled("admin", "nobody", true));
        assertTrue(accounts.signIn("nobody", PASSWORD).isEmpty());
    }
}
