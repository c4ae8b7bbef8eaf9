package com.physiokiosk.engine.plugins;

import com.physiokiosk.api.PluginApi;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Topic;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.facts.AboutYou;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.safety.SafetyScreen;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.topic.PluginCalls;
import com.physiokiosk.engine.topic.TopicCatalog;
import com.physiokiosk.engine.topic.TopicTemplates;
import com.physiokiosk.engine.topic.TopicValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topic host: the one owner of PF4J in the kiosk. Every change to the plugins (start-up, switching a topic
 * on or off, installing, removing, rescanning, shutting down) goes through it, one at a time. A plugin is
 * loaded, its topic handed over and checked, and only then started: a topic that fails its checks is never
 * started (and so never taken back), and the admin page shows why; the other topics carry on.
 *
 * <p>After each change the host publishes one immutable {@linkplain #plugins() snapshot}: the topics patients can
 * choose and every plugin with its {@link PluginStatus.State}. The web pages, {@code /health} and the admin page
 * read only that snapshot, never PF4J's own maps (which are not made for concurrent reading), so a request sees
 * the kiosk before a change or after it, never half of one.
 *
 * <p>Whether a topic is on is the clinic's choice, kept in the database ({@link DatabasePluginStatusProvider}) in
 * the same transaction as the audit line that records who made it; when it cannot be stored the change is undone,
 * so what runs is always what the database says. A host made without a database (the plugin test kit, the child
 * JVM that checks an upload) loads and starts what it finds and refuses the clinic's actions.
 *
 * <p>A topic is loaded and checked once per plugin class loader: a plugin switched off and on again gets back the
 * topic checked before; a new jar (a new class loader) is checked anew. Nothing else keeps a plugin's topic, so a
 * removed plugin's class loader can go.
 *
 * <p>An uploaded jar is loaded, started, validated and stopped in a child JVM first ({@link PluginCheckProcess}),
 * so none of its code runs in the kiosk before it has passed there; that check holds no lock, so a plugin whose
 * checks hang delays no other action. Jars put into the plugins folder by hand (found at start-up or by a rescan)
 * are trusted as the folder is, and loaded in the kiosk directly. The general safety screen and "About you" are
 * the kiosk's own, not plugins, and cannot be switched off.
 */
public final class TopicHost implements TopicCatalog {

    private static final Logger log = LoggerFactory.getLogger(TopicHost.class);

    /** Largest plugin jar accepted. */
    public static final long MAX_JAR_BYTES = 20L * 1024 * 1024;

    /** What a plugin id may be: it is the topic id, and it names the plugin's file in the plugins folder. */
    static final Pattern PLUGIN_ID = TopicInfo.ID;

    /** Problems of an invalid topic named in its reason; the rest are counted. */
    private static final int MAX_PROBLEMS_SHOWN = 10;

    /** Why an admin action was refused; the message is fit to show the admin. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** What the web layer reads: the topics on offer and every plugin's state, as of the last change. */
    private record Snapshot(Map<String, LoadedTopic> topics, List<PluginStatus> plugins) {
    }

    private final KioskPluginManager manager;
    /** The clinic's on/off choices, or {@code null} for a host without a database. */
    private final DatabasePluginStatusProvider choices;
    private final AuditLog audit;
    private final PluginCheckProcess checks;
    private final LoadedTopic safety;
    private final LoadedTopic about;
    /** Held for every change: one at a time. The maps below are read and written only under it. */
    private final Object lock = new Object();
    /** Topics that passed their checks, by plugin id, while their plugin stays loaded (started or not). */
    private final Map<String, LoadedTopic> checked = new HashMap<>();
    /** Why a loaded plugin was not started, by plugin id, when the kiosk's own checks refused it. */
    private final Map<String, String> problems = new HashMap<>();
    /** Files in the plugins folder that could not be loaded as plugins, by file name, with the reason. */
    private final Map<String, String> loadFailures = new LinkedHashMap<>();
    private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());

    /**
     * A host for {@code manager} without a database: it loads and starts what it finds, keeps nothing and refuses
     * the clinic's actions (for the plugin test kit and the child JVM that checks an upload).
     */
    public TopicHost(KioskPluginManager manager) {
        this(manager, null, null, (PluginCheckProcess) null);
    }

    /**
     * The kiosk's host for {@code manager}.
     *
     * @param choices    where the clinic's on/off choices are kept: the status provider {@code manager} was made with
     * @param audit      where each change is recorded, with who made it
     * @param checkLimit how long an upload's checks may take in their own JVM before the plugin is refused
     */
    public TopicHost(KioskPluginManager manager, DatabasePluginStatusProvider choices, AuditLog audit,
                     java.time.Duration checkLimit) {
        this(manager, Objects.requireNonNull(choices, "choices"), Objects.requireNonNull(audit, "audit"),
                PluginCheckProcess.ofThisJvm(checkLimit));
    }

    /** As the kiosk's constructor, with the checks an upload goes through. */
    TopicHost(KioskPluginManager manager, DatabasePluginStatusProvider choices, AuditLog audit,
              PluginCheckProcess checks) {
        if (choices != null && manager.statusProvider() != choices) {
            throw new IllegalArgumentException("the plugin manager must keep its on/off choices in " + choices);
        }
        this.manager = manager;
        this.choices = choices;
        this.audit = audit;
        this.checks = checks;
        this.safety = SafetyScreen.load();
        this.about = AboutYou.load();
    }

    // ---- what the web layer reads -----------------------------------------------------------------------------

    /** The kiosk's own general safety screen, asked of every patient. */
    @Override
    public LoadedTopic safety() {
        return safety;
    }

    /** The kiosk's own "About you" screens: the shared facts, asked of every patient after the safety screen. */
    @Override
    public LoadedTopic about() {
        return about;
    }

    /** The topic on offer with {@code topicId}, or empty when there is none or it is switched off. */
    @Override
    public Optional<LoadedTopic> find(String topicId) {
        return Optional.ofNullable(snapshot.topics().get(topicId));
    }

    /** The topics on offer, in display order. */
    @Override
    public List<LoadedTopic> topics() {
        return List.copyOf(snapshot.topics().values());
    }

    /** Every plugin with its state and, for one that failed, why; then files that were not plugins at all. */
    public List<PluginStatus> plugins() {
        return snapshot.plugins();
    }

    /**
     * What to call plugin {@code pluginId}'s topic on the admin page, in {@code language}: its title as last
     * checked while the plugin stays loaded (switched on or off), else the title it had when the clinic switched
     * it off (kept across restarts), else its plugin id.
     */
    public String topicName(String pluginId, String language) {
        Optional<String> name;
        synchronized (lock) {
            name = Optional.ofNullable(checked.get(pluginId)).map(topic -> topic.title(language));
        }
        if (choices != null) {
            name = name.or(() -> choices.titleWhenSwitchedOff(pluginId, language))
                    .or(() -> choices.titleWhenSwitchedOff(pluginId, Languages.FALLBACK));
        }
        return name.orElse(pluginId);
    }

    // ---- start-up and shut-down -------------------------------------------------------------------------------

    /** Loads every plugin in the plugins folder, then checks and starts each one the clinic has not switched off. */
    public void start() {
        change(() -> {
            PluginUpload.deleteLeftovers(manager.pluginsRoot());
            loadNew();
            startAll();
        });
        log.info("Topics available: {}", snapshot.topics().keySet());
    }

    /** Stops and unloads every plugin. */
    public void stop() {
        // unloadPlugins stops each plugin first; PF4J 3.15's stopPlugins() trips over its own list.
        change(manager::unloadPlugins);
    }

    // ---- the clinic's actions ---------------------------------------------------------------------------------

    /**
     * Switches a topic on; it is offered to the next patient who reaches the topic choice.
     *
     * @param who the staff member switching, for the audit log
     * @throws Refused naming why the plugin cannot start
     * @throws com.physiokiosk.engine.storage.StorageException when the choice cannot be stored; the topic is then
     *                                                          as it was
     */
    public void enable(String pluginId, String who) {
        requireChoices();
        change(() -> {
            long began = System.nanoTime();
            PluginWrapper plugin = existing(pluginId);
            boolean wasOff = plugin.getPluginState() == PluginState.DISABLED;
            if (!manager.enablePlugin(pluginId)) {
                throw new Refused("Plugin " + pluginId + " cannot be switched on: " + why(plugin));
            }
            if (!start(plugin)) {
                throw new Refused("Plugin " + pluginId + " did not start: " + why(plugin));
            }
            storeOrUndo(pluginId, true, titles(pluginId), audit.entry(who, AuditAction.TOPIC_ENABLED, null, pluginId),
                    () -> {
                        if (wasOff) {
                            manager.disablePlugin(pluginId);
                        }
                    });
            log.info("Plugin {} switched on in {} ms", pluginId, (System.nanoTime() - began) / 1_000_000);
        });
    }

    /**
     * Switches a topic off at once; patients on it are taken back to the topic choice.
     *
     * @param who the staff member switching, for the audit log
     * @throws com.physiokiosk.engine.storage.StorageException when the choice cannot be stored; the topic is then
     *                                                          on again
     */
    public void disable(String pluginId, String who) {
        requireChoices();
        change(() -> {
            long began = System.nanoTime();
            PluginWrapper plugin = existing(pluginId);
            boolean wasOn = plugin.getPluginState() == PluginState.STARTED;
            Map<String, String> titles = titles(pluginId);
            if (!manager.disablePlugin(pluginId)) {
                throw new Refused("Plugin " + pluginId + " could not be switched off: " + why(plugin));
            }
            storeOrUndo(pluginId, false, titles, audit.entry(who, AuditAction.TOPIC_DISABLED, null, pluginId), () -> {
                if (wasOn && manager.enablePlugin(pluginId)) {
                    start(plugin);
                }
            });
            log.info("Plugin {} switched off in {} ms", pluginId, (System.nanoTime() - began) / 1_000_000);
        });
    }

    /**
     * Checks an uploaded plugin jar in a child JVM, then copies it into the plugins folder, checks it again here
     * and starts it. Once it runs, the clinic's choice (on) is stored with its audit line in one transaction; when
     * that cannot be stored, the plugin is removed again.
     *
     * @param upload the uploaded bytes
     * @param who    the staff member installing it, for the audit log
     * @return the id of the installed plugin
     * @throws Refused naming what is wrong: too large, not a plugin, wrong API version, fails its checks, its
     *                 checks crashed, hung or ran out of memory, an id already installed
     */
    public String install(InputStream upload, String who) {
        requireChoices();
        try (PluginUpload jar = PluginUpload.receive(upload, MAX_JAR_BYTES, manager.pluginsRoot())) {
            String id = checks.check(jar.path()).pluginId();
            if (!PLUGIN_ID.matcher(id).matches()) {
                throw new Refused("Plugin id '" + id + "' is not a plain lower-case name");
            }
            change(() -> {
                installChecked(jar, id);
                String version = manager.getPlugin(id).getDescriptor().getVersion();
                storeOrUndo(id, true, titles(id), audit.entry(who, AuditAction.PLUGIN_INSTALLED, null, id + " " + version),
                        () -> manager.deletePlugin(id));
                log.info("Plugin {} {} installed", id, version);
            });
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the uploaded plugin: " + e.getMessage(), e);
        }
    }

    /** Puts {@code jar}, which passed its checks as plugin {@code id}, into the plugins folder and starts it. */
    private void installChecked(PluginUpload jar, String id) {
        if (manager.getPlugin(id) != null) {
            throw new Refused("A plugin with id '" + id + "' is already installed (version "
                    + manager.getPlugin(id).getDescriptor().getVersion() + "); remove it first");
        }
        Path target = jar.moveInto(manager.pluginsRoot(), id);
        try {
            String loaded = manager.loadPlugin(target);
            if (!id.equals(loaded)) {
                throw new Refused("The jar was checked as plugin '" + id + "' but loads as '" + loaded + "'");
            }
            PluginWrapper plugin = manager.getPlugin(id);
            if (!start(plugin)) {
                throw new Refused("Plugin " + id + " did not start: " + why(plugin));
            }
        } catch (RuntimeException e) {
            for (PluginWrapper w : manager.getPlugins()) {
                if (target.equals(w.getPluginPath())) {
                    manager.unloadPlugin(w.getPluginId());
                }
            }
            try {
                PluginUpload.delete(target);
            } catch (RuntimeException notDeleted) {
                e.addSuppressed(notDeleted);
            }
            throw e instanceof Refused r ? r : new Refused("Plugin " + id + " could not be installed: "
                    + PluginCalls.oneLine(e));
        }
    }

    /**
     * Stops, unloads and deletes a plugin; stored check-ins that used it still print. Its stored choice is
     * forgotten and its audit line written in one transaction, the removal itself (milliseconds) its last step: a
     * removal that fails leaves neither.
     *
     * @param who the staff member removing it, for the audit log
     */
    public void remove(String pluginId, String who) {
        requireChoices();
        change(() -> {
            String version = existing(pluginId).getDescriptor().getVersion();
            choices.forget(pluginId, titles(pluginId), audit.entry(who, AuditAction.PLUGIN_REMOVED, null,
                    (pluginId + " " + version).strip()), () -> {
                        if (!manager.deletePlugin(pluginId)) {
                            throw new Refused("Plugin " + pluginId + " could not be removed");
                        }
                    });
            log.info("Plugin {} removed", pluginId);
        });
    }

    /**
     * Loads, checks and starts plugin files dropped into the plugins folder since the kiosk started, and writes
     * the audit line that says what was found.
     *
     * @param who the staff member asking, for the audit log
     * @return the ids of the plugins found
     */
    public List<String> rescan(String who) {
        requireChoices();
        synchronized (lock) {
            Set<String> before = manager.getPlugins().stream().map(PluginWrapper::getPluginId).collect(Collectors.toSet());
            List<String> found;
            try {
                loadNew();
                startAll();
            } finally {
                publish();
                found = manager.getPlugins().stream().map(PluginWrapper::getPluginId)
                        .filter(id -> !before.contains(id)).sorted().toList();
            }
            audit.record(who, AuditAction.PLUGINS_RESCANNED, null, found.isEmpty() ? "nothing new"
                    : "found " + String.join(", ", found));
            return found;
        }
    }

    // ---- loading, checking, starting (under the lock) ---------------------------------------------------------

    /**
     * Loads every plugin file not loaded yet, skipping with one log line each those that cannot be loaded (a
     * corrupt jar, a missing or broken descriptor, a duplicate id) and remembering why.
     */
    private void loadNew() {
        Set<Path> loaded = manager.getPlugins().stream().map(PluginWrapper::getPluginPath).collect(Collectors.toSet());
        for (Path path : manager.pluginPaths()) {
            if (loaded.contains(path)) {
                continue;
            }
            String file = path.getFileName().toString();
            try {
                manager.loadPlugin(path);
                loadFailures.remove(file);
            } catch (RuntimeException | LinkageError e) {
                String reason = PluginCalls.oneLine(e);
                loadFailures.put(file, reason);
                log.error("Skipped plugin file {}: {}", file, reason);
            }
        }
    }

    /** Checks and starts every loaded plugin the clinic has not switched off and that is not running. */
    private void startAll() {
        for (PluginWrapper plugin : new ArrayList<>(manager.getResolvedPlugins())) {
            PluginState state = plugin.getPluginState();
            if (!state.isDisabled() && !state.isStarted()) {
                start(plugin);
            }
        }
    }

    /**
     * Hands over and checks {@code plugin}'s topic, then starts the plugin; one whose topic fails its checks is
     * not started, and the reason kept for the admin page.
     *
     * @return whether it runs
     */
    private boolean start(PluginWrapper plugin) {
        if (plugin.getPluginState() == PluginState.STARTED) {
            return true;
        }
        String pluginId = plugin.getPluginId();
        try {
            LoadedTopic topic = topicOf(plugin);
            LoadedTopic clash = runningTopics().get(topic.id());
            if ((clash != null && !clash.pluginId().equals(pluginId)) || isHostSection(topic.id())) {
                throw new IllegalStateException("topic id '" + topic.id() + "' is already used by "
                        + (clash != null ? "plugin '" + clash.pluginId() + "'" : "the kiosk itself"));
            }
            checked.put(pluginId, topic);
            problems.remove(pluginId);
        } catch (RuntimeException | LinkageError e) {
            String reason = PluginCalls.oneLine(e);
            problems.put(pluginId, reason);
            checked.remove(pluginId);
            log.error("Plugin {} not started: {}", pluginId, reason);
            return false;
        }
        if (manager.startPlugin(pluginId) != PluginState.STARTED) {
            log.error("Plugin {} not started: {}", pluginId, problemOf(plugin));
            return false;
        }
        LoadedTopic topic = checked.get(pluginId);
        log.info("Topic '{}' from plugin {} {} is available", topic.id(), pluginId, topic.pluginVersion());
        return true;
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
        MessageBundle messages = MessageBundle.load("plugin " + plugin.getPluginId(), loader, PluginApi.MESSAGES);
        List<String> found = new ArrayList<>(TopicValidator.validate(info, questions, rules, messages,
                AboutYou.factQuestions()));
        List<String> illustrations = questions.stream().map(Question::illustration).filter(Objects::nonNull).toList();
        TopicTemplates templates = null;
        if (!illustrations.isEmpty()) {
            try {
                templates = TopicTemplates.load(plugin.getPluginId(), loader,
                        topic.getClass().getPackageName() + PluginApi.TEMPLATES_PACKAGE_SUFFIX, illustrations);
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
    private static String summary(List<String> found) {
        int shown = Math.min(found.size(), MAX_PROBLEMS_SHOWN);
        String head = String.join("; ", found.subList(0, shown));
        return shown == found.size() ? head : head + "; and " + (found.size() - shown) + " more";
    }

    /** The topics of the running plugins, by topic id, in display order. */
    private Map<String, LoadedTopic> runningTopics() {
        Map<String, LoadedTopic> out = new LinkedHashMap<>();
        manager.getStartedPlugins().stream().map(w -> checked.get(w.getPluginId())).filter(Objects::nonNull)
                .sorted(Comparator.comparingInt((LoadedTopic t) -> t.info().order()).thenComparing(LoadedTopic::id))
                .forEach(t -> out.put(t.id(), t));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Publishes what the change left: the running topics and every plugin's state. Forgets the topics of plugins
     * no longer loaded first, so nothing holds on to their class loaders.
     */
    private void publish() {
        Set<String> loaded = manager.getPlugins().stream().map(PluginWrapper::getPluginId).collect(Collectors.toSet());
        checked.entrySet().removeIf(e -> {
            if (loaded.contains(e.getKey())) {
                return false;
            }
            if (e.getValue().templates() != null) {
                e.getValue().templates().close();
            }
            return true;
        });
        problems.keySet().retainAll(loaded);
        List<PluginStatus> statuses = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            String problem = problemOf(w);
            PluginStatus.State state = problem != null ? PluginStatus.State.FAILED
                    : PluginStatus.State.of(w.getPluginState().toString());
            statuses.add(new PluginStatus(w.getPluginId(), w.getDescriptor().getVersion(), state, problem));
        }
        loadFailures.forEach((file, reason) -> statuses.add(new PluginStatus(file, "", PluginStatus.State.FAILED, reason)));
        statuses.sort(Comparator.comparing(PluginStatus::id));
        snapshot = new Snapshot(runningTopics(), List.copyOf(statuses));
    }

    /** Why {@code plugin} is not running, in plain words, or {@code null} when nothing went wrong. */
    private String problemOf(PluginWrapper plugin) {
        String mine = problems.get(plugin.getPluginId());
        if (mine != null) {
            return mine;
        }
        if (plugin.getFailedException() == null || plugin.getPluginState() == PluginState.STARTED) {
            return null;
        }
        String requires = plugin.getDescriptor().getRequires().trim();
        if (!manager.getVersionManager().checkVersionConstraint(manager.getSystemVersion(), requires)) {
            // PF4J itself says only "Plugin validation failed".
            return "it requires plugin API " + requires + " (Plugin-Requires), and this kiosk has plugin API "
                    + manager.getSystemVersion();
        }
        return PluginCalls.oneLine(plugin.getFailedException());
    }

    /** What plugin {@code pluginId}'s topic is called in each language, as last checked while it stays loaded; empty if never. */
    private Map<String, String> titles(String pluginId) {
        Map<String, String> out = new LinkedHashMap<>();
        Optional.ofNullable(checked.get(pluginId)).ifPresent(topic -> topic.messages().languages()
                .forEach(language -> out.put(language, topic.title(language))));
        return out;
    }

    private PluginWrapper existing(String pluginId) {
        PluginWrapper plugin = pluginId == null ? null : manager.getPlugin(pluginId);
        if (plugin == null) {
            throw new Refused("There is no plugin '" + pluginId + "'");
        }
        return plugin;
    }

    private void requireChoices() {
        if (choices == null) {
            throw new IllegalStateException("This topic host keeps no choices: it only loads and starts what it finds");
        }
    }

    /** Makes {@code change} the one change under way, then publishes what it left, whether it worked or not. */
    private void change(Runnable change) {
        synchronized (lock) {
            try {
                change.run();
            } finally {
                publish();
            }
        }
    }

    /**
     * Stores the clinic's choice for {@code pluginId} with its audit line in one transaction; when that fails,
     * {@code undo} takes back what was done, and the failure is thrown.
     */
    private void storeOrUndo(String pluginId, boolean on, Map<String, String> titles, Database.SqlWork<?> auditLine,
                             Runnable undo) {
        try {
            choices.store(pluginId, on, titles, auditLine);
        } catch (RuntimeException e) {
            undo(e, undo);
            throw e;
        }
    }

    /** Why {@code plugin} is not running, for a refusal: its problem, else its state. */
    private String why(PluginWrapper plugin) {
        return Optional.ofNullable(problemOf(plugin)).orElse(plugin.getPluginState().toString());
    }

    /** Undoes a change that could not be stored; a failure to undo travels with {@code failure}, not instead of it. */
    private static void undo(RuntimeException failure, Runnable undo) {
        try {
            undo.run();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            log.error("A change that could not be stored could not be undone either: {}", PluginCalls.oneLine(e));
        }
    }
}
