package com.physiokiosk.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a rule rests on, so a physiotherapist can check it. One of three kinds, each with its factory:
 * <ul>
 *   <li>a <b>guideline</b> ({@link #guideline}): issued by a body such as NICE, with its title, its year and a
 *       link, narrowed with {@link #at(String)} to the section or recommendation the rule rests on. Only a
 *       guideline has an {@link #issuer()}: see {@link #isGuideline()}. A red flag (an URGENT rule) cites one.</li>
 *   <li>a <b>study</b> ({@link #study}): a published reference and its year, with {@link #at(String)} for the
 *       finding used.</li>
 *   <li>any other <b>document</b> ({@link #of(String)}, {@link #Source(String, String)}): for example a source
 *       article by its file name, with the section the rule comes from, and a note where the rule goes further
 *       than the article.</li>
 * </ul>
 *
 * <pre>{@code
 * static final Source NICE_NG59 = Source.guideline("NICE", "NICE NG59",
 *         "Low back pain and sciatica in over 16s: assessment and management", 2016,
 *         "https://www.nice.org.uk/guidance/ng59");
 * Rule.of(..., NICE_NG59.at("recommendation 1.2.1: encourage people to continue with normal activities"));
 * }</pre>
 *
 * <p>{@link #toString()} is one readable line; the kiosk stores and prints it with every finding. No part may
 * hold a line break.
 *
 * @param document what is cited, as it is usually named: a guideline's short name ({@code "NICE NG59"}), a
 *                 study's reference, or an article's file name
 * @param citation the section, recommendation or finding within the document that the rule rests on, with any
 *                 note (such as where the rule goes further than its source), or {@code null}
 * @param issuer   the body that issued the guideline ({@code "NICE"}), or {@code null} when the document is not
 *                 a guideline (since 1.1)
 * @param title    the document's full title, or {@code null}; a guideline has one (since 1.1)
 * @param year     the year of publication, or {@code null} when unknown or the document is revised continuously
 *                 (since 1.1)
 * @param link     a web address ({@code https://…}) where the document can be read, or {@code null} (since 1.1)
 * @since 1.0
 */
public record Source(String document, String citation, String issuer, String title, Integer year, String link) {

    public Source {
        Objects.requireNonNull(document, "document");
        if (document.isBlank()) {
            throw new IllegalArgumentException("source document must not be blank");
        }
        for (String part : new String[] {document, citation, issuer, title, link}) {
            if (part != null && (part.isBlank() || part.indexOf('\n') >= 0 || part.indexOf('\r') >= 0)) {
                throw new IllegalArgumentException("source '" + document.strip()
                        + "': every part given must be one line of text, not blank");
            }
        }
        if (year != null && (year < 1900 || year > 2100)) {
            throw new IllegalArgumentException("source '" + document + "': year " + year + " is not a year of publication");
        }
        if (link != null && (!(link.startsWith("https://") || link.startsWith("http://")) || link.contains(" "))) {
            throw new IllegalArgumentException("source '" + document + "': link '" + link + "' is not a web address");
        }
        if (issuer != null && (title == null || (link == null && citation == null))) {
            throw new IllegalArgumentException("guideline '" + document + "' needs a title, and a link or a section");
        }
    }

    /**
     * A document with the section or study it rests on, or {@code null} for none.
     *
     * @since 1.0
     */
    public Source(String document, String citation) {
        this(document, citation, null, null, null, null);
    }

    /**
     * A document with no particular section or study cited.
     *
     * @since 1.0
     */
    public static Source of(String document) {
        return new Source(document, null);
    }

    /**
     * A guideline: issued by {@code issuer}, known as {@code document}, with its full {@code title}, its
     * {@code year} ({@code null} for one revised continuously) and a {@code link}. Add the section the rule rests
     * on with {@link #at(String)}.
     *
     * @since 1.1
     */
    public static Source guideline(String issuer, String document, String title, Integer year, String link) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        return new Source(document, null, issuer, title, year, link);
    }

    /**
     * A published study, by its {@code reference} (authors, journal, volume and pages) and {@code year}.
     *
     * @since 1.1
     */
    public static Source study(String reference, int year) {
        return new Source(reference, null, null, null, year, null);
    }

    /**
     * This source narrowed to {@code section}: the section, recommendation or finding the rule rests on, with any
     * note on how the rule uses it.
     *
     * @since 1.1
     */
    public Source at(String section) {
        Objects.requireNonNull(section, "section");
        return new Source(document, section, issuer, title, year, link);
    }

    /**
     * Whether this is a guideline: a document with an {@linkplain #issuer() issuer}, and therefore a title and a
     * link or section. This is what the test kit asks of the source of every URGENT rule.
     *
     * @since 1.1
     */
    public boolean isGuideline() {
        return issuer != null;
    }

    /**
     * How the source reads on a printout, on one line: for a guideline its name, title, issuer (unless the name
     * already starts with it) and year, then the section and the link; for anything else the document, then the
     * section in brackets, then the link.
     */
    @Override
    public String toString() {
        if (isGuideline()) {
            List<String> by = new ArrayList<>();
            if (!document.startsWith(issuer)) {
                by.add(issuer);
            }
            if (year != null) {
                by.add(String.valueOf(year));
            }
            StringBuilder out = new StringBuilder(document).append(": ").append(title);
            if (!by.isEmpty()) {
                out.append(" (").append(String.join(", ", by)).append(')');
            }
            if (citation != null) {
                out.append(", ").append(citation);
            }
            if (link != null) {
                out.append(", ").append(link);
            }
            return out.toString();
        }
        StringBuilder out = new StringBuilder(document);
        if (citation != null) {
            out.append(" (").append(citation).append(')');
        }
        if (link != null) {
            out.append(", ").append(link);
        }
        return out.toString();
    }
}
