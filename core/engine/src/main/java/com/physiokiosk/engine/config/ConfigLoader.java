package com.physiokiosk.engine.config;

import com.physiokiosk.engine.i18n.Languages;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads the kiosk's settings. Precedence, lowest first: built-in defaults, the config file,
 * environment variables ({@code KIOSK_PORT} for {@code kiosk.port}), command-line flags
 * ({@code --port=7071}). A bad value stops with a {@link ConfigException} naming the setting,
 * the value and where it came from.
 */
public final class ConfigLoader {

    /** The FHIR canonical base when {@code kiosk.fhir-base-url} is empty: the project's own address. */
    public static final String DEFAULT_FHIR_BASE_URL = "https://physio-kiosk.org/fhir";


    /** The config file read when neither {@code --config} nor {@code KIOSK_CONFIG} names one. */
    public static final Path DEFAULT_CONFIG_FILE = Path.of("config", "kiosk.properties");

    /** One setting: its key, its default as written in the config file, and how to read it. */
    public record Setting(String key, String defaultValue, String description) {
        /** Environment variable: {@code kiosk.data-dir} is {@code KIOSK_DATA_DIR}. */
        public String envName() {
            return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        }

        /** Command-line flag: {@code kiosk.data-dir} is {@code --data-dir}. */
        public String flag() {
            return "--" + key.substring("kiosk.".length());
        }
    }

    /** Every setting, in the order the config file documents them. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("kiosk.port", "7070", "HTTP port of the kiosk"),
            new Setting("kiosk.bind-address", "0.0.0.0", "address to listen on (127.0.0.1 for this machine only)"),
            new Setting("kiosk.data-dir", "data", "folder of the SQLite database, created on first start"),
            new Setting("kiosk.plugins-dir", "", "folder of the topic plugins; empty means the plugins folder beside physio-kiosk.jar"),
            new Setting("kiosk.plugin-mode", "deployment", "deployment (plugin jars) or development (plugins/*/target/classes)"),
            new Setting("kiosk.languages", "en,es", "languages offered to patients, comma-separated, the first is the default (supported: en, es)"),
            new Setting("kiosk.clinic-name", "Physiotherapy clinic", "clinic name on the welcome screen"),
            new Setting("kiosk.ask-name", "true", "ask patients the name they want to be called by (true or false)"),
            new Setting("kiosk.idle-timeout-seconds", "90", "idle patient screens reset to the welcome screen after this many seconds (15-3600)"),
            new Setting("kiosk.urgent-screen-seconds", "20",
                    "the urgent screen (speak to reception now) returns to the welcome screen after this many seconds (3-120)"),
            new Setting("kiosk.result-screen-seconds", "60",
                    "the result screen returns to the welcome screen after this many seconds, at most the idle time (3-600)"),
            new Setting("kiosk.retention-days", "30", "check-ins older than this many days are deleted (1-3650)"),
            new Setting("kiosk.timezone", "", "the clinic's time zone, e.g. Europe/Madrid; empty means the machine's"),
            new Setting("kiosk.staff-idle-minutes", "30",
                    "staff are signed out after this many minutes without using the staff pages (5-720)"),
            new Setting("kiosk.plugin-check-seconds", "20", "an uploaded plugin's checks, run in a JVM of their own,"
                    + " are stopped and the plugin refused after this many seconds (5-600)"),
            new Setting("kiosk.public-hostnames", "",
                    "other names staff use to reach the kiosk (e.g. kiosk.clinic.example), comma-separated; localhost and"
                            + " this machine's own names and addresses always work, requests naming any other host are refused"),
            new Setting("kiosk.backup-dir", "",
                    "folder of the nightly database backups; empty means the backups folder inside the data folder"
                            + " (kiosk.data-dir). Another disk keeps them when this one fails"),
            new Setting("kiosk.backup-keep", "14",
                    "how many backups are kept, the newest (1-1000); none is kept longer than kiosk.retention-days"),
            new Setting("kiosk.backup-time", "02:30",
                    "time of day of the nightly backup, 24-hour, in the clinic's time zone (kiosk.timezone)"),
            new Setting("kiosk.database-url", "",
                    "where the data is kept: empty means the embedded SQLite file in the data folder (one kiosk server);"
                            + " a jdbc:postgresql://host:5432/name URL means a shared PostgreSQL 15 or newer (a clinic chain,"
                            + " several kiosk servers). TLS options go in the URL (?sslmode=verify-full); never a password"),
            new Setting("kiosk.database-user", "", "the PostgreSQL user name; its password is read from the environment"
                    + " variable KIOSK_DATABASE_PASSWORD or the file kiosk.database-password-file, never from this file"),
            new Setting("kiosk.database-password-file", "",
                    "a file holding only the PostgreSQL password (readable by the kiosk's user alone), or empty"),
            new Setting("kiosk.site", "main", "this kiosk server's site among those sharing one database (kiosk.database-url):"
                    + " 1-40 lower-case letters, digits and hyphens, e.g. north; set it before the first start"),
            new Setting("kiosk.site-name", "", "what staff call this site (e.g. North clinic); empty means the clinic name"),
            new Setting("kiosk.all-sites", "staff", "who may switch the check-ins list to every site sharing the database:"
                    + " staff (everyone signed in) or admin"),
            new Setting("kiosk.fhir-base-url", "",
                    "canonical base of the FHIR resources the kiosk exports (Questionnaires, code systems): an https"
                            + " address the clinic owns, such as https://clinic.example.org/fhir; empty means "
                            + DEFAULT_FHIR_BASE_URL));

    private final Path defaultPluginsDir;

    /** @param defaultPluginsDir where plugins are looked for when {@code kiosk.plugins-dir} is empty */
    public ConfigLoader(Path defaultPluginsDir) {
        this.defaultPluginsDir = defaultPluginsDir;
    }

    /** Reads the settings from the given environment and command-line arguments. */
    public KioskConfig load(Map<String, String> env, String[] args) {
        Map<String, String> flags = parseFlags(args);
        Map<String, Valued> values = new LinkedHashMap<>();
        SETTINGS.forEach(s -> values.put(s.key(), new Valued(s.defaultValue(), "default")));

        String configFlag = flags.remove("--config");
        Path configFile;
        boolean explicitFile;
        if (configFlag != null) {
            configFile = path("--config", configFlag);
            explicitFile = true;
        } else if (env.get("KIOSK_CONFIG") != null) {
            configFile = path("KIOSK_CONFIG", env.get("KIOSK_CONFIG"));
            explicitFile = true;
        } else {
            configFile = DEFAULT_CONFIG_FILE;
            explicitFile = false;
        }
        if (Files.isRegularFile(configFile)) {
            readFile(configFile, values);
        } else if (explicitFile) {
            throw new ConfigException("Config file " + configFile + " does not exist or is not a file");
        }

        for (Setting s : SETTINGS) {
            String v = env.get(s.envName());
            if (v != null) {
                values.put(s.key(), new Valued(v, "environment " + s.envName()));
            }
        }
        for (Map.Entry<String, String> f : flags.entrySet()) {
            Setting s = SETTINGS.stream().filter(x -> x.flag().equals(f.getKey())).findFirst()
                    .orElseThrow(() -> new ConfigException("Unknown command-line flag " + f.getKey()
                            + " (known: --config, " + String.join(", ", SETTINGS.stream().map(Setting::flag).toList()) + ")"));
            values.put(s.key(), new Valued(f.getValue(), "command line " + s.flag()));
        }
        return build(values, env);
    }

    private static final java.util.regex.Pattern SITE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private static String site(String s) {
        String v = s.strip();
        if (!SITE.matcher(v).matches()) {
            throw new IllegalArgumentException(v);
        }
        return v;
    }

    /** Empty, or a PostgreSQL JDBC URL that carries no password. */
    private static String databaseUrl(String url) {
        String u = url.strip();
        if (u.isEmpty()) {
            return u;
        }
        if (!u.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("'" + u + "' is not a PostgreSQL JDBC URL");
        }
        if (u.matches("(?i).*[?&;]password=.*") || u.matches("jdbc:postgresql://[^/@]*:[^/@]*@.*")) {
            throw new IllegalArgumentException("the URL carries a password: put it in KIOSK_DATABASE_PASSWORD or"
                    + " kiosk.database-password-file instead");
        }
        return u;
    }

    /** The PostgreSQL password: {@code KIOSK_DATABASE_PASSWORD}, else the first line of the password file, else none. */
    private static String databasePassword(Map<String, String> env, Path file) {
        String fromEnv = env.get("KIOSK_DATABASE_PASSWORD");
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        if (file == null) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new ConfigException("Setting kiosk.database-password-file names " + file + ", which is empty");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new ConfigException("Setting kiosk.database-password-file names " + file + ", which cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private record Valued(String value, String origin) {
    }

    private static Map<String, String> parseFlags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                throw new ConfigException("Command-line argument '" + arg + "' is not of the form --name=value");
            }
            flags.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return flags;
    }

    private static void readFile(Path file, Map<String, Valued> values) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        for (String key : props.stringPropertyNames()) {
            if (key.equals("kiosk.database-password")) {
                throw new ConfigException("The database password is never read from " + file + " (others may read it):"
                        + " put it in the environment variable KIOSK_DATABASE_PASSWORD or in a file of its own named by"
                        + " kiosk.database-password-file, and remove kiosk.database-password");
            }
            if (!values.containsKey(key)) {
                throw new ConfigException("Unknown setting '" + key + "' in " + file);
            }
            values.put(key, new Valued(props.getProperty(key).trim(), file.toString()));
        }
    }

    /** Bounds of the settings an admin changes on the settings page, for its own messages next to each field. */
    public static final int MAX_CLINIC_NAME = 80;
    public static final int MIN_IDLE_SECONDS = 15;
    public static final int MAX_IDLE_SECONDS = 3600;
    public static final int MIN_RETENTION_DAYS = 1;
    public static final int MAX_RETENTION_DAYS = 3650;
    /** Bounds of {@code kiosk.backup-keep}. */
    public static final int MIN_BACKUP_KEEP = 1;
    public static final int MAX_BACKUP_KEEP = 1000;
    /**
     * The clinic's canonical base: an {@code https} URL without a trailing slash.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    static String fhirBase(String url) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty()) {
            return DEFAULT_FHIR_BASE_URL;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(trimmed);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + url + "' is not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("'" + url + "' must be an https address the clinic owns, such as "
                    + "https://clinic.example.org/fhir, without a query, fragment or user name");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /** The backup folder inside the data folder when {@code kiosk.backup-dir} is empty. */
    public static final String DEFAULT_BACKUP_FOLDER = "backups";

    /** A time of day as a setting is written: {@code 02:30}, {@code 2:30}, {@code 23:05}. */
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("H:mm")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    /** How one setting's text becomes its value, and what a person should write instead when it cannot. */
    private record Parser(Function<String, ?> parse, String expected) {
    }

    /** The one place each setting is parsed, used at start-up and for changes made on the admin page. */
    private static final Map<String, Parser> PARSERS = Map.ofEntries(
            Map.entry("kiosk.port", new Parser(s -> range(s, 1, 65535), "a port number from 1 to 65535")),
            Map.entry("kiosk.bind-address", new Parser(ConfigLoader::nonBlank, "an IP address or host name")),
            Map.entry("kiosk.data-dir", new Parser(s -> Path.of(nonBlank(s)), "a folder path")),
            Map.entry("kiosk.plugins-dir", new Parser(s -> s.isBlank() ? null : Path.of(s), "a folder path")),
            Map.entry("kiosk.plugin-mode", new Parser(s -> PluginMode.valueOf(s.toUpperCase(Locale.ROOT)),
                    "deployment or development")),
            Map.entry("kiosk.languages", new Parser(ConfigLoader::languages,
                    "a comma-separated list of " + String.join(", ", Languages.SUPPORTED))),
            Map.entry("kiosk.clinic-name", new Parser(s -> {
                if (s.isBlank() || s.length() > MAX_CLINIC_NAME || !com.physiokiosk.engine.i18n.PlainText.isPlain(s)) {
                    throw new IllegalArgumentException();
                }
                return s;
            }, "a name of 1 to " + MAX_CLINIC_NAME + " characters")),
            Map.entry("kiosk.ask-name", new Parser(ConfigLoader::bool, "true or false")),
            Map.entry("kiosk.idle-timeout-seconds", new Parser(s -> Duration.ofSeconds(range(s, MIN_IDLE_SECONDS, MAX_IDLE_SECONDS)),
                    "a whole number of seconds from " + MIN_IDLE_SECONDS + " to " + MAX_IDLE_SECONDS)),
            Map.entry("kiosk.urgent-screen-seconds", new Parser(s -> Duration.ofSeconds(range(s, 3, 120)),
                    "a whole number of seconds from 3 to 120")),
            Map.entry("kiosk.result-screen-seconds", new Parser(s -> Duration.ofSeconds(range(s, 3, 600)),
                    "a whole number of seconds from 3 to 600")),
            Map.entry("kiosk.retention-days", new Parser(s -> range(s, MIN_RETENTION_DAYS, MAX_RETENTION_DAYS),
                    "a whole number of days from " + MIN_RETENTION_DAYS + " to " + MAX_RETENTION_DAYS)),
            Map.entry("kiosk.timezone", new Parser(s -> s.isBlank() ? ZoneId.systemDefault() : ZoneId.of(s),
                    "a time zone such as Europe/Madrid, or empty")),
            Map.entry("kiosk.staff-idle-minutes", new Parser(s -> Duration.ofMinutes(range(s, 5, 720)),
                    "a whole number of minutes from 5 to 720")),
            Map.entry("kiosk.plugin-check-seconds", new Parser(s -> Duration.ofSeconds(range(s, 5, 600)),
                    "a whole number of seconds from 5 to 600")),
            Map.entry("kiosk.public-hostnames", new Parser(ConfigLoader::hostnames,
                    "host names separated by commas, such as kiosk.clinic.example")),
            Map.entry("kiosk.backup-dir", new Parser(s -> s.isBlank() ? null : Path.of(s), "a folder path, or empty")),
            Map.entry("kiosk.backup-keep", new Parser(s -> range(s, MIN_BACKUP_KEEP, MAX_BACKUP_KEEP),
                    "a whole number of backups from " + MIN_BACKUP_KEEP + " to " + MAX_BACKUP_KEEP)),
            Map.entry("kiosk.backup-time", new Parser(s -> LocalTime.parse(s, TIME_OF_DAY),
                    "a time of day such as 02:30 (24-hour, hours and minutes)")),
            Map.entry("kiosk.database-url", new Parser(ConfigLoader::databaseUrl,
                    "empty, or a PostgreSQL JDBC URL such as jdbc:postgresql://db.clinic.example:5432/kiosk without a password")),
            Map.entry("kiosk.database-user", new Parser(String::strip, "a user name, or empty")),
            Map.entry("kiosk.database-password-file", new Parser(s -> s.isBlank() ? null : Path.of(s.strip()),
                    "a file path, or empty")),
            Map.entry("kiosk.site", new Parser(ConfigLoader::site, "1-40 lower-case letters, digits and hyphens, such as north")),
            Map.entry("kiosk.site-name", new Parser(s -> {
                if (s.strip().length() > MAX_CLINIC_NAME) {
                    throw new IllegalArgumentException("too long");
                }
                return s.strip();
            }, "a name of at most " + MAX_CLINIC_NAME + " characters, or empty")),
            Map.entry("kiosk.all-sites", new Parser(s -> {
                String v = s.strip().toLowerCase(Locale.ROOT);
                if (!v.equals("staff") && !v.equals("admin")) {
                    throw new IllegalArgumentException(v);
                }
                return v;
            }, "staff or admin")),
            Map.entry("kiosk.fhir-base-url", new Parser(ConfigLoader::fhirBase,
                    "an https address the clinic owns, such as https://clinic.example.org/fhir, or empty")));

    /** Settings a clinic admin may change while the kiosk runs (the rest need a restart). */
    public static final List<String> EDITABLE = List.of("kiosk.clinic-name", "kiosk.languages", "kiosk.ask-name",
            "kiosk.idle-timeout-seconds", "kiosk.retention-days");

    private KioskConfig build(Map<String, Valued> v, Map<String, String> env) {
        Path pluginsDir = read(v, "kiosk.plugins-dir");
        if (pluginsDir == null) {
            pluginsDir = defaultPluginsDir;
        }
        if (pluginsDir == null) {
            throw new ConfigException("Setting kiosk.plugins-dir is empty and there is no physio-kiosk.jar to look beside;"
                    + " set KIOSK_PLUGINS_DIR");
        }
        Path dataDir = read(v, "kiosk.data-dir");
        Path backupDir = read(v, "kiosk.backup-dir");
        return new KioskConfig(read(v, "kiosk.port"), read(v, "kiosk.bind-address"), dataDir,
                pluginsDir, read(v, "kiosk.plugin-mode"), read(v, "kiosk.languages"), read(v, "kiosk.clinic-name"),
                read(v, "kiosk.ask-name"), read(v, "kiosk.idle-timeout-seconds"), read(v, "kiosk.urgent-screen-seconds"),
                read(v, "kiosk.result-screen-seconds"), read(v, "kiosk.retention-days"), read(v, "kiosk.timezone"),
                read(v, "kiosk.staff-idle-minutes"), read(v, "kiosk.plugin-check-seconds"),
                read(v, "kiosk.public-hostnames"),
                backupDir == null ? dataDir.resolve(DEFAULT_BACKUP_FOLDER) : backupDir, read(v, "kiosk.backup-keep"),
                read(v, "kiosk.backup-time"), read(v, "kiosk.fhir-base-url"),
                new DatabaseSettings(read(v, "kiosk.database-url"), read(v, "kiosk.database-user"),
                        databasePassword(env, read(v, "kiosk.database-password-file"))),
                read(v, "kiosk.site"), read(v, "kiosk.site-name"), read(v, "kiosk.all-sites"));
    }

    /**
     * {@code base} with {@code changes} (setting key to text) applied, each checked exactly as at start-up.
     *
     * @param origin where the changes come from, for messages ("admin page")
     * @throws ConfigException naming the first setting that is unknown, not changeable at run time, or bad
     */
    public static KioskConfig withChanges(KioskConfig base, Map<String, String> changes, String origin) {
        Map<String, Valued> v = new LinkedHashMap<>();
        v.put("kiosk.clinic-name", new Valued(base.clinicName(), "current"));
        v.put("kiosk.languages", new Valued(String.join(",", base.languages()), "current"));
        v.put("kiosk.ask-name", new Valued(Boolean.toString(base.askName()), "current"));
        v.put("kiosk.idle-timeout-seconds", new Valued(Long.toString(base.idleTimeout().toSeconds()), "current"));
        v.put("kiosk.retention-days", new Valued(Integer.toString(base.retentionDays()), "current"));
        changes.forEach((key, value) -> {
            if (!EDITABLE.contains(key)) {
                throw new ConfigException("Setting " + key + " cannot be changed while the kiosk runs");
            }
            v.put(key, new Valued(value == null ? "" : value, origin));
        });
        return new KioskConfig(base.port(), base.bindAddress(), base.dataDir(), base.pluginsDir(), base.pluginMode(),
                read(v, "kiosk.languages"), read(v, "kiosk.clinic-name"), read(v, "kiosk.ask-name"),
                read(v, "kiosk.idle-timeout-seconds"), base.urgentScreen(), base.resultScreen(), read(v, "kiosk.retention-days"),
                base.zone(), base.staffIdleTimeout(), base.pluginCheckLimit(), base.publicHostnames(), base.backupDir(),
                base.backupKeep(), base.backupTime(), base.fhirBaseUrl(), base.database(), base.site(), base.siteName(),
                base.allSites());
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(Map<String, Valued> values, String key) {
        Valued valued = values.get(key);
        Parser parser = PARSERS.get(key);
        try {
            return (T) parser.parse().apply(valued.value().trim());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ConfigException("Bad setting " + key + "='" + valued.value() + "' (from " + valued.origin()
                    + "): expected " + parser.expected());
        }
    }

    private static final java.util.regex.Pattern HOSTNAME =
            java.util.regex.Pattern.compile("(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private static List<String> hostnames(String s) {
        List<String> out = new java.util.ArrayList<>();
        for (String part : s.split(",")) {
            String name = part.strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (!HOSTNAME.matcher(name).matches()) {
                throw new IllegalArgumentException(name);
            }
            out.add(name);
        }
        return out;
    }

    private static String nonBlank(String s) {
        if (s.isBlank()) {
            throw new IllegalArgumentException();
        }
        return s;
    }

    private static Path path(String origin, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new ConfigException("Bad path '" + value + "' in " + origin);
        }
    }

    private static int range(String s, int min, int max) {
        int n = Integer.parseInt(s);
        if (n < min || n > max) {
            throw new IllegalArgumentException();
        }
        return n;
    }

    private static boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    private static List<String> languages(String s) {
        List<String> out = new ArrayList<>();
        for (String part : Arrays.stream(s.split(",")).map(String::trim).toList()) {
            if (!Languages.isSupported(part) || out.contains(part)) {
                throw new IllegalArgumentException();
            }
            out.add(part);
        }
        return out;
    }
}
