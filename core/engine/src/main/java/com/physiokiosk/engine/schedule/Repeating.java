package com.physiokiosk.engine.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * A task the kiosk runs again and again in the background (the retention job, the backup schedule): on a
 * daemon thread of its own, from {@link #start} to {@link #stop}, each run a fixed delay after the last ends.
 * A run that throws is logged in one line and the next one goes ahead: a background job never stops.
 */
public final class Repeating {

    private final String threadName;
    private final Duration first;
    private final Duration every;
    private final Logger log;
    private final String what;
    private final Runnable task;
    private ScheduledExecutorService scheduler;

    /**
     * @param threadName the thread's name, as thread dumps show it
     * @param first      how long after {@link #start} the first run is
     * @param every      how long after a run ends the next one starts
     * @param log        the job's own logger, for a failed run
     * @param what       what a run is, for its failure line ("Retention run" failed: …)
     */
    public Repeating(String threadName, Duration first, Duration every, Logger log, String what, Runnable task) {
        this.threadName = threadName;
        this.first = first;
        this.every = every;
        this.log = log;
        this.what = what;
        this.task = task;
    }

    /** Starts running; a second call while running does nothing. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::runSafely, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops: no run starts after this; one under way is interrupted. */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void runSafely() {
        try {
            task.run();
        } catch (RuntimeException e) {
            // Keep the schedule alive: the next run tries again.
            log.error("{} failed: {}", what, e.getMessage());
        }
    }
}
