package com.physiokiosk.engine.plugins;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.PluginStatusProvider;

/**
 * Which plugins are switched off, as PF4J asks and tells it, kept in memory: on its own for a
 * manager whose choices need not survive it (tests, the plugin test kit, the plugin host in the child
 * JVM that checks an upload); under {@link DatabasePluginStatusProvider}, which also keeps them in the database.
 */
class MemoryPluginStatus implements PluginStatusProvider {

    private final Set<String> disabled = ConcurrentHashMap.newKeySet();

    MemoryPluginStatus(Collection<String> initiallyOff) {
        disabled.addAll(initiallyOff);
    }

    @Override
    public boolean isPluginDisabled(String pluginId) {
        return disabled.contains(pluginId);
    }

    @Override
    public void disablePlugin(String pluginId) {
        disabled.add(pluginId);
    }

    @Override
    public void enablePlugin(String pluginId) {
        disabled.remove(pluginId);
    }
}
