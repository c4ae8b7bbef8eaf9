package com.physiokiosk.ui.view;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.ScreenContext;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.util.List;

/** What a plugin's illustration template sees of the screen it draws on. */
public record PatientScreen(String language, LoadedTopic topic, Question question, List<String> answer)
        implements ScreenContext {

    public PatientScreen {
        answer = List.copyOf(answer);
    }

    @Override
    public String text(String key) {
        return topic.text(language, key);
    }

    @Override
    public String asset(String fileName) {
        return assetUrl(topic, fileName);
    }

    /** Where the kiosk serves a file of a topic plugin's {@code assets/} folder. */
    public static String assetUrl(LoadedTopic topic, String fileName) {
        return "/topic-assets/" + topic.id() + "/" + fileName;
    }
}
