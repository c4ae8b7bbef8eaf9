package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import com.physiokiosk.bench.load.LoadGenerator;
import com.physiokiosk.bench.load.LoadPlan;
import com.physiokiosk.bench.load.LoadResult;
import com.physiokiosk.bench.web.Http;
import com.physiokiosk.bench.web.StaffDesk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/** What every benchmark shares: options, the work folder, the HTTP client, and how servers are started. */
public final class Bench {


    /** Longest a server may take to answer its first /health. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final BenchOptions options;
    private final List<String> deployedJvm;
    private final HttpClient http = Http.newClient();
    private final AtomicInteger folders = new AtomicInteger();

    Bench(BenchOptions options) throws IOException {
        this.options = options;
        this.deployedJvm = jvmOptionsOf(options.serviceUnit());
    }

    /**
     * The JVM options of the systemd unit the clinic installs ({@code config/physio-kiosk.service}),
     * read from it: every server under test gets them, the kiosk and the bare app alike; but the unit's class
     * archive ({@code -XX:SharedArchiveFile=}), a file the package makes at install for the kiosk alone, which only
     * the start-up benchmark makes and gives the kiosk ({@link #installedClassArchive}).
     */
    List<String> deployedJvm() {
        return deployedJvm.stream().filter(o -> !o.startsWith(CLASS_ARCHIVE)).toList();
    }

    /** The JVM option of the unit that names the kiosk's class archive. */
    static final String CLASS_ARCHIVE = "-XX:SharedArchiveFile=";

    /**
     * Whether the unit starts the kiosk from a class archive made at install; if so, makes one in {@code dir} as the
     * package's postinst does ({@code java <options> -XX:ArchiveClassesAtExit=FILE -jar physio-kiosk.jar warm-up}) and
     * returns the kiosk's options with it, else the options as they are.
     */
    List<String> installedClassArchive(Path dir) throws IOException, InterruptedException {
        if (deployedJvm.stream().noneMatch(o -> o.startsWith(CLASS_ARCHIVE))) {
            return deployedJvm();
        }
        Path archive = dir.resolve("kiosk.jsa");
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaBinary());
        command.addAll(deployedJvm());
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-jar", options.kioskJar().toString(), "warm-up"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("warm-up.log").toFile()).start();
        if (!p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(archive)) {
            p.destroyForcibly();
            throw new IOException("the kiosk's warm-up made no class archive: see " + dir.resolve("warm-up.log"));
        }
        List<String> out = new ArrayList<>(deployedJvm());
        out.add(CLASS_ARCHIVE + archive);
        return List.copyOf(out);
    }

    /** {@link #deployedJvm()} with the heap limited to {@code maxHeap} (say {@code 64m}) instead. */
    List<String> deployedJvmWithHeap(String maxHeap) {
        List<String> out = new ArrayList<>();
        deployedJvm().stream().filter(o -> !o.startsWith("-Xmx")).forEach(out::add);
        out.add(0, "-Xmx" + maxHeap);
        return List.copyOf(out);
    }

    /** The options between {@code java} and {@code -jar} on the unit's {@code ExecStart=} line. */
    static List<String> jvmOptionsOf(Path unit) throws IOException {
        for (String line : Files.readAllLines(unit)) {
            if (line.startsWith("ExecStart=")) {
                List<String> words = List.of(line.substring("ExecStart=".length()).trim().split("\\s+"));
                int jar = words.indexOf("-jar");
                if (jar < 1 || !words.get(0).endsWith("java")) {
                    throw new IOException(unit + ": ExecStart= does not run java … -jar: " + line);
                }
                return List.copyOf(words.subList(1, jar));
            }
        }
        throw new IOException(unit + " has no ExecStart= line");
    }

    public BenchOptions options() {
        return options;
    }

    public HttpClient http() {
        return http;
    }

    /** A new, empty folder inside the work folder, named after {@code name}: a benchmark run again starts afresh. */
    Path dir(String name) {
        return create(options.workDir().resolve(name + "-" + folders.incrementAndGet()));
    }

    /** The folder of every server's log, kept for the whole run. */
    Path logs() {
        return create(options.workDir().resolve("logs"));
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plugins folder beside the kiosk jar: all five topics. */
    Path pluginsDir() {
        return options.kioskJar().resolveSibling("plugins");
    }

    /** {@code java <jvm> -jar physio-kiosk.jar} on loopback, with its database in {@code dataDir}. */
    ChildJvm.Command kiosk(List<String> jvm, Path dataDir) {
        return new ChildJvm.Command("kiosk", profiled(jvm, "kiosk"), List.of("-jar", options.kioskJar().toString()),
                Map.of("KIOSK_DATA_DIR", dataDir.toString(), "KIOSK_PORT", "{port}", "KIOSK_BIND_ADDRESS", "127.0.0.1"));
    }

    /**
     * As {@link #kiosk}, with the {@code admin} account made at first start from
     * {@code KIOSK_ADMIN_PASSWORD}, for the benchmarks of the staff side. Only they get it: hashing
     * the password (Argon2id) would add to the start-up and memory the other benchmarks measure.
     */
    ChildJvm.Command kioskWithAdmin(List<String> jvm, Path dataDir) {
        ChildJvm.Command kiosk = kiosk(jvm, dataDir);
        Map<String, String> env = new java.util.HashMap<>(kiosk.env());
        env.put("KIOSK_ADMIN_PASSWORD", StaffDesk.ADMIN_PASSWORD);
        return new ChildJvm.Command(kiosk.name(), kiosk.jvmOptions(), kiosk.launch(), Map.copyOf(env));
    }

    /** The bare Javalin + jte app, its page {@code pageBytes} long (0: not sized, for start-up). */
    ChildJvm.Command bare(List<String> jvm, int pageBytes) {
        return new ChildJvm.Command("bare", profiled(jvm, "bare"), List.of("-cp", options.benchJar().toString(),
                "com.physiokiosk.bench.bare.BareApp", "{port}", Integer.toString(pageBytes)), Map.of());
    }

    /** Where servers write a Java Flight Recording ({@code -Dkiosk.bench.jfr=DIR}), or {@code null} for none. */
    static final String JFR_DIR = System.getProperty("kiosk.bench.jfr");
    private final AtomicInteger recordings = new AtomicInteger();

    /**
     * {@code jvm}, with Java Flight Recorder's profiling settings recording to {@code <JFR_DIR>/<name>-<n>.jfr} when the
     * harness runs with {@code -Dkiosk.bench.jfr=DIR}: a profile of where a server's time goes under a benchmark's
     * load (read it with {@code JfrTop}). Off by default: a recording costs a little CPU itself.
     */
    private List<String> profiled(List<String> jvm, String name) {
        if (JFR_DIR == null) {
            return jvm;
        }
        List<String> out = new ArrayList<>(jvm);
        out.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                + create(Path.of(JFR_DIR)).resolve(name + "-" + recordings.incrementAndGet() + ".jfr"));
        return List.copyOf(out);
    }

    /** Starts {@code command} and waits for its first /health. */
    ChildJvm startServer(ChildJvm.Command command) {
        ChildJvm server = ChildJvm.start(command, logs());
        try {
            server.awaitHealthy(http, "/health", START_TIMEOUT);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** A load plan with this run's warm-up and measured durations. */
    LoadPlan plan(String name, int clients) {
        return new LoadPlan(name, clients, options.warmUp(), options.measure(), 10_000_000);
    }

    /**
     * Runs the baseline and the kiosk load {@code options.rounds()} times each, alternating
     * baseline-kiosk, kiosk-baseline, … so that neither side always runs warmer or later; keeps
     * each side's best round, with the errors of all its rounds.
     */
    Pair compare(LoadPlan plan, Side baseline, Side kiosk) {
        List<LoadResult> base = new ArrayList<>();
        List<LoadResult> ours = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            if (round % 2 == 0) {
                base.add(baseline.run(plan, "baseline"));
                ours.add(kiosk.run(plan, "kiosk"));
            } else {
                ours.add(kiosk.run(plan, "kiosk"));
                base.add(baseline.run(plan, "baseline"));
            }
        }
        return new Pair(best(base), best(ours));
    }

    /**
     * One side of a comparison: its clients, and the CPU time its server has used so far.
     *
     * @param clients   one client per index
     * @param cpuNanos  CPU time of the server process under test (the harness's own when it runs in process)
     */
    record Side(IntFunction<LoadGenerator.Client> clients, LongSupplier cpuNanos) {

        /** A side served by this JVM itself. */
        static Side inProcess(IntFunction<LoadGenerator.Client> clients) {
            return new Side(clients, () -> ChildJvm.cpuNanos(ProcessHandle.current()));
        }

        /** A side served by {@code server}. */
        static Side served(ChildJvm server, IntFunction<LoadGenerator.Client> clients) {
            return new Side(clients, server::cpuNanos);
        }

        LoadResult run(LoadPlan plan, String side) {
            LoadResult r = LoadGenerator.run(plan, clients, cpuNanos);
            progress(plan.name() + " " + side + ": " + r.summary("calls")
                    + (r.firstError() == null ? "" : " (first error: " + r.firstError() + ")"));
            return r;
        }
    }

    /** The baseline's and the kiosk's result. */
    record Pair(LoadResult baseline, LoadResult kiosk) {
    }

    static LoadResult best(List<LoadResult> rounds) {
        LoadResult best = rounds.stream().max(Comparator.comparingDouble(LoadResult::perSecond)).orElseThrow();
        long errors = rounds.stream().mapToLong(LoadResult::errors).sum();
        String firstError = rounds.stream().map(LoadResult::firstError).filter(e -> e != null).findFirst().orElse(null);
        return new LoadResult(best.calls(), errors, best.seconds(), best.p50Millis(), best.p99Millis(), best.maxMillis(),
                best.cpuMicrosPerCall(), firstError);
    }

    static void progress(String line) {
        System.out.println("  " + line);
        System.out.flush();
    }
}
