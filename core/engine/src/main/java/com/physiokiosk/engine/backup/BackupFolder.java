package com.physiokiosk.engine.backup;

import com.physiokiosk.engine.storage.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of the database's backups. A backup is named by the moment it was taken, in UTC, so that the
 * names sort as the backups were made, summer time or not: {@code kiosk-20261129-013000Z.db}. It is written
 * under a hidden name first ({@code .kiosk-20261129-013000Z.db.tmp}) and renamed once whole, so a file with a
 * backup's name is always a finished backup. Other files in the folder are left alone.
 */
public final class BackupFolder {

    /** A moment as backups are named by it. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("kiosk-(\\d{8}-\\d{6})Z\\.db");
    /** A backup being written, and what SQLite may write beside it; left over only by a crash or power cut. */
    private static final Pattern UNFINISHED = Pattern.compile("\\.kiosk-\\d{8}-\\d{6}Z\\.db\\.tmp(-journal|-wal|-shm)?");

    private final Path dir;

    public BackupFolder(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    /** {@code at} as backups are named by it: {@code 20261129-013000Z}. */
    public static String stamp(Instant at) {
        return STAMP.format(at);
    }

    /** The name of a backup taken at {@code at}. */
    static String nameFor(Instant at) {
        return "kiosk-" + stamp(at) + ".db";
    }

    /** Where a backup named {@code name} is written until it is whole. */
    Path unfinished(String name) {
        return dir.resolve("." + name + ".tmp");
    }

    /** The finished backups, newest first; none when the folder is not there (yet). */
    public List<Backup> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && Files.isRegularFile(file)) {
                    try {
                        out.add(new Backup(file, LocalDateTime.parse(m.group(1), FILE_TIME).toInstant(ZoneOffset.UTC),
                                Files.size(file)));
                    } catch (NoSuchFileException removedMeanwhile) {
                        // Pruned between listing and reading its size.
                    }
                }
            }
        }
        out.sort(Comparator.comparing(Backup::at).reversed());
        return out;
    }

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    /**
     * Makes the folder (private) if needed and deletes what a backup interrupted by a crash left; call
     * only while no backup is being written.
     */
    void prepare() throws IOException {
        PrivateFiles.folder(dir);
        discardUnfinished();
    }

    /** Deletes every backup not finished (and what SQLite wrote beside it); call only while none is being written. */
    void discardUnfinished() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (UNFINISHED.matcher(file.getFileName().toString()).matches()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
