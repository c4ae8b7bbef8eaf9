package com.physiokiosk.bench.suite;

import java.util.List;

/** One benchmark of issue 8: measures its baseline and the kiosk in the same run and gives its rows. */
public interface Benchmark {

    /** A short name, for progress lines and {@code --only}. */
    String name();

    List<Row> run(Bench bench) throws Exception;

    /** Whether it measures anything that other processes on the machine could disturb. */
    default boolean needsQuietMachine() {
        return true;
    }
}
