package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.plugins.PluginCheck.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PluginCheck} on an uploaded jar in a child JVM and reads its verdict: the kiosk's own
 * {@code java} and class path, a small heap, a hard time limit, a bounded amount of output, none of
 * the kiosk's environment, and a scratch working folder deleted afterwards. A child that dies, hangs,
 * runs out of memory or prints no readable verdict is a refusal that says so.
 *
 * <p>This keeps a faulty plugin's checks away from the kiosk; it is not a sandbox. The child runs as
 * the same user as the kiosk and can read what the kiosk can (only the environment is withheld, so at
 * least no password given to the kiosk in one reaches it); Java cannot keep it off the network either.
 * And a plugin that passes here runs inside the kiosk with all of the kiosk's rights.
 */
public final class PluginCheckProcess {

    private static final Logger log = LoggerFactory.getLogger(PluginCheckProcess.class);

    /** How long a plugin's checks may take, JVM start-up included, unless the clinic set another limit. */
    public static final Duration TIME_LIMIT = Duration.ofSeconds(20);

    /** The child's heap, in megabytes. */
    public static final int HEAP_MB = 64;

    /** Most output (standard output and error together) read from the child. */
    public static final int MAX_OUTPUT_BYTES = 1024 * 1024;

    /** Longest line of the child's output looked at; the rest of a longer line is skipped. */
    static final int MAX_LINE_BYTES = 16 * 1024;

    /** Lines of the child's output kept for the log when it gives no verdict. */
    private static final int TAIL_LINES = 20;

    private final Path java;
    private final List<Path> classPath;
    private final String mainClass;
    private final Duration limit;

    PluginCheckProcess(Path java, List<Path> classPath, String mainClass, Duration limit) {
        this.java = java;
        this.classPath = List.copyOf(classPath);
        this.mainClass = mainClass;
        this.limit = limit;
    }

    /** Checks in a child of this very JVM: its {@code java}, its class path, {@link PluginCheck}, {@link #TIME_LIMIT}. */
    public static PluginCheckProcess ofThisJvm() {
        return ofThisJvm(TIME_LIMIT);
    }

    /** As {@link #ofThisJvm()}, the child stopped after {@code limit}. */
    public static PluginCheckProcess ofThisJvm(Duration limit) {
        return new PluginCheckProcess(javaOfThisJvm(), classPathOfThisJvm(), PluginCheck.class.getName(), limit);
    }

    /** The {@code java} launcher of the running JVM. */
    static Path javaOfThisJvm() {
        Path java = Path.of(System.getProperty("java.home"), "bin", File.separatorChar == '\\' ? "java.exe" : "java");
        if (Files.isExecutable(java)) {
            return java;
        }
        return ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new IllegalStateException("cannot find the java launcher of this JVM"));
    }

    /**
     * The class path of the running JVM ({@code java.class.path}), each entry made absolute against the
     * kiosk's working folder, since the child runs in another. Started with {@code java -jar
     * physio-kiosk.jar} that is the kiosk's own jar, which holds {@link PluginCheck} and everything it
     * needs; in tests, where the kiosk does not run from its jar, it is the test JVM's class path.
     */
    static List<Path> classPathOfThisJvm() {
        return classPath(System.getProperty("java.class.path", ""), Path.of(System.getProperty("user.dir")));
    }

    static List<Path> classPath(String classPath, Path workingFolder) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> workingFolder.resolve(e).toAbsolutePath().normalize()).toList();
    }

    /**
     * The child's command line for a check of the jar in {@code folder}/plugins.
     *
     * <p>Serial GC and one processor, so the child's JVM takes little from a kiosk with two cores; exit
     * on the first OutOfMemoryError, so a plugin cannot catch it and carry on; class metadata bounded
     * like the heap; temporary files and the home folder inside the scratch folder.
     */
    List<String> command(Path folder) {
        List<String> cmd = new ArrayList<>(List.of(java.toString(),
                "-Xmx" + HEAP_MB + "m",
                "-XX:MaxMetaspaceSize=" + 2 * HEAP_MB + "m",
                "-XX:MaxDirectMemorySize=16m",
                "-XX:+UseSerialGC",
                "-XX:ActiveProcessorCount=1",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + folder.resolve("tmp"),
                "-Duser.home=" + folder.resolve("home"),
                "-cp", String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                mainClass,
                folder.resolve("plugins").toString(),
                // The child's own deadline, a backstop for a kiosk that could not destroy it.
                Long.toString(limit.toSeconds() + 10)));
        return cmd;
    }

    /**
     * Checks {@code jar} in a child JVM.
     *
     * @return the verdict of a jar that passed
     * @throws TopicHost.Refused naming why it did not: the child's own reason, or what
     *                                      became of the child
     */
    public synchronized Verdict check(Path jar) throws IOException {
        long start = System.nanoTime();
        Path folder = Files.createTempDirectory("kiosk-plugin-check");
        Process child = null;
        try {
            for (String sub : List.of("plugins", "tmp", "home")) {
                Files.createDirectories(folder.resolve(sub));
            }
            Files.copy(jar, folder.resolve("plugins").resolve("candidate.jar"));
            String token = HexFormat.of().formatHex(randomBytes());
            ProcessBuilder builder = new ProcessBuilder(command(folder)).directory(folder.toFile()).redirectErrorStream(true);
            // Nothing of the kiosk's environment (it may hold KIOSK_ADMIN_PASSWORD); only a UTF-8 locale, so
            // that the child reads file names as the kiosk does.
            builder.environment().clear();
            builder.environment().put("LANG", "C.UTF-8");
            child = builder.start();
            Output output = new Output(child, token);
            Thread reader = new Thread(output, "plugin-check-output");
            reader.setDaemon(true);
            reader.start();
            try (OutputStream stdin = child.getOutputStream()) {
                stdin.write((token + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // The child is already gone; what became of it is read below.
            }
            boolean finished;
            try {
                finished = child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicHost.Refused("The plugin's checks were interrupted");
            }
            if (!finished) {
                destroy(child);
            }
            output.await(reader);
            Verdict verdict = judge(finished, finished ? child.exitValue() : -1, output);
            log.info("Plugin checks of an upload took {} ms: {}", (System.nanoTime() - start) / 1_000_000,
                    verdict.passed() ? "passed as " + verdict.pluginId() + " " + verdict.version() : "refused");
            if (!verdict.passed()) {
                throw new TopicHost.Refused(verdict.reason());
            }
            return verdict;
        } finally {
            if (child != null && child.isAlive()) {
                destroy(child);
            }
            deleteTree(folder);
        }
    }

    /** The verdict of a child that ended ({@code finished}) with {@code exitCode}, or was destroyed. */
    private Verdict judge(boolean finished, int exitCode, Output output) {
        if (output.overflowed) {
            return Verdict.refused("The plugin's checks printed more than " + MAX_OUTPUT_BYTES / (1024 * 1024) + " MB");
        }
        if (!finished) {
            return Verdict.refused("The plugin's checks did not finish within " + limit.toSeconds() + " s");
        }
        List<String> verdicts = output.verdicts();
        if (exitCode == 0 && verdicts.size() == 1) {
            try {
                return Verdict.parse(verdicts.get(0), output.token);
            } catch (IllegalArgumentException e) {
                return unexplained("The plugin's checks gave an unreadable verdict", output);
            }
        }
        if (output.outOfMemory) {
            return Verdict.refused("The plugin's checks ran out of memory (" + HEAP_MB + " MB)");
        }
        if (exitCode != 0) {
            return unexplained("The plugin's checks exited with code " + exitCode + " before giving a verdict", output);
        }
        return unexplained(verdicts.isEmpty() ? "The plugin's checks ended without a verdict"
                : "The plugin's checks gave more than one verdict", output);
    }

    private static Verdict unexplained(String reason, Output output) {
        log.warn("{}; the last lines they printed:\n{}", reason, String.join("\n", output.tail()));
        return Verdict.refused(reason);
    }

    /** Destroys the child and whatever it started, and waits briefly for it to be gone. */
    private static void destroy(Process child) {
        // Only processes still below the child are found: one that left (a double fork) is not.
        child.descendants().forEach(ProcessHandle::destroyForcibly);
        child.destroyForcibly();
        try {
            child.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return b;
    }

    private static void deleteTree(Path dir) {
        // Files.walk does not follow links: a link the plugin made is deleted, never what it points to.
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            log.warn("Could not delete the plugin check's scratch folder {}: {}", dir, e.getMessage());
        }
    }

    /**
     * The child's output, read as it comes: at most {@link #MAX_OUTPUT_BYTES} (then the child is
     * destroyed), lines cut at {@link #MAX_LINE_BYTES}; the lines that claim to be a verdict for this
     * check's token, whether an OutOfMemoryError was reported, and the last few lines for the log.
     */
    private static final class Output implements Runnable {
        private final Process child;
        private final InputStream in;
        private final String token;
        private final List<String> verdicts = new ArrayList<>();
        private final Deque<String> tail = new ArrayDeque<>();
        private volatile boolean overflowed;
        private volatile boolean outOfMemory;

        Output(Process child, String token) {
            this.child = child;
            this.in = child.getInputStream();
            this.token = token;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long total = 0;
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_OUTPUT_BYTES) {
                        overflowed = true;
                        destroy(child);
                        return;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            take(line);
                        } else if (line.size() < MAX_LINE_BYTES) {
                            line.write(buffer[i]);
                        }
                    }
                }
                take(line);
            } catch (IOException e) {
                // The stream was closed under the reader: the child is gone and its output with it.
            }
        }

        private synchronized void take(ByteArrayOutputStream bytes) {
            String line = bytes.toString(StandardCharsets.UTF_8).stripTrailing();
            bytes.reset();
            if (line.isEmpty()) {
                return;
            }
            if (Verdict.isFor(line, token)) {
                verdicts.add(line);
            }
            if (line.contains("java.lang.OutOfMemoryError")) {
                outOfMemory = true;
            }
            // For the log: the plugin's own text, so no control characters to fake or hide log lines with.
            String shown = line.replaceAll("\\p{Cntrl}", "?");
            tail.addLast(shown.length() > 300 ? shown.substring(0, 300) + "…" : shown);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }

        synchronized List<String> verdicts() {
            return List.copyOf(verdicts);
        }

        synchronized List<String> tail() {
            return List.copyOf(tail);
        }

        /** Waits for the reader to reach the end of the output; a process the child left behind may hold it open. */
        void await(Thread reader) {
            try {
                reader.join(2000);
                if (reader.isAlive()) {
                    in.close();
                    reader.join(1000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                log.warn("Could not close the plugin check's output: {}", e.getMessage());
            }
        }
    }
}
