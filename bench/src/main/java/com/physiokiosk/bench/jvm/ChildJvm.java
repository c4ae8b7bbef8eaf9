package com.physiokiosk.bench.jvm;

import com.physiokiosk.bench.web.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM, started with the same {@code java} as the harness, listening
 * on a free loopback port. Its output goes to a log file (as the journal would take it), never to
 * a pipe that could fill up and stall it.
 */
public final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final long startedNanos;
    private final Path log;

    private ChildJvm(String name, Process process, int port, long startedNanos, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.startedNanos = startedNanos;
        this.log = log;
    }

    /** What to start: JVM options, then {@code -jar x.jar} or {@code -cp x.jar Main}, then arguments. */
    public record Command(String name, List<String> jvmOptions, List<String> launch, Map<String, String> env) {

        /** The command line for a server on {@code port}; the port goes in as {@code {port}} wherever it stands. */
        List<String> commandLine(int port) {
            List<String> all = new ArrayList<>();
            all.add(javaBinary());
            all.addAll(jvmOptions);
            launch.forEach(a -> all.add(a.replace("{port}", Integer.toString(port))));
            return all;
        }
    }

    /** Starts {@code command} in {@code workDir}; the clock of {@link #awaitHealthy} starts now. */
    public static ChildJvm start(Command command, Path workDir) {
        int port = freePort();
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve(command.name() + "-" + port + ".log");
            ProcessBuilder pb = new ProcessBuilder(command.commandLine(port)).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            command.env().forEach((k, v) -> pb.environment().put(k, v.replace("{port}", Integer.toString(port))));
            long started = System.nanoTime();
            Process process = pb.start();
            return new ChildJvm(command.name(), process, port, started, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.name(), e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Polls {@code path} until it answers 200; returns the time from process start to that answer
     * and the body.
     */
    public Ready awaitHealthy(HttpClient client, String path, Duration timeout) {
        String url = "http://127.0.0.1:" + port + path;
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before answering; see " + log);
            }
            try {
                byte[] body = Http.getOk(client, url);
                return new Ready(Duration.ofNanos(System.nanoTime() - startedNanos), new String(body));
            } catch (IOException notYet) {
                sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        throw new IllegalStateException(name + " did not answer " + path + " within " + timeout + "; see " + log);
    }

    /** The first 200 answer: how long it took from process start, and what it said. */
    public record Ready(Duration after, String body) {
    }

    /** CPU time the server has used so far, all threads, or -1 when it cannot be read. */
    public long cpuNanos() {
        return cpuNanos(process.toHandle());
    }

    /** CPU time {@code process} has used so far, or -1 when it cannot be read. */
    public static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    /** Resident memory now and at its peak, from {@code /proc/<pid>/status}. */
    public Memory memory() {
        return Memory.of(process.pid());
    }

    /** Stops the server (SIGTERM, then SIGKILL if it has not gone after ten seconds). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The {@code java} the harness runs on, so both sides of a comparison run on the same JVM. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
