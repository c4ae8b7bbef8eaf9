package com.physiokiosk.engine.i18n;

/** What counts as text a person typed, for every free text the kiosk stores or prints. */
public final class PlainText {

    private PlainText() {
    }

    /**
     * Whether {@code text} holds only characters a person types: no control characters, no replacement
     * character, no Unicode noncharacters (U+FDD0 to U+FDEF, U+xFFFE, U+xFFFF, which break XML and so the
     * PDF), no unpaired surrogates.
     */
    public static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    int cp = Character.toCodePoint(c, text.charAt(i));
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        return false;
                    }
                    continue;
                }
                return false;
            }
            if (Character.isISOControl(c) || c == 0xFFFD || c == 0xFFFE || c == 0xFFFF || c >= 0xFDD0 && c <= 0xFDEF) {
                return false;
            }
        }
        return true;
    }

}
