package com.physiokiosk.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Every setting of a kiosk, already checked. Built by {@link ConfigLoader}; the documented list
 * with defaults is {@code config/kiosk.properties}.
 *
 * @param port          HTTP port
 * @param bindAddress   address the server listens on
 * @param dataDir       folder of the SQLite database
 * @param pluginsDir    folder of the topic plugins
 * @param pluginMode    how plugins are loaded from {@code pluginsDir}
 * @param languages     languages offered to patients, the first is the default
 * @param clinicName    shown on the welcome screen
 * @param askName       whether patients are asked the name they want to be called by
 * @param idleTimeout   a patient screen left alone this long resets to the welcome screen
 * @param urgentScreen  the urgent screen ("speak to reception now") returns to the welcome screen after this long
 * @param resultScreen  the result screen returns to the welcome screen after this long (or the idle time, if shorter)
 * @param retentionDays check-ins older than this many days are deleted
 * @param zone          the clinic's time zone, for "today" and check-in numbers
 * @param staffIdleTimeout a staff member who makes no request for this long is signed out
 * @param pluginCheckLimit an uploaded plugin's checks (in a JVM of their own) are stopped after this long, the plugin refused
 * @param publicHostnames names (besides localhost and the machine's own names and addresses) under which
 *                      staff reach the kiosk, lower-case: requests naming another host are refused
 * @param backupDir     folder of the database backups
 * @param backupKeep    how many backups are kept, the newest
 * @param backupTime    when the nightly backup is made, in the clinic's time zone
 * @param fhirBaseUrl   the canonical base of the FHIR resources the kiosk exports: an https address the clinic owns
 * @param database      the embedded SQLite file (the default) or a shared PostgreSQL server
 * @param site          this kiosk server's site among those sharing the database (a clinic of a chain, a floor)
 * @param siteName      what staff call the site; empty means the clinic name
 * @param allSites      who may switch the check-ins list to every site: {@code staff} (everyone signed in) or
 *                      {@code admin}
 */
public record KioskConfig(int port, String bindAddress, Path dataDir, Path pluginsDir, PluginMode pluginMode,
                          List<String> languages, String clinicName, boolean askName, Duration idleTimeout,
                          Duration urgentScreen, Duration resultScreen, int retentionDays, ZoneId zone,
                          Duration staffIdleTimeout, Duration pluginCheckLimit, List<String> publicHostnames,
                          Path backupDir, int backupKeep, LocalTime backupTime, String fhirBaseUrl,
                          DatabaseSettings database, String site, String siteName, String allSites) {

    public KioskConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Objects.requireNonNull(pluginMode, "pluginMode");
        Objects.requireNonNull(clinicName, "clinicName");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(urgentScreen, "urgentScreen");
        Objects.requireNonNull(resultScreen, "resultScreen");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(staffIdleTimeout, "staffIdleTimeout");
        Objects.requireNonNull(backupDir, "backupDir");
        Objects.requireNonNull(backupTime, "backupTime");
        Objects.requireNonNull(pluginCheckLimit, "pluginCheckLimit");
        Objects.requireNonNull(fhirBaseUrl, "fhirBaseUrl");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(allSites, "allSites");
        languages = List.copyOf(languages);
        publicHostnames = List.copyOf(publicHostnames);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language");
        }
    }

    /** What staff call this site: its name, else the clinic's. */
    public String siteLabel() {
        return siteName.isBlank() ? clinicName : siteName;
    }

    /** Whether a member with {@code admin} rights or not may see every site's check-ins. */
    public boolean mayViewAllSites(boolean admin) {
        return admin || "staff".equals(allSites);
    }

    /** The language a new patient session starts in. */
    public String defaultLanguage() {
        return languages.get(0);
    }

    public KioskConfig withPort(int newPort) {
        return new KioskConfig(newPort, bindAddress, dataDir, pluginsDir, pluginMode, languages, clinicName, askName,
                idleTimeout, urgentScreen, resultScreen, retentionDays, zone, staffIdleTimeout, pluginCheckLimit,
                publicHostnames, backupDir, backupKeep, backupTime, fhirBaseUrl, database, site, siteName, allSites);
    }

    public KioskConfig withPluginsDir(Path newPluginsDir, PluginMode newMode) {
        return new KioskConfig(port, bindAddress, dataDir, newPluginsDir, newMode, languages, clinicName, askName,
                idleTimeout, urgentScreen, resultScreen, retentionDays, zone, staffIdleTimeout, pluginCheckLimit,
                publicHostnames, backupDir, backupKeep, backupTime, fhirBaseUrl, database, site, siteName, allSites);
    }
}
