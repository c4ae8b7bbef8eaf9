package com.physiokiosk.testkit;

import com.physiokiosk.api.PluginApi;
import com.physiokiosk.api.Topic;
import com.physiokiosk.testkit.fixture.FixtureTopic;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Packs a fixture topic into a plugin jar the way the plugins' build does: PF4J descriptor, extension
 * index, the topic's class, its bundles and assets (from {@code src/test/resources/fixture}), with any
 * file replaced, added or left out for the case at hand.
 */
final class FixtureJar {

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private FixtureJar(Class<? extends Topic> topic) {
        // The plugin id is the topic id, as the kiosk requires.
        put("plugin.properties", "plugin.id=" + topicId(topic) + "\nplugin.version=1.0.0\nplugin.requires=>=" + PluginApi.VERSION + "\n"
                + "plugin.class=\nplugin.provider=Physio Kiosk test kit\n");
        put("META-INF/extensions.idx", topic.getName() + "\n");
        String classFile = topic.getName().replace('.', '/') + ".class";
        files.put(classFile, resource("/" + classFile));
        for (String name : new String[] {"messages_en.properties", "messages_es.properties", "assets/fixture.svg"}) {
            files.put(name, resource("/fixture/" + name));
        }
    }

    private static String topicId(Class<? extends Topic> topic) {
        try {
            return topic.getDeclaredConstructor().newInstance().info().id();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fixture topic " + topic.getName() + " cannot be made", e);
        }
    }

    /** The sound fixture topic. */
    static FixtureJar fixture() {
        return new FixtureJar(FixtureTopic.class);
    }

    /** Another fixture topic, with the same bundles and assets. */
    static FixtureJar of(Class<? extends Topic> topic) {
        return new FixtureJar(topic);
    }

    /** The jar with {@code path} holding {@code text} (UTF-8) instead, or as well. */
    FixtureJar with(String path, String text) {
        put(path, text);
        return this;
    }

    /**
     * The jar with a line added to a text file of it; in a bundle, a {@code key=text} line takes the place
     * of the key's own line (a key given twice is refused at load).
     */
    FixtureJar withLine(String path, String line) {
        String text = new String(files.get(path), StandardCharsets.UTF_8);
        if (path.endsWith(".properties") && line.indexOf('=') > 0) {
            String key = line.substring(0, line.indexOf('=')).strip();
            text = text.lines().filter(l -> !l.strip().startsWith(key + "=") && !l.strip().startsWith(key + " ="))
                    .map(l -> l + "\n").collect(java.util.stream.Collectors.joining());
        }
        return with(path, text + line + "\n");
    }

    /** Writes the jar into {@code dir} and loads it as the kiosk would. */
    PluginUnderTest load(Path dir) {
        Path jar = dir.resolve("fixture-" + Integer.toHexString(files.hashCode()) + "-" + System.nanoTime() + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new JarEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return PluginUnderTest.load(jar);
    }

    private void put(String path, String text) {
        files.put(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] resource(String path) {
        try (InputStream in = FixtureJar.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
