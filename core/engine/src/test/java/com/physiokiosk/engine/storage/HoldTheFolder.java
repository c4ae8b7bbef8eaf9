package com.physiokiosk.engine.storage;

import java.nio.file.Path;

/**
 * A process that opens the database of the folder it is given, as a running kiosk does, says
 * {@code open}, and keeps it open until its standard input ends: for {@link DataFolderLockTest}.
 */
public final class HoldTheFolder {

    private HoldTheFolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Database db = Database.open(Path.of(args[0]))) {
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the test to close our input.
            }
        }
    }
}
