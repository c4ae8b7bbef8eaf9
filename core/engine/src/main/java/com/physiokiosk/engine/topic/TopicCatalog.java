package com.physiokiosk.engine.topic;

import java.util.List;
import java.util.Optional;

/** The sections a visit can hold: the host's own two, and the topics offered right now. */
public interface TopicCatalog {

    /** The host-owned general safety screen, asked of every patient first. */
    LoadedTopic safety();

    /** The host-owned "About you" screens: the shared facts, asked after the safety screen. */
    LoadedTopic about();

    /** The offered topic with {@code topicId}, or empty when there is none or it is switched off. */
    Optional<LoadedTopic> find(String topicId);

    /** The offered topics in display order. */
    List<LoadedTopic> topics();

    /** Whether {@code sectionId} is one of the host's own sections, which no plugin may use. */
    default boolean isHostSection(String sectionId) {
        return sectionId.equals(safety().id()) || sectionId.equals(about().id());
    }
}
