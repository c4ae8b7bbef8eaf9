package com.physiokiosk.engine.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Shipped topics put into the plugins folder the kiosk runs from")
class BundledPluginsTest {

    @TempDir
    Path tmp;

    @Test
    void theFirstStartCopiesEveryShippedTopicIn() throws IOException {
        Path shipped = folder("shipped");
        jar(shipped, "cramps", "1.0.0");
        jar(shipped, "sleep", "1.0.0");
        Path plugins = tmp.resolve("state").resolve("plugins");

        List<String> done = BundledPlugins.install(shipped, plugins);

        assertEquals(List.of("installed topic cramps 1.0.0", "installed topic sleep 1.0.0"), done);
        assertEquals(List.of("cramps.jar", "sleep.jar"), jarsIn(plugins));
        assertEquals(List.of(), BundledPlugins.install(shipped, plugins), "a second start changes nothing");
    }

    @Test
    void anUpgradeReplacesOlderTopicsButNeverDowngradesOrBringsBackARemovedOne() throws IOException {
        Path shipped = folder("shipped");
        jar(shipped, "cramps", "1.0.0");
        jar(shipped, "sleep", "1.0.0");
        jar(shipped, "stretching", "1.0.0");
        Path plugins = folder("plugins");
        BundledPlugins.install(shipped, plugins);
        // The clinic uploads a newer sleep under another file name, and removes stretching.
        Files.delete(plugins.resolve("sleep.jar"));
        jar(plugins, "sleep", "2.1.0", "sleep-upload.jar");
        Files.delete(plugins.resolve("stretching.jar"));
        // The next package ships cramps 1.1.0, sleep 2.0.0, stretching 1.1.0 and a new topic.
        Path next = folder("next");
        jar(next, "cramps", "1.1.0");
        jar(next, "sleep", "2.0.0");
        jar(next, "stretching", "1.1.0");
        jar(next, "postpartum", "1.0.0");

        List<String> done = BundledPlugins.install(next, plugins);

        assertEquals(List.of("updated topic cramps from 1.0.0 to 1.1.0", "installed topic postpartum 1.0.0"), done);
        assertEquals(List.of("cramps.jar", "postpartum.jar", "sleep-upload.jar"), jarsIn(plugins));
        assertEquals("1.1.0", versionIn(plugins.resolve("cramps.jar")));
        assertEquals("2.1.0", versionIn(plugins.resolve("sleep-upload.jar")), "the clinic's newer upload stays");
        assertFalse(Files.exists(plugins.resolve("stretching.jar")), "removed by the clinic: not brought back");
    }

    @Test
    void anUpdateUnderAnotherFileNameReplacesTheOldFile() throws IOException {
        Path shipped = folder("shipped");
        Path plugins = folder("plugins");
        jar(plugins, "cramps", "0.9.0", "cramps-old.jar");
        jar(shipped, "cramps", "1.0.0");

        BundledPlugins.install(shipped, plugins);

        assertEquals(List.of("cramps.jar"), jarsIn(plugins), "one jar for the id, never two");
    }

    @Test
    void runningFromTheShippedFolderItselfOrWithoutOneChangesNothing() throws IOException {
        Path shipped = folder("shipped");
        jar(shipped, "cramps", "1.0.0");
        assertEquals(List.of(), BundledPlugins.install(shipped, shipped));
        assertEquals(List.of(), BundledPlugins.install(tmp.resolve("none"), folder("plugins")));
        assertFalse(Files.exists(shipped.resolve(BundledPlugins.MANIFEST)));
    }

    @Test
    void aPluginsFolderThatCannotBeWrittenIsNamed() throws IOException {
        Path shipped = folder("shipped");
        jar(shipped, "cramps", "1.0.0");
        Path notAFolder = Files.writeString(tmp.resolve("plugins"), "a file");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> BundledPlugins.install(shipped, notAFolder));
        assertTrue(e.getMessage().contains("into the plugins folder " + notAFolder), e.getMessage());
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    private static void jar(Path dir, String id, String version) throws IOException {
        jar(dir, id, version, id + ".jar");
    }

    private static void jar(Path dir, String id, String version, String fileName) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(fileName)); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("plugin.properties"));
            zip.write(("plugin.id=" + id + "\nplugin.version=" + version + "\nplugin.requires=>=2.0.0\nplugin.class=\n")
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    private static String versionIn(Path jar) {
        return new org.pf4j.PropertiesPluginDescriptorFinder().find(jar).getVersion();
    }

    private static List<String> jarsIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }
}
