package com.physiokiosk.ui.view;

import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.i18n.MessageBundle;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The host's own texts in one language, as templates use them: {@code ${t.get("welcome.title")}}.
 *
 * @param language the language asked for (its texts fall back to English key by key)
 */
public record Texts(MessageBundle.Language texts, String language) {

    /** The host's UI texts, loaded once. */
    public static final MessageBundle HOST = MessageBundle.load("the kiosk", Texts.class.getClassLoader(),
            "com/physiokiosk/ui/messages");

    /** One for each language the kiosk speaks, made once: every page asks for its texts many times. */
    private static final Map<String, Texts> SUPPORTED = Languages.SUPPORTED.stream()
            .collect(Collectors.toUnmodifiableMap(Function.identity(), l -> new Texts(HOST.in(l), l)));

    public static Texts in(String language) {
        Texts known = SUPPORTED.get(language);
        return known != null ? known : new Texts(HOST.in(language), language);
    }

    public String get(String key, Object... args) {
        return texts.get(key, args);
    }
}
