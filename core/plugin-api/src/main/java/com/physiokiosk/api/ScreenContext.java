package com.physiokiosk.api;

import java.util.List;

/**
 * What a plugin's own jte template receives when the host draws a question's illustration
 * (see {@link Question#withIllustration(String)}). Declare it in the template as
 * {@code @param com.physiokiosk.api.ScreenContext screen}.
 *
 * <p>The host draws the question text, the answer buttons and the navigation itself; the
 * template only adds the picture or diagram between the question and its answers. Output is
 * HTML-escaped by jte; never use {@code $unsafe}. A template draws within 2 seconds and writes at most
 * 256 K characters; one that runs over its time once is not drawn again while the plugin is loaded.
 *
 * @since 1.0
 */
public interface ScreenContext {

    /** The patient's language, e.g. {@code en}. */
    String language();

    /** The plugin's text for {@code key} in the patient's language. */
    String text(String key);

    /** The URL of a file in the plugin's {@code assets/} folder, e.g. {@code asset("side.svg")}. */
    String asset(String fileName);

    /** The question being asked. */
    Question question();

    /** The patient's current answer to it (option codes), empty when not answered yet. */
    List<String> answer();
}
