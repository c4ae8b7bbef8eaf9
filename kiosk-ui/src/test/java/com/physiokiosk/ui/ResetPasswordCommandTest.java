package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.audit.AuditLog;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar physio-kiosk.jar reset-password --user admin}, the way back in on the kiosk
 * machine when every admin is locked out or the password is lost: run here through the command's
 * own code path, against the data folder of a kiosk that is running meanwhile.
 */
@DisplayName("Password reset from the command line")
class ResetPasswordCommandTest {

    private record Run(int exit, String out, String err) {
    }

    private static Run run(TestKiosk kiosk, Map<String, String> extraEnv, String stdin, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("KIOSK_DATA_DIR", kiosk.dataDir.toString());
        env.put("KIOSK_CONFIG", kiosk.dataDir.resolve("test-kiosk.properties").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ResetPasswordCommand.run(args, env, null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void whileTheKioskRunsItSetsTheAdminsPasswordFromStandardInputAndAuditsIt() {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                SignInClient desk = new SignInClient(server.port(), "127.0.12.1");
                for (int i = 0; i < 6; i++) {
                    desk.signIn("admin", "forgotten it " + i);
                }
                assertEquals(429, desk.signIn("admin", TestKiosk.ADMIN_PASSWORD).status(), "locked out at the desk");

                Run r = run(kiosk, Map.of(), "a fresh passphrase for the clinic\n", "--user", "admin");
                assertEquals(ResetPasswordCommand.DONE, r.exit(), r.err());
                assertTrue(r.out().contains("The password of 'admin' is set"), r.out());

                assertEquals(303, new SignInClient(server.port(), "127.0.0.1").signIn("admin",
                        "a fresh passphrase for the clinic").status(), "on the kiosk machine, at once");
                assertEquals(401, new SignInClient(server.port(), "127.0.12.2").signIn("admin", TestKiosk.ADMIN_PASSWORD)
                        .status(), "the old password is gone");
                AuditEntry reset = kiosk.app.audit().latest(20).stream()
                        .filter(e -> e.action() == AuditAction.PASSWORD_RESET).findFirst().orElseThrow();
                assertEquals(AuditLog.SYSTEM, reset.username());
                assertTrue(reset.detail().startsWith("admin (command line on the kiosk machine, as "), reset.detail());
            });
        }
    }

    @Test
    void thePasswordMayComeFromTheEnvironmentButNeverFromTheCommandLine() {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            Run fromEnv = run(kiosk, Map.of(ResetPasswordCommand.NEW_PASSWORD, "another calm passphrase"), "", "--user=admin");
            assertEquals(ResetPasswordCommand.DONE, fromEnv.exit(), fromEnv.err());
            assertTrue(kiosk.app.staffAccounts().signIn("admin", "another calm passphrase", "127.0.0.1")
                    instanceof com.physiokiosk.engine.staff.SignInOutcome.Accepted);

            Run inArgs = run(kiosk, Map.of(), "", "--user", "admin", "--password=visible to everyone");
            assertEquals(ResetPasswordCommand.CANNOT_RUN, inArgs.exit());
            assertTrue(inArgs.err().contains("never taken from the command line"), inArgs.err());
        }
    }

    @Test
    void aWeakPasswordAnUnknownUserAndAMissingDatabaseAreRefusedAndChangeNothing() throws Exception {
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            int auditBefore = kiosk.app.audit().latest(100).size();
            for (String weak : List.of("short", "aaaaaaaaaaaaaaaa", "password2024!", "123456789012")) {
                Run r = run(kiosk, Map.of(), weak + "\n", "--user", "admin");
                assertEquals(ResetPasswordCommand.REFUSED, r.exit(), weak);
                assertTrue(r.err().contains("nothing changed"), r.err());
                assertFalse(r.err().contains(weak) && weak.length() > 5, "the password is never echoed");
            }
            Run unknown = run(kiosk, Map.of(), "a perfectly good passphrase\n", "--user", "nobody");
            assertEquals(ResetPasswordCommand.REFUSED, unknown.exit());
            assertTrue(unknown.err().contains("there is no account 'nobody'. Accounts: admin"), unknown.err());
            assertEquals(auditBefore, kiosk.app.audit().latest(100).size(), "nothing written");
            assertTrue(kiosk.app.staffAccounts().signIn("admin", TestKiosk.ADMIN_PASSWORD, "127.0.0.1")
                    instanceof com.physiokiosk.engine.staff.SignInOutcome.Accepted, "the password is unchanged");

            Run noUser = run(kiosk, Map.of(), "", "--data-dir=" + kiosk.dataDir);
            assertEquals(ResetPasswordCommand.CANNOT_RUN, noUser.exit());
            assertTrue(noUser.err().startsWith("Usage:"), noUser.err());

            Path empty = Files.createTempDirectory("kiosk-no-db");
            Run noDb = run(kiosk, Map.of(), "a perfectly good passphrase\n", "--user", "admin", "--data-dir=" + empty);
            assertEquals(ResetPasswordCommand.CANNOT_RUN, noDb.exit());
            assertTrue(noDb.err().contains("there is no kiosk database at"), noDb.err());
            assertFalse(Files.exists(empty.resolve("kiosk.db")), "no empty database made");
            Files.delete(empty);
        }
    }
}
