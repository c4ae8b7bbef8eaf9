package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.topic.LoadedTopic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The size check of a plugin's {@code assets/} folder at load: every file in it at most
 * {@link LoadedTopic#MAX_ASSET_BYTES}, all together at most {@link #MAX_TOTAL_BYTES}. Sizes are
 * counted by reading each file as the kiosk would serve it, never taken from the jar's directory: a
 * zip entry may claim a few bytes and inflate to hundreds of megabytes. Reading stops at the first
 * limit passed, so a check costs at most a few megabytes of inflating.
 */
final class PluginAssets {

    /** Most bytes all of one plugin's assets may hold together. */
    static final long MAX_TOTAL_BYTES = 8L * 1024 * 1024;

    private static final String FOLDER = com.physiokiosk.api.PluginApi.ASSETS;

    private PluginAssets() {
    }

    /** What is wrong with the assets of the plugin behind {@code loader}: empty when they are within bounds. */
    static List<String> problems(ClassLoader loader) {
        if (!(loader instanceof URLClassLoader own)) {
            return List.of();
        }
        Budget budget = new Budget();
        try {
            for (URL root : own.getURLs()) {
                if (!"file".equals(root.getProtocol())) {
                    continue;
                }
                Path path = Path.of(root.toURI());
                if (Files.isDirectory(path)) {
                    checkFolder(path.resolve(FOLDER), budget);
                } else if (Files.isRegularFile(path)) {
                    checkJar(path, budget);
                }
                if (budget.problem != null) {
                    break;
                }
            }
        } catch (IOException e) {
            budget.problem = "its assets cannot be read: " + e.getMessage();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return budget.problem == null ? List.of() : List.of(budget.problem);
    }

    private static void checkJar(Path jar, Budget budget) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements() && budget.problem == null) {
                ZipEntry e = entries.nextElement();
                if (!e.isDirectory() && e.getName().startsWith(FOLDER)) {
                    try (InputStream in = zip.getInputStream(e)) {
                        budget.count(e.getName(), in);
                    }
                }
            }
        }
    }

    private static void checkFolder(Path folder, Budget budget) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    budget.count(FOLDER + folder.relativize(f).toString().replace('\\', '/'), in);
                }
                if (budget.problem != null) {
                    return;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Bytes read so far, and the first limit passed. */
    private static final class Budget {
        private long total;
        private String problem;

        void count(String name, InputStream in) throws IOException {
            byte[] buffer = new byte[8192];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > LoadedTopic.MAX_ASSET_BYTES) {
                    problem = "asset " + name + " is larger than " + LoadedTopic.MAX_ASSET_BYTES / 1024 + " KB";
                    return;
                }
                if (total + size > MAX_TOTAL_BYTES) {
                    problem = "its assets hold more than " + MAX_TOTAL_BYTES / (1024 * 1024) + " MB together";
                    return;
                }
            }
            total += size;
        }
    }
}
