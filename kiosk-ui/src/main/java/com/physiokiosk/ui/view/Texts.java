package com.physiokiosk.ui.view;

import com.physiokiosk.engine.i18n.MessageBundle;

/** The host's own texts in one language, as templates use them: {@code ${t.get("welcome.title")}}. */
public record Texts(MessageBundle bundle, String language) {

    /** The host's UI texts, loaded once. */
    public static final MessageBundle HOST = MessageBundle.load("the kiosk", Texts.class.getClassLoader(),
            "com/physiokiosk/ui/messages");

    public static Texts in(String language) {
        return new Texts(HOST, language);
    }

    public String get(String key, Object... args) {
        return bundle.get(language, key, args);
    }
}
