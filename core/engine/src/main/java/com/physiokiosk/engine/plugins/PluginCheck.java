package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.topic.PluginCalls;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.ScreenContext;
import com.physiokiosk.engine.config.PluginMode;
import com.physiokiosk.engine.i18n.Languages;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The checks of an uploaded plugin jar, run in a child JVM of their own by {@link PluginCheckProcess}:
 * the jar is loaded alone in a plugin host exactly as the kiosk would load it, started (its static
 * initialisers, {@code start()} and extension constructors run), its topic validated, each of its
 * illustrations drawn once, and then stopped. Whatever the plugin's code does meanwhile (halt the JVM,
 * hang, run out of memory, write files, leave threads running) happens to this child, never to the
 * kiosk.
 *
 * <p>{@code java … PluginCheck <folder holding the one jar> <deadline in seconds>}. The first line of
 * standard input is a one-off token, read before any plugin code runs; the one verdict line on standard
 * output carries it (see {@link Verdict}), so a plugin that prints something looking like a verdict is
 * not taken at its word. The child ends with {@code halt}: no shutdown hook or thread of the plugin can
 * hold it up. It also ends itself at the deadline, or when the kiosk that started it is gone, in case
 * the kiosk could not destroy it.
 */
public final class PluginCheck {

    /** Exit code of a child that reached its own deadline (the kiosk's limit is shorter). */
    static final int DEADLINE_EXIT = 124;
    /** Exit code of a child whose kiosk went away. */
    static final int ORPHAN_EXIT = 125;

    private PluginCheck() {
    }

    public static void main(String[] args) {
        // Before any plugin code runs: the verdict's own stream, the token and the deadline.
        PrintStream verdictOut = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        if (args.length != 2) {
            System.err.println("usage: PluginCheck <plugins folder> <deadline seconds>");
            Runtime.getRuntime().halt(2);
        }
        String token = readToken(System.in);
        haltAfter(Long.parseLong(args[1]));
        ProcessHandle.current().parent().ifPresent(kiosk -> kiosk.onExit().thenRun(() -> Runtime.getRuntime().halt(ORPHAN_EXIT)));

        Verdict verdict = run(Path.of(args[0]));
        verdictOut.println(verdict.line(token));
        verdictOut.flush();
        Runtime.getRuntime().halt(0);
    }

    /** The checks of the one jar in {@code pluginsDir}, with what they found. */
    static Verdict run(Path pluginsDir) {
        try {
            return check(pluginsDir);
        } catch (TopicHost.Refused e) {
            return Verdict.refused(e.getMessage());
        } catch (RuntimeException | Error e) {
            // An OutOfMemoryError never gets here: the child is started to exit on the first one.
            return Verdict.refused("The plugin's checks failed: " + PluginCalls.oneLine(e));
        }
    }

    private static Verdict check(Path pluginsDir) {
        TopicHost host = new TopicHost(KioskPluginManager.create(pluginsDir, PluginMode.DEPLOYMENT));
        host.start();
        List<PluginStatus> found = host.plugins();
        if (found.size() != 1) {
            throw new TopicHost.Refused("The jar holds " + found.size() + " plugins; one is expected");
        }
        PluginStatus status = found.get(0);
        if (status.state() != PluginStatus.State.STARTED) {
            throw new TopicHost.Refused("Plugin " + status.id() + " is refused: "
                    + Optional.ofNullable(status.problem()).orElse("it did not start (" + status.state() + ")"));
        }
        if (!TopicHost.PLUGIN_ID.matcher(status.id()).matches()) {
            throw new TopicHost.Refused("Plugin id '" + status.id() + "' is not a plain lower-case name");
        }
        host.topics().stream().filter(t -> t.pluginId().equals(status.id())).findFirst()
                .ifPresent(topic -> drawEveryIllustration(topic, status.id()));
        // Stopping is exercised too: a plugin whose stop() hangs would hang the kiosk's switch off.
        host.stop();
        return Verdict.ok(status.id(), status.version());
    }

    /**
     * Draws each illustration once in each language, as for a patient who has not answered yet. A
     * template that throws is let through, as the kiosk lets it through (the question is shown without
     * its picture); one that runs over its time limit is refused, since it would pin a kiosk thread.
     */
    private static void drawEveryIllustration(LoadedTopic topic, String pluginId) {
        if (topic.templates() == null) {
            return;
        }
        for (Question q : topic.questions()) {
            if (q.illustration() == null) {
                continue;
            }
            for (String language : Languages.SUPPORTED) {
                try {
                    topic.templates().render(q.illustration(), new Screen(topic, language, q));
                } catch (PluginCalls.PluginCallException e) {
                    if (!topic.templates().isDrawn(q.illustration())) {
                        throw new TopicHost.Refused("Plugin " + pluginId + " is refused: its template "
                                + q.illustration() + " did not finish within " + PluginCalls.RENDER_LIMIT.toSeconds() + " s");
                    }
                }
            }
        }
    }

    /** What a template sees of a screen nobody has answered yet. */
    private record Screen(LoadedTopic topic, String language, Question question) implements ScreenContext {
        @Override
        public String text(String key) {
            return topic.text(language, key);
        }

        @Override
        public String asset(String fileName) {
            return "/topic-assets/" + topic.id() + "/" + fileName;
        }

        @Override
        public List<String> answer() {
            return List.of();
        }
    }

    private static String readToken(InputStream in) {
        try {
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII), 128).readLine();
            in.close();
            return line == null ? "" : line.strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void haltAfter(long seconds) {
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                // Nothing in the child interrupts this thread on purpose; halt all the same.
            }
            Runtime.getRuntime().halt(DEADLINE_EXIT);
        }, "plugin-check-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    /**
     * The one result of a check, as one line of US-ASCII on the child's standard output:
     * {@code physio-kiosk-plugin-check <token> ok <plugin id> <version>} or
     * {@code physio-kiosk-plugin-check <token> refused <reason>}, each field URL-encoded (UTF-8) so that
     * none holds a space or a line break.
     *
     * @param pluginId the plugin's id when it passed, otherwise {@code null}
     * @param version  its version when it passed, otherwise {@code null}
     * @param reason   why it was refused, fit to show the admin, or {@code null} when it passed
     */
    public record Verdict(String pluginId, String version, String reason) {

        /** The first word of a verdict line. */
        static final String PREFIX = "physio-kiosk-plugin-check";

        /** Longest reason carried: the admin page shows it whole. */
        static final int MAX_REASON_CHARS = 2000;

        static Verdict ok(String pluginId, String version) {
            return new Verdict(pluginId, version, null);
        }

        static Verdict refused(String reason) {
            String r = reason == null || reason.isBlank() ? "refused" : reason.replaceAll("\\s+", " ").strip();
            return new Verdict(null, null, r.length() > MAX_REASON_CHARS ? r.substring(0, MAX_REASON_CHARS) + "…" : r);
        }

        public boolean passed() {
            return reason == null;
        }

        /** This verdict as the line the child prints. */
        String line(String token) {
            return passed()
                    ? String.join(" ", PREFIX, token, "ok", encode(pluginId), encode(version))
                    : String.join(" ", PREFIX, token, "refused", encode(reason));
        }

        /** Whether {@code line} claims to be a verdict for {@code token}. */
        static boolean isFor(String line, String token) {
            return line.startsWith(PREFIX + " " + token + " ");
        }

        /**
         * The verdict in {@code line}, one for which {@link #isFor} holds.
         *
         * @throws IllegalArgumentException when it is not a well-formed verdict
         */
        static Verdict parse(String line, String token) {
            if (!isFor(line, token)) {
                throw new IllegalArgumentException("not a verdict");
            }
            String[] f = line.substring(PREFIX.length() + token.length() + 2).split(" ", -1);
            if (f.length == 3 && f[0].equals("ok") && !f[1].isEmpty() && !f[2].isEmpty()) {
                return ok(decode(f[1]), decode(f[2]));
            }
            if (f.length == 2 && f[0].equals("refused") && !f[1].isEmpty()) {
                return refused(decode(f[1]));
            }
            throw new IllegalArgumentException("malformed verdict");
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }
}
