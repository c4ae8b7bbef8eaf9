package com.physiokiosk.engine.checkin;

import java.util.List;

/**
 * What the patient is shown once a visit is stored.
 *
 * @param number the check-in number to tell reception
 * @param urgent whether to ask the patient to speak to reception now
 * @param advice the self-care advice texts, in the patient's language
 * @param notes  other texts the rules address to the patient (for example "please mention this")
 */
public record SubmissionResult(int number, boolean urgent, List<String> advice, List<String> notes) {

    public SubmissionResult {
        advice = List.copyOf(advice);
        notes = List.copyOf(notes);
    }
}
