package com.physiokiosk.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Who uses a data folder: open databases share it, a restore needs it alone")
class DataFolderLockTest {

    @TempDir
    Path dir;

    @Test
    void openDatabasesShareTheFolderAndARestoreGetsItOnlyOnceTheLastIsClosed() {
        Database kiosk = Database.open(dir);
        Database resetPassword = Database.open(dir);
        assertTrue(DataFolderLock.exclusive(dir).isEmpty(), "the kiosk is running");
        kiosk.close();
        assertTrue(DataFolderLock.exclusive(dir).isEmpty(), "a command still has it open");
        resetPassword.close();
        resetPassword.close();

        try (DataFolderLock restore = DataFolderLock.exclusive(dir).orElseThrow()) {
            assertTrue(restore.isExclusive());
            assertTrue(DataFolderLock.exclusive(dir).isEmpty(), "one restore at a time");
            StorageException starting = assertThrows(StorageException.class, () -> Database.open(dir));
            assertTrue(starting.getMessage().contains("is in use by a restore"), starting.getMessage());
            // The restore itself opens the database, to migrate it, holding on to the folder.
            Database.open(dir, restore).close();
            assertTrue(restore.isExclusive(), "still held after that database is closed");
        }
        Database.open(dir).close();
    }

    @Test
    void aKioskRunningInAnotherProcessIsSeenAndItsEndWhateverTheWayFreesTheFolder() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldTheFolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("open")) {
                // Its log lines.
            }
            assertEquals("open", line, "the other process opened the database");
            Optional<DataFolderLock> whileOpen = DataFolderLock.exclusive(dir);
            assertTrue(whileOpen.isEmpty(), "the other process holds the folder");
            // Killed, not closed: the operating system lets go of its lock.
            other.destroyForcibly();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
            try (DataFolderLock restore = DataFolderLock.exclusive(dir).orElseThrow()) {
                assertTrue(restore.isExclusive());
            }
        } finally {
            other.destroyForcibly();
        }
    }

    @Test
    void aRestoreMakesAMissingDataFolderPrivate() throws Exception {
        Path fresh = dir.resolve("fresh").resolve("data");
        try (DataFolderLock restore = DataFolderLock.exclusive(fresh).orElseThrow()) {
            assertTrue(restore.isExclusive());
        }
        if (java.nio.file.Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals(List.of("rwx------", "rw-------"), List.of(
                    java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(fresh)),
                    java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(
                            fresh.resolve(DataFolderLock.FILE_NAME)))));
        }
    }
}
