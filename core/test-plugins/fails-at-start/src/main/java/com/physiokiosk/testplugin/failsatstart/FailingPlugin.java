package com.physiokiosk.testplugin.failsatstart;

import org.pf4j.Plugin;

/** Throws when the kiosk starts it. */
public final class FailingPlugin extends Plugin {
    @Override
    public void start() {
        throw new IllegalStateException("deliberate failure at start");
    }
}
