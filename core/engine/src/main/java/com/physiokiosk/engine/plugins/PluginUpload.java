package com.physiokiosk.engine.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An uploaded plugin jar, kept while it is checked as a hidden scratch file in the plugins folder itself (which PF4J
 * does not load: it starts with a dot and does not end in {@code .jar}): at most a given size, with a plugin
 * descriptor, and put in place only as the bytes that were checked, by a rename within that folder, so the folder
 * never holds half a jar and no move crosses file systems. Closing it deletes the scratch file if it is still there.
 */
final class PluginUpload implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginUpload.class);

    /** How scratch files are named: the host deletes any left by a crash when it starts. */
    static final String SCRATCH_PREFIX = ".upload-";
    static final String SCRATCH_SUFFIX = ".jar.part";

    private final Path jar;
    private final byte[] digest;

    private PluginUpload(Path jar, byte[] digest) {
        this.jar = jar;
        this.digest = digest;
    }

    /**
     * Copies {@code upload} into a scratch file in {@code pluginsRoot}, refusing it once it passes {@code maxBytes},
     * and a file that is not a jar or has no plugin descriptor (reading the jar's directory only, running none of
     * its code).
     *
     * @throws TopicHost.Refused naming what is wrong with the file
     * @throws IOException       when the plugins folder cannot be written
     */
    static PluginUpload receive(InputStream upload, long maxBytes, Path pluginsRoot) throws IOException {
        Path jar = Files.createTempFile(pluginsRoot, SCRATCH_PREFIX, SCRATCH_SUFFIX);
        try {
            byte[] digest;
            try (OutputStream out = Files.newOutputStream(jar, StandardOpenOption.TRUNCATE_EXISTING)) {
                digest = copy(upload, out, maxBytes);
            } catch (TooLarge e) {
                throw new TopicHost.Refused("The file is larger than " + maxBytes / (1024 * 1024) + " MB");
            }
            requireAPluginJar(jar);
            return new PluginUpload(jar, digest);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(jar);
            throw e;
        }
    }

    /** The uploaded jar, in its scratch file. */
    Path path() {
        return jar;
    }

    /**
     * Renames the scratch file to {@code <id>.jar} in the same folder, once it is checked to hold still the bytes
     * that were received.
     *
     * @throws TopicHost.Refused     when the folder already holds that file, or the jar changed since it was received
     * @throws UncheckedIOException naming the folder when it cannot be written
     */
    Path moveInto(Path pluginsRoot, String id) {
        Path target = pluginsRoot.resolve(id + ".jar");
        if (Files.exists(target)) {
            throw new TopicHost.Refused("The plugins folder already holds a file " + target.getFileName()
                    + "; remove it first");
        }
        try {
            try (InputStream in = Files.newInputStream(jar)) {
                if (!MessageDigest.isEqual(digest, copy(in, OutputStream.nullOutputStream(), Long.MAX_VALUE))) {
                    throw new TopicHost.Refused("The uploaded file changed while it was being checked");
                }
            }
            return Files.move(jar, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the plugin into the plugins folder " + pluginsRoot + ": "
                    + e.getMessage(), e);
        }
    }

    /** Deletes {@code jar} from the plugins folder, if it is there (an install that did not go through). */
    static void delete(Path jar) {
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + jar + ": " + e.getMessage(), e);
        }
    }

    /** Deletes scratch files a crash left in {@code pluginsRoot} (called before the host loads anything). */
    static void deleteLeftovers(Path pluginsRoot) {
        try (DirectoryStream<Path> left = Files.newDirectoryStream(pluginsRoot, SCRATCH_PREFIX + "*" + SCRATCH_SUFFIX)) {
            for (Path file : left) {
                Files.deleteIfExists(file);
                log.info("Deleted {}, left in the plugins folder by an upload that did not finish", file.getFileName());
            }
        } catch (NoSuchFileException e) {
            // no plugins folder yet: nothing left over
        } catch (IOException e) {
            log.warn("Could not look for unfinished uploads in {}: {}", pluginsRoot, e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            log.warn("Could not delete the scratch file {}: {}", jar.getFileName(), e.getMessage());
        }
    }

    /** Copies at most {@code max} bytes of {@code in} to {@code out} and returns their SHA-256. */
    private static byte[] copy(InputStream in, OutputStream out, long max) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
}
