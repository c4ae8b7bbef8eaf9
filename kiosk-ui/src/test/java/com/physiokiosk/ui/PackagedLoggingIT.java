package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar's logging, started as a clinic starts it: the built-in setting when the working
 * folder has no {@code config/logback.xml}, the clinic's file when it has one.
 */
@DisplayName("Logging of the packaged kiosk")
class PackagedLoggingIT {

    private static final Path JAR = Path.of("target", "physio-kiosk.jar").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void withoutAConfigFileTheBuiltInLoggingIsUsed() throws Exception {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            assertNull(jar.getEntry("logback.xml"), "the built-in logging is set up in code (KioskLogging): an XML"
                    + " in the jar would be parsed at every start instead");
            assertNotNull(jar.getEntry("META-INF/services/ch.qos.logback.classic.spi.Configurator"));
        }
        List<String> lines = run();
        assertTrue(lines.stream().anyMatch(l -> l.matches(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  \\[main\\] com\\.physiokiosk\\.ui\\.Main - Physio Kiosk for .*")),
                "the start-up line in the built-in format: " + lines);
        assertFalse(lines.stream().anyMatch(l -> l.contains(" INFO ") && l.contains("org.eclipse.jetty")), "Jetty only at WARN");
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("SLF4J") || l.contains("|-INFO")), "no set-up chatter: " + lines);
    }

    @Test
    void aClinicsConfigLogbackXmlReplacesIt() throws Exception {
        Files.createDirectories(work.resolve("config"));
        Files.writeString(work.resolve("config/logback.xml"), """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>CLINIC %level %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        List<String> lines = run();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CLINIC INFO Physio Kiosk for ")), "the clinic's format: " + lines);
    }

    /** Starts the jar in {@link #work}, waits for /health, stops it as systemd would; returns what it printed. */
    private List<String> run() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = work.resolve("out.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-jar", JAR.toString()).directory(work.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("KIOSK_"));
        pb.environment().put("KIOSK_DATA_DIR", work.resolve("data").toString());
        pb.environment().put("KIOSK_PORT", Integer.toString(port));
        pb.environment().put("KIOSK_BIND_ADDRESS", "127.0.0.1");
        pb.environment().put("KIOSK_PLUGINS_DIR", TestKiosk.BUILT_PLUGINS.toAbsolutePath().toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process kiosk = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            int status = 0;
            while (status != 200 && kiosk.isAlive() && System.nanoTime() < deadline) {
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            assertEquals(200, status, () -> "kiosk did not answer /health: " + read(log));
        } finally {
            kiosk.destroy();
            kiosk.waitFor(20, TimeUnit.SECONDS);
            kiosk.destroyForcibly();
        }
        return read(log);
    }

    private static List<String> read(Path log) {
        try {
            return Files.readAllLines(log);
        } catch (IOException e) {
            return List.of("(no output: " + e + ")");
        }
    }
}
