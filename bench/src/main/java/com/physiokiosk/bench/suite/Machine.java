package com.physiokiosk.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The machine the figures come from, and how busy it was: figures from a machine that others are
 * using at the same time say less, and the results say so.
 */
final class Machine {

    private Machine() {
    }

    /** What the machine is: CPU, cores, memory, OS, JVM, and the file system the databases are on. */
    static List<String> describe(Path workDir) {
        return List.of(
                "CPU: " + cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores",
                "memory: " + memoryMb() + " MB",
                "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                "JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + " (the same java runs the harness and every server it starts)",
                "databases and logs on: " + fileSystem(workDir));
    }

    /** The 1-, 5- and 15-minute load averages. */
    static String loadAverage() {
        String[] f = read("/proc/loadavg").trim().split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
    }

    /**
     * CPU time counters at one moment, to tell how much of the machine other processes used
     * between two of them.
     *
     * @param busy  ticks all CPUs spent working ({@code /proc/stat}: all but idle and iowait)
     * @param total all ticks of all CPUs
     * @param ours  ticks of this JVM and of every child it has waited for (the servers under test)
     */
    record Ticks(long busy, long total, long ours) {

        static Ticks now() {
            long[] cpu = Arrays.stream(read("/proc/stat").lines().findFirst().orElseThrow().trim().split("\\s+"))
                    .skip(1).limit(8).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(cpu).sum();
            long idle = cpu[3] + cpu[4];
            // /proc/self/stat: fields 14–17 are utime, stime, cutime, cstime; the name (field 2) may hold spaces.
            String self = read("/proc/self/stat");
            String[] f = self.substring(self.lastIndexOf(')') + 2).split("\\s+");
            long ours = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            return new Ticks(total - idle, total, ours);
        }

        /** Percent of the whole machine's CPU that other processes used since {@code before}. */
        double othersPercentSince(Ticks before) {
            long total = this.total - before.total;
            long others = (busy - before.busy) - (ours - before.ours);
            return total <= 0 ? 0 : Math.max(0, 100.0 * others / total);
        }
    }

    /**
     * Waits, at most {@code patience}, until other processes leave the machine alone: a
     * {@code sample}-long look in which they use less than {@code percent} of its CPU. Returns the
     * share they used in the last look, so a caller that gave up knows how busy it was.
     */
    static double awaitQuiet(double percent, Duration sample, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Ticks before = Ticks.now();
            Thread.sleep(sample.toMillis());
            double others = Ticks.now().othersPercentSince(before);
            if (others < percent || System.nanoTime() > deadline) {
                return others;
            }
        }
    }

    private static String cpuModel() {
        return read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
    }

    private static long memoryMb() {
        return read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:")).findFirst()
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).orElse(0L);
    }

    /** The mount holding {@code dir}: the longest mount point that is a prefix of it. */
    private static String fileSystem(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        String best = "unknown";
        int bestLength = -1;
        for (String line : read("/proc/mounts").lines().toList()) {
            String[] f = line.split(" ");
            if (f.length > 2 && (path.equals(f[1]) || path.startsWith(f[1].endsWith("/") ? f[1] : f[1] + "/"))
                    && f[1].length() > bestLength) {
                bestLength = f[1].length();
                best = f[2] + " on " + f[0] + " (mounted at " + f[1] + ")";
            }
        }
        return best;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
