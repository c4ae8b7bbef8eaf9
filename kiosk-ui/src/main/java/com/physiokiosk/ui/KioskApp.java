package com.physiokiosk.ui;

import com.physiokiosk.engine.checkin.CheckInService;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.plugins.DatabasePluginStatusProvider;
import com.physiokiosk.engine.plugins.KioskPluginManager;
import com.physiokiosk.engine.plugins.PluginAdmin;
import com.physiokiosk.engine.plugins.TopicRegistry;
import com.physiokiosk.engine.storage.CheckInRepository;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.ui.view.Pages;
import com.physiokiosk.ui.web.AssetController;
import com.physiokiosk.ui.web.HealthController;
import com.physiokiosk.ui.web.PatientController;
import io.javalin.Javalin;
import java.time.Clock;

/**
 * The whole kiosk wired together: database, plugin host, services, and the Javalin app with its
 * routes. {@link Main} starts one; tests start one on a temporary folder and a free port.
 */
public final class KioskApp {

    private final KioskConfig config;
    private final Database database;
    private final TopicRegistry registry;
    private final PluginAdmin pluginAdmin;
    private final CheckInRepository checkIns;
    private final Javalin javalin;

    private KioskApp(KioskConfig config, Database database, TopicRegistry registry, PluginAdmin pluginAdmin,
                     CheckInRepository checkIns, Javalin javalin) {
        this.config = config;
        this.database = database;
        this.registry = registry;
        this.pluginAdmin = pluginAdmin;
        this.checkIns = checkIns;
        this.javalin = javalin;
    }

    /** Opens the database, loads the plugins and builds the web app (not yet listening). */
    public static KioskApp create(KioskConfig config) {
        return create(config, Clock.system(config.zone()));
    }

    /** As {@link #create(KioskConfig)}, with the clock that decides "today" and check-in times. */
    public static KioskApp create(KioskConfig config, Clock clock) {
        Database database = Database.open(config.dataDir());
        CheckInRepository checkIns = new CheckInRepository(database);
        KioskPluginManager plugins = KioskPluginManager.create(config.pluginsDir(), config.pluginMode(),
                new DatabasePluginStatusProvider(database, clock));
        TopicRegistry registry = new TopicRegistry(plugins);
        registry.start();
        PluginAdmin pluginAdmin = new PluginAdmin(plugins, registry);
        CheckInService service = new CheckInService(registry, checkIns, clock, config.defaultLanguage());
        Pages pages = new Pages();
        PatientController patient = new PatientController(config, registry, service, pages);
        HealthController health = new HealthController(registry);
        Javalin javalin = Routes.create(config, patient, new AssetController(registry), health, pages);
        return new KioskApp(config, database, registry, pluginAdmin, checkIns, javalin);
    }

    /** Starts listening on the configured address and port. */
    public KioskApp start() {
        javalin.start(config.bindAddress(), config.port());
        return this;
    }

    /** Stops the server and the plugins. */
    public void stop() {
        javalin.stop();
        registry.stop();
    }

    public Javalin javalin() {
        return javalin;
    }

    public TopicRegistry registry() {
        return registry;
    }

    public PluginAdmin pluginAdmin() {
        return pluginAdmin;
    }

    public CheckInRepository checkIns() {
        return checkIns;
    }

    public Database database() {
        return database;
    }

    public KioskConfig config() {
        return config;
    }
}
