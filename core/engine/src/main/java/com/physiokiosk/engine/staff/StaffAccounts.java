package com.physiokiosk.engine.staff;

import com.physiokiosk.engine.storage.AuditLog;
import com.physiokiosk.engine.storage.StaffRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts: creating them with hashed passwords, signing in with lockout after repeated
 * failures, and switching them off. There is no default password: the first account, {@code admin},
 * is made from {@code KIOSK_ADMIN_PASSWORD} or on the local set-up page.
 */
public final class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** Long enough for any passphrase, short enough that hashing cannot be used to tie up the kiosk. */
    public static final int MAX_PASSWORD_LENGTH = 200;
    /** Failed sign-ins in a row that lock an account. */
    public static final int MAX_FAILURES = 5;
    /** How long a locked account refuses every sign-in, the right password included. */
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);
    /** The name of the first account. */
    public static final String FIRST_ADMIN = "admin";

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,39}");

    private final StaffRepository accounts;
    private final AuditLog audit;
    private final Clock clock;

    public StaffAccounts(StaffRepository accounts, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why an account cannot be made as asked. */
    public enum Problem {
        USERNAME_INVALID, USERNAME_TAKEN, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, ACCOUNTS_EXIST
    }

    /** An account could not be made; {@link #problem()} says why, without echoing the password. */
    public static final class AccountException extends RuntimeException {
        private final Problem problem;

        public AccountException(Problem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Whether the set-up page is still needed: no account exists yet. */
    public boolean needsSetup() {
        return accounts.isEmpty();
    }

    /**
     * At start-up: makes the {@code admin} account with {@code password} when there is no account
     * yet. Does nothing when accounts exist or {@code password} is {@code null}.
     *
     * @throws AccountException when the password is too short or too long
     */
    public void createFirstAdminIfNone(String password) {
        if (password == null || !accounts.isEmpty()) {
            return;
        }
        if (createFirstAdmin(password)) {
            log.info("Created the '{}' account from KIOSK_ADMIN_PASSWORD", FIRST_ADMIN);
        }
    }

    /**
     * Makes the {@code admin} account, but only while there is no account at all.
     *
     * @return false when an account exists already
     * @throws AccountException when the password is too short or too long
     */
    public boolean createFirstAdmin(String password) {
        checkPassword(password);
        boolean made = accounts.insert(FIRST_ADMIN, Role.ADMIN, Passwords.hash(password), clock.instant(), true);
        if (made) {
            audit.record(FIRST_ADMIN, AuditAction.ACCOUNT_CREATED, null, "first admin");
        }
        return made;
    }

    /**
     * An admin makes a new account.
     *
     * @throws AccountException when the name is invalid or taken, or the password too short or too long
     */
    public void create(String byAdmin, String username, Role role, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountException(Problem.USERNAME_INVALID);
        }
        checkPassword(password);
        if (!accounts.insert(username, role, Passwords.hash(password), clock.instant(), false)) {
            throw new AccountException(Problem.USERNAME_TAKEN);
        }
        audit.record(byAdmin, AuditAction.ACCOUNT_CREATED, null, username + " (" + role.code() + ")");
    }

    /**
     * Checks a sign-in. Every refusal looks the same to the caller, whether the name is unknown, the
     * password wrong, the account locked or switched off, so nobody learns which names exist.
     *
     * @return the account when the name and password match an active, unlocked account
     */
    public Optional<StaffAccount> signIn(String username, String password) {
        if (username == null || password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<StaffRepository.Credentials> found = accounts.credentials(username);
        if (found.isEmpty()) {
            Passwords.spendDecoyTime(password);
            return Optional.empty();
        }
        StaffAccount account = found.get().account();
        if (account.lockedAt(now) || account.disabled()) {
            Passwords.spendDecoyTime(password);
            audit.record(username, AuditAction.SIGN_IN_FAILED, null, account.disabled() ? "disabled" : "locked");
            return Optional.empty();
        }
        if (!Passwords.matches(password, found.get().passwordHash())) {
            boolean locked = accounts.recordFailure(username, now, MAX_FAILURES, LOCK_TIME);
            audit.record(username, AuditAction.SIGN_IN_FAILED, null, locked ? "wrong password; locked" : "wrong password");
            if (locked) {
                log.warn("Staff account '{}' locked for {} minutes after {} failed sign-ins", username,
                        LOCK_TIME.toMinutes(), MAX_FAILURES);
            }
            return Optional.empty();
        }
        accounts.recordSuccess(username);
        audit.record(username, AuditAction.SIGN_IN, null, null);
        return accounts.find(username);
    }

    public List<StaffAccount> list() {
        return accounts.list();
    }

    public Optional<StaffAccount> find(String username) {
        return accounts.find(username);
    }

    /**
     * An admin switches an account off or on again; switching on also lifts a lock.
     *
     * @return whether there is such an account
     */
    public boolean setDisabled(String byAdmin, String username, boolean disabled) {
        boolean found = accounts.setDisabled(username, disabled);
        if (found) {
            if (!disabled) {
                accounts.recordSuccess(username);
            }
            audit.record(byAdmin, disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED, null, username);
        }
        return found;
    }

    /**
     * An admin sets a new password for an account; any lock after failed sign-ins is lifted.
     *
     * @return whether there is such an account
     * @throws AccountException when the password is too short or too long
     */
    public boolean resetPassword(String byAdmin, String username, String password) {
        checkPassword(password);
        boolean found = accounts.setPassword(username, Passwords.hash(password));
        if (found) {
            audit.record(byAdmin, AuditAction.PASSWORD_RESET, null, username);
        }
        return found;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException(Problem.PASSWORD_TOO_SHORT);
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new AccountException(Problem.PASSWORD_TOO_LONG);
        }
    }
}
