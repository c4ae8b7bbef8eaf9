package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.plugins.KioskPluginManager;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.plugins.TopicHost;
import com.physiokiosk.engine.safety.SafetyScreen;
import com.physiokiosk.engine.plugins.TopicHost.Refused;
import com.physiokiosk.engine.plugins.PluginStatus;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.storage.StorageException;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Topics switched on and off, installed and removed while the kiosk runs. */
@DisplayName("Topic plugins at run time")
class TopicHostTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    private TestKiosk kiosk;

    @BeforeEach
    void copyBuiltPlugins() throws IOException {
        copyBuiltPlugins(plugins);
    }

    /** Copies every built topic plugin jar to {@code folder}, so a test may add and remove some. */
    static void copyBuiltPlugins(Path folder) throws IOException {
        try (Stream<Path> jars = Files.list(TestKiosk.BUILT_PLUGINS)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, folder.resolve(jar.getFileName()));
            }
        }
    }

    @AfterEach
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
    }

    private TestKiosk start() {
        return start(Map.of());
    }

    /** A kiosk on this test's plugins and data folders, with {@code settings} (env-style names) besides. */
    private TestKiosk start(Map<String, String> settings) {
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put("KIOSK_DATA_DIR", data.toString());
        return TestKiosk.start(plugins, env, Clock.systemDefaultZone());
    }

    private TopicHost admin() {
        return kiosk.app.host();
    }

    /** A patient who has answered the safety screen and is on the topic choice. */
    static Browser safetyDone(int port) {
        Browser b = new Browser(port);
        new Walker(b).toTopics("en", "");
        return b;
    }

    @Test
    void switchingATopicOffWhilePatientsAreMidwayHurtsOnlyThoseOnThatTopic() {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser onCramps = safetyDone(server.port());
            Walker cramps = new Walker(onCramps).topic("cramps", PatientFlowTest.calmCramps());
            cramps.answerUntil(cramps.choose("cramps"), "/q/cramps/trigger");
            Browser onSleep = safetyDone(server.port());
            String sleepFirst = new Walker(onSleep).choose("sleep");

            admin().disable("sleep", "admin");

            // The sleep patient is taken back to the topic choice with a kind message.
            HttpResponse<String> back = onSleep.get(sleepFirst);
            assertEquals("/topics", Browser.location(back));
            HttpResponse<String> choice = onSleep.get("/topics");
            assertTrue(choice.body().contains("That topic is no longer available"));
            assertFalse(choice.body().contains("value=\"sleep\""), "gone from the choice at once");
            assertEquals(404, new Browser(server.port()).get("/q/sleep/pain-timing").statusCode());

            // The cramps patient carries on to the end.
            assertEquals("/review", cramps.answerFrom("/q/cramps/trigger"));
            cramps.send();

            admin().enable("sleep", "admin");
            assertTrue(safetyDone(server.port()).get("/topics").body().contains("value=\"sleep\""), "back at once");
        });
    }

    @Test
    void theChoiceSurvivesARestartAndTheTopicKeepsItsNameWhileOff() {
        kiosk = start();
        String english = kiosk.app.host().find("postpartum").orElseThrow().title("en");
        String spanish = kiosk.app.host().find("postpartum").orElseThrow().title("es");
        admin().disable("postpartum", "admin");
        assertTrue(kiosk.app.host().find("postpartum").isEmpty());
        assertEquals(english, admin().topicName("postpartum", "en"), "named while off");
        kiosk.app.stop();
        kiosk = start();
        assertTrue(kiosk.app.host().find("postpartum").isEmpty(), "still off after a restart");
        assertEquals(com.physiokiosk.engine.plugins.PluginStatus.State.DISABLED, status("postpartum").state());
        assertEquals(english, admin().topicName("postpartum", "en"), "named after a restart, though it has not run since");
        assertEquals(spanish, admin().topicName("postpartum", "es"));
        assertEquals("no-such-plugin", admin().topicName("no-such-plugin", "en"), "an unknown plugin is its id");
        admin().enable("postpartum", "admin");
        assertTrue(kiosk.app.host().find("postpartum").isPresent());
    }

    @Test
    void aTopicSwitchedBackOnIsTheOneCheckedBeforeUntilItsPluginIsRemoved() throws Exception {
        kiosk = start();
        LoadedTopic checked = kiosk.app.host().find("sleep").orElseThrow();
        admin().disable("sleep", "admin");
        admin().enable("sleep", "admin");
        assertSame(checked, kiosk.app.host().find("sleep").orElseThrow(), "the same class loader is not checked twice");

        // Off, then removed: the topic kept for switching back on must not keep the class loader alive.
        WeakReference<ClassLoader> loader = new WeakReference<>(checked.classLoader());
        checked = null;
        admin().disable("sleep", "admin");
        Path jar = Files.copy(plugins.resolve("sleep.jar"), data.resolve("sleep-again.jar"));
        admin().remove("sleep", "admin");
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertNull(loader.get(), "nothing holds the removed plugin's class loader");

        // The same jar again is a new class loader, loaded and checked anew.
        try (InputStream in = Files.newInputStream(jar)) {
            assertEquals("sleep", admin().install(in, "admin"));
        }
        LoadedTopic fresh = kiosk.app.host().find("sleep").orElseThrow();
        admin().disable("sleep", "admin");
        admin().enable("sleep", "admin");
        assertSame(fresh, kiosk.app.host().find("sleep").orElseThrow());
    }

    @Test
    void aSwitchTheDatabaseCannotStoreIsUndoneAndLeavesNoAuditLine() throws Exception {
        kiosk = start();
        int auditBefore = kiosk.app.audit().latest(100).size();
        refusedWhileAnotherProgramLocksTheDatabase(() -> admin().disable("sleep", "admin"));
        assertTrue(kiosk.app.host().find("sleep").isPresent(), "still on: the switch off was undone");
        assertEquals(com.physiokiosk.engine.plugins.PluginStatus.State.STARTED, status("sleep").state());

        admin().disable("sleep", "admin");
        refusedWhileAnotherProgramLocksTheDatabase(() -> admin().enable("sleep", "admin"));
        assertTrue(kiosk.app.host().find("sleep").isEmpty(), "still off: the switch on was undone");
        assertEquals(com.physiokiosk.engine.plugins.PluginStatus.State.DISABLED, status("sleep").state());
        List<AuditAction> actions = kiosk.app.audit().latest(100).stream().map(AuditEntry::action).toList();
        assertEquals(List.of(AuditAction.TOPIC_DISABLED), actions.subList(0, actions.size() - auditBefore),
                "one audit line: the one switch that was stored");

        kiosk.app.stop();
        kiosk = start();
        assertTrue(kiosk.app.host().find("sleep").isEmpty(), "what runs is what was stored");
    }

    @Test
    void aRemovedPluginIsUnreachableItsClassLoaderIsReleasedAndItsCheckInsStillRead() throws Exception {
        kiosk = start();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            Browser b = safetyDone(server.port());
            Walker w = new Walker(b).topic("cramps", PatientFlowTest.calmCramps());
            assertEquals("/review", w.answerFrom(w.choose("cramps")));
            w.send();
        });
        WeakReference<ClassLoader> loader = new WeakReference<>(kiosk.app.host().find("cramps").orElseThrow().classLoader());

        admin().remove("cramps", "admin");

        assertTrue(kiosk.app.host().find("cramps").isEmpty());
        assertFalse(Files.exists(plugins.resolve("cramps.jar")), "the jar is deleted");
        assertTrue(kiosk.app.host().plugins().stream().noneMatch(p -> p.id().equals("cramps")));
        for (int i = 0; i < 50 && loader.get() != null; i++) {
            System.gc();
            Thread.sleep(100);
        }
        assertNull(loader.get(), "nothing holds the removed plugin's class loader");
        CheckIn stored = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0)).orElseThrow();
        assertEquals("cramps", stored.topics().get(2).topicId());
        assertFalse(stored.topics().get(2).answers().get(0).questionText().isBlank(), "stored texts still read");
    }

    @Test
    void aGoodJarIsInstalledAndOfferedWithoutARestart() throws IOException {
        Path sleep = Files.move(plugins.resolve("sleep.jar"), data.resolve("sleep-upload.jar"));
        kiosk = start();
        assertTrue(kiosk.app.host().find("sleep").isEmpty());
        try (InputStream in = Files.newInputStream(sleep)) {
            assertEquals("sleep", admin().install(in, "admin"));
        }
        assertTrue(kiosk.app.host().find("sleep").isPresent());
        assertTrue(Files.exists(plugins.resolve("sleep.jar")));
    }

    @Test
    void badJarsAreRefusedWithTheReasonAndTheKioskIsUntouched() throws IOException {
        kiosk = start();
        List<PluginStatus> before = kiosk.app.host().plugins();
        List<String> filesBefore = files();

        assertTrue(refused(new ByteArrayInputStream("not a jar".getBytes())).contains("not a valid jar"));
        assertTrue(refused(Files.newInputStream(zipWithout(TestKiosk.BUILT_PLUGINS.resolve("sleep.jar"), "plugin.properties", null)))
                .contains("not a Physio Kiosk plugin"));
        assertTrue(refused(Files.newInputStream(TestKiosk.BUILT_PLUGINS.resolve("cramps.jar")))
                .contains("already installed"), "duplicate id");
        String invalid = refused(Files.newInputStream(zipWithout(TestKiosk.BUILT_PLUGINS.resolve("sleep.jar"),
                "messages_es.properties", "plugin.id=sleep-copy")));
        assertTrue(invalid.contains("messages_es.properties"), "fails validation: " + invalid);
        String future = refused(Files.newInputStream(zipWithout(TestKiosk.BUILT_PLUGINS.resolve("sleep.jar"), null,
                "plugin.id=sleep-next\nplugin.requires=>=9.0.0")));
        assertTrue(future.contains("requires plugin API >=9.0.0 (Plugin-Requires), and this kiosk has plugin API "
                + com.physiokiosk.api.PluginApi.VERSION), "wrong Plugin-Requires: " + future);

        assertEquals(before, kiosk.app.host().plugins(), "running kiosk untouched");
        assertEquals(filesBefore, files(), "nothing left in the plugins folder");
    }

    // ---- uploads checked in a child JVM ------------------------------------------------------------

    /** Test plugins that must never run in the kiosk's own JVM: they halt it, hang, eat its memory, write files. */
    static final Path CRAFTED = Path.of(System.getProperty("kiosk.test.crafted-plugins-dir", "target/crafted-plugins"));
    static final Path FAULTY = Path.of(System.getProperty("kiosk.test.faulty-plugins-dir", "target/faulty-plugins"));

    /**
     * Uploads {@code jar}, expects it refused with {@code reason}, and that the kiosk went on serving
     * patients and admin actions while it was checked and right after, with nothing changed.
     */
    private String refusedWhileTheKioskServes(Path jar, String reason) throws IOException {
        return refusedWhileTheKioskServes(jar, reason, Map.of());
    }

    /** As {@link #refusedWhileTheKioskServes(Path, String)}, on a kiosk started with {@code settings}. */
    private String refusedWhileTheKioskServes(Path jar, String reason, Map<String, String> settings) throws IOException {
        kiosk = start(settings);
        List<PluginStatus> before = kiosk.app.host().plugins();
        List<String> filesBefore = files();
        String[] message = new String[1];
        long t0 = System.nanoTime();
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            java.util.concurrent.CompletableFuture<String> upload = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> assertThrows(Refused.class, () -> admin().install(Files.newInputStream(jar), "admin")).getMessage());
            // While the jar is checked: a patient reaches the topic choice, an admin switches a topic off and on.
            Thread.sleep(300);
            stillServing(server.port());
            message[0] = upload.get(60, java.util.concurrent.TimeUnit.SECONDS);
            stillServing(server.port());
        });
        // Printed here: JavalinTest keeps what its test case prints unless it fails.
        System.out.printf("%s refused (kiosk serving meanwhile) in %d ms: %s%n", jar.getFileName(),
                (System.nanoTime() - t0) / 1_000_000, message[0]);
        assertTrue(message[0].contains(reason), message[0]);
        assertEquals(before, kiosk.app.host().plugins(), "running kiosk untouched");
        assertEquals(filesBefore, files(), "nothing in the plugins folder");
        return message[0];
    }

    /** A patient gets the topic choice and an admin switches a topic off and on again, each within a second. */
    private void stillServing(int port) {
        long t0 = System.nanoTime();
        assertTrue(safetyDone(port).get("/topics").body().contains("value=\"cramps\""));
        admin().disable("sleep", "admin");
        admin().enable("sleep", "admin");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 3000, "patient and admin served in " + ms + " ms");
    }

    @Test
    void aJarThatHaltsTheJvmInStartIsRefusedAndTheKioskLives() throws IOException {
        refusedWhileTheKioskServes(CRAFTED.resolve("halts-at-start.jar"),
                "The plugin's checks exited with code 42 before giving a verdict");
    }

    /** At the clinic's limit, 5 s here (20 s unless set: ConfigLoaderTest; the limit itself: PluginCheckProcessTest). */
    @Test
    void aJarWhoseStartNeverReturnsIsRefusedAtTheTimeLimitAndHoldsUpNoAdminAction() throws IOException {
        refusedWhileTheKioskServes(CRAFTED.resolve("hangs-at-start.jar"), "The plugin's checks did not finish within 5 s",
                Map.of("KIOSK_PLUGIN_CHECK_SECONDS", "5"));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("plugin-call")
                && Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().contains("hangsatstart"))),
                "no thread of the plugin in the kiosk");
    }

    @Test
    void aJarThatAllocatesWithoutBoundIsRefusedWhenItsChildRunsOutOfMemory() throws IOException {
        refusedWhileTheKioskServes(CRAFTED.resolve("eats-memory.jar"), "The plugin's checks ran out of memory (64 MB)");
    }

    @Test
    void filesARefusedJarWritesAreWrittenInTheChildsScratchFolderOnlyAndDeletedWithIt() throws IOException {
        String file = "written-by-a-refused-plugin.txt";
        String message = refusedWhileTheKioskServes(CRAFTED.resolve("writes-files.jar"), "deliberate failure after writing [");
        List<Path> written = Arrays.stream(message.substring(message.indexOf('[') + 1, message.lastIndexOf(']')).split(", "))
                .map(Path::of).toList();
        assertEquals(3, written.size(), "its working, home and temporary folders: " + written);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path scratch = tmp.resolve(tmp.relativize(written.get(0)).getName(0));
        assertTrue(scratch.getFileName().toString().startsWith("kiosk-plugin-check"), "written in " + written);
        for (Path w : written) {
            assertTrue(w.startsWith(scratch), w + " is in the child's scratch folder " + scratch);
        }
        assertFalse(Files.exists(scratch), "the scratch folder is deleted, with what was written in it");
        for (Path kiosks : List.of(Path.of(System.getProperty("user.dir")), Path.of(System.getProperty("user.home")), tmp,
                plugins, data)) {
            assertFalse(Files.exists(kiosks.resolve(file)), "nothing written in the kiosk's " + kiosks);
        }
    }

    @Test
    void aJarWithALoopingTemplateIsRefusedWhenItsChildDrawsIt() throws IOException {
        refusedWhileTheKioskServes(FAULTY.resolve("template-loops.jar"),
                "Plugin template-loops is refused: its template loops.jte did not finish within 2 s");
    }

    @Test
    void aJarHoldingAnAssetLargerThanTheLimitIsRefusedByItsRealSizeNotItsHeader() throws IOException {
        // About 600 MB of zeros that deflate to well under 1 MB, in an entry whose directory claims 700 bytes.
        Path jar = zipWithout(TestKiosk.BUILT_PLUGINS.resolve("sleep.jar"), null, "plugin.id=sleep-huge");
        long real = 600L * 1024 * 1024;
        addAsset(jar, "assets/huge.svg", real, 700);
        assertTrue(Files.size(jar) < 2 * 1024 * 1024, "a small jar: " + Files.size(jar));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            assertEquals(700, zip.getEntry("assets/huge.svg").getSize(), "the header claims a small file");
        }
        refusedWhileTheKioskServes(jar, "asset assets/huge.svg is larger than " + LoadedTopic.MAX_ASSET_BYTES / 1024 + " KB");
    }

    @Test
    void anAssetIsStreamedToTheBrowserAsItIsInTheJar() throws IOException {
        kiosk = start();
        byte[] expected;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(plugins.resolve("sleep.jar").toFile())) {
            expected = zip.getInputStream(zip.getEntry("assets/position-back.svg")).readAllBytes();
        }
        JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
            HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/topic-assets/sleep/position-back.svg")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            assertEquals("image/svg+xml", r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
            assertTrue(Arrays.equals(expected, r.body()), "the file as it is in the jar");
            assertEquals(404, new Browser(server.port()).get("/topic-assets/sleep/none.svg").statusCode());
        });
    }

    /**
     * Adds to {@code jar} a deflated entry {@code name} of {@code size} zero bytes, then makes the jar's
     * directory claim it holds {@code claimed} bytes.
     */
    private static void addAsset(Path jar, String name, long size, int claimed) throws IOException {
        Path copy = Files.createTempFile(jar.getParent(), "asset", ".jar");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(jar.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                in.getInputStream(e).transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new java.util.zip.ZipEntry(name));
            byte[] zeros = new byte[1024 * 1024];
            for (long written = 0; written < size; written += zeros.length) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(copy);
        byte[] nameBytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        boolean patched = false;
        for (int i = bytes.length - 46; i >= 0 && !patched; i--) {
            if (b.getInt(i) == 0x02014b50 && (b.getShort(i + 28) & 0xffff) == nameBytes.length
                    && Arrays.equals(Arrays.copyOfRange(bytes, i + 46, i + 46 + nameBytes.length), nameBytes)) {
                b.putInt(i + 24, claimed);
                patched = true;
            }
        }
        assertTrue(patched, "found the entry in the jar's directory");
        Files.write(jar, bytes);
        Files.delete(copy);
    }

    @Test
    void theSafetyScreenIsNotAPluginAndCannotBeSwitchedOff() {
        kiosk = start();
        Refused e = assertThrows(Refused.class, () -> admin().disable(SafetyScreen.ID, "admin"));
        assertTrue(e.getMessage().contains("no plugin 'safety'"));
        assertEquals(5, kiosk.app.host().topics().size());
        assertEquals(SafetyScreen.ID, kiosk.app.host().safety().id());
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Runs {@code change} while another program holds the kiosk's database locked, and expects a storage failure. */
    private void refusedWhileAnotherProgramLocksTheDatabase(org.junit.jupiter.api.function.Executable change) throws Exception {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("kiosk.db"));
             Statement st = other.createStatement()) {
            st.execute("BEGIN EXCLUSIVE");
            assertThrows(StorageException.class, change);
            st.execute("ROLLBACK");
        }
    }

    private String refused(InputStream upload) {
        return assertThrows(Refused.class, () -> admin().install(upload, "admin")).getMessage();
    }

    private PluginStatus status(String id) {
        return kiosk.app.host().plugins().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(plugins)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path zipWithout(Path jar, String drop, String descriptorLines) throws IOException {
        return zipWithout(data, jar, drop, descriptorLines);
    }

    /** A copy of {@code jar} in {@code dir} without the entry {@code drop}, and with descriptor lines replaced. */
    static Path zipWithout(Path dir, Path jar, String drop, String descriptorLines) throws IOException {
        Path copy = Files.createTempFile(dir, "variant", ".jar");
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem fs = FileSystems.newFileSystem(copy)) {
            if (drop != null) {
                Files.delete(fs.getPath(drop));
            }
            if (descriptorLines != null) {
                Path d = fs.getPath("plugin.properties");
                String text = Files.readString(d);
                for (String line : descriptorLines.split("\n")) {
                    String key = line.substring(0, line.indexOf('='));
                    text = text.replaceAll("(?m)^" + java.util.regex.Pattern.quote(key) + "=.*$",
                            java.util.regex.Matcher.quoteReplacement(line));
                }
                Files.writeString(d, text);
            }
        }
        return copy;
    }
}
