package com.physiokiosk.engine.plugins;

import com.physiokiosk.engine.topic.PluginCalls;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.topic.TopicTemplates;
import com.physiokiosk.engine.topic.TopicValidator;
import com.physiokiosk.engine.topic.TopicCatalog;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Topic;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.safety.SafetyScreen;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginStateEvent;
import org.pf4j.PluginStateListener;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics patients can choose right now. Follows plugin start and stop events and publishes an
 * immutable snapshot: a request sees either the old set or the new one, never half of a change.
 * A plugin whose topic does not validate is stopped and marked failed, with the reason; the other
 * topics carry on. A topic is loaded and checked once per plugin class loader: a plugin switched off
 * and on again gets back the topic checked before, and a new jar (a new class loader) is checked anew.
 */
public final class TopicRegistry implements PluginStateListener, TopicCatalog {

    private static final Logger log = LoggerFactory.getLogger(TopicRegistry.class);

    /** Problems of an invalid topic named in its reason; the rest are counted. */
    private static final int MAX_PROBLEMS_SHOWN = 10;

    private final KioskPluginManager manager;
    private final LoadedTopic safety;
    private final LoadedTopic about;
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private volatile Map<String, LoadedTopic> topics = Map.of();
    private volatile List<PluginStatus> statuses = List.of();
    /** Topics that passed their checks, by plugin id, while their plugin stays loaded (started or not). */
    private final Map<String, LoadedTopic> checked = new ConcurrentHashMap<>();

    public TopicRegistry(KioskPluginManager manager) {
        this.manager = manager;
        this.safety = SafetyScreen.load();
        this.about = AboutYou.load();
        manager.addPluginStateListener(this);
        manager.checkBeforeStart(this::checkBeforeStart);
    }

    /** Loads and starts every plugin in the plugins folder. */
    public void start() {
        try {
            manager.loadPlugins();
            manager.startPlugins();
        } finally {
            refresh();
        }
        log.info("Topics available: {}", topics.keySet());
    }

    /** Stops and unloads every plugin. */
    public void stop() {
        // unloadPlugins stops each plugin first; PF4J 3.15's stopPlugins() trips over its own list.
        try {
            manager.unloadPlugins();
        } finally {
            refresh();
        }
    }

    /** The host-owned general safety screen, asked of every patient. */
    @Override
    public LoadedTopic safety() {
        return safety;
    }

    /** The host-owned "About you" screens: the shared facts, asked of every patient after the safety screen. */
    @Override
    public LoadedTopic about() {
        return about;
    }

    /** The started topic with {@code topicId}, or empty when there is none or it is disabled. */
    @Override
    public Optional<LoadedTopic> find(String topicId) {
        return Optional.ofNullable(topics.get(topicId));
    }

    /**
     * The topic of plugin {@code pluginId} as last checked, while the plugin stays loaded: switched on, or
     * switched off since it last ran. Empty when it has not run since it was loaded.
     */
    public Optional<LoadedTopic> knownTopic(String pluginId) {
        return Optional.ofNullable(checked.get(pluginId));
    }

    /** The started topics in display order. */
    @Override
    public List<LoadedTopic> topics() {
        return List.copyOf(topics.values());
    }

    /**
     * Every plugin with its state and, for one that failed, why; then files that were not plugins at all. A
     * snapshot, made by whoever last changed the plugin host ({@link #refresh}): readers (the web pages,
     * {@code /health}) never walk PF4J's own maps, which are not made for concurrent reading.
     */
    public List<PluginStatus> plugins() {
        return statuses;
    }

    /** Takes a new snapshot of the plugins' states; called by the one who changes the plugin host, after each change. */
    synchronized void refresh() {
        statuses = List.copyOf(readStatuses());
    }

    private List<PluginStatus> readStatuses() {
        List<PluginStatus> out = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            String problem = problems.get(w.getPluginId());
            if (problem == null) {
                problem = manager.problemOf(w);
            }
            PluginStatus.State state = problem != null ? PluginStatus.State.FAILED
                    : PluginStatus.State.of(w.getPluginState().toString());
            out.add(new PluginStatus(w.getPluginId(), w.getDescriptor().getVersion(), state, problem));
        }
        manager.loadFailures().forEach((file, reason) -> out.add(new PluginStatus(file, "", PluginStatus.State.FAILED, reason)));
        out.sort(Comparator.comparing(PluginStatus::id));
        return out;
    }

    @Override
    public void pluginStateChanged(PluginStateEvent event) {
        PluginWrapper plugin = event.getPlugin();
        if (event.getPluginState() == PluginState.STARTED) {
            register(plugin);
        } else if (event.getOldState() == PluginState.STARTED) {
            unregister(plugin.getPluginId());
        }
        if (event.getPluginState() == PluginState.UNLOADED) {
            // Holding on to it would keep the plugin's class loader alive.
            LoadedTopic gone = checked.remove(plugin.getPluginId());
            if (gone != null && gone.templates() != null) {
                gone.templates().close();
            }
        }
        refresh(); // on the thread making the change, the only one that touches PF4J's maps
    }

    /**
     * Before a plugin starts: its topic is loaded from its class loader and checked, and its topic id must be
     * free; the topic is kept for when it has started. The reason it must not start, or {@code null}.
     */
    private String checkBeforeStart(PluginWrapper plugin) {
        String pluginId = plugin.getPluginId();
        try {
            LoadedTopic topic = topicOf(plugin);
            LoadedTopic clash = topics.get(topic.id());
            if ((clash != null && !clash.pluginId().equals(pluginId)) || isHostSection(topic.id())) {
                throw new IllegalStateException("topic id '" + topic.id() + "' is already used by "
                        + (clash != null ? "plugin '" + clash.pluginId() + "'" : "the kiosk itself"));
            }
            checked.put(pluginId, topic);
            problems.remove(pluginId);
            return null;
        } catch (RuntimeException | LinkageError e) {
            String reason = PluginCalls.oneLine(e);
            problems.put(pluginId, reason);
            checked.remove(pluginId);
            log.error("Plugin {} not started: {}", pluginId, reason);
            return reason;
        }
    }

    private void register(PluginWrapper plugin) {
        String pluginId = plugin.getPluginId();
        try {
            LoadedTopic topic = topicOf(plugin);
            synchronized (this) {
                LoadedTopic clash = topics.get(topic.id());
                if (clash != null || isHostSection(topic.id())) {
                    throw new IllegalStateException("topic id '" + topic.id() + "' is already used by "
                            + (clash != null ? "plugin '" + clash.pluginId() + "'" : "the kiosk itself"));
                }
                Map<String, LoadedTopic> next = new LinkedHashMap<>(topics);
                next.put(topic.id(), topic);
                topics = sorted(next);
            }
            problems.remove(pluginId);
            checked.put(pluginId, topic);
            log.info("Topic '{}' from plugin {} {} is available", topic.id(), pluginId, topic.pluginVersion());
        } catch (RuntimeException | LinkageError e) {
            fail(plugin, PluginCalls.oneLine(e));
        }
    }

    /** The topic of {@code plugin}: the one checked when it last started with the same class loader, or loaded and checked now. */
    private LoadedTopic topicOf(PluginWrapper plugin) {
        LoadedTopic known = checked.get(plugin.getPluginId());
        if (known != null && known.classLoader() == plugin.getPluginClassLoader()) {
            return known;
        }
        return PluginCalls.call("hand over its topic", PluginCalls.LOAD_LIMIT, () -> load(plugin));
    }

    private LoadedTopic load(PluginWrapper plugin) {
        // Made from the plugin's extension index and class loader, before the plugin starts (PF4J hands out
        // extensions of started plugins only).
        List<Topic> extensions = new ArrayList<>();
        for (String name : manager.getExtensionClassNames(plugin.getPluginId())) {
            Class<?> type;
            try {
                type = plugin.getPluginClassLoader().loadClass(name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("its extension " + name + " is not in the jar", e);
            }
            if (Topic.class.isAssignableFrom(type)) {
                extensions.add((Topic) manager.getExtensionFactory().create(type));
            }
        }
        if (extensions.size() != 1) {
            throw new IllegalStateException("plugin must contribute exactly one Topic extension, found "
                    + extensions.size() + " (is the plugin API bundled inside the jar?)");
        }
        Topic topic = extensions.get(0);
        TopicInfo info = topic.info();
        List<Question> questions = List.copyOf(topic.questions());
        List<Rule> rules = List.copyOf(topic.rules());
        ClassLoader loader = plugin.getPluginClassLoader();
        MessageBundle messages = MessageBundle.load("plugin " + plugin.getPluginId(), loader, com.physiokiosk.api.PluginApi.MESSAGES);
        List<String> found = new ArrayList<>(TopicValidator.validate(info, questions, rules, messages,
                AboutYou.factQuestions()));
        List<String> illustrations = questions.stream().map(Question::illustration).filter(Objects::nonNull).toList();
        TopicTemplates templates = null;
        if (!illustrations.isEmpty()) {
            try {
                templates = TopicTemplates.load(plugin.getPluginId(), loader, topic.getClass().getPackageName() + com.physiokiosk.api.PluginApi.TEMPLATES_PACKAGE_SUFFIX,
                        illustrations);
            } catch (RuntimeException e) {
                found.add(PluginCalls.oneLine(e));
            }
        }
        LoadedTopic loaded = new LoadedTopic(plugin.getPluginId(), plugin.getDescriptor().getVersion(), info, questions,
                rules, messages, loader, templates);
        if (info.icon() != null && loaded.asset(info.icon()).isEmpty()) {
            found.add("icon '" + info.icon() + "' is not in the plugin's assets/ folder");
        }
        found.addAll(PluginAssets.problems(loader));
        if (!info.id().equals(plugin.getPluginId())) {
            // The plugin id names the jar, the admin's row and the clinic's on/off choice; the topic id the
            // stored answers and the addresses: one name for both.
            found.add("its topic id '" + info.id() + "' is not its plugin id '" + plugin.getPluginId()
                    + "': they must be the same");
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("topic '" + info.id() + "' is invalid: " + summary(found));
        }
        return loaded;
    }

    /** The first few problems, and how many more there are: a reason the admin page can show. */
    private static String summary(List<String> problems) {
        int shown = Math.min(problems.size(), MAX_PROBLEMS_SHOWN);
        String head = String.join("; ", problems.subList(0, shown));
        return shown == problems.size() ? head : head + "; and " + (problems.size() - shown) + " more";
    }

    private void fail(PluginWrapper plugin, String reason) {
        problems.put(plugin.getPluginId(), reason);
        checked.remove(plugin.getPluginId());
        log.error("Plugin {} not started: {}", plugin.getPluginId(), reason);
        if (plugin.getPluginState() == PluginState.STARTED) {
            manager.stopPlugin(plugin.getPluginId());
        }
        plugin.setPluginState(PluginState.FAILED);
        plugin.setFailedException(new PluginRuntimeException(reason));
    }

    private synchronized void unregister(String pluginId) {
        Map<String, LoadedTopic> next = new LinkedHashMap<>(topics);
        if (next.values().removeIf(t -> t.pluginId().equals(pluginId))) {
            topics = sorted(next);
            log.info("Topics of plugin {} withdrawn", pluginId);
        }
    }

    private static Map<String, LoadedTopic> sorted(Map<String, LoadedTopic> map) {
        Map<String, LoadedTopic> out = new LinkedHashMap<>();
        map.values().stream()
                .sorted(Comparator.comparingInt((LoadedTopic t) -> t.info().order()).thenComparing(LoadedTopic::id))
                .forEach(t -> out.put(t.id(), t));
        return java.util.Collections.unmodifiableMap(out);
    }
}
