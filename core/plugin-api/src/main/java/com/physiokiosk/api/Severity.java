package com.physiokiosk.api;

/**
 * How much what a {@link Rule} raises matters, most urgent first.
 *
 * @since 1.0
 */
public enum Severity {
    /** Stop and tell staff now: the patient is asked to speak to reception at once. */
    URGENT,
    /** Flagged to the physiotherapist for the consult; not an emergency. */
    CONSULT,
    /** A self-care tip shown to the patient. */
    ADVICE,
    /** Context for the physiotherapist only. */
    INFO
}
