package com.physiokiosk.testplugin.haltsatstart;

import org.pf4j.Plugin;

/** Ends the JVM it is started in, at once, without running shutdown hooks. */
public final class HaltingPlugin extends Plugin {
    @Override
    public void start() {
        Runtime.getRuntime().halt(42);
    }
}
