package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.topic.PluginCalls;
import com.physiokiosk.engine.config.PluginMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginRepository;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.RuntimeMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's PF4J plugin manager. Deployment mode loads plugin jars from the plugins folder;
 * development mode loads every {@code plugins/<module>/target/classes} that holds a built plugin.
 * A file that cannot be loaded as a plugin is skipped with one log line and remembered, so the
 * rest of the kiosk starts and the admin can see why.
 */
public final class KioskPluginManager extends DefaultPluginManager {

    private static final Logger log = LoggerFactory.getLogger(KioskPluginManager.class);

    /** Where the descriptor of a plugin module sits in development mode. */
    static final String DEV_DESCRIPTOR = "target/classes/plugin.properties";

    private final Map<String, String> loadFailures = new ConcurrentHashMap<>();
    /** What must hold before a plugin starts: the reason it must not, or {@code null} (see {@link #checkBeforeStart}). */
    private volatile java.util.function.Function<PluginWrapper, String> startCheck = plugin -> null;
    /** Why PF4J found a plugin invalid, by plugin id: PF4J itself records only "Plugin validation failed". */
    private final Map<String, String> invalid = new ConcurrentHashMap<>();

    /**
     * PF4J's constructor builds its parts in deployment mode with its own status provider; the parts that
     * depend on the mode, and the status provider, are then made again through PF4J's own factory methods,
     * now that the mode is known. Nothing else of PF4J is replaced.
     */
    private KioskPluginManager(Path pluginsRoot, RuntimeMode mode, PluginStatusProvider status) {
        super(List.of(pluginsRoot));
        this.runtimeMode = mode;
        this.pluginStatusProvider = status;
        this.pluginRepository = createPluginRepository();
        this.pluginDescriptorFinder = createPluginDescriptorFinder();
        this.pluginLoader = createPluginLoader();
        setSystemVersion(com.physiokiosk.api.PluginApi.VERSION); // plugins' Plugin-Requires is checked against it
        setExactVersionAllowed(false);
    }

    /** A manager for {@code pluginsRoot} in the given mode, remembering switched-off plugins in memory only. */
    public static KioskPluginManager create(Path pluginsRoot, PluginMode mode) {
        return create(pluginsRoot, mode, new MemoryPluginStatus(Set.of()));
    }

    /** A manager for {@code pluginsRoot} in the given mode, remembering switched-off plugins in {@code status}. */
    public static KioskPluginManager create(Path pluginsRoot, PluginMode mode, PluginStatusProvider status) {
        return new KioskPluginManager(pluginsRoot.toAbsolutePath().normalize(),
                mode == PluginMode.DEVELOPMENT ? RuntimeMode.DEVELOPMENT : RuntimeMode.DEPLOYMENT, status);
    }

    /**
     * Sets what is checked before any plugin starts (the topic host loads and validates its topic there):
     * a plugin that fails it is never started, but marked failed with the reason, and PF4J's listeners told.
     */
    public void checkBeforeStart(java.util.function.Function<PluginWrapper, String> check) {
        this.startCheck = check;
    }

    /** Starts every resolved plugin that is not switched off, each through {@link #startPlugin}, so each is checked first. */
    @Override
    public void startPlugins() {
        for (PluginWrapper plugin : new java.util.ArrayList<>(getResolvedPlugins())) {
            PluginState state = plugin.getPluginState();
            if (!state.isDisabled() && !state.isStarted()) {
                startPlugin(plugin.getPluginId());
            }
        }
    }

    /** Checks the plugin ({@link #checkBeforeStart}), then starts it as PF4J does; one that fails its check is not started. */
    @Override
    public PluginState startPlugin(String pluginId) {
        checkPluginId(pluginId);
        PluginWrapper plugin = getPlugin(pluginId);
        if (!plugin.getPluginState().isStarted() && getResolvedPlugins().contains(plugin)) {
            String problem = startCheck.apply(plugin);
            if (problem != null) {
                PluginState before = plugin.getPluginState();
                plugin.setPluginState(PluginState.FAILED);
                plugin.setFailedException(new org.pf4j.PluginRuntimeException(problem));
                firePluginStateEvent(new org.pf4j.PluginStateEvent(this, plugin, before));
                return PluginState.FAILED;
            }
        }
        return super.startPlugin(pluginId);
    }

    /** Where the clinic's on/off choices are kept. */
    public PluginStatusProvider statusProvider() {
        return pluginStatusProvider;
    }

    public Path pluginsRoot() {
        return getPluginsRoot();
    }

    @Override
    protected PluginDescriptorFinder createPluginDescriptorFinder() {
        return isDevelopment()
                ? new PropertiesPluginDescriptorFinder(DEV_DESCRIPTOR)
                : new PropertiesPluginDescriptorFinder();
    }

    @Override
    protected PluginRepository createPluginRepository() {
        if (!isDevelopment()) {
            return super.createPluginRepository();
        }
        // Only folders holding a built plugin: plugins/pom.xml, plugins/descriptor and unbuilt modules are not plugins.
        DevelopmentPluginRepository dev = new DevelopmentPluginRepository(getPluginsRoots());
        dev.setFilter(file -> file.isDirectory() && Files.isRegularFile(file.toPath().resolve(DEV_DESCRIPTOR)));
        return new CompoundPluginRepository().add(dev);
    }

    /**
     * Loads every plugin found, skipping (with one log line each) those that cannot be loaded:
     * a corrupt jar, a missing or broken descriptor, a duplicate id.
     */
    @Override
    public void loadPlugins() {
        for (Path path : pluginRepository.getPluginPaths()) {
            if (idForPath(path) != null) {
                continue;
            }
            try {
                loadPluginFromPath(path);
                loadFailures.remove(path.getFileName().toString());
            } catch (RuntimeException | LinkageError e) {
                String reason = PluginCalls.oneLine(e);
                loadFailures.put(path.getFileName().toString(), reason);
                log.error("Skipped plugin file {}: {}", path.getFileName(), reason);
            }
        }
        resolvePlugins();
    }

    /**
     * PF4J's check of a plugin's {@code Plugin-Requires} against the plugin API version; a refusal
     * is remembered with its reason in plain words, for {@link #problemOf}.
     */
    @Override
    protected boolean isPluginValid(PluginWrapper plugin) {
        String id = plugin.getPluginId();
        if (super.isPluginValid(plugin)) {
            invalid.remove(id);
            return true;
        }
        invalid.put(id, "it requires plugin API " + plugin.getDescriptor().getRequires().trim()
                + " (Plugin-Requires), and this kiosk has plugin API " + getSystemVersion());
        return false;
    }

    /** Why {@code plugin} failed, in plain words, or {@code null} when it has not failed. */
    public String problemOf(PluginWrapper plugin) {
        if (plugin.getFailedException() == null) {
            return null;
        }
        return invalid.getOrDefault(plugin.getPluginId(), PluginCalls.oneLine(plugin.getFailedException()));
    }

    /** Files in the plugins folder that could not be loaded, by file name, with the reason. */
    public Map<String, String> loadFailures() {
        return Map.copyOf(loadFailures);
    }

}
