package com.physiokiosk.ui.view;

import gg.jte.TemplateOutput;
import java.util.Arrays;

/**
 * A page as UTF-8 bytes in one growing array, for {@link Pages#render}. jte's own {@code Utf8ByteOutput}
 * keeps every piece it is given as an array of its own, and its HTML escaping hands it a page in
 * thousands of pieces (each fixed part, each value, each run between two escaped characters): a question
 * screen cost more in those arrays, and in joining them, than in its rendering. Here each piece is
 * encoded straight into the page's array, the fixed parts (already UTF-8) copied.
 *
 * <p>Encodes as {@link String#getBytes(java.nio.charset.Charset)} with UTF-8 does: a lone surrogate
 * becomes {@code ?}.
 */
final class PageOutput implements TemplateOutput {

    private byte[] bytes;
    private int length;

    /** @param capacity the page's expected size in bytes; the array grows past it when needed */
    PageOutput(int capacity) {
        bytes = new byte[capacity];
    }

    @Override
    public void writeContent(String value) {
        writeContent(value, 0, value.length());
    }

    @Override
    public void writeContent(String value, int beginIndex, int endIndex) {
        // At most three bytes a char (a surrogate pair: four bytes for two chars).
        ensure(3 * (endIndex - beginIndex));
        byte[] b = bytes;
        int n = length;
        for (int i = beginIndex; i < endIndex; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                int cp = Character.isHighSurrogate(c) && i + 1 < endIndex
                        && Character.isLowSurrogate(value.charAt(i + 1)) ? Character.toCodePoint(c, value.charAt(++i)) : -1;
                if (cp < 0) {
                    b[n++] = '?';
                } else {
                    b[n++] = (byte) (0xF0 | cp >> 18);
                    b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[n++] = (byte) (0x80 | cp & 0x3F);
                }
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        length = n;
    }

    @Override
    public void writeBinaryContent(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
    }

    /** The page's bytes: {@link #length()} of them, from the start of the array (not a copy). */
    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void ensure(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
