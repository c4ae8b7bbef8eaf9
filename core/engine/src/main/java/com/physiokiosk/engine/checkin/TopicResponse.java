package com.physiokiosk.engine.checkin;

import java.util.List;

/**
 * The answers a patient gave to one topic and what its rules found.
 *
 * @param topicId       topic id
 * @param pluginId      plugin that contributed the topic ({@code host} for the safety screen)
 * @param pluginVersion its version at the time
 * @param topicTitle    the topic's title as staff read it
 * @param answers       the questions asked and answered, in order
 * @param findings      what the rules raised, most severe first
 * @param finished      whether the patient answered the topic to its end ({@code false}: they left it
 *                      half-way, or the visit ended first; the answers given so far are kept)
 * @param sensitive     the topic is on intimate matters: its advice was kept off the kiosk's screen and is
 *                      to be given to the patient on paper
 * @param questionnaireVersion the version of the topic's stored FHIR Questionnaire the patient answered (its
 *                      texts in every language, kept unchanged), or {@code null} for answers stored before
 *                      versions were kept
 */
public record TopicResponse(String topicId, String pluginId, String pluginVersion, String topicTitle,
                            List<StoredAnswer> answers, List<StoredFinding> findings, boolean finished,
                            boolean sensitive, String questionnaireVersion) {

    public TopicResponse {
        answers = List.copyOf(answers);
        findings = List.copyOf(findings);
    }

    /** A topic answered to its end. */
    public TopicResponse(String topicId, String pluginId, String pluginVersion, String topicTitle,
                         List<StoredAnswer> answers, List<StoredFinding> findings) {
        this(topicId, pluginId, pluginVersion, topicTitle, answers, findings, true, false, null);
    }
}
