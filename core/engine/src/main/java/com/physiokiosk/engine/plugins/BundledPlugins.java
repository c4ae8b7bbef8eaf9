package com.physiokiosk.engine.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginDescriptor;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.VersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics shipped with the kiosk (the {@code plugins} folder beside physio-kiosk.jar, read-only in an installed
 * package), put into the plugins folder the kiosk runs from (under its state folder, where an admin may also upload
 * and remove plugins) before the host loads it:
 * <ul>
 *   <li>a shipped topic the folder has never had is copied in (the first start, or a package that brings a new one);</li>
 *   <li>a shipped topic newer than the one in the folder replaces it (a package upgrade);</li>
 *   <li>one the folder holds in the same or a newer version (say, uploaded by the clinic) is left as it is;</li>
 *   <li>one the clinic removed is not brought back: the folder's {@value #MANIFEST} file lists every shipped topic
 *       ever copied in.</li>
 * </ul>
 * Whether a topic is switched on is the clinic's choice, kept by plugin id in the database, so a topic switched off
 * stays off when a newer version of it is copied in.
 */
public final class BundledPlugins {

    private static final Logger log = LoggerFactory.getLogger(BundledPlugins.class);

    /** The file in the plugins folder that lists the shipped topics copied in so far, one plugin id a line. */
    public static final String MANIFEST = ".bundled";

    private static final VersionManager VERSIONS = new DefaultVersionManager();

    private BundledPlugins() {
    }

    /** A plugin jar and what its descriptor says. */
    private record Jar(Path path, String id, String version) {
    }

    /**
     * Brings {@code pluginsDir} up to date with the shipped topics in {@code shippedDir}, creating it if needed.
     *
     * @return one line for each change made, for the log
     * @throws UncheckedIOException naming the folder when it cannot be read or written
     */
    public static List<String> install(Path shippedDir, Path pluginsDir) {
        List<String> done = new ArrayList<>();
        if (!Files.isDirectory(shippedDir)
                || shippedDir.toAbsolutePath().normalize().equals(pluginsDir.toAbsolutePath().normalize())) {
            return done;
        }
        try {
            Files.createDirectories(pluginsDir);
            Path manifest = pluginsDir.resolve(MANIFEST);
            Set<String> copiedBefore = Files.isRegularFile(manifest)
                    ? new TreeSet<>(Files.readAllLines(manifest, StandardCharsets.UTF_8).stream()
                            .map(String::strip).filter(l -> !l.isEmpty()).toList())
                    : new TreeSet<>();
            Map<String, Jar> present = new HashMap<>();
            for (Jar jar : jars(pluginsDir)) {
                present.put(jar.id(), jar);
            }
            Set<String> copied = new LinkedHashSet<>(copiedBefore);
            for (Jar shipped : jars(shippedDir)) {
                Jar there = present.get(shipped.id());
                if (there == null && copiedBefore.contains(shipped.id())) {
                    continue; // the clinic removed it
                }
                if (there == null) {
                    copyIn(shipped, pluginsDir, null);
                    done.add("installed topic " + shipped.id() + " " + shipped.version());
                } else if (VERSIONS.compareVersions(shipped.version(), there.version()) > 0) {
                    copyIn(shipped, pluginsDir, there);
                    done.add("updated topic " + shipped.id() + " from " + there.version() + " to " + shipped.version());
                }
                copied.add(shipped.id());
            }
            if (!copied.equals(copiedBefore)) {
                Path part = pluginsDir.resolve(MANIFEST + ".part");
                Files.write(part, (String.join("\n", copied) + "\n").getBytes(StandardCharsets.UTF_8));
                Files.move(part, manifest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the shipped topics from " + shippedDir + " into the plugins folder "
                    + pluginsDir + ": " + e.getMessage(), e);
        }
        done.forEach(line -> log.info("Shipped topics: {}", line));
        return done;
    }

    /** Copies {@code shipped} into {@code pluginsDir} as {@code <id>.jar}, in place of {@code replaced} if given. */
    private static void copyIn(Jar shipped, Path pluginsDir, Jar replaced) throws IOException {
        Path target = pluginsDir.resolve(shipped.id() + ".jar");
        // Written beside it under a name PF4J does not load, then renamed: the folder never holds half a jar.
        Path part = pluginsDir.resolve("." + shipped.id() + ".jar.part");
        Files.copy(shipped.path(), part, StandardCopyOption.REPLACE_EXISTING);
        if (replaced != null && !replaced.path().equals(target)) {
            Files.delete(replaced.path());
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The plugin jars in {@code dir} whose descriptor can be read; the others are left to the host to report. */
    private static List<Jar> jars(Path dir) throws IOException {
        List<Jar> out = new ArrayList<>();
        PropertiesPluginDescriptorFinder finder = new PropertiesPluginDescriptorFinder();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path file : files) {
                try {
                    PluginDescriptor d = finder.find(file);
                    if (d.getPluginId() != null && d.getVersion() != null) {
                        out.add(new Jar(file, d.getPluginId(), d.getVersion()));
                    }
                } catch (RuntimeException e) {
                    log.warn("Shipped topics: {} has no readable plugin descriptor: {}", file.getFileName(), e.getMessage());
                }
            }
        }
        out.sort(java.util.Comparator.comparing(Jar::id));
        return out;
    }
}
