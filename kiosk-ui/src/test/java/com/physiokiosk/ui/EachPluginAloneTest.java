package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.checkin.CheckIn;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every plugin jar the build produced, dropped alone into an empty plugins folder of the kiosk,
 * loads, and a patient can answer its topic to the end and have it stored.
 */
@DisplayName("Each plugin jar on its own")
class EachPluginAloneTest {

    private static final Pattern BUTTON = Pattern.compile("name=\"answer\" value=\"([^\"]+)\"");
    private static final Pattern NUMBER_MIN = Pattern.compile("type=\"number\"[^>]*min=\"(\\d+)\"");

    @TestFactory
    Stream<DynamicTest> eachPluginLoadsAndWorksAlone() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(TestKiosk.BUILT_PLUGINS)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        assertEquals(5, jars.size(), "the build puts all five topic plugins beside the kiosk: " + jars);
        return jars.stream().map(jar -> DynamicTest.dynamicTest(jar.getFileName().toString(), () -> {
            Path alone = Files.createTempDirectory("kiosk-one-plugin");
            Files.copy(jar, alone.resolve(jar.getFileName()));
            try (TestKiosk kiosk = TestKiosk.start(alone, Map.of(), Clock.systemDefaultZone())) {
                assertEquals(1, kiosk.app.host().topics().size(), kiosk.app.host().plugins().toString());
                String topic = kiosk.app.host().topics().get(0).id();
                JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                    Browser b = new Browser(server.port());
                    new Walker(b).toTopics("es", "");
                    b.get("/topics");
                    String next = Browser.location(b.post("/topics", "topic", topic));
                    for (int i = 0; i < 40 && (next.startsWith("/q/") || next.equals("/urgent")); i++) {
                        if (next.equals("/urgent")) {
                            // A first answer may be a red flag: the patient carries on while they wait.
                            assertEquals(200, b.get("/urgent").statusCode());
                            next = Browser.location(b.post("/urgent/carry-on"));
                            continue;
                        }
                        HttpResponse<String> page = b.get(next);
                        assertEquals(200, page.statusCode(), next);
                        next = Browser.location(b.post(next, firstAnswer(page.body())));
                    }
                    assertEquals("/review", next);
                    assertEquals(200, b.get("/review").statusCode());
                    assertEquals("/done", Browser.location(b.post("/submit")));
                    assertTrue(b.get("/done").body().contains("check-in-number"));
                });
                CheckIn stored = kiosk.app.checkIns().find(kiosk.app.checkIns().idsForDay(LocalDate.now()).get(0))
                        .orElseThrow();
                assertEquals(List.of("safety", "about", topic), stored.topics().stream().map(t -> t.topicId()).toList());
                assertTrue(!stored.topics().get(2).answers().isEmpty());
            }
        }));
    }

    /** The first answer the screen offers, as form fields; nothing for an information screen. */
    private static String[] firstAnswer(String html) {
        Matcher number = NUMBER_MIN.matcher(html);
        if (number.find()) {
            return new String[] {"answer", number.group(1)};
        }
        Matcher m = BUTTON.matcher(html);
        return m.find() ? new String[] {"answer", m.group(1)} : new String[0];
    }
}
