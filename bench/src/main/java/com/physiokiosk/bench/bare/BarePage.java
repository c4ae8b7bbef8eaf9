package com.physiokiosk.bench.bare;

import java.util.List;

/**
 * The bare app's page model: a question screen's worth of escaped values and a loop, plus plain
 * filler text that brings the page to the byte size of the kiosk's question screen.
 */
public record BarePage(String title, String progress, String token, String question, List<String> options,
                       String filler) {

    /** The page without filler. */
    static BarePage unfilled() {
        return new BarePage("Cramps and spasms", "Question 2 of 8", "0123456789abcdef0123456789abcdef0123456789abcdef",
                "What were you doing when the cramp started?",
                List.of("lifting", "sitting", "sleeping", "walking", "sport", "other"), "");
    }

    BarePage withFiller(String text) {
        return new BarePage(title, progress, token, question, options, text);
    }
}
