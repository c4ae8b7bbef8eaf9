package com.physiokiosk.bench.jvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of a process as Linux counts it.
 *
 * @param rssKb  resident now ({@code VmRSS})
 * @param peakKb the most it was ever resident ({@code VmHWM}, the high-water mark)
 */
public record Memory(long rssKb, long peakKb) {

    /** Reads {@code /proc/<pid>/status}. */
    public static Memory of(long pid) {
        try {
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line);
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line);
                }
            }
            return new Memory(rss, hwm);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the memory of process " + pid, e);
        }
    }

    public double peakMb() {
        return peakKb / 1024.0;
    }

    public double rssMb() {
        return rssKb / 1024.0;
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
