package com.physiokiosk.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * A back-pain topic that a patient can choose on the kiosk. Each topic plugin contributes
 * exactly one implementation, annotated with {@code @org.pf4j.Extension}.
 *
 * <p>Implementations must be stateless and cheap: the host calls these methods when the plugin
 * starts and keeps an immutable copy of what they return.
 *
 * @since 1.0
 */
public interface Topic extends ExtensionPoint {

    /** Identity and presentation of the topic on the topic-choice screen. */
    TopicInfo info();

    /** The questions in the order they are asked; skip logic is expressed with {@link Question#enableWhen()}. */
    List<Question> questions();

    /** The rules evaluated once the patient submits; each raises at most one finding. */
    List<Rule> rules();
}
