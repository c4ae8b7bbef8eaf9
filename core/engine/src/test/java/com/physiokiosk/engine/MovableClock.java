package com.physiokiosk.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock a test sets and moves by hand, in a time zone of its choosing: back-off, schedules, retention without waiting. */
public final class MovableClock extends Clock {

    private volatile Instant now;
    private final ZoneId zone;

    public MovableClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    public void set(Instant at) {
        now = at;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same moving time, seen in {@code other}: moved by this clock, not by the one returned. */
    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new MovableClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
