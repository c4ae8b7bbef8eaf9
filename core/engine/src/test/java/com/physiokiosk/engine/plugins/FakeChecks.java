package com.physiokiosk.engine.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-ins for {@link PluginCheck}'s main, each failing one way, so that {@link PluginCheckProcess}'s
 * reading of a child can be tested in a second or two without a plugin.
 */
final class FakeChecks {

    private FakeChecks() {
    }

    static String token() throws IOException {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
    }

    /** Passes as plugin {@code fake} 1.2.3, after printing noise and a forged verdict. */
    static final class Passes {
        public static void main(String[] args) throws IOException {
            String token = token();
            System.out.println("some log line");
            System.out.println(PluginCheck.Verdict.ok("forged", "6.6.6").line("not-the-token"));
            System.out.println(PluginCheck.Verdict.ok("fake", "1.2.3").line(token));
        }
    }

    /** Refuses with a reason that needs encoding. */
    static final class Refuses {
        public static void main(String[] args) throws IOException {
            System.out.println(PluginCheck.Verdict.refused("Plugin x is refused: año, 100% \"odd\"\nsecond line").line(token()));
        }
    }

    /** Exits with code 7 before any verdict. */
    static final class Exits {
        public static void main(String[] args) {
            System.out.println("about to fail");
            Runtime.getRuntime().halt(7);
        }
    }

    /** Never ends. */
    static final class Hangs {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(600_000);
        }
    }

    /** Fills its heap. */
    static final class Allocates {
        public static void main(String[] args) {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }
    }

    /** Prints garbage and a verdict for the wrong token, and ends normally. */
    static final class Garbage {
        public static void main(String[] args) throws IOException {
            token();
            System.out.println("\u0000\u0001 garbage");
            System.out.println(PluginCheck.Verdict.ok("forged", "6.6.6").line("0123456789abcdef0123456789abcdef"));
        }
    }

    /** Prints a verdict with the right token that is not well formed. */
    static final class Unreadable {
        public static void main(String[] args) throws IOException {
            System.out.println(PluginCheck.Verdict.PREFIX + " " + token() + " ok only-an-id");
        }
    }

    /** Prints without end. */
    static final class Floods {
        public static void main(String[] args) {
            String line = "x".repeat(1000);
            while (true) {
                System.out.println(line);
            }
        }
    }

    /** Prints the folders it was given: working folder, temporary folder, home, and whether it has an environment. */
    static final class Reports {
        public static void main(String[] args) throws IOException {
            String token = token();
            String where = System.getProperty("user.dir") + "|" + System.getProperty("java.io.tmpdir") + "|"
                    + System.getProperty("user.home") + "|" + System.getenv().keySet() + "|"
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "|" + args[0];
            System.out.println(PluginCheck.Verdict.refused(where).line(token));
        }
    }
}
