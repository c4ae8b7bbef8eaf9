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
}
