package com.physiokiosk.bench;

import com.physiokiosk.bench.suite.Suite;

/**
 * Builds nothing, runs everything: {@code java -jar bench/target/physio-kiosk-bench.jar [--quick]}
 * after {@code mvn -B -q -Pbench -DskipTests package}. See BENCHMARKS.md.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(Suite.run(args));
    }
}
