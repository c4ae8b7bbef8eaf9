package com.physiokiosk.engine.topic;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs code of a plugin with a time limit, so a plugin that hangs or loops costs one stuck daemon
 * thread, never the kiosk: the caller gets a clear failure after the limit and carries on.
 */
public final class PluginCalls {

    /** How long a plugin may take to hand over its topic when it starts. */
    public static final Duration LOAD_LIMIT = Duration.ofSeconds(5);

    /** How long a plugin's template may take to draw a screen. */
    public static final Duration RENDER_LIMIT = Duration.ofSeconds(2);

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "plugin-call-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private PluginCalls() {
    }

    /** A plugin call that failed, threw, or ran out of time; the message says which, on one line. */
    public static final class PluginCallException extends RuntimeException {
        PluginCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs {@code call} within {@code limit}.
     *
     * @param what what the call does, for the message ("load its topic")
     * @throws PluginCallException when it throws or takes longer than {@code limit}
     */
    public static <T> T call(String what, Duration limit, Callable<T> call) {
        Future<T> future = POOL.submit(call);
        try {
            return future.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new PluginCallException("did not " + what + " within " + limit.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PluginCallException("failed to " + what + ": " + PluginCalls.oneLine(cause), cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallException("interrupted while waiting to " + what, e);
        }
    }

    /** The message of {@code e} and its causes on one line, for logs and the admin page. */
    public static String oneLine(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (sb.indexOf(msg) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(msg);
            }
        }
        return sb.toString().replaceAll("\\s+", " ").trim();
    }
}
