package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.topic.PluginCalls;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a clinic admin does with topic plugins while the kiosk runs: switch a topic on or off,
 * install a new plugin jar, remove one, rescan the plugins folder. An uploaded jar is loaded, started,
 * validated and stopped in a child JVM first ({@link PluginCheckProcess}), so none of its code runs in
 * the kiosk before it has passed there; only then is it copied into the plugins folder and started in
 * the kiosk, where it runs with the kiosk's rights. A bad one is refused with the reason and changes
 * nothing. Jars put into the plugins folder by hand (found at start-up or by a rescan) are trusted as
 * the folder is, and loaded in the kiosk directly. The general safety screen is not a plugin and
 * cannot be switched off.
 *
 * <p>One action changes the plugin host at a time; a check in the child holds no lock the other
 * actions need, so a plugin whose checks hang delays no switch.
 *
 * <p>A switch takes effect first and is then stored, with its audit line, in one transaction; when
 * it cannot be stored the switch is undone, so what runs is always what the clinic's database says.
 */
public final class PluginAdmin {

    private static final Logger log = LoggerFactory.getLogger(PluginAdmin.class);

    /** Largest plugin jar accepted. */
    public static final long MAX_JAR_BYTES = 20L * 1024 * 1024;

    /** What a plugin id may be: it names the plugin's file in the plugins folder. */
    static final Pattern PLUGIN_ID = com.physiokiosk.api.TopicInfo.ID;

    private final KioskPluginManager manager;
    private final TopicRegistry registry;
    private final DatabasePluginStatusProvider choices;
    private final AuditLog audit;
    private final PluginCheckProcess checks;
    /** Held while the plugin host is changed: one admin action at a time. */
    private final Object lock = new Object();

    /**
     * @param choices    where the clinic's on/off choices are kept: the status provider {@code manager} was made with
     * @param audit      where each switch is recorded, with who made it
     * @param checkLimit how long an upload's checks may take in their own JVM before the plugin is refused
     */
    public PluginAdmin(KioskPluginManager manager, TopicRegistry registry, DatabasePluginStatusProvider choices,
                       AuditLog audit, Duration checkLimit) {
        this(manager, registry, choices, audit, PluginCheckProcess.ofThisJvm(checkLimit));
    }

    /** As the other constructor, with the checks an upload goes through. */
    PluginAdmin(KioskPluginManager manager, TopicRegistry registry, DatabasePluginStatusProvider choices,
                AuditLog audit, PluginCheckProcess checks) {
        if (manager.statusProvider() != choices) {
            throw new IllegalArgumentException("the plugin manager must keep its on/off choices in " + choices);
        }
        this.manager = manager;
        this.registry = registry;
        this.choices = choices;
        this.audit = audit;
        this.checks = checks;
    }

    /** Why an admin action was refused; the message is fit to show the admin. */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /** Every plugin with its state and, for one that failed, why. */
    public List<PluginStatus> plugins() {
        return registry.plugins();
    }

    /**
     * Switches a topic on; it is offered to the next patient who reaches the topic choice.
     *
     * @param who the staff member switching, for the audit log
     * @throws RefusedException naming why the plugin cannot start
     * @throws com.physiokiosk.engine.storage.StorageException when the choice cannot be stored; the
     *                                                          topic is then as it was
     */
    public void enable(String pluginId, String who) {
        synchronized (lock) {
            try {
                switchOn(pluginId, who);
            } finally {
                registry.refresh();
            }
        }
    }

    private void switchOn(String pluginId, String who) {
        long start = System.nanoTime();
        PluginWrapper plugin = existing(pluginId);
        boolean wasOff = plugin.getPluginState() == PluginState.DISABLED;
        if (plugin.getPluginState() == PluginState.FAILED) {
            // A plugin that failed its checks may be fixed only by a new jar; try it again anyway.
            plugin.setPluginState(PluginState.STOPPED);
        }
        if (!manager.enablePlugin(pluginId)) {
            throw new RefusedException("Plugin " + pluginId + " cannot be switched on: "
                    + Optional.ofNullable(manager.problemOf(plugin)).orElse("refused"));
        }
        PluginState state = manager.startPlugin(pluginId);
        if (state != PluginState.STARTED || registry.plugins().stream()
                .anyMatch(p -> p.id().equals(pluginId) && p.state() == PluginStatus.State.FAILED)) {
            throw new RefusedException("Plugin " + pluginId + " did not start: " + problem(pluginId));
        }
        try {
            choices.store(pluginId, true, titles(pluginId), audit.entry(who, AuditAction.TOPIC_ENABLED, null, pluginId));
        } catch (RuntimeException e) {
            undo(e, () -> {
                if (wasOff) {
                    manager.disablePlugin(pluginId);
                }
            });
            throw e;
        }
        log.info("Plugin {} switched on in {} ms", pluginId, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Switches a topic off at once; patients on it are taken back to the topic choice.
     *
     * @param who the staff member switching, for the audit log
     * @throws com.physiokiosk.engine.storage.StorageException when the choice cannot be stored; the
     *                                                          topic is then on again
     */
    public void disable(String pluginId, String who) {
        synchronized (lock) {
            try {
                switchOff(pluginId, who);
            } finally {
                registry.refresh();
            }
        }
    }

    private void switchOff(String pluginId, String who) {
        long start = System.nanoTime();
        boolean wasOn = existing(pluginId).getPluginState() == PluginState.STARTED;
        Map<String, String> titles = titles(pluginId);
        if (!manager.disablePlugin(pluginId)) {
            throw new RefusedException("Plugin " + pluginId + " could not be switched off: " + problem(pluginId));
        }
        try {
            choices.store(pluginId, false, titles, audit.entry(who, AuditAction.TOPIC_DISABLED, null, pluginId));
        } catch (RuntimeException e) {
            undo(e, () -> {
                if (wasOn && manager.enablePlugin(pluginId)) {
                    manager.startPlugin(pluginId);
                }
            });
            throw e;
        }
        log.info("Plugin {} switched off in {} ms", pluginId, (System.nanoTime() - start) / 1_000_000);
    }

    /** What plugin {@code pluginId}'s topic is called in each language, as last checked while it stays loaded; empty if never. */
    private Map<String, String> titles(String pluginId) {
        Map<String, String> out = new LinkedHashMap<>();
        registry.knownTopic(pluginId).ifPresent(topic -> topic.messages().languages()
                .forEach(language -> out.put(language, topic.title(language))));
        return out;
    }

    /**
     * What to call plugin {@code pluginId}'s topic on the admin page, in {@code language}: its title as
     * last checked while the plugin stays loaded (switched on or off), else the title it had when the
     * clinic switched it off (kept across restarts), else its plugin id.
     */
    public String topicName(String pluginId, String language) {
        return registry.knownTopic(pluginId).map(topic -> topic.title(language))
                .or(() -> choices.titleWhenSwitchedOff(pluginId, language))
                .or(() -> choices.titleWhenSwitchedOff(pluginId, Languages.FALLBACK))
                .orElse(pluginId);
    }

    /** Undoes a switch that could not be stored; a failure to undo travels with {@code failure}, not instead of it. */
    private static void undo(RuntimeException failure, Runnable undo) {
        try {
            undo.run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.error("A switch that could not be stored could not be undone either: {}", PluginCalls.oneLine(e));
        }
    }

    /**
     * Checks an uploaded plugin jar in a child JVM, then copies it into the plugins folder and starts it.
     *
     * Once it runs, the clinic's choice (on) is stored with its audit line in one transaction; when that
     * cannot be stored, the plugin is removed again.
     *
     * @param upload the uploaded bytes
     * @param who    the staff member installing it, for the audit log
     * @return the id of the installed plugin
     * @throws RefusedException naming what is wrong: too large, not a plugin, wrong API version, fails its
     *                          checks, its checks crashed, hung or ran out of memory, an id already installed
     */
    public String install(InputStream upload, String who) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("kiosk-plugin-upload");
            Path jar = scratch.resolve("upload.jar");
            byte[] digest = copyAtMost(upload, jar);
            requireAPluginJar(jar);
            String id = checks.check(jar).pluginId();
            if (!PLUGIN_ID.matcher(id).matches()) {
                throw new RefusedException("Plugin id '" + id + "' is not a plain lower-case name");
            }
            synchronized (lock) {
                try {
                    installChecked(jar, digest, id);
                    String version = manager.getPlugin(id).getDescriptor().getVersion();
                    try {
                        choices.store(id, true, titles(id), audit.entry(who, AuditAction.PLUGIN_INSTALLED, null,
                                id + " " + version));
                    } catch (RuntimeException e) {
                        undo(e, () -> manager.deletePlugin(id));
                        throw e;
                    }
                    return id;
                } finally {
                    registry.refresh();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded plugin: " + e.getMessage(), e);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Copies {@code jar}, which passed its checks as plugin {@code id}, into the plugins folder and starts it. */
    private String installChecked(Path jar, byte[] digest, String id) throws IOException {
        if (manager.getPlugin(id) != null) {
            throw new RefusedException("A plugin with id '" + id + "' is already installed (version "
                    + manager.getPlugin(id).getDescriptor().getVersion() + "); remove it first");
        }
        Path target = manager.pluginsRoot().resolve(id + ".jar");
        if (Files.exists(target)) {
            throw new RefusedException("The plugins folder already holds a file " + target.getFileName()
                    + "; remove it first");
        }
        // Written beside the target under a name PF4J does not load, then renamed: the folder never holds half a jar.
        Path part = manager.pluginsRoot().resolve("." + id + ".jar.part");
        Files.deleteIfExists(part);
        try {
            try (InputStream in = Files.newInputStream(jar)) {
                if (!MessageDigest.isEqual(digest, copy(in, part, Long.MAX_VALUE))) {
                    throw new RefusedException("The uploaded file changed while it was being checked");
                }
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
        try {
            String loaded = manager.loadPlugin(target);
            if (!id.equals(loaded)) {
                throw new RefusedException("The jar was checked as plugin '" + id + "' but loads as '" + loaded + "'");
            }
            if (manager.startPlugin(id) != PluginState.STARTED || registry.find(topicIdOf(id)).isEmpty()) {
                throw new RefusedException("Plugin " + id + " did not start: " + problem(id));
            }
        } catch (RuntimeException e) {
            for (PluginWrapper w : manager.getPlugins()) {
                if (target.equals(w.getPluginPath())) {
                    manager.unloadPlugin(w.getPluginId());
                }
            }
            Files.deleteIfExists(target);
            throw e instanceof RefusedException r ? r : new RefusedException("Plugin " + id + " could not be installed: "
                    + PluginCalls.oneLine(e));
        }
        log.info("Plugin {} {} installed", id, manager.getPlugin(id).getDescriptor().getVersion());
        return id;
    }

    /**
     * Stops, unloads and deletes a plugin; stored check-ins that used it still print. Its stored choice is
     * forgotten and its audit line written in one transaction, the removal itself (milliseconds) its last
     * step: a removal that fails leaves neither.
     *
     * @param who the staff member removing it, for the audit log
     */
    public void remove(String pluginId, String who) {
        synchronized (lock) {
            try {
                removeNow(pluginId, who);
            } finally {
                registry.refresh();
            }
        }
    }

    private void removeNow(String pluginId, String who) {
        existing(pluginId);
        Map<String, String> removedTitles = titles(pluginId);
        String version = manager.getPlugin(pluginId).getDescriptor().getVersion();
        choices.forget(pluginId, removedTitles, audit.entry(who, AuditAction.PLUGIN_REMOVED, null,
                (pluginId + " " + version).strip()), () -> {
                    if (!manager.deletePlugin(pluginId)) {
                        throw new RefusedException("Plugin " + pluginId + " could not be removed: " + problem(pluginId));
                    }
                });
        log.info("Plugin {} removed", pluginId);
    }

    /**
     * Loads and starts plugin files dropped into the plugins folder since the kiosk started, and writes
     * the audit line that says what was found.
     *
     * @param who the staff member asking, for the audit log
     * @return the ids of the plugins found
     */
    public List<String> rescan(String who) {
        synchronized (lock) {
            registry.refresh();
            List<String> before = registry.plugins().stream().map(PluginStatus::id).toList();
            try {
                manager.loadPlugins();
                manager.startPlugins();
            } finally {
                registry.refresh();
            }
            List<String> found = registry.plugins().stream().map(PluginStatus::id).filter(id -> !before.contains(id)).toList();
            audit.record(who, AuditAction.PLUGINS_RESCANNED, null, found.isEmpty() ? "nothing new"
                    : "found " + String.join(", ", found));
            return found;
        }
    }

    /**
     * Copies {@code upload} to {@code jar}, refusing it once it passes {@link #MAX_JAR_BYTES}.
     *
     * @return the SHA-256 of what was copied
     */
    private static byte[] copyAtMost(InputStream upload, Path jar) throws IOException {
        try {
            return copy(upload, jar, MAX_JAR_BYTES);
        } catch (TooLarge e) {
            throw new RefusedException("The file is larger than " + MAX_JAR_BYTES / (1024 * 1024) + " MB");
        }
    }

    /** Copies at most {@code max} bytes of {@code in} to a new file {@code to} and returns their SHA-256. */
    private static byte[] copy(InputStream in, Path to, long max) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream out = Files.newOutputStream(to, StandardOpenOption.CREATE_NEW)) {
            byte[] buffer = new byte[8192];
            long size = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                size += n;
                if (size > max) {
                    throw new TooLarge();
                }
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return sha.digest();
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    /**
     * Refuses a file that is not a jar, or a jar without a plugin descriptor, before any child is
     * started for it; reads the jar's directory only, and runs none of its code.
     */
    private static void requireAPluginJar(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry("plugin.properties") == null) {
                throw new RefusedException("This is not a Physio Kiosk plugin: the jar has no plugin.properties");
            }
        } catch (java.util.zip.ZipException e) {
            throw new RefusedException("This is not a plugin jar: the file is not a valid jar (" + e.getMessage() + ")");
        }
    }

    private String topicIdOf(String pluginId) {
        return registry.topics().stream().filter(t -> t.pluginId().equals(pluginId)).map(LoadedTopic::id)
                .findFirst().orElse("\u0000none");
    }

    private PluginWrapper existing(String pluginId) {
        PluginWrapper plugin = pluginId == null ? null : manager.getPlugin(pluginId);
        if (plugin == null) {
            throw new RefusedException("There is no plugin '" + pluginId + "'");
        }
        return plugin;
    }

    private String problem(String pluginId) {
        return registry.plugins().stream().filter(p -> p.id().equals(pluginId)).findFirst()
                .map(p -> p.problem() != null ? p.problem() : p.state().name()).orElse("unknown");
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete scratch folder {}: {}", dir, e.getMessage());
        }
    }
}
