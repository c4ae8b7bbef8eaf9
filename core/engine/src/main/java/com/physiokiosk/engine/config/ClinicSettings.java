package com.physiokiosk.engine.config;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.storage.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's settings as they are right now: the start-up configuration with the changes a clinic
 * admin made on the admin page on top, kept in the database so they survive a restart. Every change
 * is checked by {@link ConfigLoader#withChanges} exactly as at start-up, then applies at once.
 */
public final class ClinicSettings implements Supplier<KioskConfig> {

    private static final Logger log = LoggerFactory.getLogger(ClinicSettings.class);

    /** Largest clinic logo accepted. */
    public static final int MAX_LOGO_BYTES = 512 * 1024;
    private static final int MAX_LOGO_SIDE = 2000;
    private static final String LOGO_FILE = "clinic-logo";

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private final Path logo;
    private volatile KioskConfig current;

    public ClinicSettings(KioskConfig startUp, Database db, AuditLog audit, Clock clock) {
        this.site = startUp.site();
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.logo = startUp.dataDir().resolve(LOGO_FILE);
        KioskConfig config = startUp;
        for (Map.Entry<String, String> e : stored().entrySet()) {
            try {
                config = ConfigLoader.withChanges(config, Map.of(e.getKey(), e.getValue()), "admin page");
            } catch (ConfigException bad) {
                log.warn("Ignoring a stored clinic setting: {}", bad.getMessage());
            }
        }
        this.current = config;
    }

    /** The site whose settings these are: each site of a chain has its own. */
    private final String site;

    /** The settings in force now. */
    @Override
    public KioskConfig get() {
        return current;
    }

    /** The settings changed on the admin page, by key. */
    public Map<String, String> stored() {
        return db.read("read clinic settings", c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM site_setting WHERE site = ? ORDER BY key")) {
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Checks and applies {@code changes} (setting key to text) and remembers them.
     *
     * @return the settings now in force
     * @throws ConfigException naming the first bad or unchangeable setting; nothing is changed then
     */
    public synchronized KioskConfig change(Map<String, String> changes, String by) {
        KioskConfig next = ConfigLoader.withChanges(current, changes, "admin page");
        String detail = changes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().trim())
                .collect(java.util.stream.Collectors.joining("; "));
        db.write("store clinic settings", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO site_setting (site, key, value, changed_at, changed_by) VALUES (?, ?, ?, ?, ?)"
                            + " ON CONFLICT (site, key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at,"
                            + " changed_by = excluded.changed_by")) {
                for (Map.Entry<String, String> e : changes.entrySet()) {
                    ps.setString(1, site);
                    ps.setString(2, e.getKey());
                    ps.setString(3, e.getValue().trim());
                    ps.setString(4, clock.instant().toString());
                    ps.setString(5, by);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return audit.entry(by, AuditAction.SETTINGS_CHANGED, null, AuditLog.shorten(detail)).run(c);
        });
        current = next;
        return next;
    }

    /** The clinic logo shown on the welcome screen, with its media type, if one was uploaded. */
    public Optional<Logo> logo() {
        if (!Files.isRegularFile(logo)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(logo);
            return Optional.of(new Logo(bytes, mediaType(bytes)));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Clinic logo {} unreadable: {}", logo, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether a clinic logo was uploaded, without reading it. */
    public boolean hasLogo() {
        return Files.isRegularFile(logo);
    }

    /** A logo image and its media type. */
    public record Logo(byte[] bytes, String mediaType) {
    }

    /**
     * Replaces the clinic logo with a PNG or JPEG image: written beside the logo, then moved into its
     * place inside the transaction that writes its audit line, so neither happens without the other.
     *
     * @param by who uploaded it, for the audit log
     * @throws IllegalArgumentException when it is not a PNG or JPEG image of sensible size
     */
    public synchronized void setLogo(byte[] image, String by) {
        if (image.length == 0 || image.length > MAX_LOGO_BYTES) {
            throw new IllegalArgumentException("The logo must be a PNG or JPEG file of at most "
                    + MAX_LOGO_BYTES / 1024 + " KB");
        }
        String type = mediaType(image);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(logo.getParent(), LOGO_FILE, ".tmp");
            Files.write(tmp, image);
            Path written = tmp;
            db.write("store the clinic logo", c -> {
                Integer line = audit.entry(by, AuditAction.LOGO_CHANGED, null, type + ", " + image.length + " bytes").run(c);
                move(written, logo);
                return line;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the logo: " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Removes the clinic logo, in the transaction that writes its audit line; nothing is written when there
     * is no logo.
     */
    public synchronized void removeLogo(String by) {
        if (!hasLogo()) {
            return;
        }
        db.write("remove the clinic logo", c -> {
            Integer line = audit.entry(by, AuditAction.LOGO_REMOVED, null, null).run(c);
            try {
                Files.deleteIfExists(logo);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot remove the logo: " + e.getMessage(), e);
            }
            return line;
        });
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the logo: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the logo's scratch file {}: {}", file, e.getMessage());
            }
        }
    }

    /** The media type of a PNG or JPEG image, after reading its header and size. */
    private static String mediaType(byte[] image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IllegalArgumentException("The logo must be a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new IllegalArgumentException("The logo must be a PNG or JPEG image, not " + format);
                }
                if (reader.getWidth(0) > MAX_LOGO_SIDE || reader.getHeight(0) > MAX_LOGO_SIDE) {
                    throw new IllegalArgumentException("The logo must be at most " + MAX_LOGO_SIDE + " pixels on each side");
                }
                return format.equals("png") ? "image/png" : "image/jpeg";
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The logo could not be read as an image: " + e.getMessage(), e);
        }
    }
}
