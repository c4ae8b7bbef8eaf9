package com.physiokiosk.engine.plugins;

import com.physiokiosk.api.PluginApi;
import com.physiokiosk.engine.config.PluginMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.pf4j.CompoundPluginRepository;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginRepository;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRepository;
import org.pf4j.PluginStatusProvider;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.RuntimeMode;

/**
 * The kiosk's PF4J plugin manager, changed only through PF4J's factory methods: deployment mode loads plugin
 * jars from the plugins folder; development mode loads every {@code plugins/<module>/target/classes} that holds a
 * built plugin. Plugins' {@code Plugin-Requires} is checked against the plugin API's version. Only the
 * {@link TopicHost} drives it.
 */
public final class KioskPluginManager extends DefaultPluginManager {

    /** Where the descriptor of a plugin module sits in development mode. */
    static final String DEV_DESCRIPTOR = "target/classes/plugin.properties";

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
        setSystemVersion(PluginApi.VERSION); // plugins' Plugin-Requires is checked against it
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

    /** Every file or folder in the plugins folder that may hold a plugin, loaded or not. */
    public List<Path> pluginPaths() {
        return pluginRepository.getPluginPaths();
    }
}
