package com.physiokiosk.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.physiokiosk.engine.backup.BackupJob;
import com.physiokiosk.engine.checkin.CheckInRelay;
import com.physiokiosk.engine.checkin.CheckInService;
import com.physiokiosk.engine.fhir.CheckInExport;
import com.physiokiosk.engine.fhir.QuestionnaireArchive;
import com.physiokiosk.engine.clients.ApiClients;
import com.physiokiosk.engine.visit.VisitService;
import com.physiokiosk.engine.checkin.RetentionJob;
import com.physiokiosk.engine.config.ClinicSettings;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.plugins.DatabasePluginStatusProvider;
import com.physiokiosk.engine.plugins.KioskPluginManager;
import com.physiokiosk.engine.plugins.TopicHost;
import com.physiokiosk.engine.staff.Passwords;
import com.physiokiosk.engine.staff.StaffAccounts;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.staff.StaffRepository;
import com.physiokiosk.ui.view.Pages;
import com.physiokiosk.ui.web.AdminController;
import com.physiokiosk.ui.web.ApiAuth;
import com.physiokiosk.ui.web.AssetController;
import com.physiokiosk.ui.web.CatalogueController;
import com.physiokiosk.ui.web.CheckInsController;
import com.physiokiosk.ui.web.FhirApiController;
import com.physiokiosk.ui.web.FhirController;
import com.physiokiosk.ui.web.FhirFormat;
import com.physiokiosk.ui.web.FormTokens;
import com.physiokiosk.ui.web.HealthController;
import com.physiokiosk.ui.web.HostCheck;
import com.physiokiosk.ui.web.PatientController;
import com.physiokiosk.ui.web.PatientSessions;
import com.physiokiosk.ui.web.Security;
import com.physiokiosk.ui.web.SettingsController;
import com.physiokiosk.ui.web.StaffAuthController;
import com.physiokiosk.ui.web.StaffEvents;
import com.physiokiosk.ui.web.StaffPages;
import com.physiokiosk.ui.web.StaffSessions;
import com.physiokiosk.ui.web.TopicsAdminController;
import io.javalin.Javalin;
import java.time.Clock;

/**
 * The whole kiosk wired together: database, plugin host, services, and the Javalin app with its
 * routes. {@link Main} starts one; tests start one on a temporary folder and a free port.
 */
public final class KioskApp {

    private final KioskConfig startUp;
    private final ClinicSettings settings;
    private final Database database;
    private final TopicHost host;
    private final CheckInRepository checkIns;
    private final StaffAccounts staffAccounts;
    private final AuditLog audit;
    private final RetentionJob retention;
    private final BackupJob backups;
    private final StaffEvents staffEvents;
    private final PatientSessions patientSessions;
    private final StaffSessions staffSessions;
    private final ApiClients apiClients;
    private final Javalin javalin;
    private final QuestionnaireArchive questionnaires;
    private final CheckInRelay relay;

    private KioskApp(KioskConfig startUp, ClinicSettings settings, Database database, TopicHost host,
                     CheckInRepository checkIns, StaffAccounts staffAccounts, AuditLog audit, RetentionJob retention,
                     BackupJob backups, StaffEvents staffEvents, PatientSessions patientSessions, StaffSessions staffSessions,
                     ApiClients apiClients, Javalin javalin, QuestionnaireArchive questionnaires, CheckInRelay relay) {
        this.startUp = startUp;
        this.settings = settings;
        this.database = database;
        this.host = host;
        this.checkIns = checkIns;
        this.staffAccounts = staffAccounts;
        this.audit = audit;
        this.retention = retention;
        this.backups = backups;
        this.staffEvents = staffEvents;
        this.patientSessions = patientSessions;
        this.staffSessions = staffSessions;
        this.apiClients = apiClients;
        this.javalin = javalin;
        this.questionnaires = questionnaires;
        this.relay = relay;
    }

    /**
     * Opens the database, loads the plugins and builds the web app (not yet listening).
     *
     * @param adminPassword {@code KIOSK_ADMIN_PASSWORD}: makes the {@code admin} account when there is
     *                      no account yet; {@code null} when not set
     * @throws StaffAccounts.AccountException when {@code adminPassword} is too short or too long
     */
    public static KioskApp create(KioskConfig config, String adminPassword) {
        return create(config, Clock.system(config.zone()), adminPassword);
    }

    /** As {@link #create(KioskConfig, String)}, with the clock that decides "today" and check-in times. */
    public static KioskApp create(KioskConfig config, Clock clock, String adminPassword) {
        return create(config, clock, adminPassword, Passwords.Cost.OWASP);
    }

    /**
     * As {@link #create(KioskConfig, Clock, String)}, hashing passwords at {@code cost}: only a test
     * passes anything but {@link Passwords.Cost#OWASP}, to start the kiosk many times quickly.
     */
    public static KioskApp create(KioskConfig config, Clock clock, String adminPassword, Passwords.Cost cost) {
        Database database = config.database().open(config.dataDir());
        TopicHost[] started = new TopicHost[1];
        try {
            return wire(config, clock, adminPassword, cost, database, started);
        } catch (RuntimeException | Error e) {
            // A later step failed: let go of what the earlier ones opened (plugins and their class loaders,
            // the database and its thread), so a caller that tries again, or a test, inherits nothing.
            if (started[0] != null) {
                try {
                    started[0].stop();
                } catch (RuntimeException stopFailed) {
                    e.addSuppressed(stopFailed);
                }
            }
            database.close();
            throw e;
        }
    }

    private static KioskApp wire(KioskConfig config, Clock clock, String adminPassword, Passwords.Cost cost,
                                 Database database, TopicHost[] started) {
        // The one source of the settings an admin may change: every reader asks it on each use.
        AuditLog audit = new AuditLog(database, clock, config.site());
        ClinicSettings settings = new ClinicSettings(config, database, audit, clock);
        CheckInRepository checkIns = new CheckInRepository(database, config.site());
        StaffAccounts staffAccounts = new StaffAccounts(new StaffRepository(database), audit, clock, new Passwords(cost));
        staffAccounts.createFirstAdminIfNone(adminPassword);
        DatabasePluginStatusProvider topicChoices = new DatabasePluginStatusProvider(database, clock, config.site());
        KioskPluginManager plugins = KioskPluginManager.create(config.pluginsDir(), config.pluginMode(), topicChoices);
        TopicHost host = new TopicHost(plugins, topicChoices, audit, config.pluginCheckLimit());
        started[0] = host;
        host.start();
        ObjectMapper json = new ObjectMapper();
        QuestionnaireArchive questionnaires = new QuestionnaireArchive(database, json, clock, config.fhirBaseUrl());
        CheckInExport fhirExport = new CheckInExport(json, questionnaires, version(), hostName());
        FhirFormat fhirFormat = new FhirFormat(json);
        CheckInService service = new CheckInService(checkIns, clock, () -> settings.get().defaultLanguage(),
                questionnaires);
        Pages pages = new Pages();
        PatientSessions patientSessions = new PatientSessions();
        PatientController patient = new PatientController(settings, settings::hasLogo,
                new VisitService(host, service), patientSessions, pages);
        HealthController health = new HealthController(host);

        StaffSessions sessions = new StaffSessions(clock, config.staffIdleTimeout());
        FormTokens formTokens = new FormTokens(clock);
        StaffPages staffPages = new StaffPages(settings, settings::hasLogo, pages, sessions, formTokens);
        BackupJob backups = new BackupJob(database, audit, clock, config.backupDir(), config.backupKeep(),
                config.backupTime(), () -> settings.get().retentionDays());
        ApiClients apiClients = new ApiClients(database, audit, clock);
        StaffEvents events = new StaffEvents(sessions, staffPages);
        service.addListener(events);
        Routes.Staff staff = new Routes.Staff(
                new StaffAuthController(staffAccounts, sessions, staffPages, audit),
                new CheckInsController(checkIns, audit, staffPages, clock),
                events,
                new FhirController(host, checkIns, audit, staffPages, questionnaires, fhirExport, fhirFormat),
                new AdminController(staffAccounts, sessions, audit, staffPages, clock),
                new TopicsAdminController(host, audit, staffPages),
                new SettingsController(settings, backups, apiClients, staffPages, clock),
                new CatalogueController(host, audit, staffPages, clock),
                staffPages,
                new Security(sessions, patientSessions, formTokens),
                new HostCheck(settings));
        FhirApiController fhirApi = new FhirApiController(checkIns, questionnaires, fhirExport, audit, fhirFormat, json,
                clock, ctx -> ApiAuth.client(ctx).name());
        Javalin javalin = Routes.create(settings, patient, new AssetController(host), health, staff,
                new ApiAuth(apiClients), fhirApi);
        RetentionJob retention = new RetentionJob(checkIns, audit, clock, () -> settings.get().retentionDays());
        // Last, as nothing after it may fail: from now on the staff screens hear of the check-ins other kiosk
        // servers on the same (PostgreSQL) database store, and they of this one's.
        CheckInRelay relay = new CheckInRelay(database);
        service.shareThrough(relay);
        return new KioskApp(config, settings, database, host, checkIns, staffAccounts, audit, retention, backups, events,
                patientSessions, sessions, apiClients, javalin, questionnaires, relay);
    }

    /** This machine's name, which names the kiosk server in its FHIR exports. */
    private static String hostName() {
        try {
            String name = java.net.InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? "physio-kiosk" : name;
        } catch (java.io.IOException e) {
            return "physio-kiosk";
        }
    }

    /** The kiosk's version, from its jar; {@code development} when run from classes. */
    static String version() {
        String v = KioskApp.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "development" : v;
    }

    /**
     * Starts listening on the configured address and port, the hourly retention job, the nightly backups and
     * the sweep of expired patient sessions.
     */
    public KioskApp start() {
        javalin.start(startUp.bindAddress(), startUp.port());
        retention.start();
        backups.start();
        patientSessions.start();
        return this;
    }

    /**
     * Stops the retention job, the backups, the sessions' sweep, hearing the other kiosk servers, the live streams,
     * the server and the plugins, writes the audit log's pending counts, then closes the database.
     */
    public void stop() {
        retention.stop();
        backups.stop();
        patientSessions.stop();
        relay.close();
        staffEvents.stop();
        javalin.stop();
        host.stop();
        audit.flush();
        database.close();
    }

    public Javalin javalin() {
        return javalin;
    }

    /** The patient sessions now, bounded. */
    public PatientSessions patientSessions() {
        return patientSessions;
    }

    public TopicHost host() {
        return host;
    }


    /** Every Questionnaire version a stored response points to. */
    public QuestionnaireArchive questionnaires() {
        return questionnaires;
    }

    public CheckInRepository checkIns() {
        return checkIns;
    }

    public StaffAccounts staffAccounts() {
        return staffAccounts;
    }

    /** The signed-in staff sessions. */
    public StaffSessions staffSessions() {
        return staffSessions;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The record systems allowed to read the FHIR API. */
    public ApiClients apiClients() {
        return apiClients;
    }

    public RetentionJob retention() {
        return retention;
    }

    /** The nightly backups, and the admin's "Back up now". */
    public BackupJob backups() {
        return backups;
    }

    public Database database() {
        return database;
    }

    /** What shares this server's check-ins with the other kiosk servers on the same database, and theirs with it. */
    public CheckInRelay relay() {
        return relay;
    }

    /** The settings in force now: the start-up configuration with the admin's changes on top. */
    public KioskConfig config() {
        return settings.get();
    }

    /** The clinic settings an admin changes at run time. */
    public ClinicSettings settings() {
        return settings;
    }
}
