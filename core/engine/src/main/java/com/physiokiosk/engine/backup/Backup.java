package com.physiokiosk.engine.backup;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One finished backup of the database.
 *
 * @param file  where it is
 * @param at    when it was made (the moment its copy was taken, from its name)
 * @param bytes its size
 */
public record Backup(Path file, Instant at, long bytes) {

    /** Its file name, e.g. {@code kiosk-20261129-013000Z.db}. */
    public String name() {
        return file.getFileName().toString();
    }
}
