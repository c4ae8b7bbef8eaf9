package com.physiokiosk.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Figures a test reports in the build output (latency under attack, hashes at once). Inside
 * {@code JavalinTest.test} whatever a test prints is held back unless it fails, so lines are kept
 * here and printed once the test case is over.
 */
final class Report {

    private static final List<String> LINES = new ArrayList<>();

    private Report() {
    }

    static synchronized void line(String format, Object... args) {
        LINES.add(String.format(format, args));
    }

    /** Prints the lines kept so far; call after {@code JavalinTest.test}, whether it passed or not. */
    static synchronized void print() {
        LINES.forEach(System.out::print);
        LINES.clear();
    }
}
