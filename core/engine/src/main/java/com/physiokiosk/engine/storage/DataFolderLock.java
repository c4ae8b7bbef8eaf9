package com.physiokiosk.engine.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who is using a data folder. Every open {@link Database} holds a shared lock on {@value #FILE_NAME} in its
 * folder for as long as it is open: the running kiosk, and a {@code reset-password} run beside it. A
 * restore needs the folder to itself ({@link #exclusive}), so it never replaces the database under a
 * running kiosk, and a kiosk cannot open the folder while a restore is at work in it.
 *
 * <p>The database's own locks cannot tell: the kiosk lets go of its connections while it is idle. These
 * locks are the operating system's ({@code fcntl} on Linux), released when the process ends however it
 * ends, so a crashed kiosk leaves no stale lock behind. The operating system does not tell apart two
 * users in one process, so the users in this JVM are counted here.
 */
public final class DataFolderLock implements AutoCloseable {

    /** The file locked, in the data folder. Its content is nothing; it stays. */
    public static final String FILE_NAME = "kiosk.lock";

    /** The folders this JVM holds, by the lock file's real path; guarded by itself. */
    private static final Map<Path, Held> HELD = new HashMap<>();

    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        int users = 1;

        Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    private final Path key;
    private boolean closed;

    private DataFolderLock(Path key) {
        this.key = key;
    }

    /**
     * A shared hold on {@code dataDir}, which must exist.
     *
     * @throws StorageException when a restore holds the folder, or the lock file cannot be made
     */
    static DataFolderLock shared(Path dataDir) {
        Path file = lockFile(dataDir);
        synchronized (HELD) {
            Held held = HELD.get(file);
            if (held != null) {
                if (!held.lock.isShared()) {
                    throw inRestore(dataDir);
                }
                held.users++;
                return new DataFolderLock(file);
            }
            Held taken = take(file, true);
            if (taken == null) {
                throw inRestore(dataDir);
            }
            HELD.put(file, taken);
            return new DataFolderLock(file);
        }
    }

    /**
     * {@code dataDir} to this caller alone (created, private, if it does not exist; an existing one is left as
     * it is), or empty when anyone else holds it: a running kiosk, a command, another restore, in this process
     * or another.
     *
     * @throws StorageException when the folder or its lock file cannot be made
     */
    public static Optional<DataFolderLock> exclusive(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                PrivateFiles.folder(dataDir);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot create data folder " + dataDir.toAbsolutePath() + ": "
                    + PrivateFiles.reason(e), e);
        }
        Path file = lockFile(dataDir);
        synchronized (HELD) {
            if (HELD.containsKey(file)) {
                return Optional.empty();
            }
            Held taken = take(file, false);
            if (taken == null) {
                return Optional.empty();
            }
            HELD.put(file, taken);
            return Optional.of(new DataFolderLock(file));
        }
    }

    /** Whether this hold has the folder to itself. */
    public boolean isExclusive() {
        synchronized (HELD) {
            Held held = HELD.get(key);
            return !closed && held != null && !held.lock.isShared();
        }
    }

    /** Lets go; the last user in this JVM releases the operating system's lock. */
    @Override
    public void close() {
        synchronized (HELD) {
            if (closed) {
                return;
            }
            closed = true;
            Held held = HELD.get(key);
            if (held != null && --held.users == 0) {
                HELD.remove(key);
                try {
                    held.channel.close();
                } catch (IOException ignored) {
                    // Closing the channel releases the lock; the process ending would too.
                }
            }
        }
    }

    /** The lock file's real path, the file created (private) if needed. */
    private static Path lockFile(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                try {
                    PrivateFiles.create(file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // Made by another process meanwhile: the same file.
                }
            }
            return file.toRealPath();
        } catch (IOException e) {
            throw new StorageException("Cannot make the lock file " + file.toAbsolutePath() + ": "
                    + PrivateFiles.reason(e), e);
        }
    }

    /** The operating system's lock on {@code file}, or {@code null} when another process holds it so that it cannot be had. */
    private static Held take(Path file, boolean shared) {
        FileChannel channel = null;
        try {
            // A shared lock needs the file open for reading only: the running kiosk holds no file open for writing
            // while it is idle, so its file system can still be remounted read-only (as a failing disk's is).
            channel = shared ? FileChannel.open(file, StandardOpenOption.READ)
                    : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                channel.close();
                return null;
            }
            return new Held(channel, lock);
        } catch (OverlappingFileLockException e) {
            // Held in this JVM under another path to the same file.
            closeQuietly(channel);
            return null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageException("Cannot lock " + file + ": " + PrivateFiles.reason(e), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing was locked through it.
            }
        }
    }

    private static StorageException inRestore(Path dataDir) {
        return new StorageException("The data folder " + dataDir.toAbsolutePath()
                + " is in use by a restore (java -jar physio-kiosk.jar restore); start the kiosk once it has finished",
                null);
    }
}
