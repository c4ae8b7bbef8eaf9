package com.physiokiosk.engine.staff;

import com.physiokiosk.engine.storage.OnBothDatabases;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.staff.StaffRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Staff accounts: hashing, first admin, back-off, resets")
class StaffAccountsTest extends OnBothDatabases {

    private static final String PASSWORD = "correct horse battery";
    /** A cheap cost, chosen explicitly here: these tests are about the rules, not the hash. */
    static final Passwords.Cost CHEAP = new Passwords.Cost(64, 1, 1);
    /** The attacker's computer and the admin's desk. */
    private static final String ATTACKER = "192.0.2.66";
    private static final String DESK = "192.0.2.10";

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
        db = openDatabase(dir);
        audit = new AuditLog(db, clock);
        accounts = new StaffAccounts(new StaffRepository(db), audit, clock, new Passwords(CHEAP));
    }

    private Optional<StaffAccount> signIn(String name, String password, String from) {
        return accounts.signIn(name, password, from) instanceof SignInOutcome.Accepted a ? Optional.of(a.account())
                : Optional.empty();
    }

    @Test
    void thereIsNoAccountUntilTheFirstAdminIsMadeAndThenOnlyOnce() {
        assertTrue(accounts.needsSetup());
        accounts.createFirstAdminIfNone(null);
        assertTrue(accounts.needsSetup(), "no password, no account: there is no default");
        assertTrue(signIn("admin", "admin", DESK).isEmpty());
        assertTrue(accounts.createFirstAdmin(PASSWORD));
        assertFalse(accounts.needsSetup());
        assertFalse(accounts.createFirstAdmin("another long password"), "set-up works once");
        accounts.createFirstAdminIfNone("another long password");
        assertTrue(signIn("admin", "another long password", DESK).isEmpty(), "the environment does not reset it");
        StaffAccount admin = signIn("admin", PASSWORD, DESK).orElseThrow();
        assertEquals(Role.ADMIN, admin.role());
    }

    @Test
    void theKiosksOwnCostIsOwaspsArgon2idBaselineWithASaltEachTime() {
        Passwords kiosk = new Passwords();
        assertEquals(Passwords.Cost.OWASP, kiosk.cost());
        StaffAccounts real = new StaffAccounts(new StaffRepository(db), audit, clock);
        real.createFirstAdmin(PASSWORD);
        String stored = new StaffRepository(db).credentials("admin").orElseThrow().passwordHash();
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertFalse(stored.contains(PASSWORD));
        assertFalse(stored.equals(kiosk.hash(PASSWORD)), "a new salt each time");
        assertTrue(kiosk.matches(PASSWORD, stored));
        assertFalse(kiosk.matches("not it at all", stored));
        assertFalse(kiosk.matches(PASSWORD, "garbage"));
        assertTrue(new Passwords(CHEAP).matches(PASSWORD, stored), "a hash carries its own cost");
        assertThrows(IllegalArgumentException.class, () -> new Passwords.Cost(4, 1, 1));
    }

    @Test
    void passwordsShorterThanTwelveWeakOnesAndBadNamesAreRefused() {
        StaffAccounts.AccountException e = assertThrows(StaffAccounts.AccountException.class,
                () -> accounts.createFirstAdmin("elevenchars"));
        assertEquals(StaffAccounts.Problem.PASSWORD_TOO_SHORT, e.problem());
        for (String weak : List.of("aaaaaaaaaaaaaaa", "abababababab", "123456789012", "password1234", "qwertyuiopas",
                "Admin2024!!!!", "zyxwvutsrqponm")) {
            assertEquals(StaffAccounts.Problem.PASSWORD_TOO_WEAK, assertThrows(StaffAccounts.AccountException.class,
                    () -> accounts.createFirstAdmin(weak)).problem(), weak);
        }
        accounts.createFirstAdmin(PASSWORD);
        assertEquals(StaffAccounts.Problem.USERNAME_INVALID, assertThrows(StaffAccounts.AccountException.class,
                () -> accounts.create("admin", "Robert'); DROP", Role.STAFF, PASSWORD)).problem());
        assertEquals(StaffAccounts.Problem.USERNAME_TAKEN, assertThrows(StaffAccounts.AccountException.class,
                () -> accounts.create("admin", "admin", Role.STAFF, PASSWORD)).problem());
        assertEquals(StaffAccounts.Problem.PASSWORD_TOO_LONG, assertThrows(StaffAccounts.AccountException.class,
                () -> accounts.create("admin", "maria", Role.STAFF, "x".repeat(201))).problem());
        assertEquals(StaffAccounts.Problem.PASSWORD_TOO_WEAK, assertThrows(StaffAccounts.AccountException.class,
                () -> accounts.create("admin", "maria", Role.STAFF, "mariamariamaria")).problem());
        accounts.create("admin", "maria", Role.STAFF, PASSWORD);
        assertEquals(Role.STAFF, signIn("maria", PASSWORD, DESK).orElseThrow().role());
    }

    @Test
    void fiveFailuresFromOneAddressAskForAWaitThatHammeringDoesNotRenew() {
        accounts.createFirstAdmin(PASSWORD);
        for (int i = 0; i < SignInThrottle.NAME_AND_SOURCE.free(); i++) {
            assertInstanceOf(SignInOutcome.Refused.class, accounts.signIn("admin", "wrong password " + i, ATTACKER));
        }
        SignInOutcome slowed = accounts.signIn("admin", PASSWORD, ATTACKER);
        assertEquals(new SignInOutcome.Slowed(Duration.ofSeconds(30)), slowed, "even the right password waits");
        assertTrue(accounts.slowed("admin"));
        for (int i = 0; i < 200; i++) {
            now = now.plusMillis(100);
            assertInstanceOf(SignInOutcome.Slowed.class, accounts.signIn("admin", "hammering " + i, ATTACKER));
        }
        now = now.plusSeconds(11);
        assertTrue(signIn("admin", PASSWORD, ATTACKER).isPresent(),
                "30 s after the fifth failure, however much was sent meanwhile, the right password works");

        for (int i = 0; i < 5; i++) {
            accounts.signIn("admin", "wrong again " + i, ATTACKER);
        }
        now = now.plusSeconds(31);
        assertInstanceOf(SignInOutcome.Refused.class, accounts.signIn("admin", "sixth", ATTACKER));
        assertEquals(new SignInOutcome.Slowed(Duration.ofSeconds(60)), accounts.signIn("admin", PASSWORD, ATTACKER),
                "the wait doubles");
    }

    @Test
    void anAttackerHammeringTheAdminFromOneAddressNeverKeepsTheAdminOutFromAnother() {
        accounts.createFirstAdmin(PASSWORD);
        for (int minute = 0; minute < 24 * 60; minute += 2) {
            now = now.plusSeconds(120);
            for (int i = 0; i < 5; i++) {
                accounts.signIn("admin", "guess " + minute + "-" + i, ATTACKER);
            }
        }
        assertTrue(signIn("admin", PASSWORD, DESK).isPresent(), "after a day of it, from the desk, at once");
        assertTrue(signIn("admin", PASSWORD, "::1").isPresent(), "and on the kiosk machine itself");
    }

    @Test
    void elevenParallelGuessesWithTheRightOneAmongThemAfterTheBudgetIsSpentAreAllRefusedUnjudged() throws Exception {
        accounts.createFirstAdmin(PASSWORD);
        for (int i = 0; i < 5; i++) {
            accounts.signIn("admin", "wrong password " + i, ATTACKER);
        }
        List<SignInOutcome> outcomes = inParallel(11, i -> i == 7 ? PASSWORD : "parallel guess " + i);
        assertTrue(outcomes.stream().allMatch(o -> o instanceof SignInOutcome.Slowed), outcomes.toString());
    }

    @Test
    void elevenParallelGuessesOnAFreshAccountAreJudgedAtMostFiveTimes() throws Exception {
        accounts.createFirstAdmin(PASSWORD);
        List<SignInOutcome> outcomes = inParallel(11, i -> "parallel guess " + i);
        long judged = outcomes.stream().filter(o -> o instanceof SignInOutcome.Refused).count();
        assertEquals(SignInThrottle.NAME_AND_SOURCE.free(), judged, "counted before the hash: " + outcomes);
        assertEquals(6, outcomes.stream().filter(o -> o instanceof SignInOutcome.Slowed).count());
    }

    private List<SignInOutcome> inParallel(int n, java.util.function.IntFunction<String> password) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SignInOutcome>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return accounts.signIn("admin", password.apply(k), ATTACKER);
                }));
            }
            go.countDown();
            List<SignInOutcome> out = new ArrayList<>();
            for (Future<SignInOutcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnknownNameIsAnsweredAndThrottledExactlyLikeAKnownOne() {
        accounts.createFirstAdmin(PASSWORD);
        List<SignInOutcome> known = new ArrayList<>();
        List<SignInOutcome> unknown = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            known.add(accounts.signIn("admin", "wrong password " + i, ATTACKER));
            unknown.add(accounts.signIn("nobody", "wrong password " + i, "192.0.2.67"));
            now = now.plusSeconds(1);
        }
        assertEquals(known, unknown);
        assertInstanceOf(SignInOutcome.Slowed.class, known.get(7));
    }

    @Test
    void manyAddressesGuessingOneNameSlowItEverywhereButWhereItsOwnerSignedInBefore() {
        accounts.createFirstAdmin(PASSWORD);
        assertTrue(signIn("admin", PASSWORD, DESK).isPresent(), "the admin's usual desk");
        for (int host = 1; host <= 40; host++) {
            accounts.signIn("admin", "distributed guess", "198.51.100." + host);
        }
        assertInstanceOf(SignInOutcome.Slowed.class, accounts.signIn("admin", PASSWORD, "198.51.100.200"),
                "past the name's allowance, a new address waits");
        assertInstanceOf(SignInOutcome.Refused.class, accounts.signIn("somebody-else", "some password", "198.51.100.201"),
                "another name is not affected");
        assertTrue(signIn("admin", PASSWORD, DESK).isPresent(), "the desk it signed in from before is spared");
        assertTrue(signIn("admin", PASSWORD, "127.0.0.1").isPresent(), "and so is the kiosk machine");
    }

    @Test
    void aDisabledAccountCannotSignInAndEnablingItAgainEndsItsBackOff() {
        accounts.createFirstAdmin(PASSWORD);
        accounts.create("admin", "maria", Role.STAFF, PASSWORD);
        assertTrue(accounts.setDisabled("admin", "maria", true));
        assertInstanceOf(SignInOutcome.Refused.class, accounts.signIn("maria", PASSWORD, DESK));
        for (int i = 0; i < 5; i++) {
            accounts.signIn("maria", "wrong " + i, DESK);
        }
        assertTrue(accounts.slowed("maria"));
        assertTrue(accounts.setDisabled("admin", "maria", false));
        assertFalse(accounts.slowed("maria"));
        assertTrue(signIn("maria", PASSWORD, DESK).isPresent());
        assertFalse(accounts.setDisabled("admin", "nobody", true));
        assertTrue(signIn("nobody", PASSWORD, DESK).isEmpty());
    }

    @Test
    void aResetEndsTheBackOffAndIsAudited() {
        accounts.createFirstAdmin(PASSWORD);
        for (int i = 0; i < 6; i++) {
            accounts.signIn("admin", "wrong password " + i, DESK);
        }
        assertInstanceOf(SignInOutcome.Slowed.class, accounts.signIn("admin", PASSWORD, DESK));
        assertTrue(accounts.resetPasswordOnThisMachine("admin", "a brand new passphrase", "root"));
        assertTrue(signIn("admin", "a brand new passphrase", DESK).isPresent());
        assertFalse(accounts.resetPasswordOnThisMachine("nobody", "a brand new passphrase", "root"));
        AuditEntry reset = audit.latest(10).stream().filter(e -> e.action() == AuditAction.PASSWORD_RESET)
                .findFirst().orElseThrow();
        assertEquals(AuditLog.SYSTEM, reset.username());
        assertEquals("admin (command line on the kiosk machine, as root)", reset.detail());
        assertEquals(1, audit.latest(50).stream().filter(e -> e.action() == AuditAction.PASSWORD_RESET).count());
    }

    @Test
    void failedSignInsAreAuditedOneLinePerSourceNameAndReasonWithACountAndNeverThePassword() {
        accounts.createFirstAdmin(PASSWORD);
        for (int i = 0; i < 500; i++) {
            accounts.signIn("admin", "guess " + i, ATTACKER);
            accounts.signIn("someone" + i, "guess " + i, ATTACKER);
        }
        accounts.signIn("admin", PASSWORD, DESK);
        List<AuditEntry> log = audit.latest(50);
        assertEquals(AuditAction.SIGN_IN, log.get(0).action());
        assertEquals(DESK, log.get(0).source());
        List<AuditEntry> failed = log.stream().filter(e -> e.action() == AuditAction.SIGN_IN_FAILED).toList();
        assertTrue(failed.size() <= 4, "grouped: " + failed);
        assertEquals(1000, failed.stream().mapToInt(AuditEntry::repeats).sum(), "every attempt counted");
        assertTrue(failed.stream().allMatch(e -> e.source().equals(ATTACKER)));
        assertTrue(failed.stream().allMatch(e -> e.username().equals("admin") || e.username().equals(AuditLog.UNKNOWN_USER)),
                "a name no account has is not kept");
        assertTrue(log.stream().noneMatch(e -> String.valueOf(e.detail()).contains("guess")));
    }

    @Test
    void hashesNeverRunMoreThanTwoAtOnceAndOneThatFindsNoSlotInTimeIsTurnedAway() throws Exception {
        Passwords passwords = new Passwords(CHEAP);
        CountDownLatch holding = new CountDownLatch(Passwords.MAX_CONCURRENT);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(Passwords.MAX_CONCURRENT);
        try {
            for (int i = 0; i < Passwords.MAX_CONCURRENT; i++) {
                pool.submit(() -> passwords.inSlot(() -> {
                    holding.countDown();
                    try {
                        return release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return false;
                    }
                }));
            }
            assertTrue(holding.await(5, java.util.concurrent.TimeUnit.SECONDS));
            long start = System.nanoTime();
            assertThrows(Passwords.Busy.class, () -> passwords.hash("some long password"));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMs >= Passwords.MAX_WAIT.toMillis() - 50 && waitedMs < Passwords.MAX_WAIT.toMillis() + 1_000,
                    "waited " + waitedMs + " ms");
            assertInstanceOf(SignInOutcome.Busy.class, new StaffAccounts(new StaffRepository(db), audit, clock, passwords)
                    .signIn("admin", "some long password", DESK), "a sign-in is turned away, not judged");
            release.countDown();
            assertTrue(passwords.matches("some long password", passwords.hash("some long password")));
            assertEquals(Passwords.MAX_CONCURRENT, passwords.peakConcurrent());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
