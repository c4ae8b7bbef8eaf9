package com.physiokiosk.engine.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold health data (the database's copies: backups, a database kept aside by a restore) and
 * their folders: readable by the kiosk's user only where the file system has POSIX permissions (files
 * 0600, folders 0700, as the systemd unit's {@code UMask=0077} makes the data itself), written whole
 * (synced to disk, then renamed into place) so a half-written copy never has the name of a finished one.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and its parents) if needed and makes it the owner's only. */
    public static Path folder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
        return dir;
    }

    /** Creates {@code file}, empty, readable and writable by the owner only; it must not exist yet. */
    public static Path create(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (posix(parent)) {
            Files.createFile(file, asAttribute());
            Files.setPosixFilePermissions(file, FILE);
        } else {
            Files.createFile(file);
        }
        return file;
    }

    /** Makes an existing {@code file} the owner's only. */
    public static void restrict(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** {@code from} copied to {@code to} (a new private file in a folder of the kiosk's), synced to disk. */
    public static void copy(Path from, Path to) throws IOException {
        create(to);
        try (InputStream in = Files.newInputStream(from);
             OutputStream out = Files.newOutputStream(to, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            in.transferTo(out);
        }
        sync(to);
    }

    /** Writes {@code file}'s content to the disk. */
    public static void sync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Renames {@code from} to {@code to} in one step (replacing {@code to}), then writes the folder's entry
     * to the disk, so that after a power cut the file has either its old name or its new one.
     */
    public static void rename(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(to.toAbsolutePath().getParent());
    }

    /** Writes a folder's entries to the disk where the platform can (Linux can; elsewhere it is left to the OS). */
    public static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // A folder cannot be opened or synced on this platform: its entries reach the disk with the OS's next flush.
        }
    }

    /** Deletes {@code file} if it is there; a failure is the caller's to report. */
    public static void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Why a file operation failed, in plain words with the path; never the file's content. */
    public static String reason(IOException e) {
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        if (e instanceof AccessDeniedException) {
            return "permission denied on " + file;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder " + file;
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return file + " is in the way (a file where a folder should be, or the reverse)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (file == null ? "" : " (" + file + ")");
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static boolean posix(Path p) throws IOException {
        Path existing = p.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private static FileAttribute<Set<PosixFilePermission>> asAttribute() {
        return PosixFilePermissions.asFileAttribute(FILE);
    }
}
