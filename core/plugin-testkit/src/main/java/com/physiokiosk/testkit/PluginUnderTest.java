package com.physiokiosk.testkit;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.ScreenContext;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.config.PluginMode;
import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.Finding;
import com.physiokiosk.engine.flow.QuestionnaireFlow;
import com.physiokiosk.engine.flow.RuleEvaluator;
import com.physiokiosk.engine.plugins.KioskPluginManager;
import com.physiokiosk.engine.plugins.PluginStatus;
import com.physiokiosk.engine.plugins.TopicHost;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A topic plugin loaded through PF4J exactly as the kiosk loads it: copied alone into an empty
 * plugins folder, started by the kiosk's own plugin manager and topic host, and validated.
 *
 * <pre>{@code
 * try (PluginUnderTest plugin = PluginUnderTest.load(Path.of("target/cramps-0.1.0.jar"))) {
 *     LoadedTopic topic = plugin.topic();            // fails the test with the reason if it did not start
 *     plugin.given().answer("pain-score", "8").expect(Severity.CONSULT, "severe-pain").atLeast();
 * }
 * }</pre>
 *
 * <p>In a {@link TopicPluginTest} class the kit loads it once and hands it to each test method.
 */
public final class PluginUnderTest implements AutoCloseable {

    private final Path pluginsDir;
    private final Path jar;
    private final TopicHost host;
    private final RuleCoverage coverage = new RuleCoverage();

    private PluginUnderTest(Path pluginsDir, Path jar, TopicHost host) {
        this.pluginsDir = pluginsDir;
        this.jar = jar;
        this.host = host;
    }

    /** Loads the plugin jar at {@code jar} in a fresh plugins folder of its own. */
    public static PluginUnderTest load(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("No plugin jar at " + jar.toAbsolutePath()
                    + " (run the tests with 'mvn verify', which packages the plugin first)");
        }
        try {
            Path dir = Files.createTempDirectory("kiosk-plugin-test");
            Path copy = Files.copy(jar, dir.resolve(jar.getFileName()));
            KioskPluginManager manager = KioskPluginManager.create(dir, PluginMode.DEPLOYMENT);
            TopicHost host = new TopicHost(manager);
            host.start();
            return new PluginUnderTest(dir, copy, host);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The plugin's topic as the kiosk would offer it.
     *
     * @throws AssertionError with the kiosk's reason when the plugin did not load, start or validate
     */
    public TopicUnderTest topic() {
        return new TopicUnderTest(loaded());
    }

    /** The kiosk's own model of the topic, for the test kit itself. */
    LoadedTopic loaded() {
        List<LoadedTopic> topics = host.topics();
        if (topics.size() != 1) {
            throw new AssertionError("Expected the plugin to offer exactly one topic, got " + topics.size()
                    + "; plugin states: " + plugins());
        }
        return topics.get(0);
    }

    /** What the kiosk reports of the plugin (state, version, and why it failed if it did). */
    public List<PluginState> plugins() {
        return host.plugins().stream()
                .map(p -> new PluginState(p.id(), p.version(), p.state().name(), p.problem())).toList();
    }

    /** The plugin jar the kiosk loaded. */
    public Path jar() {
        return jar;
    }

    /** Starts a scenario: given these answers… */
    public Scenario given() {
        return new Scenario(this);
    }

    /** Starts a table of scenarios, each one rule firing or staying quiet, run as dynamic tests. */
    public ScenarioTable table() {
        return new ScenarioTable(this);
    }

    /**
     * The findings the kiosk would store for {@code answers}, skip logic applied, most severe first.
     * Answers to the host's shared facts ({@link com.physiokiosk.api.Facts}, ids starting
     * {@code fact.}) may be among them: they are given to the topic as the kiosk gives them.
     */
    List<Finding> evaluate(Answers answers) {
        Map<String, List<String>> own = new LinkedHashMap<>();
        Map<String, List<String>> facts = new LinkedHashMap<>();
        answers.asMap().forEach((linkId, values) -> (Facts.isFact(linkId) ? facts : own).put(linkId, values));
        return evaluate(Answers.of(own), Answers.of(facts));
    }

    /** The findings the kiosk would store for the topic's own {@code answers} and the shared {@code facts}. */
    List<Finding> evaluate(Answers answers, Answers facts) {
        Answers counted = QuestionnaireFlow.of(host.about().questions(), facts).effective();
        return RuleEvaluator.evaluate(loaded(), answers, counted);
    }

    /** The host's "About you" section, whose questions are the shared facts a scenario may give. */
    public TopicUnderTest facts() {
        return new TopicUnderTest(host.about());
    }

    /** Which rules the scenarios checked so far asserted to fire and to stay quiet. */
    public RuleCoverage coverage() {
        return coverage;
    }

    /**
     * The topic's rule {@code ruleId}.
     *
     * @throws AssertionError when the topic has no such rule
     */
    public Rule rule(String ruleId) {
        return topic().rules().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("Topic '" + topic().id() + "' has no rule '" + ruleId + "'"));
    }

    /** What the patient is shown, in {@code language}, by each rule that has a patient text, by rule id. */
    public Map<String, String> patientTexts(String language) {
        Map<String, String> out = new LinkedHashMap<>();
        topic().rules().stream().filter(r -> r.patientKey() != null)
                .forEach(r -> out.put(r.id(), topic().text(language, r.patientKey())));
        return out;
    }

    /**
     * What the patient is shown, in {@code language}, by each rule of {@code severity}, by rule id; for
     * checking the wording a topic promises for, say, every urgent finding.
     *
     * @throws AssertionError when a rule of {@code severity} shows the patient no text of its own
     */
    public Map<String, String> patientTexts(Severity severity, String language) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Rule r : topic().rules()) {
            if (r.severity() == severity) {
                if (r.patientKey() == null) {
                    throw new AssertionError(severity + " rule '" + r.id() + "' shows the patient no text of its own");
                }
                out.put(r.id(), topic().text(language, r.patientKey()));
            }
        }
        return out;
    }

    /**
     * The linkIds of the questions the kiosk asks, in order, once the patient has given {@code answers}
     * (written {@code "linkId=code"} or {@code "linkId=code,code"}), for skip-logic tests.
     *
     * @throws AssertionError when an answer names no question of the topic or is not one the kiosk accepts
     */
    public List<String> asked(String... answers) {
        List<String> impossible = new ArrayList<>();
        Map<String, List<String>> given = new LinkedHashMap<>();
        Map<String, List<String>> facts = new LinkedHashMap<>();
        Scenario.entries(answers).forEach((linkId, values) -> {
            boolean fact = Facts.isFact(linkId);
            Scenario.parse(fact ? host.about() : loaded(), linkId, values, impossible)
                    .ifPresent(v -> (fact ? facts : given).put(linkId, v));
        });
        if (!impossible.isEmpty()) {
            throw new AssertionError("Impossible answers " + List.of(answers) + ": " + String.join("; ", impossible));
        }
        return QuestionnaireFlow.of(topic().questions(), Answers.of(given), Answers.of(facts)).asked().stream()
                .map(Question::linkId).toList();
    }

    /**
     * The text of {@code fileName} in the plugin's {@code assets/} folder, as the kiosk would serve it; for
     * checking how a picture is drawn.
     *
     * @throws AssertionError when the plugin has no such asset
     */
    public String assetText(String fileName) {
        URL url = loaded().asset(fileName)
                .orElseThrow(() -> new AssertionError("Plugin has no asset '" + fileName + "' in assets/"));
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The HTML the kiosk draws between question {@code linkId} and its answer buttons: the question's
     * illustration, rendered by the plugin's own template engine in {@code language}, with {@code answer}
     * already chosen (nothing for a fresh screen). Texts come from the plugin's bundles and assets are
     * addressed as the kiosk serves them, {@code /topic-assets/<topic id>/<file>}.
     *
     * @throws AssertionError when the topic has no such question or it has no illustration
     */
    public String renderIllustration(String linkId, String language, String... answer) {
        LoadedTopic topic = loaded();
        Question question = topic.question(linkId)
                .orElseThrow(() -> new AssertionError("Topic '" + topic.id() + "' has no question '" + linkId + "'"));
        if (question.illustration() == null) {
            throw new AssertionError("Question '" + linkId + "' has no illustration");
        }
        return topic.templates().render(question.illustration(), new Screen(topic, language, question, List.of(answer)));
    }

    @Override
    public void close() {
        host.stop();
        try (Stream<Path> files = Files.walk(pluginsDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What an illustration template sees of the screen, as the kiosk hands it over. */
    private record Screen(LoadedTopic topic, String language, Question question, List<String> answer)
            implements ScreenContext {

        @Override
        public String text(String key) {
            return topic.text(language, key);
        }

        @Override
        public String asset(String fileName) {
            return "/topic-assets/" + topic.id() + "/" + fileName;
        }
    }
}
