package com.physiokiosk.ui.view;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A page written as UTF-8 bytes into one array: the same bytes as the Java runtime's encoder")
class PageOutputTest {

    /** Every kind of text a page holds: ASCII, Latin, Greek, CJK, an emoji (a surrogate pair), lone surrogates. */
    private static final List<String> TEXTS = List.of("", "plain ASCII <b>&</b> \"quoted\"", "Señora Müller → ¿dolor?",
            "Καλημέρα", "腰痛", "pain 😣 here", "broken \uD83D here", "broken \uDE23 too", "end \uD83D",
            "\uDE23\uD83D", "ÿ\u0080\u07FF\u0800\uFFFF");

    @Test
    @DisplayName("each text, whole and in every slice, encodes as String.getBytes(UTF_8) does")
    void encodesAsTheRuntimeDoes() {
        for (String text : TEXTS) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), written(out -> out.writeContent(text)), text);
            for (int from = 0; from <= text.length(); from++) {
                for (int to = from; to <= text.length(); to++) {
                    int f = from;
                    int t = to;
                    assertArrayEquals(text.substring(from, to).getBytes(StandardCharsets.UTF_8),
                            written(out -> out.writeContent(text, f, t)), text + " [" + from + ", " + to + ")");
                }
            }
        }
    }

    @Test
    @DisplayName("pieces, fixed bytes among them, follow each other past the first array's size")
    void growsPastItsCapacity() {
        Random random = new Random(21);
        // Each piece encoded on its own (two lone surrogates in a row are two pieces, not a pair).
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        PageOutput out = new PageOutput(8);
        for (int i = 0; i < 2_000; i++) {
            String text = TEXTS.get(random.nextInt(TEXTS.size()));
            if (random.nextBoolean()) {
                out.writeBinaryContent(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeContent(text);
            }
            expected.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
        assertArrayEquals(expected.toByteArray(), Arrays.copyOf(out.bytes(), out.length()));
    }

    @Test
    @DisplayName("a page rendered through jte's HTML escaping is the same as jte's own String output, in UTF-8")
    void sameAsJteStringOutput() {
        for (String text : TEXTS) {
            gg.jte.html.HtmlContent page = html -> {
                html.writeContent("<p title=\"");
                html.writeUserContent(text);
                html.writeContent("\">");
                html.writeUserContent(text);
                html.writeContent("</p>");
            };
            StringOutput string = new StringOutput();
            page.writeTo(new OwaspHtmlTemplateOutput(string));
            assertArrayEquals(string.toString().getBytes(StandardCharsets.UTF_8),
                    written(out -> page.writeTo(new OwaspHtmlTemplateOutput(out))), text);
        }
    }

    private static byte[] written(java.util.function.Consumer<PageOutput> writing) {
        PageOutput out = new PageOutput(4);
        writing.accept(out);
        return Arrays.copyOf(out.bytes(), out.length());
    }
}
