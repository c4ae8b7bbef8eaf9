package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.physiokiosk.ui.view.Texts;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The kiosk's own words: every key in every language (a key given twice already fails the load). */
class HostTextsTest {

    @Test
    void englishAndSpanishHaveTheSameKeys() {
        Set<String> english = new TreeSet<>(Texts.HOST.keys("en"));
        Set<String> spanish = new TreeSet<>(Texts.HOST.keys("es"));
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(spanish);
        Set<String> onlySpanish = new TreeSet<>(spanish);
        onlySpanish.removeAll(english);
        assertEquals(Set.of(), onlyEnglish, "keys with no Spanish text");
        assertEquals(Set.of(), onlySpanish, "keys with no English text");
    }

    @Test
    void aTextAnswerInOddCharactersIsNotToldToSeeReception() {
        assertEquals("Please type your answer again using ordinary letters.", Texts.in("en").get("error.plain-text"));
        assertEquals("Please tell reception; they will help you.", Texts.in("en").get("error.text"));
    }
}
