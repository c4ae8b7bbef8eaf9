package com.physiokiosk.engine.topic;

import com.physiokiosk.api.ScreenContext;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A topic plugin's own precompiled jte templates, rendered by an engine of its own that loads the
 * template classes through the plugin's class loader, on threads of its own.
 *
 * <p>A template is plugin code run for every patient who sees its question, so what one may cost is
 * bounded. Java cannot kill a thread: a render that runs over {@link PluginCalls#RENDER_LIMIT} is
 * given up (the patient gets the question without its picture) but its thread carries on until the
 * template returns, which a looping one never does. The bound is therefore kept by never starting
 * such a render again, rather than by stopping it:
 * <ul>
 *   <li>a template that ran over time once is marked broken, logged, and never rendered again while
 *       this plugin stays loaded (a new jar is a new set of templates);</li>
 *   <li>after {@link #MAX_TIMEOUTS} such templates, none of the plugin's templates is rendered again;</li>
 *   <li>renders run on at most {@link #MAX_RENDERS_AT_ONCE} threads per plugin, and one more is turned
 *       away rather than queued, so even patients reaching a looping template at the same moment pin
 *       down at most that many threads, for the life of the plugin;</li>
 *   <li>what a template writes is capped at {@link #MAX_OUTPUT_CHARS}, and once a render is given up
 *       its next write throws: a runaway template that writes is really stopped; only one that loops
 *       without writing is left running.</li>
 * </ul>
 */
public final class TopicTemplates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicTemplates.class);

    /** Most renders of one plugin's templates running at once. */
    static final int MAX_RENDERS_AT_ONCE = 4;

    /** Templates of one plugin that may run over time before all of its templates are switched off. */
    static final int MAX_TIMEOUTS = 2;

    /** Most characters one render may write: a picture is a few kilobytes of HTML. */
    static final int MAX_OUTPUT_CHARS = 256 * 1024;

    private final String pluginId;
    private final TemplateEngine engine;
    private final Duration limit;
    private final ThreadPoolExecutor renders;
    private final Set<String> broken = ConcurrentHashMap.newKeySet();
    private final AtomicInteger timeouts = new AtomicInteger();

    private TopicTemplates(String pluginId, TemplateEngine engine, Duration limit) {
        this.pluginId = pluginId;
        this.engine = engine;
        this.limit = limit;
        AtomicInteger threads = new AtomicInteger();
        // No queue: a render that finds every thread busy is turned away at once, the screen drawn without it.
        this.renders = new ThreadPoolExecutor(0, MAX_RENDERS_AT_ONCE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "plugin-render-" + pluginId + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * The templates generated into {@code packageName} in the plugin behind {@code loader}.
     *
     * @param pluginId the plugin's id, for thread names and log lines
     * @throws IllegalStateException naming every template in {@code required} that the plugin lacks
     */
    public static TopicTemplates load(String pluginId, ClassLoader loader, String packageName, Collection<String> required) {
        return load(pluginId, loader, packageName, required, PluginCalls.RENDER_LIMIT);
    }

    static TopicTemplates load(String pluginId, ClassLoader loader, String packageName, Collection<String> required,
                               Duration limit) {
        // jte's precompiled engine takes its class loader from the thread at construction.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        TemplateEngine engine;
        thread.setContextClassLoader(loader);
        try {
            engine = TemplateEngine.createPrecompiled(null, ContentType.Html, loader, packageName);
        } finally {
            thread.setContextClassLoader(previous);
        }
        List<String> missing = new ArrayList<>();
        for (String name : required) {
            if (!engine.hasTemplate(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("templates " + missing + " are not in package " + packageName
                    + " (is src/main/jte generated with the plugin's plugin.package?)");
        }
        return new TopicTemplates(pluginId, engine, limit);
    }

    /**
     * Renders {@code template} for {@code screen} to HTML (escaped by jte), within
     * {@link PluginCalls#RENDER_LIMIT}.
     *
     * @throws PluginCalls.PluginCallException when the template fails, takes too long, writes too much,
     *                                         was switched off after running over time before, or
     *                                         every render thread of the plugin is busy
     */
    public String render(String template, ScreenContext screen) {
        if (timeouts.get() >= MAX_TIMEOUTS || broken.contains(template)) {
            throw new PluginCalls.PluginCallException("template " + template + " of plugin " + pluginId
                    + " is no longer drawn: it ran over its time limit before", null);
        }
        BoundedOutput out = new BoundedOutput();
        Future<String> future;
        try {
            future = renders.submit(() -> {
                engine.render(template, screen, out);
                return out.toString();
            });
        } catch (RejectedExecutionException e) {
            throw new PluginCalls.PluginCallException("did not draw " + template + ": every drawing thread of plugin "
                    + pluginId + " is busy", e);
        }
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            out.stop();
            future.cancel(true);
            broken.add(template);
            int count = timeouts.incrementAndGet();
            log.error("Template {} of plugin {} did not finish within {} ms; it is not drawn again{} (its thread cannot "
                    + "be stopped and runs on until the template returns)", template, pluginId, limit.toMillis(),
                    count >= MAX_TIMEOUTS ? ", nor any other template of this plugin" : "");
            throw new PluginCalls.PluginCallException("did not draw " + template + " within " + limit.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PluginCalls.PluginCallException("failed to draw " + template + ": " + PluginCalls.oneLine(cause),
                    cause);
        } catch (InterruptedException e) {
            out.stop();
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCalls.PluginCallException("interrupted while waiting to draw " + template, e);
        }
    }

    /** Whether {@code template} is still drawn: it has not run over time, nor have too many of its plugin's. */
    public boolean isDrawn(String template) {
        return timeouts.get() < MAX_TIMEOUTS && !broken.contains(template);
    }

    /** Lets idle render threads end now; a stuck one ends only when its template returns. */
    @Override
    public void close() {
        renders.shutdownNow();
    }

    /**
     * A template's output: at most {@link #MAX_OUTPUT_CHARS}, and no more writes at all once the render
     * has been given up, so a template that loops while writing ends with an exception.
     */
    private static final class BoundedOutput implements TemplateOutput {
        private final StringBuilder sb = new StringBuilder();
        private volatile boolean stopped;

        void stop() {
            stopped = true;
        }

        @Override
        public void writeContent(String value) {
            if (value != null) {
                writeContent(value, 0, value.length());
            }
        }

        @Override
        public void writeContent(String value, int beginIndex, int endIndex) {
            if (stopped) {
                throw new IllegalStateException("the render was given up");
            }
            if (sb.length() + (endIndex - beginIndex) > MAX_OUTPUT_CHARS) {
                stopped = true;
                throw new IllegalStateException("the template wrote more than " + MAX_OUTPUT_CHARS + " characters");
            }
            sb.append(value, beginIndex, endIndex);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
