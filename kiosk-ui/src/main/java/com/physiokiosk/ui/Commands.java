package com.physiokiosk.ui;

import com.physiokiosk.engine.config.ConfigException;
import com.physiokiosk.engine.config.ConfigLoader;
import com.physiokiosk.engine.config.KioskConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the kiosk's commands ({@code reset-password}, {@code restore}) share: their exit codes, and the
 * kiosk's own settings, read as at start-up, so that they find the same data folder.
 */
final class Commands {

    /** It did what was asked. */
    static final int DONE = 0;
    /** It refused (the message says why) and changed nothing. */
    static final int REFUSED = 1;
    /** It could not run: bad arguments or settings, no database, a failure part-way (the message says which). */
    static final int CANNOT_RUN = 2;

    private Commands() {
    }

    /**
     * The kiosk's settings from the config file, {@code env} and the command's {@code --name=value} flags,
     * or {@code null} once the problem is said on {@code err} as "{@code command}: …".
     */
    static KioskConfig config(String command, List<String> flags, Map<String, String> env, PrintStream err) {
        try {
            // Plugins play no part here: any folder will do for the loader's default.
            return new ConfigLoader(Path.of("plugins")).load(env, flags.toArray(String[]::new));
        } catch (ConfigException e) {
            err.println(command + ": " + e.getMessage());
            return null;
        }
    }
}
