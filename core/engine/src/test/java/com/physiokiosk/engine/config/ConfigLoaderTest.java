package com.physiokiosk.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Settings: defaults < file < environment < flags")
class ConfigLoaderTest {

    @TempDir
    Path tmp;

    private final ConfigLoader loader = new ConfigLoader(Path.of("/opt/kiosk/plugins"));

    private Map<String, String> env(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("KIOSK_CONFIG", emptyFile().toString());
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private Path emptyFile() {
        try {
            Path f = tmp.resolve("empty.properties");
            if (!Files.exists(f)) {
                Files.writeString(f, "");
            }
            return f;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withNothingSetEveryDefaultApplies() {
        KioskConfig c = loader.load(env(), new String[0]);
        assertEquals(7070, c.port());
        assertEquals(Path.of("data"), c.dataDir());
        assertEquals(Path.of("/opt/kiosk/plugins"), c.pluginsDir());
        assertEquals(PluginMode.DEPLOYMENT, c.pluginMode());
        assertEquals(List.of("en", "es"), c.languages());
        assertEquals(Duration.ofSeconds(90), c.idleTimeout());
        assertEquals(Duration.ofSeconds(20), c.urgentScreen());
        assertEquals(Duration.ofSeconds(60), c.resultScreen());
        assertEquals(30, c.retentionDays());
        assertTrue(c.askName());
        assertEquals(ZoneId.systemDefault(), c.zone());
        assertEquals(Duration.ofMinutes(30), c.staffIdleTimeout());
        assertEquals(Duration.ofSeconds(20), c.pluginCheckLimit());
    }

    @Test
    void theUrgentAndResultScreensTimesAreSetInSecondsWithinTheirBounds() {
        KioskConfig c = loader.load(env("KIOSK_URGENT_SCREEN_SECONDS", "3"), new String[] {"--result-screen-seconds=600"});
        assertEquals(Duration.ofSeconds(3), c.urgentScreen());
        assertEquals(Duration.ofSeconds(600), c.resultScreen());
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(env("KIOSK_URGENT_SCREEN_SECONDS", "2"), new String[0]));
        assertTrue(e.getMessage().contains("kiosk.urgent-screen-seconds='2'"), e.getMessage());
        assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_URGENT_SCREEN_SECONDS", "121"), new String[0]));
        assertThrows(ConfigException.class, () -> loader.load(env(), new String[] {"--result-screen-seconds=601"}));
    }

    @Test
    void thePluginCheckLimitIsSetInSecondsFromFiveTo600() {
        assertEquals(Duration.ofSeconds(5),
                loader.load(env("KIOSK_PLUGIN_CHECK_SECONDS", "5"), new String[0]).pluginCheckLimit());
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(env(), new String[] {"--plugin-check-seconds=4"}));
        assertTrue(e.getMessage().contains("kiosk.plugin-check-seconds='4'"), e.getMessage());
        assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_PLUGIN_CHECK_SECONDS", "601"), new String[0]));
    }

    @Test
    void staffIdleMinutesOutsideFiveTo720StopWithTheSettingNamed() {
        assertEquals(Duration.ofMinutes(5), loader.load(env("KIOSK_STAFF_IDLE_MINUTES", "5"), new String[0]).staffIdleTimeout());
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(env(), new String[] {"--staff-idle-minutes=0"}));
        assertTrue(e.getMessage().contains("kiosk.staff-idle-minutes='0'"), e.getMessage());
        assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_STAFF_IDLE_MINUTES", "721"), new String[0]));
    }

    @Test
    void backupsGoIntoTheDataFoldersBackupsFolderFourteenKeptAt0230UnlessSetOtherwise() throws IOException {
        KioskConfig defaults = loader.load(env("KIOSK_DATA_DIR", "/var/lib/physio-kiosk"), new String[0]);
        assertEquals(Path.of("/var/lib/physio-kiosk", "backups"), defaults.backupDir(), "inside the data folder");
        assertEquals(14, defaults.backupKeep());
        assertEquals(LocalTime.of(2, 30), defaults.backupTime());

        Path file = Files.writeString(tmp.resolve("b.properties"), "kiosk.backup-dir=/mnt/usb/kiosk\nkiosk.backup-keep=7\n");
        KioskConfig set = loader.load(Map.of("KIOSK_CONFIG", file.toString(), "KIOSK_BACKUP_KEEP", "30"),
                new String[] {"--backup-time=3:05"});
        assertEquals(Path.of("/mnt/usb/kiosk"), set.backupDir());
        assertEquals(30, set.backupKeep(), "the environment over the file");
        assertEquals(LocalTime.of(3, 5), set.backupTime(), "the flag");
    }

    @Test
    void aBadBackupSettingNamesTheSettingTheValueWhereItCameFromAndWhatIsExpected() {
        assertEquals("Bad setting kiosk.backup-keep='0' (from environment KIOSK_BACKUP_KEEP): expected a whole number of"
                + " backups from 1 to 1000", assertThrows(ConfigException.class,
                () -> loader.load(env("KIOSK_BACKUP_KEEP", "0"), new String[0])).getMessage());
        assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_BACKUP_KEEP", "1001"), new String[0]));
        assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_BACKUP_KEEP", "many"), new String[0]));
        for (String bad : List.of("24:00", "2:60", "half past two", "02:30:00", "")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> loader.load(env(), new String[] {"--backup-time=" + bad}), bad);
            assertEquals("Bad setting kiosk.backup-time='" + bad + "' (from command line --backup-time): expected a time of"
                    + " day such as 02:30 (24-hour, hours and minutes)", e.getMessage());
        }
    }

    @Test
    void theFileOverridesDefaultsTheEnvironmentOverridesTheFileAndFlagsOverrideAll() throws IOException {
        Path file = Files.writeString(tmp.resolve("k.properties"),
                "kiosk.port=8000\nkiosk.clinic-name=Clínica Sol\nkiosk.languages=es,en\nkiosk.retention-days=10\n");
        KioskConfig c = loader.load(Map.of("KIOSK_CONFIG", file.toString(), "KIOSK_PORT", "8001",
                "KIOSK_RETENTION_DAYS", "12"), new String[] {"--port=8002", "--timezone=Europe/Madrid"});
        assertEquals(8002, c.port());
        assertEquals(12, c.retentionDays());
        assertEquals("Clínica Sol", c.clinicName());
        assertEquals(List.of("es", "en"), c.languages());
        assertEquals("es", c.defaultLanguage());
        assertEquals(ZoneId.of("Europe/Madrid"), c.zone());
    }

    @Test
    void aBadValueNamesTheSettingTheValueAndWhereItCameFrom() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_PORT", "abc"), new String[0]));
        assertEquals("Bad setting kiosk.port='abc' (from environment KIOSK_PORT): expected a port number from 1 to 65535",
                e.getMessage());
        assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_PORT", "70000"), new String[0]));
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(env(), new String[] {"--languages=en,fr"}))
                .getMessage().contains("kiosk.languages='en,fr' (from command line --languages)"));
        assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_ASK_NAME", "perhaps"), new String[0]));
        assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_TIMEZONE", "Mars/Base"), new String[0]));
        assertThrows(ConfigException.class, () -> loader.load(env("KIOSK_PLUGIN_MODE", "turbo"), new String[0]));
    }

    @Test
    void aTypoInTheConfigFileOrAnUnknownFlagIsNamed() throws IOException {
        Path file = Files.writeString(tmp.resolve("typo.properties"), "kiosk.prot=8000\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(Map.of("KIOSK_CONFIG", file.toString()), new String[0]));
        assertTrue(e.getMessage().contains("Unknown setting 'kiosk.prot'"), e.getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(env(), new String[] {"--prot=1"}))
                .getMessage().contains("--prot"));
        assertThrows(ConfigException.class, () -> loader.load(env(), new String[] {"port"}));
    }

    @Test
    void aNamedConfigFileThatDoesNotExistIsAnError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(Map.of(), new String[] {"--config=" + tmp.resolve("missing.properties")}));
        assertTrue(e.getMessage().contains("missing.properties"));
    }

    @Test
    void withoutAJarToLookBesideThePluginsFolderMustBeSet() {
        ConfigLoader noJar = new ConfigLoader(null);
        assertTrue(assertThrows(ConfigException.class, () -> noJar.load(env(), new String[0]))
                .getMessage().contains("KIOSK_PLUGINS_DIR"));
        assertEquals(Path.of("p"), noJar.load(env("KIOSK_PLUGINS_DIR", "p"), new String[0]).pluginsDir());
    }
}
