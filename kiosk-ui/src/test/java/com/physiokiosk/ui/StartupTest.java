package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.config.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up as a clinic runs it: the real Main in its own process. */
@DisplayName("Start-up")
class StartupTest {

    record Run(int exit, String stderr) {
    }

    private static Run main(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("KIOSK_"));
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kiosk did not stop on a bad setting");
        }
        return new Run(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aPortThatIsNotANumberStopsStartUpWithOneLineNamingTheSetting() throws Exception {
        Run run = main(Map.of("KIOSK_PORT", "abc", "KIOSK_PLUGINS_DIR", "target/plugins"));
        assertEquals(2, run.exit());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
        assertTrue(run.stderr().contains("kiosk.port='abc'") && run.stderr().contains("KIOSK_PORT"), run.stderr());
    }

    @Test
    void anUnusableDataFolderStopsStartUpNamingTheSettingAndValue(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run run = main(Map.of("KIOSK_DATA_DIR", file.resolve("data").toString(), "KIOSK_PLUGINS_DIR", "target/plugins"));
        assertEquals(2, run.exit());
        assertTrue(run.stderr().contains("kiosk.data-dir='" + file.resolve("data") + "'"), run.stderr());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
    }

    @Test
    void aBadFlagStopsStartUp() throws Exception {
        Run run = main(Map.of("KIOSK_PLUGINS_DIR", "target/plugins"), "--idle-timeout-seconds=5");
        assertEquals(2, run.exit());
        assertTrue(run.stderr().contains("kiosk.idle-timeout-seconds='5' (from command line --idle-timeout-seconds)"),
                run.stderr());
    }

    @Test
    void aTooShortAdminPasswordStopsStartUpWithoutEchoingIt(@TempDir Path tmp) throws Exception {
        Run run = main(Map.of("KIOSK_PLUGINS_DIR", "target/plugins", "KIOSK_DATA_DIR", tmp.toString(),
                "KIOSK_ADMIN_PASSWORD", "hunter2"));
        assertEquals(2, run.exit());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
        assertTrue(run.stderr().contains("KIOSK_ADMIN_PASSWORD must be 12 to 200 characters long"), run.stderr());
        assertTrue(!run.stderr().contains("hunter2"), "the password is never printed");
    }

    @Test
    void aPortInUseStopsStartUpSayingItCannotListenThere(@TempDir Path tmp) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Run run = main(Map.of("KIOSK_PLUGINS_DIR", "target/plugins", "KIOSK_DATA_DIR", tmp.toString(),
                    "KIOSK_BIND_ADDRESS", "127.0.0.1", "KIOSK_PORT", Integer.toString(taken.getLocalPort())));
            assertEquals(2, run.exit());
            assertTrue(run.stderr().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (settings kiosk.bind-address, kiosk.port)"), run.stderr());
        }
    }

    /** Both languages have every host text, the staff pages' included. */
    @Test
    void theHostTextsExistInEnglishAndSpanishAlike() throws IOException {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties es = new java.util.Properties();
        try (var in = StartupTest.class.getResourceAsStream("/com/physiokiosk/ui/messages_en.properties");
             var in2 = StartupTest.class.getResourceAsStream("/com/physiokiosk/ui/messages_es.properties")) {
            en.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            es.load(new java.io.InputStreamReader(in2, StandardCharsets.UTF_8));
        }
        assertEquals(new java.util.TreeSet<>(en.stringPropertyNames()), new java.util.TreeSet<>(es.stringPropertyNames()));
        // Loaded as the kiosk loads them (a key given twice is refused): a text answer in odd characters
        // is asked to be typed again, not sent to reception as the error page does.
        assertEquals("Please type your answer again using ordinary letters.",
                com.physiokiosk.ui.view.Texts.in("en").get("error.plain-text"));
        assertEquals("Please tell reception; they will help you.", com.physiokiosk.ui.view.Texts.in("en").get("error.text"));
    }

    /** config/kiosk.properties documents every setting with the default the code really uses. */
    @Test
    void theShippedConfigFileDocumentsEverySettingWithItsDefault() throws IOException {
        String file = Files.readString(Path.of("..", "config", "kiosk.properties"));
        for (ConfigLoader.Setting s : ConfigLoader.SETTINGS) {
            assertTrue(file.contains("# " + s.description() + "\n#" + s.key() + "=" + s.defaultValue() + "\n"),
                    "config/kiosk.properties documents " + s.key() + "=" + s.defaultValue());
        }
    }
}
