package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.config.PluginMode;
import com.physiokiosk.engine.staff.AuditAction;
import com.physiokiosk.engine.storage.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
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
 * install a new plugin jar, remove one, rescan the plugins folder. A jar is checked in a scratch
 * plugin host of its own before it goes near the running kiosk; a bad one is refused with the reason
 * and changes nothing. The general safety screen is not a plugin and cannot be switched off.
 *
 * <p>A switch takes effect first and is then stored, with its audit line, in one transaction; when
 * it cannot be stored the switch is undone, so what runs is always what the clinic's database says.
 */
public final class PluginAdmin {

    private static final Logger log = LoggerFactory.getLogger(PluginAdmin.class);

    /** Largest plugin jar accepted. */
    public static final long MAX_JAR_BYTES = 20L * 1024 * 1024;

    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    private final KioskPluginManager manager;
    private final TopicRegistry registry;
    private final DatabasePluginStatusProvider choices;
    private final AuditLog audit;

    /**
     * @param choices where the clinic's on/off choices are kept: the status provider {@code manager} was made with
     * @param audit   where each switch is recorded, with who made it
     */
    public PluginAdmin(KioskPluginManager manager, TopicRegistry registry, DatabasePluginStatusProvider choices,
                       AuditLog audit) {
        if (manager.statusProvider() != choices) {
            throw new IllegalArgumentException("the plugin manager must keep its on/off choices in " + choices);
        }
        this.manager = manager;
        this.registry = registry;
        this.choices = choices;
        this.audit = audit;
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
                .anyMatch(p -> p.id().equals(pluginId) && "FAILED".equals(p.state()))) {
            throw new RefusedException("Plugin " + pluginId + " did not start: " + problem(pluginId));
        }
        try {
            choices.store(pluginId, true, audit.entry(who, AuditAction.TOPIC_ENABLED, null, pluginId));
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
        long start = System.nanoTime();
        boolean wasOn = existing(pluginId).getPluginState() == PluginState.STARTED;
        if (!manager.disablePlugin(pluginId)) {
            throw new RefusedException("Plugin " + pluginId + " could not be switched off: " + problem(pluginId));
        }
        try {
            choices.store(pluginId, false, audit.entry(who, AuditAction.TOPIC_DISABLED, null, pluginId));
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

    /** Undoes a switch that could not be stored; a failure to undo travels with {@code failure}, not instead of it. */
    private static void undo(RuntimeException failure, Runnable undo) {
        try {
            undo.run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.error("A switch that could not be stored could not be undone either: {}", KioskPluginManager.oneLine(e));
        }
    }

    /**
     * Checks an uploaded plugin jar in a scratch host, then installs and starts it.
     *
     * @param upload the uploaded bytes
     * @return the id of the installed plugin
     * @throws RefusedException naming what is wrong: not a plugin, wrong API version, fails its checks,
     *                          an id already installed
     */
    public String install(InputStream upload) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("kiosk-plugin-check");
            Path jar = scratch.resolve("upload.jar");
            long size = Files.copy(upload, jar);
            if (size > MAX_JAR_BYTES) {
                throw new RefusedException("The file is larger than " + MAX_JAR_BYTES / (1024 * 1024) + " MB");
            }
            String id = check(jar);
            if (manager.getPlugin(id) != null) {
                throw new RefusedException("A plugin with id '" + id + "' is already installed (version "
                        + manager.getPlugin(id).getDescriptor().getVersion() + "); remove it first");
            }
            Path target = manager.pluginsRoot().resolve(id + ".jar");
            if (Files.exists(target)) {
                throw new RefusedException("The plugins folder already holds a file " + target.getFileName()
                        + "; remove it first");
            }
            Files.move(jar, target, StandardCopyOption.ATOMIC_MOVE);
            try {
                manager.loadPlugin(target);
                if (manager.startPlugin(id) != PluginState.STARTED || registry.find(topicIdOf(id)).isEmpty()) {
                    throw new RefusedException("Plugin " + id + " did not start: " + problem(id));
                }
            } catch (RuntimeException e) {
                if (manager.getPlugin(id) != null) {
                    manager.unloadPlugin(id);
                }
                Files.deleteIfExists(target);
                throw e instanceof RefusedException r ? r : new RefusedException("Plugin " + id + " could not be installed: "
                        + KioskPluginManager.oneLine(e));
            }
            log.info("Plugin {} {} installed", id, manager.getPlugin(id).getDescriptor().getVersion());
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded plugin: " + e.getMessage(), e);
        } finally {
            deleteTree(scratch);
        }
    }

    /** Stops, unloads and deletes a plugin; stored check-ins that used it still print. */
    public void remove(String pluginId) {
        existing(pluginId);
        if (!manager.deletePlugin(pluginId)) {
            throw new RefusedException("Plugin " + pluginId + " could not be removed: " + problem(pluginId));
        }
        choices.forget(pluginId);
        log.info("Plugin {} removed", pluginId);
    }

    /** Loads and starts plugin files dropped into the plugins folder since the kiosk started. */
    public List<PluginStatus> rescan() {
        manager.loadPlugins();
        manager.startPlugins();
        return registry.plugins();
    }

    /**
     * Loads {@code jar} alone in a scratch plugin host exactly as the kiosk would and returns its id.
     *
     * @throws RefusedException when the kiosk would not start it
     */
    private static String check(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            if (zip.getEntry("plugin.properties") == null) {
                throw new RefusedException("This is not a Physio Kiosk plugin: the jar has no plugin.properties");
            }
        } catch (java.util.zip.ZipException e) {
            throw new RefusedException("This is not a plugin jar: the file is not a valid jar (" + e.getMessage() + ")");
        }
        Path dir = Files.createTempDirectory("kiosk-plugin-scratch");
        Files.copy(jar, dir.resolve("candidate.jar"));
        KioskPluginManager scratch = KioskPluginManager.create(dir, PluginMode.DEPLOYMENT);
        TopicRegistry scratchRegistry = new TopicRegistry(scratch);
        try {
            scratchRegistry.start();
            List<PluginStatus> found = scratchRegistry.plugins();
            if (found.size() != 1) {
                throw new RefusedException("The jar holds " + found.size() + " plugins; one is expected");
            }
            PluginStatus status = found.get(0);
            if (!"STARTED".equals(status.state())) {
                throw new RefusedException("Plugin " + status.id() + " is refused: "
                        + Optional.ofNullable(status.problem()).orElse("it did not start (" + status.state() + ")"));
            }
            if (!PLUGIN_ID.matcher(status.id()).matches()) {
                throw new RefusedException("Plugin id '" + status.id() + "' is not a plain lower-case name");
            }
            return status.id();
        } finally {
            scratchRegistry.stop();
            deleteTree(dir);
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
                .map(p -> p.problem() != null ? p.problem() : p.state()).orElse("unknown");
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
