package com.physiokiosk.bench.load;

import java.time.Duration;

/**
 * How one load runs: a fixed number of clients, each on its own thread, calling back to back; a
 * warm-up whose calls are not counted, then a measured phase. Both phases are bounded in time,
 * the measured one also in calls, so no run can go on forever.
 *
 * @param name     what is loaded, for messages
 * @param clients  concurrent clients (threads), each with its own session
 * @param warmUp   how long the clients call before measuring starts (JIT, caches, connections)
 * @param measure  the longest the measured phase lasts
 * @param maxCalls the most calls the measured phase makes, all clients together
 */
public record LoadPlan(String name, int clients, Duration warmUp, Duration measure, long maxCalls) {

    public LoadPlan {
        if (clients < 1 || maxCalls < 1 || warmUp.isNegative() || measure.isZero() || measure.isNegative()) {
            throw new IllegalArgumentException("bad load plan " + name);
        }
    }
}
