package com.physiokiosk.engine.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The texts of one owner (the host, or one topic plugin) in every language it ships, read from
 * UTF-8 {@code <base>_<language>.properties} files.
 *
 * <p>Read once and kept as plain maps: unlike {@link java.util.ResourceBundle} nothing is cached
 * against the class loader, so a stopped plugin's loader can be released.
 */
public final class MessageBundle {

    private final String owner;
    private final Map<String, Map<String, String>> byLanguage;

    private MessageBundle(String owner, Map<String, Map<String, String>> byLanguage) {
        this.owner = owner;
        this.byLanguage = byLanguage;
    }

    /**
     * Loads {@code <basePath>_<language>.properties} for every supported language found.
     *
     * @param owner    who the texts belong to, for messages
     * @param loader   where to look; a plugin class loader is searched for the plugin's own files only,
     *                 never falling back to the host's
     * @param basePath resource path without language and extension, e.g. {@code messages}
     */
    public static MessageBundle load(String owner, ClassLoader loader, String basePath) {
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        for (String lang : Languages.SUPPORTED) {
            String name = basePath + "_" + lang + ".properties";
            URL url = loader instanceof URLClassLoader own ? own.findResource(name) : loader.getResource(name);
            if (url == null) {
                continue;
            }
            Properties props = new Properties() {
                @Override
                public synchronized Object put(Object key, Object value) {
                    // A key given twice silently keeps the last text: refuse it so the wrong words never show.
                    if (containsKey(key)) {
                        throw new IllegalArgumentException("the key '" + key + "' is given twice");
                    }
                    return super.put(key, value);
                }
            };
            try (InputStream in = url.openStream();
                 InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + name + " of " + owner, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Malformed " + name + " of " + owner + ": " + e.getMessage(), e);
            }
            Map<String, String> texts = new LinkedHashMap<>();
            props.stringPropertyNames().forEach(k -> texts.put(k, props.getProperty(k)));
            byLanguage.put(lang, lookup(texts));
        }
        return new MessageBundle(owner, Map.copyOf(byLanguage));
    }

    /** A bundle from in-memory texts, for tests. */
    public static MessageBundle of(String owner, Map<String, Map<String, String>> byLanguage) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byLanguage.forEach((k, v) -> copy.put(k, lookup(v)));
        return new MessageBundle(owner, Map.copyOf(copy));
    }

    /**
     * One language's texts, read-only, for the lookups of every page: a hash map (which compares a key's
     * stored hash before its characters) with its keys interned, so the key a template or a topic names, a
     * constant, is found by identity.
     */
    private static Map<String, String> lookup(Map<String, String> texts) {
        Map<String, String> map = new HashMap<>(texts.size() * 4 / 3 + 1);
        texts.forEach((k, v) -> map.put(k.intern(), v));
        return Collections.unmodifiableMap(map);
    }

    public String owner() {
        return owner;
    }

    /** The languages this bundle ships. */
    public Set<String> languages() {
        return byLanguage.keySet();
    }

    /** Every key of {@code language}; empty when the bundle does not ship that language. */
    public Set<String> keys(String language) {
        return byLanguage.getOrDefault(language, Map.of()).keySet();
    }

    /** The text of {@code key} in {@code language} exactly, with no fallback. */
    public Optional<String> find(String language, String key) {
        Map<String, String> texts = byLanguage.get(language);
        return texts == null ? Optional.empty() : Optional.ofNullable(texts.get(key));
    }

    /**
     * The text of {@code key} in {@code language}, else in English, else the key itself (load-time
     * validation makes that last case a bug, never a patient's problem). {@code {0}}, {@code {1}}…
     * are replaced by {@code args}.
     */
    public String get(String language, String key, Object... args) {
        // Every text of every page comes through here: plain lookups, no Optional.
        Map<String, String> texts = byLanguage.get(language);
        return text(texts == null ? null : texts.get(key), byLanguage.get(Languages.FALLBACK), key, args);
    }

    /** {@code language}'s texts, for a page's many lookups: {@link #get} without finding the language each time. */
    public Language in(String language) {
        return new Language(byLanguage.getOrDefault(language, Map.of()), byLanguage.get(Languages.FALLBACK));
    }

    /** One language's texts of a bundle, falling back to English as {@link #get} does. */
    public static final class Language {
        private final Map<String, String> texts;
        private final Map<String, String> fallback;

        private Language(Map<String, String> texts, Map<String, String> fallback) {
            this.texts = texts;
            this.fallback = fallback;
        }

        /** As {@link MessageBundle#get}, in this language. */
        public String get(String key, Object... args) {
            return text(texts.get(key), fallback, key, args);
        }
    }

    /** {@code found}, else {@code key}'s text in {@code fallback}, else the key; with {@code args} put in. */
    private static String text(String found, Map<String, String> fallback, String key, Object[] args) {
        String text = found;
        if (text == null) {
            text = fallback == null ? null : fallback.get(key);
        }
        if (text == null) {
            text = key;
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }
}
