package com.physiokiosk.testkit;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A topic as the kiosk loaded and checked it, for a plugin's tests: its info, questions and rules as the
 * plugin gave them, and its texts as the kiosk reads them. The test kit's own type: a plugin's tests never
 * see the kiosk's internals.
 */
public final class TopicUnderTest {

    private final LoadedTopic topic;

    TopicUnderTest(LoadedTopic topic) {
        this.topic = topic;
    }

    /** The kiosk's own model, for the test kit itself. */
    LoadedTopic loaded() {
        return topic;
    }

    /** The topic id (also the plugin id). */
    public String id() {
        return topic.id();
    }

    public TopicInfo info() {
        return topic.info();
    }

    /** The questions in the order they are asked. */
    public List<Question> questions() {
        return topic.questions();
    }

    /** The question {@code linkId}, if the topic has it. */
    public Optional<Question> question(String linkId) {
        return topic.question(linkId);
    }

    public List<Rule> rules() {
        return topic.rules();
    }

    /** The topic's title in {@code language}. */
    public String title(String language) {
        return topic.title(language);
    }

    /** The text of {@code key} in {@code language} (English when that language lacks it), {@code {0}}… filled in. */
    public String text(String language, String key, Object... args) {
        return topic.text(language, key, args);
    }

    /** Whether the plugin's {@code assets/} folder holds {@code fileName} as the kiosk would serve it. */
    public boolean hasAsset(String fileName) {
        return topic.asset(fileName).isPresent();
    }

    /** Whether the kiosk loaded the plugin's own templates, which draw its illustrations. */
    public boolean hasTemplates() {
        return topic.templates() != null;
    }

    /** The plugin's texts: which keys each language has. */
    public Texts messages() {
        return new Texts();
    }

    /** The plugin's texts by language. */
    public final class Texts {

        private Texts() {
        }

        /** The languages the plugin ships texts in. */
        public Set<String> languages() {
            return topic.messages().languages();
        }

        /** Every key of {@code language}; empty when the plugin does not ship that language. */
        public Set<String> keys(String language) {
            return topic.messages().keys(language);
        }

        /** The text of {@code key} in exactly {@code language}, with no fallback. */
        public Optional<String> find(String language, String key) {
            return topic.messages().find(language, key);
        }
    }

    @Override
    public String toString() {
        return "topic '" + id() + "'";
    }
}
