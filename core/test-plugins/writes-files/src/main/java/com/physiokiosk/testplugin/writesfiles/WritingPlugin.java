package com.physiokiosk.testplugin.writesfiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pf4j.Plugin;

/**
 * Writes a file as soon as its class is loaded, in the working folder, the home folder and the
 * temporary folder of the JVM that loads it; then fails at start, naming where it wrote, so that a
 * test can tell which JVM ran it.
 */
public final class WritingPlugin extends Plugin {

    /** The name of each file written. */
    public static final String FILE = "written-by-a-refused-plugin.txt";

    private static final List<Path> WRITTEN = new ArrayList<>();

    static {
        for (String folder : new String[] {System.getProperty("user.dir"), System.getProperty("user.home"),
                System.getProperty("java.io.tmpdir")}) {
            try {
                WRITTEN.add(Files.writeString(Path.of(folder, FILE), "written by a plugin that was refused\n")
                        .toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void start() {
        throw new IllegalStateException("deliberate failure after writing " + WRITTEN);
    }
}
