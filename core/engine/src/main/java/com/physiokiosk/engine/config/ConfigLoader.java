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
import java.time.ZoneId;
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
            new Setting("kiosk.retention-days", "30", "check-ins older than this many days are deleted (1-3650)"),
            new Setting("kiosk.timezone", "", "the clinic's time zone, e.g. Europe/Madrid; empty means the machine's"),
            new Setting("kiosk.staff-idle-minutes", "30",
                    "staff are signed out after this many minutes without using the staff pages (5-720)"));

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
        return build(values);
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
            if (!values.containsKey(key)) {
                throw new ConfigException("Unknown setting '" + key + "' in " + file);
            }
            values.put(key, new Valued(props.getProperty(key).trim(), file.toString()));
        }
    }

    private KioskConfig build(Map<String, Valued> v) {
        int port = read(v, "kiosk.port", s -> {
            int p = Integer.parseInt(s);
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException();
            }
            return p;
        }, "a port number from 1 to 65535");
        String bind = read(v, "kiosk.bind-address", s -> nonBlank(s), "an IP address or host name");
        Path dataDir = read(v, "kiosk.data-dir", s -> Path.of(nonBlank(s)), "a folder path");
        Path pluginsDir = read(v, "kiosk.plugins-dir", s -> s.isBlank() ? defaultPluginsDir : Path.of(s), "a folder path");
        if (pluginsDir == null) {
            throw new ConfigException("Setting kiosk.plugins-dir is empty and there is no physio-kiosk.jar to look beside;"
                    + " set KIOSK_PLUGINS_DIR");
        }
        PluginMode mode = read(v, "kiosk.plugin-mode", s -> PluginMode.valueOf(s.toUpperCase(Locale.ROOT)),
                "deployment or development");
        List<String> languages = read(v, "kiosk.languages", ConfigLoader::languages,
                "a comma-separated list of " + String.join(", ", Languages.SUPPORTED));
        String clinic = read(v, "kiosk.clinic-name", s -> {
            if (s.isBlank() || s.length() > 80) {
                throw new IllegalArgumentException();
            }
            return s;
        }, "a name of 1 to 80 characters");
        boolean askName = read(v, "kiosk.ask-name", ConfigLoader::bool, "true or false");
        Duration idle = read(v, "kiosk.idle-timeout-seconds", s -> Duration.ofSeconds(range(s, 15, 3600)),
                "a whole number of seconds from 15 to 3600");
        int retention = read(v, "kiosk.retention-days", s -> range(s, 1, 3650), "a whole number of days from 1 to 3650");
        ZoneId zone = read(v, "kiosk.timezone", s -> s.isBlank() ? ZoneId.systemDefault() : ZoneId.of(s),
                "a time zone such as Europe/Madrid, or empty");
        Duration staffIdle = read(v, "kiosk.staff-idle-minutes", s -> Duration.ofMinutes(range(s, 5, 720)),
                "a whole number of minutes from 5 to 720");
        return new KioskConfig(port, bind, dataDir, pluginsDir, mode, languages, clinic, askName, idle, retention, zone,
                staffIdle);
    }

    private static <T> T read(Map<String, Valued> values, String key, Function<String, T> parser, String expected) {
        Valued valued = values.get(key);
        try {
            return parser.apply(valued.value().trim());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new ConfigException("Bad setting " + key + "='" + valued.value() + "' (from " + valued.origin()
                    + "): expected " + expected);
        }
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
