package com.physiokiosk.testplugin.eatsmemory;

import java.util.ArrayList;
import java.util.List;
import org.pf4j.Plugin;

/** Allocates in start() until the heap is full, and would carry on past an OutOfMemoryError if it could. */
public final class GreedyPlugin extends Plugin {
    @Override
    public void start() {
        List<long[]> hoard = new ArrayList<>();
        while (true) {
            try {
                hoard.add(new long[1 << 20]);
            } catch (OutOfMemoryError e) {
                // Ignored on purpose: keep going.
            }
        }
    }
}
