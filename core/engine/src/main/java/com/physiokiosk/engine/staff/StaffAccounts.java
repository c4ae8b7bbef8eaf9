package com.physiokiosk.engine.staff;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.staff.StaffRepository;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts: creating them with hashed passwords, signing in with back-off after repeated
 * failures ({@link SignInThrottle}), and switching them off. There is no default password: the
 * first account, {@code admin}, is made from {@code KIOSK_ADMIN_PASSWORD} or on the local set-up
 * page, and any password can be set anew on the kiosk machine itself from the command line.
 */
public final class StaffAccounts {

    private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** Long enough for any passphrase, short enough that hashing cannot be used to tie up the kiosk. */
    public static final int MAX_PASSWORD_LENGTH = 200;
    /** The name of the first account. */
    public static final String FIRST_ADMIN = "admin";

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,39}");

    /** Passwords every guesser tries first, with digits or a mark after them. */
    private static final Pattern NOTORIOUS = Pattern.compile(
            "(password|passw0rd|p@ssw0rd|qwerty|letmein|welcome|iloveyou|admin|changeme)[0-9!.@#]*");
    /** Runs of keys in a row a lazy hand types. */
    private static final List<String> RUNS = List.of("01234567890123456789", "abcdefghijklmnopqrstuvwxyz",
            "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p");

    private final StaffRepository accounts;
    private final AuditLog audit;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final Clock clock;

    /** Accounts hashed at the kiosk's cost. */
    public StaffAccounts(StaffRepository accounts, AuditLog audit, Clock clock) {
        this(accounts, audit, clock, new Passwords());
    }

    /** @param passwords the hashing; a test may pass a cheap cost, the kiosk never does */
    public StaffAccounts(StaffRepository accounts, AuditLog audit, Clock clock, Passwords passwords) {
        this.accounts = accounts;
        this.audit = audit;
        this.passwords = passwords;
        this.throttle = new SignInThrottle(clock);
        this.clock = clock;
    }

    /** Why an account cannot be made as asked. */
    public enum Problem {
        USERNAME_INVALID, USERNAME_TAKEN, PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_TOO_WEAK, ACCOUNTS_EXIST
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
     * @throws AccountException when the password is too short, too long or too weak
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
     * @throws AccountException when the password is too short, too long or too weak
     */
    public boolean createFirstAdmin(String password) {
        checkPassword(FIRST_ADMIN, password);
        return accounts.insert(FIRST_ADMIN, Role.ADMIN, passwords.hash(password), clock.instant(), true,
                audit.entry(FIRST_ADMIN, AuditAction.ACCOUNT_CREATED, null, "first admin"));
    }

    /**
     * An admin makes a new account.
     *
     * @throws AccountException when the name is invalid or taken, or the password too short, too long or too weak
     */
    public void create(String byAdmin, String username, Role role, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountException(Problem.USERNAME_INVALID);
        }
        checkPassword(username, password);
        if (!accounts.insert(username, role, passwords.hash(password), clock.instant(), false,
                audit.entry(byAdmin, AuditAction.ACCOUNT_CREATED, null, username + " (" + role.code() + ")"))) {
            throw new AccountException(Problem.USERNAME_TAKEN);
        }
    }

    /**
     * Checks a sign-in. The attempt is counted against the name and the source address before any
     * hash is computed, so parallel guesses cannot slip past the back-off; one that the back-off
     * refuses costs no hash at all. An unknown name costs the same hash as a wrong password, and
     * every refusal looks the same to the caller, so nobody learns which names exist.
     *
     * @param username      the name as typed, lower case
     * @param remoteAddress the address the request came from
     */
    public SignInOutcome signIn(String username, String password, String remoteAddress) {
        String name = username == null ? "" : username;
        String source = SignInThrottle.Source.of(remoteAddress).key();
        // Read for every name alike; a name no account has is audited without being kept.
        Optional<StaffRepository.Credentials> found = accounts.credentials(name);
        String audited = found.isPresent() ? name : AuditLog.UNKNOWN_USER;
        SignInThrottle.Reservation reservation = throttle.reserve(name, remoteAddress);
        if (reservation.attempt().isEmpty()) {
            audit.recordRepeated(audited, AuditAction.SIGN_IN_FAILED, source, "too many attempts, asked to wait");
            return new SignInOutcome.Slowed(reservation.retryAfter());
        }
        SignInThrottle.Attempt attempt = reservation.attempt().get();
        boolean right;
        try {
            right = judge(found, password);
        } catch (Passwords.Busy busy) {
            attempt.notJudged();
            audit.recordRepeated(audited, AuditAction.SIGN_IN_FAILED, source, "kiosk busy, not checked");
            return new SignInOutcome.Busy();
        }
        if (!right) {
            boolean off = found.isPresent() && found.get().account().disabled();
            audit.recordRepeated(audited, AuditAction.SIGN_IN_FAILED, source, off ? "switched off" : "wrong password");
            return new SignInOutcome.Refused();
        }
        attempt.succeeded();
        audit.recordFrom(name, AuditAction.SIGN_IN, source, null);
        return new SignInOutcome.Accepted(found.get().account());
    }

    /** Whether {@code password} opens {@code found}; always one hash, except for what no form sends. */
    private boolean judge(Optional<StaffRepository.Credentials> found, String password) {
        if (password == null || password.length() > MAX_PASSWORD_LENGTH) {
            return false;
        }
        if (found.isEmpty() || found.get().account().disabled()) {
            passwords.spendDecoyTime(password);
            return false;
        }
        return passwords.matches(password, found.get().passwordHash());
    }

    /** Whether sign-in as {@code username} is being slowed down after failed attempts, from somewhere. */
    public boolean slowed(String username) {
        return throttle.slowed(username);
    }

    /** The hashing, for its figures. */
    public Passwords passwords() {
        return passwords;
    }

    public List<StaffAccount> list() {
        return accounts.list();
    }

    public Optional<StaffAccount> find(String username) {
        return accounts.find(username);
    }

    /**
     * An admin switches an account off or on again; switching on also ends any back-off for it.
     *
     * @return whether there is such an account
     */
    public boolean setDisabled(String byAdmin, String username, boolean disabled) {
        boolean found = accounts.setDisabled(username, disabled,
                audit.entry(byAdmin, disabled ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED, null, username));
        if (found && !disabled) {
            throttle.forgive(username);
        }
        return found;
    }

    /**
     * An admin sets a new password for an account; any back-off after failed sign-ins ends.
     *
     * @return whether there is such an account
     * @throws AccountException when the password is too short, too long or too weak
     */
    public boolean resetPassword(String byAdmin, String username, String password) {
        return setPassword(byAdmin, username, password, username);
    }

    /**
     * Sets a new password from the command line on the kiosk machine itself: the way back in when
     * every admin is locked out or the password is lost. Audited as the kiosk ({@link AuditLog#SYSTEM}).
     *
     * @param osUser the operating-system user who ran the command, for the audit log
     * @return whether there is such an account
     * @throws AccountException when the password is too short, too long or too weak
     */
    public boolean resetPasswordOnThisMachine(String username, String password, String osUser) {
        boolean found = setPassword(AuditLog.SYSTEM, username, password,
                username + " (command line on the kiosk machine, as " + osUser + ")");
        if (found) {
            log.warn("The password of '{}' was set anew from the command line by {}", username, osUser);
        }
        return found;
    }

    private boolean setPassword(String by, String username, String password, String detail) {
        checkPassword(username, password);
        boolean found = accounts.setPassword(username, passwords.hash(password),
                audit.entry(by, AuditAction.PASSWORD_RESET, null, detail));
        if (found) {
            throttle.forgive(username);
        }
        return found;
    }

    /**
     * Checks a new password for {@code username} against the rules, before anything is opened or
     * hashed (the command-line reset refuses one without touching the database).
     *
     * @throws AccountException when the password is too short, too long or too weak
     */
    public static void checkPassword(String username, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountException(Problem.PASSWORD_TOO_SHORT);
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new AccountException(Problem.PASSWORD_TOO_LONG);
        }
        if (isWeak(username, password)) {
            throw new AccountException(Problem.PASSWORD_TOO_WEAK);
        }
    }

    /**
     * Whether a long enough password is still among the first a guesser tries: a few characters
     * repeated, a run of keys, a notorious word with digits, or the user name again.
     */
    static boolean isWeak(String username, String password) {
        String p = password.toLowerCase(Locale.ROOT).strip();
        if (p.codePoints().distinct().count() < 5 || NOTORIOUS.matcher(p).matches()) {
            return true;
        }
        if (username != null && !username.isEmpty() && p.replace(username, "").codePoints().distinct().count() < 4) {
            return true;
        }
        for (String run : RUNS) {
            String reversed = new StringBuilder(run).reverse().toString();
            if (run.contains(p) || reversed.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
