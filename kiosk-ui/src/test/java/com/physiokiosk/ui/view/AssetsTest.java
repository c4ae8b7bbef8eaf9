package com.physiokiosk.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The kiosk's assets: every file of /public known, named by its content's hash")
class AssetsTest {

    @Test
    @DisplayName("every file in src/main/resources/public is an asset, and no other")
    void everyFileIsKnown() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "public"))) {
            assertEquals(files.map(p -> p.getFileName().toString()).sorted().toList(),
                    Assets.FILES.stream().sorted().toList());
        }
    }

    @Test
    @DisplayName("a hashed name is the plain name with the first 10 hex digits of its content's SHA-256")
    void hashedNames() throws Exception {
        for (String name : Assets.FILES) {
            byte[] content = Files.readAllBytes(Path.of("src", "main", "resources", "public", name));
            String hash = java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 10);
            int dot = name.lastIndexOf('.');
            assertEquals(Assets.PATH + name.substring(0, dot) + "." + hash + name.substring(dot), Assets.url(name));
            assertEquals(name, Assets.find(Assets.url(name).substring(Assets.PATH.length())).orElseThrow().name());
        }
        assertTrue(Assets.find("kiosk.0000000000.css").isEmpty(), "an old hash is not this content");
        assertTrue(Assets.find("../kiosk.css").isEmpty());
        assertEquals(List.of(), Assets.FILES.stream().filter(f -> Assets.find(f).isEmpty()).toList());
    }
}
