package com.physiokiosk.engine.topic;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.i18n.MessageBundle;
import java.util.List;
import java.util.Optional;

/**
 * An immutable copy of a started, validated topic: what the host needs to ask its questions,
 * evaluate its rules and show its texts. Holds no extension instance, so once the host drops
 * it, the plugin's class loader can be released.
 *
 * @param pluginId      id of the plugin that contributed the topic ({@code host} for the host's own)
 * @param pluginVersion version of that plugin, stored with every finding
 * @param info          the topic's identity
 * @param questions     its questions, in order
 * @param rules         its rules
 * @param messages      its texts
 * @param classLoader   the plugin's class loader, for its assets
 * @param templates     the plugin's own templates, or {@code null} when it ships none
 */
public record LoadedTopic(String pluginId, String pluginVersion, TopicInfo info, List<Question> questions,
                          List<Rule> rules, MessageBundle messages, ClassLoader classLoader, TopicTemplates templates) {

    public LoadedTopic {
        questions = List.copyOf(questions);
        rules = List.copyOf(rules);
    }

    public String id() {
        return info.id();
    }

    /** The question with {@code linkId}, if the topic has one. */
    public Optional<Question> question(String linkId) {
        return questions.stream().filter(q -> q.linkId().equals(linkId)).findFirst();
    }

    /** The text of {@code key} in {@code language}. */
    public String text(String language, String key, Object... args) {
        return messages.get(language, key, args);
    }

    /**
     * The URL of a file in the plugin's {@code assets/} folder, or empty when it has no such file.
     * Only the plugin's own files are found, never the host's.
     */
    public Optional<java.net.URL> asset(String fileName) {
        if (fileName == null || !ASSET_NAME.matcher(fileName).matches()) {
            return Optional.empty();
        }
        String path = com.physiokiosk.api.PluginApi.ASSETS + fileName;
        java.net.URL url = classLoader instanceof java.net.URLClassLoader own ? own.findResource(path) : classLoader.getResource(path);
        return Optional.ofNullable(url);
    }

    /**
     * Largest file a plugin's {@code assets/} folder may hold, counted as read (a plugin with a larger
     * one is refused at load); the kiosk never serves more than this of one.
     */
    public static final long MAX_ASSET_BYTES = 1024L * 1024;

    /** File names a plugin asset may have: no folders, no dots but the extension. */
    public static final java.util.regex.Pattern ASSET_NAME =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}\\.(svg|png|jpg|webp)");

    public String title(String language) {
        return text(language, info.titleKey());
    }
}
