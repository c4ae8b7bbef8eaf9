package com.physiokiosk.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One answer option of a choice question.
 *
 * @param code      stable code stored as the answer (lower-case letters, digits, hyphens, underscores)
 * @param textKey   message key of the option's label
 * @param exclusive whether choosing this option excludes every other one ("none of these")
 * @since 1.0
 */
public record AnswerOption(String code, String textKey, boolean exclusive) {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public AnswerOption {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(textKey, "textKey");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("answer code '" + code
                    + "' must be 1-40 lower-case letters, digits, '-' or '_'");
        }
    }

    /** An ordinary option. */
    public static AnswerOption of(String code, String textKey) {
        return new AnswerOption(code, textKey, false);
    }

    /** An option that stands alone, such as "none of these". */
    public static AnswerOption exclusive(String code, String textKey) {
        return new AnswerOption(code, textKey, true);
    }
}
