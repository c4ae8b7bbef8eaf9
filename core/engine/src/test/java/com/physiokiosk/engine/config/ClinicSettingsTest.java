package com.physiokiosk.engine.config;

import com.physiokiosk.engine.storage.OnBothDatabases;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.storage.Database;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Clinic settings changed while the kiosk runs")
class ClinicSettingsTest extends OnBothDatabases {

    @TempDir
    Path dir;

    private KioskConfig startUp() {
        try {
            Path empty = java.nio.file.Files.writeString(dir.resolve("empty.properties"), "");
            return new ConfigLoader(dir.resolve("plugins")).load(Map.of("KIOSK_CONFIG", empty.toString(),
                    "KIOSK_DATA_DIR", dir.toString()), new String[0]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aChangeIsCheckedAppliedAtOnceAndSurvivesARestart() {
        Database db = openDatabase(dir);
        AuditLog audit = new AuditLog(db, Clock.systemUTC());
        ClinicSettings settings = new ClinicSettings(startUp(), db, audit, Clock.systemUTC());
        settings.change(Map.of("kiosk.clinic-name", "Clínica Sol", "kiosk.idle-timeout-seconds", "120",
                "kiosk.languages", "es,en", "kiosk.ask-name", "false"), "admin");
        assertEquals("Clínica Sol", settings.get().clinicName());
        assertEquals(Duration.ofSeconds(120), settings.get().idleTimeout());
        assertEquals(List.of("es", "en"), settings.get().languages());
        assertFalse(settings.get().askName());
        AuditEntry line = audit.latest(5).get(0);
        assertEquals(AuditAction.SETTINGS_CHANGED, line.action());
        assertEquals("admin", line.username());
        assertTrue(line.detail().contains("kiosk.clinic-name=Clínica Sol"), line.detail());

        Database again = openDatabase(dir);
        ClinicSettings afterRestart = new ClinicSettings(startUp(), again, new AuditLog(again, Clock.systemUTC()),
                Clock.systemUTC());
        assertEquals("Clínica Sol", afterRestart.get().clinicName());
        assertEquals("es", afterRestart.get().defaultLanguage());
    }

    @Test
    void aBadValueNamesTheSettingAndChangesNothing() {
        Database db = openDatabase(dir);
        AuditLog audit = new AuditLog(db, Clock.systemUTC());
        ClinicSettings settings = new ClinicSettings(startUp(), db, audit, Clock.systemUTC());
        ConfigException e = assertThrows(ConfigException.class, () -> settings.change(
                Map.of("kiosk.clinic-name", "Fine", "kiosk.retention-days", "0"), "admin"));
        assertTrue(e.getMessage().contains("kiosk.retention-days='0' (from admin page)"), e.getMessage());
        assertEquals("Physiotherapy clinic", settings.get().clinicName(), "all or nothing");
        assertTrue(settings.stored().isEmpty());
        assertTrue(assertThrows(ConfigException.class, () -> settings.change(Map.of("kiosk.port", "80"), "admin"))
                .getMessage().contains("cannot be changed while the kiosk runs"));
        assertTrue(audit.latest(5).isEmpty(), "nothing changed, nothing audited");
    }

    @Test
    void onlyPngOrJpegLogosOfSensibleSizeAreKeptEachWithItsAuditLine() throws Exception {
        Database db = openDatabase(dir);
        AuditLog audit = new AuditLog(db, Clock.systemUTC());
        ClinicSettings settings = new ClinicSettings(startUp(), db, audit, Clock.systemUTC());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB), "png", png);
        settings.setLogo(png.toByteArray(), "admin");
        assertArrayEquals(png.toByteArray(), settings.logo().orElseThrow().bytes());
        assertEquals("image/png", settings.logo().orElseThrow().mediaType());
        assertThrows(IllegalArgumentException.class,
                () -> settings.setLogo("<svg onload=alert(1)></svg>".getBytes(), "admin"));
        assertThrows(IllegalArgumentException.class, () -> settings.setLogo(new byte[0], "admin"));
        assertArrayEquals(png.toByteArray(), settings.logo().orElseThrow().bytes(), "a refused logo changes nothing");
        settings.removeLogo("admin");
        assertTrue(settings.logo().isEmpty());
        settings.removeLogo("admin");
        assertEquals(List.of(AuditAction.LOGO_REMOVED, AuditAction.LOGO_CHANGED),
                audit.latest(5).stream().map(AuditEntry::action).toList(), "one line per change, none for nothing");

        // A logo whose audit line cannot be written is not put in place.
        db.close();
        assertThrows(RuntimeException.class, () -> settings.setLogo(png.toByteArray(), "admin"));
        assertTrue(settings.logo().isEmpty(), "no logo without its audit line");
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith("clinic-logo")).count(),
                    "no logo and no scratch file left");
        }
    }
}
