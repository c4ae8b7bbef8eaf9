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
 * What a patient feels: the time from a tap to the next screen painted. Debian's Chromium (headless, with the kiosk's
 * own flags from {@code config/chromium-kiosk.sh}) takes patient after patient through whole visits on the kiosk jar,
 * tapping as a patient does (after the screen has settled, as the kiosk ignores taps in a screen's first moments),
 * while 8 other patients walk whole visits over HTTP at the same time, each reading a screen for a second before
 * tapping (quicker than most patients; the load rows hammer without pause). One visit first is not measured (the
 * kiosk's code compiled, the assets in the browser's cache, as after the clinic's first patient). For every tap that
 * opens a new screen, the page itself says when: the tap's time is the {@code pointerdown} event's
 * ({@code event.timeStamp}, the Event Timing API's start), kept across a navigation in {@code sessionStorage} by a
 * script the harness adds to every page (the kiosk's own scripts, htmx, the idle and back-forward-cache ones, run as
 * deployed); the paint is the first paint of the new screen's heading (the Element Timing API: the harness marks
 * each {@code h1} as it enters the page, parsed or swapped in). The split: for a screen swapped in by htmx, the
 * Resource Timing of its request (the tap until the request starts, the answer's POST and its redirect, the server's
 * time to the first byte, the download), htmx's swap (to its {@code htmx:afterSwap}, before kiosk.js sets the new screen
 * up), and from there to the paint (the set-up, style, layout, paint); for a screen loaded as a page, its
 * Navigation Timing the same way, with parsing to {@code domInteractive} in place of the swap.
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

    /**
     * Added to every page before its own scripts: keeps the time of the last tap across a navigation it starts, marks
     * every screen's heading for the Element Timing API as it enters the page (a page parsed or a screen swapped in),
     * and keeps the time each heading was first painted and each time htmx swapped a screen in.
     */
    private static final String TAP_RECORDER = """
            addEventListener('pointerdown', function (e) {
              sessionStorage.setItem('bench.tap', String(performance.timeOrigin + e.timeStamp));
            }, true);
            window.benchPaints = [];
            window.benchSwaps = [];
            new PerformanceObserver(function (list) {
              list.getEntries().forEach(function (e) {
                window.benchPaints.push(performance.timeOrigin + (e.renderTime || e.loadTime));
              });
            }).observe({type: 'element', buffered: true});
            document.addEventListener('htmx:afterSwap', function () {
              window.benchSwaps.push(performance.timeOrigin + performance.now());
            });
            new MutationObserver(function (records) {
              records.forEach(function (r) {
                r.addedNodes.forEach(function (n) {
                  if (n.nodeType !== 1) { return; }
                  (n.matches('h1') ? [n] : Array.from(n.querySelectorAll('h1'))).forEach(function (h) {
                    h.setAttribute('elementtiming', 'screen');
                  });
                });
              });
            }).observe(document, {childList: true, subtree: true});
            """;

    /**
     * Read once the screen a tap opened has painted its heading: the tap, the paint, and the split. A screen loaded as
     * a page is split by its Navigation Timing; a screen swapped in by htmx by the Resource Timing of its request and
     * the time of the swap.
     */
    private static final String READ_TIMES = """
            const done = arguments[arguments.length - 1];
            const tap = Number(sessionStorage.getItem('bench.tap') || 0);
            if (tap === 0) { done({none: true}); return; }
            const read = () => {
              const painted = (window.benchPaints || []).filter(t => t > tap);
              const nav = performance.getEntriesByType('navigation')[0];
              const page = performance.timeOrigin > tap;
              const swapped = (window.benchSwaps || []).filter(t => t > tap);
              if (painted.length === 0 || (page && (!nav || nav.domInteractive === 0)) || (!page && swapped.length === 0)) {
                setTimeout(read, 10);
                return;
              }
              sessionStorage.removeItem('bench.tap');
              const paint = painted[0];
              const at = t => performance.timeOrigin + t;
              if (page) {
                done({tap: paint - tap, kind: 'page', toRequest: at(nav.startTime) - tap,
                      redirect: nav.redirectEnd - nav.redirectStart, server: nav.responseStart - nav.requestStart,
                      download: nav.responseEnd - nav.responseStart, build: nav.domInteractive - nav.responseEnd,
                      paint: paint - at(nav.domInteractive), path: location.pathname});
                return;
              }
              const req = performance.getEntriesByType('resource')
                  .filter(e => e.initiatorType === 'xmlhttprequest' && at(e.startTime) >= tap).pop();
              const swap = swapped[0];
              done({tap: paint - tap, kind: 'swap', toRequest: req ? at(req.startTime) - tap : -1,
                    redirect: req ? req.redirectEnd - req.redirectStart : -1,
                    server: req ? req.responseStart - req.requestStart : -1,
                    download: req ? req.responseEnd - req.responseStart : -1,
                    build: req ? swap - at(req.responseEnd) : -1, paint: paint - swap, path: location.pathname});
            };
            read();
            """;

    @Override
    public String name() {
        return "tap-to-paint";
    }

    /**
     * One tap's times, in milliseconds: the whole, and its parts: from the tap to the request for the next screen (the
     * submit, and for a page the old one's unload), the answer's POST and its redirect, the server's time to the first
     * byte of the screen, its download, building it (a page parsed to {@code domInteractive}, or htmx swapping it in),
     * and from there to its heading painted. {@code swapped}: the screen came without a new page.
     */
    private record Tap(double total, double toNavigation, double redirect, double server, double download,
                       double parse, double paint, String screen, boolean swapped) {
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
                // One visit unmeasured: a kiosk that has been up a while has compiled every screen's code, the send's
                // included, and the browser has the assets in its cache, as at the clinic after the first patient.
                visit(driver, "http://127.0.0.1:" + port);
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
                // As many taps unmeasured as the kiosk's first visit: the bare server's code compiled too.
                for (int i = 0; i < 32; i++) {
                    sleep(SETTLE_MS);
                    tap(driver, "button[type=submit]");
                    read(driver);
                }
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
        String bareSplit = String.format("%d taps, each a new page; medians: to the request %.1f ms, POST and redirect"
                        + " %.1f ms, first byte %.1f ms, parse %.1f ms, to paint %.1f ms", bareTaps.size(),
                median(bareTaps, Tap::toNavigation),
                median(bareTaps, Tap::redirect), median(bareTaps, Tap::server), median(bareTaps, Tap::parse),
                median(bareTaps, Tap::paint));
        Histogram total = histogram(taps, Tap::total);
        double median = total.getValueAtPercentile(50) / 1e3;
        double p99 = total.getValueAtPercentile(99) / 1e3;
        List<Tap> swapped = taps.stream().filter(Tap::swapped).toList();
        List<Tap> pages = taps.stream().filter(t -> !t.swapped()).toList();
        String split = String.format("%d screens swapped in (median %.1f ms), %d loaded as pages (median %.1f ms);"
                        + " medians: tap to the request %.1f ms, answer POST and"
                        + " redirect %.1f ms, server to first byte %.1f ms, download %.1f ms, parse or swap %.1f ms, to"
                        + " paint %.1f ms", swapped.size(), median(swapped, Tap::total), pages.size(),
                median(pages, Tap::total), median(taps, Tap::toNavigation), median(taps, Tap::redirect),
                median(taps, Tap::server), median(taps, Tap::download), median(taps, Tap::parse),
                median(taps, Tap::paint));
        Tap slowest = taps.stream().max(java.util.Comparator.comparingDouble(Tap::total)).orElseThrow();
        taps.stream().sorted(java.util.Comparator.comparingDouble(Tap::total).reversed()).limit(5)
                .forEach(t -> Bench.progress("  slow tap: " + t));
        Bench.progress(String.format("tap-to-paint: %d taps over %d visits, median %.1f ms, p99 %.1f ms, slowest %.1f ms"
                + " (%s); %s; others %s", taps.size(), visits, median, p99, slowest.total(), slowest.screen(), split,
                othersVisits.get() + " visits, " + othersErrors.get() + " failed"));
        return List.of(new Criteria()
                .require(othersErrors.get() == 0, othersErrors.get() + " failed visits of the other patients: "
                        + othersFailed.get())
                .require(p99 < TARGET_P99_MS, String.format("p99 %.1f ms, target under %.0f ms", p99, TARGET_P99_MS))
                .require(median < TARGET_MEDIAN_MS, String.format("median %.1f ms, target under %.0f ms", median,
                        TARGET_MEDIAN_MS))
                .row("tap to the next screen painted (its heading), Chromium with the kiosk's flags, whole visits, "
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
        js(driver, "sessionStorage.removeItem('bench.tap');");
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
                if (Boolean.TRUE.equals(t.get("none"))) {
                    return null;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // The old screen unloaded while it was asked: ask the new one.
                sleep(5);
            }
        }
        double total = ((Number) t.get("tap")).doubleValue();
        return new Tap(total, num(t, "toRequest"), num(t, "redirect"), num(t, "server"), num(t, "download"),
                num(t, "build"), num(t, "paint"), (String) t.get("path"), "swap".equals(t.get("kind")));
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

    /** The taps' {@code what} in microseconds; a part the page could not time (-1: no entry for it) left out. */
    private static Histogram histogram(List<Tap> taps, java.util.function.ToDoubleFunction<Tap> what) {
        Histogram h = new Histogram(60_000_000L, 3);
        taps.forEach(t -> {
            double ms = what.applyAsDouble(t);
            if (ms >= 0) {
                h.recordValue(Math.round(ms * 1e3));
            }
        });
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
