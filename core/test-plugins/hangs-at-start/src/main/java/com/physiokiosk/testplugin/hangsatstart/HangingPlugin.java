package com.physiokiosk.testplugin.hangsatstart;

import org.pf4j.Plugin;

/** Never returns from start(), and ignores interrupts; sleeps rather than spins, to spare the build machine. */
public final class HangingPlugin extends Plugin {
    @Override
    public void start() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                // Ignored on purpose: a plugin that will not stop.
            }
        }
    }
}
