package com.physiokiosk.engine.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child JVM an upload is checked in: how it is started, and how each way it can end is read. Stand-in
 * mains ({@link FakeChecks}) fail in each way in a second or so; one real check runs {@link PluginCheck}.
 */
@DisplayName("Plugin checks in a child JVM")
class PluginCheckProcessTest {

    @TempDir
    Path dir;

    private Path anyJar() throws IOException {
        return Files.writeString(dir.resolve("upload.jar"), "the checker copies this for the child");
    }

    private static PluginCheckProcess running(Class<?> main, int seconds) {
        return new PluginCheckProcess(PluginCheckProcess.javaOfThisJvm(), PluginCheckProcess.classPathOfThisJvm(),
                main.getName(), Duration.ofSeconds(seconds));
    }

    private String refusal(Class<?> main, int seconds) throws IOException {
        Path jar = anyJar();
        long t0 = System.nanoTime();
        String reason = assertThrows(TopicHost.Refused.class, () -> running(main, seconds).check(jar)).getMessage();
        System.out.printf("%s refused in %d ms: %s%n", main.getSimpleName(), (System.nanoTime() - t0) / 1_000_000, reason);
        return reason;
    }

    @Test
    void theChildIsThisJvmsJavaOnThisJvmsClassPathWithASmallHeapAndNoWayToCarryOnPastOutOfMemory() {
        PluginCheckProcess checks = PluginCheckProcess.ofThisJvm();
        List<String> cmd = checks.command(Path.of("/scratch"));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), cmd.get(0));
        // Not run from the packaged jar (as in this test), the class path is the running JVM's, made absolute.
        List<Path> expected = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank()).map(e -> Path.of(e).toAbsolutePath().normalize()).toList();
        assertEquals(expected, PluginCheckProcess.classPathOfThisJvm());
        assertEquals(String.join(File.pathSeparator, expected.stream().map(Path::toString).toList()),
                cmd.get(cmd.indexOf("-cp") + 1));
        assertTrue(cmd.containsAll(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=/scratch/tmp", "-Duser.home=/scratch/home")), cmd.toString());
        assertEquals(List.of(PluginCheck.class.getName(), "/scratch/plugins", "30"), cmd.subList(cmd.size() - 3, cmd.size()));
    }

    @Test
    void aRelativeClassPathEntryIsResolvedAgainstTheKiosksWorkingFolderNotTheChilds() {
        // java -jar physio-kiosk.jar from /opt/kiosk: java.class.path is the bare file name.
        assertEquals(List.of(Path.of("/opt/kiosk/physio-kiosk.jar")),
                PluginCheckProcess.classPath("physio-kiosk.jar", Path.of("/opt/kiosk")));
        assertEquals(List.of(Path.of("/opt/kiosk/lib/a.jar"), Path.of("/usr/share/b.jar")),
                PluginCheckProcess.classPath("lib/a.jar" + File.pathSeparator + File.pathSeparator + "/usr/share/b.jar",
                        Path.of("/opt/kiosk")));
    }

    @Test
    @Timeout(30)
    void theVerdictIsTheOneLineWithThisChecksTokenAndAForgedOneIsIgnored() throws IOException {
        PluginCheck.Verdict v = running(FakeChecks.Passes.class, 15).check(anyJar());
        assertTrue(v.passed());
        assertEquals("fake", v.pluginId());
        assertEquals("1.2.3", v.version());
        assertEquals("Plugin x is refused: año, 100% \"odd\" second line", refusal(FakeChecks.Refuses.class, 15));
    }

    @Test
    @Timeout(30)
    void theChildRunsInAScratchFolderWithItsOwnTemporaryAndHomeFoldersAndNoneOfTheKiosksEnvironment() throws IOException {
        String[] where = refusal(FakeChecks.Reports.class, 15).split("\\|");
        Path folder = Path.of(where[0]);
        assertTrue(folder.getFileName().toString().startsWith("kiosk-plugin-check"), where[0]);
        assertEquals(folder.resolve("tmp").toString(), where[1]);
        assertEquals(folder.resolve("home").toString(), where[2]);
        assertEquals("[LANG]", where[3], "none of the kiosk's environment reaches the child, only a locale");
        assertTrue(Integer.parseInt(where[4]) <= PluginCheckProcess.HEAP_MB, "heap " + where[4] + " MB");
        assertEquals(folder.resolve("plugins").toString(), where[5]);
        assertFalse(Files.exists(folder), "the scratch folder is deleted afterwards");
    }

    @Test
    @Timeout(60)
    void aChildThatDiesHangsRunsOutOfMemoryOrPrintsGarbageIsARefusalThatSaysSo() throws IOException {
        assertEquals("The plugin's checks exited with code 7 before giving a verdict", refusal(FakeChecks.Exits.class, 15));
        long t0 = System.nanoTime();
        assertEquals("The plugin's checks did not finish within 3 s", refusal(FakeChecks.Hangs.class, 3));
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "destroyed at the limit");
        assertEquals("The plugin's checks ran out of memory (64 MB)", refusal(FakeChecks.Allocates.class, 15));
        assertEquals("The plugin's checks ended without a verdict", refusal(FakeChecks.Garbage.class, 15));
        assertEquals("The plugin's checks gave an unreadable verdict", refusal(FakeChecks.Unreadable.class, 15));
        assertEquals("The plugin's checks printed more than 1 MB", refusal(FakeChecks.Floods.class, 15));
    }

    @Test
    @Timeout(60)
    void theRealChecksLoadTheJarInTheChildAndGiveTheKiosksOwnReason() throws IOException {
        Path jar = dir.resolve("no-topic.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            zip.putNextEntry(new ZipEntry("plugin.properties"));
            zip.write(("plugin.id=no-topic\nplugin.version=1.0.0\nplugin.requires=>=1.0.0\nplugin.class=\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }
        String reason = assertThrows(TopicHost.Refused.class, () -> PluginCheckProcess.ofThisJvm().check(jar))
                .getMessage();
        assertTrue(reason.startsWith("Plugin no-topic is refused: "), reason);
        assertTrue(reason.contains("plugin must contribute exactly one Topic extension, found 0"), reason);
    }

    @Test
    void aVerdictLineSurvivesAnyReasonAndRejectsWhatIsNotOne() {
        String token = "0123456789abcdef0123456789abcdef";
        PluginCheck.Verdict refused = PluginCheck.Verdict.refused("a b\tc\nd – é");
        String line = refused.line(token);
        assertTrue(line.chars().allMatch(ch -> ch > ' ' && ch < 127 || ch == ' '), line);
        assertEquals(refused, PluginCheck.Verdict.parse(line, token));
        assertEquals(PluginCheck.Verdict.ok("sleep", "1.0.0"),
                PluginCheck.Verdict.parse(PluginCheck.Verdict.ok("sleep", "1.0.0").line(token), token));
        assertFalse(PluginCheck.Verdict.isFor(line, "another"));
        assertThrows(IllegalArgumentException.class, () -> PluginCheck.Verdict.parse(
                PluginCheck.Verdict.PREFIX + " " + token + " ok a b c", token));
        assertEquals(PluginCheck.Verdict.MAX_REASON_CHARS + 1, PluginCheck.Verdict.refused("x".repeat(10_000)).reason().length());
    }
}
