package com.physiokiosk.api;

import java.util.Objects;

/**
 * What a rule rests on, so a physiotherapist can check it.
 *
 * @param document the document the rule comes from (for example a seed article's file name or a guideline)
 * @param citation the study or section it cites, or {@code null} when there is none
 * @since 1.0
 */
public record Source(String document, String citation) {

    public Source {
        Objects.requireNonNull(document, "document");
        if (document.isBlank()) {
            throw new IllegalArgumentException("source document must not be blank");
        }
    }

    /** A source with no particular study cited. */
    public static Source of(String document) {
        return new Source(document, null);
    }

    /** How the source reads on a printout. */
    @Override
    public String toString() {
        return citation == null ? document : document + " (" + citation + ")";
    }
}
