package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.physiokiosk.engine.plugins.KioskPluginManager;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Health check and faulty plugin files")
class HealthTest {

    @Test
    void healthListsEveryPluginWithVersionAndStateAndNothingAboutPatients() throws Exception {
        try (TestKiosk kiosk = TestKiosk.start()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                PatientFlowTest.walk(new Browser(server.port()), "en", "Ana", Map.of(), PatientFlowTest.calmCramps());
                var r = client.get("/health");
                assertEquals(200, r.code());
                String body = r.body().string();
                JsonNode json = new ObjectMapper().readTree(body);
                assertEquals("UP", json.get("status").asText());
                JsonNode cramps = null;
                for (JsonNode p : json.get("plugins")) {
                    if (p.get("id").asText().equals("cramps")) {
                        cramps = p;
                    }
                }
                assertEquals("STARTED", cramps.get("state").asText());
                assertEquals("0.1.0-SNAPSHOT", cramps.get("version").asText());
                assertFalse(body.contains("Ana"), "no patient data");
                assertFalse(body.contains("check"), "no check-ins");
            });
        }
    }

    @Test
    void aCorruptJarIsSkippedWithItsReasonAndTheKioskRunsOnWithTheOthers(@TempDir Path plugins) throws IOException {
        Files.copy(TestKiosk.BUILT_PLUGINS.resolve("cramps.jar"), plugins.resolve("cramps.jar"));
        Files.write(plugins.resolve("broken.jar"), new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 3});
        Files.writeString(plugins.resolve("notes.jar"), "not a zip at all");
        try (TestKiosk kiosk = TestKiosk.start(plugins, Map.of(), Clock.systemDefaultZone())) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                JsonNode json = new ObjectMapper().readTree(client.get("/health").body().string());
                Map<String, JsonNode> byId = new java.util.HashMap<>();
                json.get("plugins").forEach(p -> byId.put(p.get("id").asText(), p));
                assertEquals("STARTED", byId.get("cramps").get("state").asText());
                assertEquals("FAILED", byId.get("broken.jar").get("state").asText());
                assertFalse(byId.get("broken.jar").get("problem").asText().isBlank());
                assertEquals("FAILED", byId.get("notes.jar").get("state").asText());
                assertTrue(kiosk.app.host().find("cramps").isPresent());
            });
        }
    }

    @Test
    void aPluginForAnotherApiVersionIsNotStarted(@TempDir Path plugins) throws IOException {
        Path jar = plugins.resolve("future.jar");
        Files.copy(TestKiosk.BUILT_PLUGINS.resolve("cramps.jar"), jar);
        // Rewrite the descriptor to require plugin API 2.x.
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            Path descriptor = fs.getPath("plugin.properties");
            String text = Files.readString(descriptor).replaceAll("plugin.requires=.*", "plugin.requires=>=9.0.0");
            Files.writeString(descriptor, text);
        }
        try (TestKiosk kiosk = TestKiosk.start(plugins, Map.of(), Clock.systemDefaultZone())) {
            assertTrue(kiosk.app.host().find("cramps").isEmpty());
            var status = kiosk.app.host().plugins().get(0);
            assertEquals(com.physiokiosk.engine.plugins.PluginStatus.State.FAILED, status.state());
            assertEquals("it requires plugin API >=9.0.0 (Plugin-Requires), and this kiosk has plugin API "
                    + com.physiokiosk.api.PluginApi.VERSION, status.problem(), "the reason in plain words, not PF4J's bare refusal");
        }
    }
}
