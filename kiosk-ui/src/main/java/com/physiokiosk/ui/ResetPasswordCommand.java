package com.physiokiosk.ui;

import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.staff.StaffAccount;
import com.physiokiosk.engine.staff.StaffAccounts;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.staff.StaffRepository;
import com.physiokiosk.engine.storage.StorageException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The way back in when every admin is locked out or the password is lost, on the kiosk machine
 * itself: {@code java -jar physio-kiosk.jar reset-password --user admin [--data-dir=…|--config=…]}.
 * The new password comes from {@value #NEW_PASSWORD} when set, otherwise it is typed twice at the
 * terminal, or read as one line from standard input; never from the command line, which other users
 * of the machine can read in the process list. It obeys the same rules as the staff pages (at least
 * 12 characters, not easy to guess), is written with an audit line in one transaction, and works
 * while the kiosk runs: SQLite's own locking orders it with the kiosk's writes. Only someone who can
 * run programs as the kiosk's user on its machine can do this, and that person can read the
 * database already.
 */
final class ResetPasswordCommand {

    /** The first argument that selects this command. */
    static final String NAME = "reset-password";

    /** Environment variable holding the new password, for scripts. */
    static final String NEW_PASSWORD = "KIOSK_NEW_PASSWORD";

    static final int DONE = Commands.DONE;
    static final int REFUSED = Commands.REFUSED;
    static final int CANNOT_RUN = Commands.CANNOT_RUN;

    private ResetPasswordCommand() {
    }

    /**
     * Runs the command with {@code args} (those after {@value #NAME}).
     *
     * @param console the terminal, or {@code null} when input is piped
     * @return {@link #DONE}, {@link #REFUSED} (no such account, or the password is refused) or
     *         {@link #CANNOT_RUN} (bad arguments or settings, no database)
     */
    static int run(String[] args, Map<String, String> env, Console console, InputStream stdin, PrintStream out,
                   PrintStream err) {
        String user = null;
        List<String> settings = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--user") && i + 1 < args.length) {
                user = args[++i];
            } else if (a.startsWith("--user=")) {
                user = a.substring("--user=".length());
            } else if (a.startsWith("--password")) {
                err.println("reset-password: a password is never taken from the command line (others can read it);"
                        + " set " + NEW_PASSWORD + " or type it when asked");
                return CANNOT_RUN;
            } else {
                settings.add(a);
            }
        }
        if (user == null || user.isBlank()) {
            err.println("Usage: java -jar physio-kiosk.jar " + NAME + " --user NAME [--data-dir=DIR | --config=FILE]");
            err.println("The new password is read from " + NEW_PASSWORD + ", or typed twice, or one line on standard input.");
            return CANNOT_RUN;
        }
        String username = user.strip().toLowerCase(Locale.ROOT);
        KioskConfig config = Commands.config(NAME, settings, env, err);
        if (config == null) {
            return CANNOT_RUN;
        }
        Path file = config.dataDir().resolve(Database.FILE_NAME);
        if (!config.database().isPostgresql() && !Files.isRegularFile(file)) {
            // Never create an empty database where the kiosk's is not.
            err.println("reset-password: there is no kiosk database at " + file.toAbsolutePath()
                    + " (settings kiosk.data-dir, --data-dir=DIR)");
            return CANNOT_RUN;
        }
        String password;
        try {
            password = newPassword(username, env, console, stdin, err);
        } catch (IOException e) {
            err.println("reset-password: could not read the new password: " + e.getMessage());
            return CANNOT_RUN;
        }
        if (password == null) {
            return REFUSED;
        }
        try {
            StaffAccounts.checkPassword(username, password);
        } catch (StaffAccounts.AccountException e) {
            err.println("reset-password: " + refusal(e.problem()));
            return REFUSED;
        }
        Clock clock = Clock.system(config.zone());
        try (Database db = config.database().open(config.dataDir())) {
            StaffAccounts accounts = new StaffAccounts(new StaffRepository(db), new AuditLog(db, clock), clock);
            if (!accounts.resetPasswordOnThisMachine(username, password, System.getProperty("user.name", "?"))) {
                err.println("reset-password: there is no account '" + username + "'. Accounts: "
                        + String.join(", ", accounts.list().stream().map(StaffAccount::username).toList()));
                return REFUSED;
            }
            out.println("The password of '" + username + "' is set. Sign in with it at /staff/sign-in.");
            if (accounts.find(username).map(StaffAccount::disabled).orElse(false)) {
                out.println("The account is switched off: an admin switches it on at /staff/accounts.");
            }
            out.println("Staff sessions already open stay open until they idle out or the kiosk restarts.");
            return DONE;
        } catch (StaffAccounts.AccountException e) {
            err.println("reset-password: " + refusal(e.problem()));
            return REFUSED;
        } catch (StorageException e) {
            err.println("reset-password: " + e.getMessage());
            return CANNOT_RUN;
        }
    }

    /** The new password, or {@code null} when the two typed differ. */
    private static String newPassword(String username, Map<String, String> env, Console console, InputStream stdin,
                                      PrintStream err) throws IOException {
        String fromEnv = env.get(NEW_PASSWORD);
        if (fromEnv != null) {
            return fromEnv;
        }
        if (console != null) {
            char[] first = console.readPassword("New password for %s (at least %d characters): ", username,
                    StaffAccounts.MIN_PASSWORD_LENGTH);
            char[] again = console.readPassword("The same again: ");
            try {
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    err.println("reset-password: the two passwords are not the same; nothing changed");
                    return null;
                }
                return new String(first);
            } finally {
                if (first != null) {
                    Arrays.fill(first, ' ');
                }
                if (again != null) {
                    Arrays.fill(again, ' ');
                }
            }
        }
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        if (line == null) {
            throw new IOException("standard input is empty; set " + NEW_PASSWORD + " or pipe the password in");
        }
        return line;
    }

    private static String refusal(StaffAccounts.Problem problem) {
        return switch (problem) {
            case PASSWORD_TOO_SHORT -> "the password must be at least " + StaffAccounts.MIN_PASSWORD_LENGTH
                    + " characters long; nothing changed";
            case PASSWORD_TOO_LONG -> "the password must be at most " + StaffAccounts.MAX_PASSWORD_LENGTH
                    + " characters long; nothing changed";
            case PASSWORD_TOO_WEAK -> "the password is too easy to guess (a repeated pattern, a run of keys, a common"
                    + " word with digits, or the user name); nothing changed";
            default -> problem.name() + "; nothing changed";
        };
    }
}
