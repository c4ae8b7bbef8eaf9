package com.physiokiosk.engine.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.config.ClinicSettings;
import com.physiokiosk.engine.config.ConfigLoader;
import com.physiokiosk.engine.config.DatabaseSettings;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.plugins.DatabasePluginStatusProvider;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clinic chain on one PostgreSQL database: each kiosk server is a site with its own check-ins and numbers, topic
 * choices and settings; the audit log says which site wrote each line; staff may list every site's check-ins.
 */
@DisplayName("Sites sharing one PostgreSQL database")
class SitesTest {

    @TempDir
    Path dir;

    private static final LocalDate DAY = LocalDate.of(2026, 11, 29);

    @Test
    void eachSiteNumbersItsOwnCheckInsAndListsThemWhileStaffMayListEverySite() throws Exception {
        DatabaseSettings shared = TestDatabases.settings(com.physiokiosk.engine.storage.Dialect.POSTGRESQL);
        try (Database northDb = shared.open(dir.resolve("north")); Database southDb = shared.open(dir.resolve("south"))) {
            CheckInRepository north = new CheckInRepository(northDb, "north");
            CheckInRepository south = new CheckInRepository(southDb, "south");
            // Both servers store at once: each site's numbers go 1, 2, 3... with none lost or repeated.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<CheckIn>> stored = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                stored.add(pool.submit(() -> north.insert(DAY, Instant.now(), "en", null, List.of())));
                stored.add(pool.submit(() -> south.insert(DAY, Instant.now(), "en", null, List.of())));
            }
            List<Integer> northNumbers = new ArrayList<>();
            List<Integer> southNumbers = new ArrayList<>();
            for (Future<CheckIn> f : stored) {
                CheckIn c = f.get();
                (c.site().equals("north") ? northNumbers : southNumbers).add(c.number());
            }
            pool.shutdown();
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), northNumbers.stream().sorted().toList());
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), southNumbers.stream().sorted().toList());

            assertEquals(10, north.summariesForDay(DAY).size(), "a site lists its own");
            assertTrue(north.summariesForDay(DAY).stream().allMatch(s -> s.site().equals("north")));
            assertEquals(20, north.summariesForDay(DAY, true).size(), "every site's, for staff who may");
            String southId = south.idsForDay(DAY).get(0);
            assertEquals("south", north.find(southId).orElseThrow().site(), "a check-in says its site");

            // Retention at one site deletes only its own.
            north.deleteBefore(DAY.plusDays(1), ids -> c -> null);
            assertEquals(0, north.summariesForDay(DAY).size());
            assertEquals(10, south.summariesForDay(DAY).size(), "the other site's are kept");
        }
    }

    @Test
    void topicChoicesSettingsAndTheAuditLogAreEachSites() {
        DatabaseSettings shared = TestDatabases.settings(com.physiokiosk.engine.storage.Dialect.POSTGRESQL);
        Clock clock = Clock.systemUTC();
        try (Database db = shared.open(dir)) {
            AuditLog northAudit = new AuditLog(db, clock, "north");
            new DatabasePluginStatusProvider(db, clock, "north").store("sleep", false, Map.of(), c -> null);
            assertTrue(new DatabasePluginStatusProvider(db, clock, "north").isPluginDisabled("sleep"));
            assertFalse(new DatabasePluginStatusProvider(db, clock, "south").isPluginDisabled("sleep"),
                    "switched off at one site, still on at another");

            KioskConfig base = new ConfigLoader(dir).load(Map.of(), new String[0]);
            KioskConfig northConfig = ConfigLoader.withChanges(base, Map.of(), "test");
            ClinicSettings northSettings = new ClinicSettings(site(northConfig, "north"), db, northAudit, clock);
            northSettings.change(Map.of("kiosk.clinic-name", "North clinic"), "admin");
            ClinicSettings southSettings = new ClinicSettings(site(base, "south"), db, new AuditLog(db, clock, "south"), clock);
            assertEquals("North clinic", new ClinicSettings(site(base, "north"), db, northAudit, clock).get().clinicName());
            assertFalse(southSettings.get().clinicName().equals("North clinic"), "each site its own settings");

            northAudit.record("admin", AuditAction.VIEW, "0123", null);
            assertEquals("north", northAudit.latest(1).get(0).site());
        }
    }

    private static KioskConfig site(KioskConfig c, String site) {
        return new KioskConfig(c.port(), c.bindAddress(), c.dataDir(), c.pluginsDir(), c.pluginMode(), c.languages(),
                c.clinicName(), c.askName(), c.idleTimeout(), c.urgentScreen(), c.resultScreen(), c.retentionDays(), c.zone(),
                c.staffIdleTimeout(), c.pluginCheckLimit(), c.publicHostnames(), c.backupDir(), c.backupKeep(),
                c.backupTime(), c.fhirBaseUrl(), c.database(), site, c.siteName(), c.allSites());
    }
}
