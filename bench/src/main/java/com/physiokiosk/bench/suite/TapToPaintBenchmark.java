package com.physiokiosk.bench.suite;

import com.physiokiosk.bench.jvm.ChildJvm;
import com.physiokiosk.bench.load.LoadGenerator;
import com.physiokiosk.bench.web.Browser;
import com.physiokiosk.bench.web.PatientWalk;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.HdrHistogram.Histogram;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What a patient feels: the time from a tap to the next screen's first contentful paint. Debian's Chromium
 * (headless, with the kiosk's own flags from {@code config/chromium-kiosk.sh}) takes patient after patient through
 * whole visits on the kiosk jar, tapping as a patient does (after the screen has settled, as the kiosk ignores taps
 * in a screen's first moments), while 8 other patients walk whole visits over HTTP at the same time, each reading a
 * screen for a second before tapping (quicker than most patients; the load rows hammer without pause). For every tap
 * that opens a new screen, the page itself says when: the tap's time is the {@code pointerdown} event's
 * ({@code event.timeStamp}, the Event Timing API's start), kept across the navigation in {@code sessionStorage} by a
 * script the harness adds to every page (the kiosk's own scripts, the idle and back-forward-cache ones, run as
 * deployed); the paint is the next page's {@code first-contentful-paint} entry (Paint Timing); the split comes from
 * its Navigation Timing: the tap until the browser starts the navigation (the form's submit and the old page's
 * unload), the answer's POST and its redirect, the server's time to the first byte of the new screen, its
 * download, parsing to {@code domInteractive}, and from there to the paint.
 */
final class TapToPaintBenchmark implements Benchmark {

    static final String BROWSER = System.getProperty("kiosk.bench.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("kiosk.bench.chromedriver", "/usr/bin/chromedriver");
    /** The other patients walking meanwhile; {@code -Dkiosk.bench.tap-others=0} measures the kiosk alone, to compare. */
    static final int OTHER_PATIENTS = Integer.getInteger("kiosk.bench.tap-others", 8);
    /** The Chromium patient's visits: every screen about three times over. */
    static final int VISITS = 3;
    /** How long the kiosk ignores taps after a screen shows (kiosk.js): a patient taps after it, and so does the bare run. */
    static final long SETTLE_MS = 700;
    /** The other patients read each screen this long before tapping: quick readers, faster than most. */
    static final Duration THINK = Duration.ofSeconds(1);
    static final double TARGET_P99_MS = 100;
    static final double TARGET_MEDIAN_MS = 50;

    /** Added to every page before its own scripts: keeps the time of the last tap across the navigation it starts. */
    private static final String TAP_RECORDER = """
            addEventListener('pointerdown', function (e) {
              sessionStorage.setItem('bench.tap', String(performance.timeOrigin + e.timeStamp));
            }, true);
            """;

    /** Read from a screen once painted: the tap before it, its paint, and its navigation's split. */
    private static final String READ_TIMES = """
            const done = arguments[arguments.length - 1];
            // A document already read is the screen before the tap, still shown: the next one is not there yet.
            if (window.benchRead) { done({stale: true}); return; }
            const read = () => {
              const fcp = performance.getEntriesByName('first-contentful-paint')[0];
              const nav = performance.getEntriesByType('navigation')[0];
              if (!fcp || !nav || nav.loadEventEnd === 0) { setTimeout(read, 20); return; }
              window.benchRead = true;
              const tap = Number(sessionStorage.getItem('bench.tap') || 0);
              sessionStorage.removeItem('bench.tap');
              const at = t => performance.timeOrigin + t;
              done({tap: tap === 0 ? -1 : at(fcp.startTime) - tap,
                    toNavigation: tap === 0 ? -1 : at(nav.startTime) - tap,
                    redirect: nav.redirectEnd - nav.redirectStart,
                    server: nav.responseStart - nav.requestStart,
                    download: nav.responseEnd - nav.responseStart,
                    parse: nav.domInteractive - nav.responseEnd,
                    paint: fcp.startTime - nav.domInteractive,
                    path: location.pathname});
            };
            read();
            """;

    @Override
    public String name() {
        return "tap-to-paint";
    }

    /** One tap's times, in milliseconds. */
    private record Tap(double total, double toNavigation, double redirect, double server, double download,
                       double parse, double paint, String screen) {
    }

    @Override
    public List<Row> run(Bench bench) throws Exception {
        if (!Files.isExecutable(Path.of(BROWSER)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("tap-to-paint needs Debian's chromium and chromium-driver (" + BROWSER
                    + ", " + DRIVER + "): apt-get install -y chromium chromium-driver");
        }
        List<Tap> taps = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger othersVisits = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger othersErrors = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> othersFailed = new java.util.concurrent.atomic.AtomicReference<>();
        int visits = 0;
        int pageBytes;
        try (ChildJvm kiosk = bench.startServer(bench.kiosk(bench.deployedJvm(), bench.dir("tap-to-paint-kiosk-data")))) {
            int port = kiosk.port();
            pageBytes = PatientWalk.toQuestion(new Browser(bench.http(), port));
            ExecutorService load = Executors.newFixedThreadPool(Math.max(1, OTHER_PATIENTS));
            ChromeDriver driver = chromium(bench);
            try {
                // The others walk from before the first tap (a warm-up) until the Chromium patient's visits end.
                for (int i = 0; i < OTHER_PATIENTS; i++) {
                    LoadGenerator.Client patient = PatientLoad.visitingAtPace(bench.http(), port, THINK);
                    load.submit(() -> {
                        while (!stop.get()) {
                            try {
                                patient.call();
                                othersVisits.incrementAndGet();
                            } catch (InterruptedException e) {
                                return;
                            } catch (Exception e) {
                                othersFailed.compareAndSet(null, e.toString());
                                othersErrors.incrementAndGet();
                            }
                        }
                    });
                }
                Thread.sleep(bench.options().warmUp().toMillis());
                int wanted = bench.options().quick() ? 1 : VISITS;
                for (; visits < wanted; visits++) {
                    taps.addAll(visit(driver, "http://127.0.0.1:" + port));
                }
                stop.set(true);
            } finally {
                stop.set(true);
                driver.quit();
                load.shutdown();
                load.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
            }
        }
        // The bare stack, tapped the same way in the same browser: a page of the question screen's size whose form
        // posts and is sent back to it. What any page costs this browser on this machine: the floor.
        List<Tap> bareTaps = new ArrayList<>();
        try (ChildJvm bare = bench.startServer(bench.bare(bench.deployedJvm(), pageBytes))) {
            ChromeDriver driver = chromium(bench);
            try {
                driver.get("http://127.0.0.1:" + bare.port() + "/page");
                read(driver);
                while (bareTaps.size() < taps.size()) {
                    sleep(SETTLE_MS);
                    tap(driver, "button[type=submit]");
                    Tap t = read(driver);
                    if (t != null) {
                        bareTaps.add(t);
                    }
                }
            } finally {
                driver.quit();
            }
        }
        Histogram bareTotal = histogram(bareTaps, Tap::total);
        double bareMedian = bareTotal.getValueAtPercentile(50) / 1e3;
        double bareP99 = bareTotal.getValueAtPercentile(99) / 1e3;
        String bareSplit = String.format("%d taps; medians: to navigation %.1f ms, POST and redirect %.1f ms, first byte"
                        + " %.1f ms, parse %.1f ms, to paint %.1f ms", bareTaps.size(), median(bareTaps, Tap::toNavigation),
                median(bareTaps, Tap::redirect), median(bareTaps, Tap::server), median(bareTaps, Tap::parse),
                median(bareTaps, Tap::paint));
        Histogram total = histogram(taps, Tap::total);
        double median = total.getValueAtPercentile(50) / 1e3;
        double p99 = total.getValueAtPercentile(99) / 1e3;
        String split = String.format("medians: tap to navigation %.1f ms, answer POST and redirect %.1f ms, server to"
                        + " first byte %.1f ms, download %.1f ms, parse %.1f ms, to paint %.1f ms",
                median(taps, Tap::toNavigation), median(taps, Tap::redirect), median(taps, Tap::server),
                median(taps, Tap::download), median(taps, Tap::parse), median(taps, Tap::paint));
        Tap slowest = taps.stream().max(java.util.Comparator.comparingDouble(Tap::total)).orElseThrow();
        Bench.progress(String.format("tap-to-paint: %d taps over %d visits, median %.1f ms, p99 %.1f ms, slowest %.1f ms"
                + " (%s); %s; others %s", taps.size(), visits, median, p99, slowest.total(), slowest.screen(), split,
                othersVisits.get() + " visits, " + othersErrors.get() + " failed"));
        return List.of(new Criteria()
                .require(othersErrors.get() == 0, othersErrors.get() + " failed visits of the other patients: "
                        + othersFailed.get())
                .require(p99 < TARGET_P99_MS, String.format("p99 %.1f ms, target under %.0f ms", p99, TARGET_P99_MS))
                .require(median < TARGET_MEDIAN_MS, String.format("median %.1f ms, target under %.0f ms", median,
                        TARGET_MEDIAN_MS))
                .row("tap to first contentful paint of the next screen, Chromium with the kiosk's flags, whole visits, "
                                + OTHER_PATIENTS + " other patients walking meanwhile (" + THINK.toSeconds()
                                + " s on each screen)",
                        String.format("bare page, same size, same browser, alone: median %.1f ms, p99 %.1f ms (%s)",
                                bareMedian, bareP99, bareSplit),
                        String.format("median %.1f ms, p99 %.1f ms", median, p99), median / bareMedian,
                        String.format("%d taps over %d visits; slowest %.1f ms (%s); %s; other patients: %s",
                                taps.size(), visits, slowest.total(), slowest.screen(), split, othersVisits.get() + " visits, " + othersErrors.get() + " failed"),
                        "p99 < 100 ms, median < 50 ms"));
    }

    /** One whole visit in Chromium, as a calm patient taps it; the times of every tap that opened a screen. */
    private static List<Tap> visit(ChromeDriver driver, String base) {
        List<Tap> out = new ArrayList<>();
        driver.manage().deleteAllCookies();
        driver.get(base + "/");
        read(driver);
        for (int step = 0; step < 60; step++) {
            settle(driver);
            String path = (String) js(driver, "return location.pathname;");
            if (path.equals("/done")) {
                return out;
            }
            tapNext(driver, path);
            Tap tap = read(driver);
            if (tap != null) {
                out.add(tap);
            }
        }
        throw new IllegalStateException("the visit did not end within 60 screens");
    }

    /** The tap that moves a calm patient on from {@code path}: the answer, or Next after choosing. */
    private static void tapNext(ChromeDriver driver, String path) {
        if (path.equals("/")) {
            tap(driver, "button[name=lang][value=en]");
        } else if (path.equals("/topics")) {
            tap(driver, "button[name=topic][value=cramps]");
        } else if (path.equals("/review")) {
            tap(driver, ".action-bar button.primary");
        } else if (present(driver, ".tiles button[value=no]")) {
            tap(driver, ".tiles button[value=no]");
        } else if (present(driver, ".scale button[value='3']")) {
            tap(driver, ".scale button[value='3']");
        } else if (present(driver, "label.tile.exclusive")) {
            tap(driver, "label.tile.exclusive");
            tap(driver, ".action-bar button.primary");
        } else if (path.endsWith("/fact.age-band")) {
            tap(driver, "button[name=answer][value='20-49']");
        } else if (path.endsWith("/trigger")) {
            tap(driver, "input[value=lifting] + .box");
            tap(driver, ".action-bar button.primary");
        } else if (present(driver, ".tiles button[name=answer]")) {
            tap(driver, ".tiles button[name=answer]");
        } else {
            tap(driver, ".action-bar button.primary");
        }
    }

    private static boolean present(ChromeDriver driver, String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    private static void tap(ChromeDriver driver, String css) {
        WebElement target = driver.findElement(By.cssSelector(css));
        target.click();
    }

    /** Waits until the screen is loaded and settled: the kiosk ignores taps in a screen's first moments. */
    private static void settle(ChromeDriver driver) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Boolean.TRUE.equals(js(driver, "return document.readyState === 'complete'"
                + " && document.body.dataset.ready !== 'no';"))) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the screen did not settle: " + driver.getCurrentUrl());
            }
            sleep(10);
        }
    }

    /** The times of the screen now loading, once painted; {@code null} for a screen no tap opened. */
    @SuppressWarnings("unchecked")
    private static Tap read(ChromeDriver driver) {
        Map<String, Object> t = null;
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t == null) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("no new screen within 10 s of a tap: " + driver.getCurrentUrl());
            }
            try {
                t = (Map<String, Object>) driver.executeAsyncScript(READ_TIMES);
                if (Boolean.TRUE.equals(t.get("stale"))) {
                    t = null;
                    sleep(5);
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // The old screen unloaded while it was asked: ask the new one.
                sleep(5);
            }
        }
        double total = ((Number) t.get("tap")).doubleValue();
        if (total < 0) {
            return null;
        }
        return new Tap(total, num(t, "toNavigation"), num(t, "redirect"), num(t, "server"), num(t, "download"),
                num(t, "parse"), num(t, "paint"), (String) t.get("path"));
    }

    private static double num(Map<String, Object> t, String key) {
        return ((Number) t.get(key)).doubleValue();
    }

    private static ChromeDriver chromium(Bench bench) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        List<String> flags = new ArrayList<>(kioskFlags(bench.options().serviceUnit().resolveSibling("chromium-kiosk.sh")));
        flags.addAll(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1080,1920"));
        options.addArguments(flags);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TAP_RECORDER));
        return driver;
    }

    /**
     * The flags the kiosk's launcher gives Chromium ({@code config/chromium-kiosk.sh}), but {@code --kiosk} and the
     * profile folder, which a headless browser driven by the harness has no use for.
     */
    static List<String> kioskFlags(Path launcher) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(launcher)) {
            String flag = line.strip();
            if (flag.startsWith("--") && !flag.startsWith("--kiosk ") && !flag.equals("--kiosk")
                    && !flag.startsWith("--user-data-dir") && !flag.startsWith("--install-policy")
                    && !flag.startsWith("--dry-run") && !flag.contains("\"") && !flag.contains(" ")) {
                out.add(flag.endsWith(")") ? flag.substring(0, flag.length() - 1) : flag);
            }
        }
        if (out.isEmpty()) {
            throw new IOException(launcher + " names no Chromium flags");
        }
        return out;
    }

    private static Histogram histogram(List<Tap> taps, java.util.function.ToDoubleFunction<Tap> what) {
        Histogram h = new Histogram(60_000_000L, 3);
        taps.forEach(t -> h.recordValue(Math.max(0, Math.round(what.applyAsDouble(t) * 1e3))));
        return h;
    }

    private static double median(List<Tap> taps, java.util.function.ToDoubleFunction<Tap> what) {
        return histogram(taps, what).getValueAtPercentile(50) / 1e3;
    }

    private static Object js(ChromeDriver driver, String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
