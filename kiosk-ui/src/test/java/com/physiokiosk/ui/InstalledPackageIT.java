package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Debian package on this machine, as a clinic's IT person meets it: installed with {@code apt-get}, the server
 * started the way its systemd unit starts it, a plugin uploaded and removed on the admin pages, a backup made and
 * restored, an upgrade to a newer build, and a purge.
 *
 * <p>It changes the machine (a system user, /etc, /usr, /var/lib), so it runs only when {@code dist/test/package-test.sh}
 * (called by {@code .ci/run}) names the two packages to use: {@code -Dkiosk.package.deb} and
 * {@code -Dkiosk.package.next-deb} (the same build, newer). It needs root, apt-get and {@code unshare}.
 *
 * <p>The unit's sandbox is rebuilt without systemd, from the unit file itself: its {@code User}, {@code WorkingDirectory},
 * {@code EnvironmentFile} and {@code ExecStart}; a private {@code /tmp} (a tmpfs, as {@code PrivateTmp=} gives: so an
 * upload that moved a file from /tmp into the state folder would fail here as it would there); and every file system
 * read-only but {@code ReadWritePaths=} and the kernel's own, as {@code ProtectSystem=strict} makes it.
 */
@DisplayName("The Debian package: install, run as its unit does, upload, remove, back up, restore, upgrade, purge")
class InstalledPackageIT {

    private static final Path UNIT = Path.of("/lib/systemd/system/physio-kiosk.service");
    private static final Path BROWSER_UNIT = Path.of("/usr/lib/systemd/user/physio-kiosk-browser.service");
    private static final Path STATE = Path.of("/var/lib/physio-kiosk");
    private static final Path PLUGINS = STATE.resolve("plugins");
    private static final int PORT = 7070;
    private static final String PASSWORD = "a long package test password";

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        stop();
    }

    @Test
    void installRunUploadRemoveBackUpRestoreUpgradeAndPurge() throws Exception {
        String deb = System.getProperty("kiosk.package.deb");
        String next = System.getProperty("kiosk.package.next-deb");
        Assumptions.assumeTrue(deb != null && next != null,
                "run by dist/test/package-test.sh, which builds the packages (it changes the machine)");

        // Install.
        String installed = run("apt-get", "install", "-y", "-q", Path.of(deb).toAbsolutePath().toString());
        assertTrue(installed.contains("http://localhost:7070/staff/setup"), "says where the set-up page is: " + installed);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(STATE)));
        assertEquals("physio-kiosk", Files.getOwner(STATE).getName());
        assertTrue(Files.isRegularFile(Path.of("/etc/chromium/policies/managed/physio-kiosk.json")));
        assertTrue(Files.isRegularFile(BROWSER_UNIT));
        assertTrue(Files.isExecutable(Path.of("/usr/bin/physio-kiosk-browser")));
        assertFalse(installed.contains("could not make the start-up class archive"), installed);
        assertTrue(Files.size(STATE.resolve("kiosk.jsa")) > 1_000_000, "the class archive the unit starts from");
        assertTrue(Files.readString(UNIT).contains("-XX:SharedArchiveFile=" + STATE.resolve("kiosk.jsa")));
        verifyUnits();

        // First start: the shipped topics are put under the state folder, where the service may write.
        start();
        assertEquals(List.of("cramps.jar", "postpartum.jar", "sexual-activity.jar", "sleep.jar", "stretching.jar"), jars());
        Browser admin = setUpAdmin();

        // A patient checks in.
        Browser patient = new Browser(PORT);
        Walker walker = new Walker(patient);
        assertEquals("/review", walker.toReview("en", "Ana", "cramps"));
        assertEquals(200, walker.send().statusCode(), "the result screen");
        String checkIn = onlyCheckIn(admin);

        // Remove a topic on the admin pages, then upload it again.
        admin.page("/staff/admin/topics/stretching/remove");
        assertEquals(303, admin.post("/staff/admin/topics/stretching/remove").statusCode());
        assertFalse(Files.exists(PLUGINS.resolve("stretching.jar")), "the jar is deleted from the state folder");
        admin.page("/staff/admin/topics");
        HttpResponse<String> upload = admin.postFile("/staff/admin/topics/upload", "jar", "stretching.jar",
                "application/java-archive", Files.readAllBytes(Path.of("/usr/share/physio-kiosk/plugins/stretching.jar")));
        assertEquals(303, upload.statusCode(), upload.body());
        assertTrue(admin.page("/staff/admin/topics").body().contains("is installed and switched on"));
        assertEquals(5, jars().size(), "installed into the state folder, no scratch file left: " + files(PLUGINS));
        assertEquals(jars().size(), files(PLUGINS).stream().filter(f -> !f.startsWith(".")).count(), files(PLUGINS).toString());

        // Back up now, on the settings page.
        admin.page("/staff/admin/settings");
        assertEquals(303, admin.post("/staff/admin/backups").statusCode());
        List<Path> backups = backups();
        assertEquals(1, backups.size(), "one backup: " + backups);
        assertTrue(admin.page("/staff/admin/settings").body().contains(backups.get(0).getFileName().toString()));

        // A check-in made after the backup, then the backup restored (with the service stopped).
        Walker later = new Walker(new Browser(PORT));
        later.toReview("en", "Ben", "cramps");
        later.send();
        stop();
        String restored = run("/usr/bin/physio-kiosk", "restore", backups.get(0).toString());
        assertTrue(restored.toLowerCase().contains("restored"), restored);
        start();
        admin = signIn();
        assertEquals(checkIn, onlyCheckIn(admin), "the database as it was at the backup");

        // Upgrade: the data is kept and migrated; the check-in made with the older package still prints.
        stop();
        run("apt-get", "install", "-y", "-q", Path.of(next).toAbsolutePath().toString());
        assertTrue(Files.isDirectory(STATE.resolve("data")), "data kept");
        start();
        admin = signIn();
        HttpResponse<byte[]> pdf = admin.bytes("/staff/check-ins/" + checkIn + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
        stop();

        // Remove keeps the data; purge deletes it, saying so.
        String removed = run("apt-get", "remove", "-y", "-q", "physio-kiosk");
        assertTrue(removed.contains("data is kept"), removed);
        assertTrue(Files.isDirectory(STATE.resolve("data")));
        String purged = run("apt-get", "purge", "-y", "-q", "physio-kiosk");
        assertTrue(purged.contains("deleting the clinic's data"), purged);
        assertFalse(Files.exists(STATE));
        assertFalse(run("getent", "passwd").contains("physio-kiosk:"), "the service user is gone");
    }

    // ---- the unit, without systemd ----------------------------------------------------------------------------

    /** {@code systemd-analyze verify} on both units, where systemd's tools are installed. */
    private static void verifyUnits() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/systemd-analyze"))) {
            return;
        }
        run("systemd-analyze", "verify", UNIT.toString());
        Path runtime = Files.createTempDirectory("kiosk-xdg", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        run("env", "XDG_RUNTIME_DIR=" + runtime, "systemd-analyze", "--user", "verify", BROWSER_UNIT.toString());
    }

    /** Starts the server as the unit does, in a mount namespace that gives it the unit's sandbox. */
    private void start() throws IOException, InterruptedException {
        String unit = Files.readString(UNIT);
        String user = value(unit, "User");
        String workingDirectory = value(unit, "WorkingDirectory");
        String environmentFile = value(unit, "EnvironmentFile");
        String readWrite = value(unit, "ReadWritePaths");
        assertEquals("strict", value(unit, "ProtectSystem"));
        assertEquals("true", value(unit, "PrivateTmp"));
        List<String> script = new ArrayList<>(List.of(
                "set -e",
                "mount --make-rprivate /",
                // ReadWritePaths: its own mount, so making the rest read-only leaves it writable.
                "mount --bind '" + readWrite + "' '" + readWrite + "'",
                // PrivateTmp: a tmpfs of its own.
                "mount -t tmpfs -o mode=1777 tmpfs /tmp",
                "mount -t tmpfs -o mode=1777 tmpfs /var/tmp",
                // ProtectSystem=strict: everything else read-only, but the kernel's own file systems.
                "for m in $(findmnt -rno TARGET | sort -u); do",
                "  case \"$m\" in /proc*|/sys*|/dev*|/tmp|/var/tmp|'" + readWrite + "') ;;",
                "    *) mount -o remount,bind,ro \"$m\" 2>/dev/null || true ;;",
                "  esac",
                "done"));
        boolean sandboxed = new ProcessBuilder("unshare", "--mount", "true").start().waitFor() == 0;
        if (!sandboxed) {
            // A machine that refuses a mount namespace still runs the unit's user, folder, environment and command.
            System.err.println("InstalledPackageIT: no mount namespace here; the server runs without the unit's read-only file system");
            script.subList(1, script.size()).clear();
        }
        script.add("cd '" + workingDirectory + "'");
        script.add("set -a; . '" + environmentFile + "'; set +a");
        script.add("exec setpriv --reuid='" + user + "' --regid='" + user + "' --init-groups --no-new-privs "
                + value(unit, "ExecStart"));
        List<String> command = sandboxed ? List.of("unshare", "--mount", "sh", "-c", String.join("\n", script))
                : List.of("sh", "-c", String.join("\n", script));
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "installed-kiosk.log").toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), "the server stopped: see target/installed-kiosk.log");
            try {
                HttpResponse<String> health = new Browser(PORT).get("/health");
                if (health.statusCode() == 200) {
                    assertFalse(health.body().contains("FAILED"), health.body());
                    return;
                }
            } catch (RuntimeException | AssertionError notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not answer /health within 60 s: see target/installed-kiosk.log");
    }

    private void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
        server = null;
    }

    private static String value(String unit, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(unit);
        assertTrue(m.find(), "the unit sets " + key);
        return m.group(1).strip();
    }

    // ---- staff and files --------------------------------------------------------------------------------------

    /** The first admin, made on the set-up page (this machine only), then signed in. */
    private static Browser setUpAdmin() {
        Browser b = new Browser(PORT);
        assertEquals(200, b.page("/staff/setup").statusCode());
        assertEquals(303, b.post("/staff/setup", "password", PASSWORD, "confirm", PASSWORD).statusCode());
        return signIn();
    }

    private static Browser signIn() {
        return TestKiosk.signedIn(PORT, "admin", PASSWORD);
    }

    private static String onlyCheckIn(Browser admin) {
        Matcher m = Pattern.compile("href=\"/staff/check-ins/([A-Za-z0-9-]+)\"").matcher(admin.page("/staff/check-ins").body());
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            if (!ids.contains(m.group(1))) {
                ids.add(m.group(1));
            }
        }
        assertEquals(1, ids.size(), "today's check-ins: " + ids);
        return ids.get(0);
    }

    private static List<String> jars() throws IOException {
        return files(PLUGINS).stream().filter(f -> f.endsWith(".jar") && !f.startsWith(".")).sorted().toList();
    }

    private static List<Path> backups() throws IOException {
        try (Stream<Path> s = Files.walk(STATE)) {
            return s.filter(p -> p.getParent().getFileName().toString().equals("backups") && p.toString().endsWith(".db"))
                    .sorted().toList();
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Runs {@code command}, expecting it to succeed; its output (both streams). */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
        return out;
    }
}
