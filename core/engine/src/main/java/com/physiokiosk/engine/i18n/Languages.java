package com.physiokiosk.engine.i18n;

import java.util.List;

/** The languages the host itself ships texts for. Topic plugins ship each of them too. */
public final class Languages {

    /** ISO 639-1 codes, English first: English is the fallback for a text missing elsewhere. */
    public static final List<String> SUPPORTED = List.of("en", "es");

    public static final String FALLBACK = "en";

    private Languages() {
    }

    public static boolean isSupported(String code) {
        return SUPPORTED.contains(code);
    }
}
