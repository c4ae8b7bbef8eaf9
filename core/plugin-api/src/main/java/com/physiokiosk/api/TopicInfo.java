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
 * @since 1.0
 */
public record TopicInfo(String id, String titleKey, String summaryKey, String icon, int order) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

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
