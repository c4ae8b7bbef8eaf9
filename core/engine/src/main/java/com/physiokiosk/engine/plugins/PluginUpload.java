package com.physiokiosk.engine.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An uploaded plugin jar, kept in a scratch folder of its own while it is checked: at most a given size, with a
 * plugin descriptor, and put into the plugins folder only as the bytes that were checked. Closing it deletes the
 * scratch folder.
 */
final class PluginUpload implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginUpload.class);

    private final Path scratch;
    private final Path jar;
    private final byte[] digest;

    private PluginUpload(Path scratch, Path jar, byte[] digest) {
        this.scratch = scratch;
        this.jar = jar;
        this.digest = digest;
    }

    /**
     * Copies {@code upload} into a scratch folder, refusing it once it passes {@code maxBytes}, and a file that is
     * not a jar or has no plugin descriptor (reading the jar's directory only, running none of its code).
     *
     * @throws TopicHost.Refused naming what is wrong with the file
     */
    static PluginUpload receive(InputStream upload, long maxBytes) throws IOException {
        Path scratch = Files.createTempDirectory("kiosk-plugin-upload");
        try {
            Path jar = scratch.resolve("upload.jar");
            byte[] digest;
            try {
                digest = copy(upload, jar, maxBytes);
            } catch (TooLarge e) {
                throw new TopicHost.Refused("The file is larger than " + maxBytes / (1024 * 1024) + " MB");
            }
            requireAPluginJar(jar);
            return new PluginUpload(scratch, jar, digest);
        } catch (IOException | RuntimeException e) {
            deleteTree(scratch);
            throw e;
        }
    }

    /** The uploaded jar, in the scratch folder. */
    Path path() {
        return jar;
    }

    /**
     * Copies the jar into {@code pluginsRoot} as {@code <id>.jar}: written beside it under a name PF4J does not
     * load, then renamed, so the folder never holds half a jar.
     *
     * @throws TopicHost.Refused when the folder already holds that file, or the jar changed since it was received
     * @throws UncheckedIOException naming the folder when it cannot be written
     */
    Path moveInto(Path pluginsRoot, String id) {
        try {
            return copyInto(pluginsRoot, id);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the plugin into the plugins folder " + pluginsRoot + ": "
                    + e.getMessage(), e);
        }
    }

    private Path copyInto(Path pluginsRoot, String id) throws IOException {
        Path target = pluginsRoot.resolve(id + ".jar");
        if (Files.exists(target)) {
            throw new TopicHost.Refused("The plugins folder already holds a file " + target.getFileName()
                    + "; remove it first");
        }
        Path part = pluginsRoot.resolve("." + id + ".jar.part");
        Files.deleteIfExists(part);
        try {
            try (InputStream in = Files.newInputStream(jar)) {
                if (!MessageDigest.isEqual(digest, copy(in, part, Long.MAX_VALUE))) {
                    throw new TopicHost.Refused("The uploaded file changed while it was being checked");
                }
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        return target;
    }

    /** Deletes {@code jar} from the plugins folder, if it is there (an install that did not go through). */
    static void delete(Path jar) {
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + jar + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        deleteTree(scratch);
    }

    /** Copies at most {@code max} bytes of {@code in} to a new file {@code to} and returns their SHA-256. */
    private static byte[] copy(InputStream in, Path to, long max) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[8192];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > max) {
                    throw new TooLarge();
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return sha.digest();
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    private static void requireAPluginJar(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry("plugin.properties") == null) {
                throw new TopicHost.Refused("This is not a Physio Kiosk plugin: the jar has no plugin.properties");
            }
        } catch (ZipException e) {
            throw new TopicHost.Refused("This is not a plugin jar: the file is not a valid jar (" + e.getMessage() + ")");
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete scratch folder {}: {}", dir, e.getMessage());
        }
    }
}
