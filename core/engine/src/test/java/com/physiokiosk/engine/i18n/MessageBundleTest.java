package com.physiokiosk.engine.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageBundleTest {

    @TempDir
    Path dir;

    private ClassLoader loaderWith(String english) throws IOException {
        Files.writeString(dir.resolve("texts_en.properties"), english, StandardCharsets.UTF_8);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, null);
    }

    @Test
    void readsUtf8TextsAndFillsArguments() throws IOException {
        MessageBundle bundle = MessageBundle.load("a topic", loaderWith("hello=Buenos días, {0}\n"), "texts");
        assertEquals("Buenos días, Ana", bundle.get("en", "hello", "Ana"));
        assertEquals("missing", bundle.get("es", "missing"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsNameAndFile() throws IOException {
        ClassLoader loader = loaderWith("error.text=Type it again\nother=x\nerror.text=Tell reception\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MessageBundle.load("the sleep topic", loader, "texts"));
        assertTrue(e.getMessage().contains("texts_en.properties"), e.getMessage());
        assertTrue(e.getMessage().contains("the sleep topic"), e.getMessage());
        assertTrue(e.getMessage().contains("'error.text' is given twice"), e.getMessage());
    }

    @Test
    void oneLanguagesTextsFallBackToEnglishKeyByKeyAsGetDoes() throws IOException {
        Files.writeString(dir.resolve("texts_es.properties"), "hello=Hola, {0}\n", StandardCharsets.UTF_8);
        MessageBundle bundle = MessageBundle.load("a topic", loaderWith("hello=Hello, {0}\nbye=Goodbye\n"), "texts");
        MessageBundle.Language es = bundle.in("es");
        assertEquals("Hola, Ana", es.get("hello", "Ana"));
        assertEquals("Goodbye", es.get("bye"), "English where Spanish has no text");
        assertEquals("nothing", es.get("nothing"), "the key where neither has one");
        // A key built at run time (not the same String object as the file's) is found all the same.
        assertEquals("Goodbye", es.get(new String("by") + "e"));
        for (String key : new String[] {"hello", "bye", "nothing"}) {
            assertEquals(bundle.get("es", key, "Ana"), es.get(key, "Ana"));
            assertEquals(bundle.get("fr", key, "Ana"), bundle.in("fr").get(key, "Ana"), "a language not shipped: English");
        }
    }
}
