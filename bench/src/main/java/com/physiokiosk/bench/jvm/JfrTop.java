package com.physiokiosk.bench.jvm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU went, from a Java Flight Recording made under a benchmark's load ({@code -Dkiosk.bench.jfr=DIR}):
 * the methods most often on top of the sampled stacks (their own time), and the kiosk's own methods most often anywhere
 * on them (their time with what they call). {@code java -cp physio-kiosk-bench.jar com.physiokiosk.bench.jvm.JfrTop
 * FILE.jfr [N] [PACKAGE] [SKIP]}: the top N (20) of each, the package of "our" methods ({@code com.physiokiosk}), and
 * the seconds at the start of the recording left out (10: the start-up and the walk to the screen under load).
 */
public final class JfrTop {

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String ours = args.length > 2 ? args[2] : "com.physiokiosk";
        long skip = args.length > 3 ? Long.parseLong(args[3]) : 10;
        java.time.Instant from = null;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            if (from == null) {
                from = e.getStartTime().plusSeconds(skip);
            }
            if (e.getStartTime().isBefore(from)) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (n.startsWith(ours) && seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%s: %,d execution samples%n%nMost often on top (own time):%n", file, samples);
        print(self, samples, top);
        System.out.printf("%nThe kiosk's own methods, anywhere on the stack (with what they call):%n");
        print(inclusive, samples, top);
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
    }
}
