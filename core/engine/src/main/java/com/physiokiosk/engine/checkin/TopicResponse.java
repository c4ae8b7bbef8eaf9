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
 */
public record TopicResponse(String topicId, String pluginId, String pluginVersion, String topicTitle,
                            List<StoredAnswer> answers, List<StoredFinding> findings) {

    public TopicResponse {
        answers = List.copyOf(answers);
        findings = List.copyOf(findings);
    }
}
