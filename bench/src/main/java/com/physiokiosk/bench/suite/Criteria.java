package com.physiokiosk.bench.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The criteria of one target, checked one by one, so that a miss names every criterion it failed
 * with the figure that failed it, and nothing can be reported as met without being checked.
 */
final class Criteria {

    private final List<String> misses = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Records {@code missed} unless {@code met}. */
    Criteria require(boolean met, String missed) {
        if (!met) {
            misses.add(missed);
        }
        return this;
    }

    /** A fact worth printing next to the verdict whatever it is (say, a condition of the run). */
    Criteria note(String note) {
        notes.add(note);
        return this;
    }

    Row row(String what, String baseline, String ours, Double ratio, String absolute, String target) {
        List<String> why = new ArrayList<>(misses);
        why.addAll(notes);
        return new Row(what, baseline, ours, ratio, absolute, target,
                misses.isEmpty() ? Row.Status.MET : Row.Status.MISSED, String.join("; ", why));
    }
}
