package com.physiokiosk.engine.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
class ClinicSettingsTest {

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
        Database db = Database.open(dir);
        ClinicSettings settings = new ClinicSettings(startUp(), db, Clock.systemUTC());
        settings.change(Map.of("kiosk.clinic-name", "Clínica Sol", "kiosk.idle-timeout-seconds", "120",
                "kiosk.languages", "es,en", "kiosk.ask-name", "false"), "admin");
        assertEquals("Clínica Sol", settings.get().clinicName());
        assertEquals(Duration.ofSeconds(120), settings.get().idleTimeout());
        assertEquals(List.of("es", "en"), settings.get().languages());
        assertFalse(settings.get().askName());

        ClinicSettings afterRestart = new ClinicSettings(startUp(), Database.open(dir), Clock.systemUTC());
        assertEquals("Clínica Sol", afterRestart.get().clinicName());
        assertEquals("es", afterRestart.get().defaultLanguage());
    }

    @Test
    void aBadValueNamesTheSettingAndChangesNothing() {
        ClinicSettings settings = new ClinicSettings(startUp(), Database.open(dir), Clock.systemUTC());
        ConfigException e = assertThrows(ConfigException.class, () -> settings.change(
                Map.of("kiosk.clinic-name", "Fine", "kiosk.retention-days", "0"), "admin"));
        assertTrue(e.getMessage().contains("kiosk.retention-days='0' (from admin page)"), e.getMessage());
        assertEquals("Physiotherapy clinic", settings.get().clinicName(), "all or nothing");
        assertTrue(settings.stored().isEmpty());
        assertTrue(assertThrows(ConfigException.class, () -> settings.change(Map.of("kiosk.port", "80"), "admin"))
                .getMessage().contains("cannot be changed while the kiosk runs"));
    }

    @Test
    void onlyPngOrJpegLogosOfSensibleSizeAreKept() throws Exception {
        ClinicSettings settings = new ClinicSettings(startUp(), Database.open(dir), Clock.systemUTC());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(120, 40, BufferedImage.TYPE_INT_RGB), "png", png);
        settings.setLogo(png.toByteArray());
        assertArrayEquals(png.toByteArray(), settings.logo().orElseThrow().bytes());
        assertEquals("image/png", settings.logo().orElseThrow().mediaType());
        assertThrows(IllegalArgumentException.class,
                () -> settings.setLogo("<svg onload=alert(1)></svg>".getBytes()));
        assertThrows(IllegalArgumentException.class, () -> settings.setLogo(new byte[0]));
        assertArrayEquals(png.toByteArray(), settings.logo().orElseThrow().bytes(), "a refused logo changes nothing");
        settings.removeLogo();
        assertTrue(settings.logo().isEmpty());
    }
}
