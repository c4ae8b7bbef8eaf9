package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Kiosk launch: Chromium flags and managed policy")
class KioskLaunchTest {

    private static final Path CONFIG = Path.of("..", "config");

    @Test
    void theLaunchScriptStartsChromiumLockedDownOnTheKioskUrl() throws Exception {
        Process p = new ProcessBuilder("bash", CONFIG.resolve("chromium-kiosk.sh").toString(), "--dry-run",
                "http://127.0.0.1:7070/").redirectErrorStream(true).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        String cmd = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), cmd);
        for (String flag : List.of("--kiosk http://127.0.0.1:7070/", "--disable-pinch",
                "--overscroll-history-navigation=0", "--noerrdialogs", "--no-first-run", "--kiosk-printing")) {
            assertTrue(cmd.contains(flag), "launch command has " + flag + ": " + cmd);
        }
    }

    @Test
    void thePolicyAllowsOnlyTheKioskAndDisablesDevToolsIncognitoAndTheBackForwardCache() throws Exception {
        JsonNode policy = new ObjectMapper().readTree(Files.readString(CONFIG.resolve("chromium-kiosk-policy.json")));
        assertEquals("*", policy.get("URLBlocklist").get(0).asText());
        assertTrue(policy.get("URLAllowlist").toString().contains("127.0.0.1:7070"));
        assertEquals(2, policy.get("DeveloperToolsAvailability").asInt(), "dev tools disallowed");
        assertEquals(1, policy.get("IncognitoModeAvailability").asInt(), "incognito disabled");
        assertEquals(false, policy.get("AllowBackForwardCacheForCacheControlNoStorePageEnabled").asBoolean());
        assertEquals(false, policy.get("PasswordManagerEnabled").asBoolean());
        assertTrue(Files.readString(CONFIG.resolve("physio-kiosk.service")).contains("ExecStart=/usr/bin/java"));
    }
}
