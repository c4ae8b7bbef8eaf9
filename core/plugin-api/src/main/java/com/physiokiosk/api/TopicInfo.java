package com.physiokiosk.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity and presentation of a {@link Topic}.
 *
 * @param id         stable id, lower-case letters, digits and hyphens (for example {@code cramps});
 *                   used in URLs and stored with every check-in, so it must never change
 * @param titleKey   message key of the short title shown on the topic-choice button
 * @param summaryKey message key of the one-line description under the title
 * @param icon       file name of an SVG icon shipped in the plugin's {@code assets/} folder, or
 *                   {@code null} for none
 * @param order      position on the topic-choice screen, lower first
 * @param sensitive  whether the topic touches intimate matters (sex, continence): its advice is then
 *                   never shown on the kiosk's screen, where others may read it; the patient is told
 *                   their physiotherapist will go through it, and it is printed for them (since 1.1)
 * @since 1.0
 */
public record TopicInfo(String id, String titleKey, String summaryKey, String icon, int order, boolean sensitive) {

    /** A topic that is not sensitive. */
    public TopicInfo(String id, String titleKey, String summaryKey, String icon, int order) {
        this(id, titleKey, summaryKey, icon, order, false);
    }

    /**
     * This topic, marked sensitive: its advice stays off the kiosk's screen.
     *
     * @since 1.1
     */
    public TopicInfo asSensitive() {
        return new TopicInfo(id, titleKey, summaryKey, icon, order, true);
    }

    /**
     * What a topic id may be: 2 to 40 lower-case letters, digits and hyphens, starting with a letter. The
     * plugin id is the topic id; it names the plugin's jar, its addresses and its stored answers.
     *
     * @since 1.1
     */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public TopicInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titleKey, "titleKey");
        Objects.requireNonNull(summaryKey, "summaryKey");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("topic id '" + id
                    + "' must be 2-40 lower-case letters, digits or hyphens, starting with a letter");
        }
    }
}
