package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.config.PluginMode;
import com.physiokiosk.engine.plugins.KioskPluginManager;
import com.physiokiosk.engine.plugins.PluginStatus;
import com.physiokiosk.engine.plugins.TopicHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Development mode loads plugins/*/target/classes")
class DevelopmentModeTest {

    @Test
    void everyBuiltPluginModuleLoadsAndNothingElseInThePluginsFolderIsMistakenForOne() {
        TopicHost registry = new TopicHost(KioskPluginManager.create(Path.of("..", "plugins"), PluginMode.DEVELOPMENT));
        try {
            registry.start();
            List<PluginStatus> plugins = registry.plugins();
            assertTrue(plugins.stream().anyMatch(p -> p.id().equals("cramps") && p.state() == PluginStatus.State.STARTED), plugins.toString());
            assertEquals(List.of(), plugins.stream().filter(p -> p.state() != PluginStatus.State.STARTED).toList(),
                    "the descriptor folder, pom.xml and sources are not plugins");
            assertTrue(registry.find("cramps").isPresent());
        } finally {
            registry.stop();
        }
    }
}
