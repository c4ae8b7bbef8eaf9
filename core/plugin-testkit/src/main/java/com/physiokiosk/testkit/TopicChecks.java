package com.physiokiosk.testkit;

import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Source;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.topic.TopicValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Checks every topic plugin wants on top of what the kiosk refuses at load ({@link TopicValidator}: ids,
 * conditions, answer codes, a text for every key in every language). Each check throws an
 * {@link AssertionError} listing everything it found wrong. Run them all from a {@link TopicPluginTest}
 * class:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> generalChecks(PluginUnderTest plugin) {
 *     return TopicChecks.all(plugin);
 * }
 * }</pre>
 *
 * <p>The plugin's jte templates are read from {@link #TEMPLATE_SOURCES} ({@code src/main/jte}; Maven runs
 * tests in the module's folder), because the jar holds them compiled only.
 */
public final class TopicChecks {

    /** Where a plugin module keeps its jte templates, relative to the module's folder. */
    public static final Path TEMPLATE_SOURCES = Path.of("src/main/jte");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)+");
    private static final Pattern TEXT_CALL = Pattern.compile("screen\\.text\\(\"([^\"]+)\"\\)");
    private static final Pattern ASSET_CALL = Pattern.compile("screen\\.asset\\(\"([^\"]+)\"\\)");
    private static final String TEMPLATE_PARAM = "@param com.physiokiosk.api.ScreenContext screen";
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\bon[a-z]+\\s*=");

    /** What a plain picture must not hold, with why: scripts, anything fetched from elsewhere, styles. */
    private static final Map<Pattern, String> NOT_PLAIN = notPlain();

    private TopicChecks() {
    }

    private static Map<Pattern, String> notPlain() {
        Map<Pattern, String> out = new LinkedHashMap<>();
        out.put(Pattern.compile("<script"), "a script");
        out.put(EVENT_HANDLER, "an event handler");
        out.put(Pattern.compile("href\\s*="), "a link (href)");
        out.put(Pattern.compile("url\\("), "an external reference (url())");
        out.put(Pattern.compile("<image|<foreignobject"), "an embedded image or document");
        out.put(Pattern.compile("https?:"), "an address other than the SVG namespace");
        out.put(Pattern.compile("<!doctype|<!entity"), "a document type or entity");
        out.put(Pattern.compile("<style|style\\s*="), "a style");
        return out;
    }

    /** Every check below, each a dynamic test, with the templates in {@link #TEMPLATE_SOURCES}. */
    public static Stream<DynamicTest> all(PluginUnderTest plugin) {
        return all(plugin, TEMPLATE_SOURCES);
    }

    /** Every check below, each a dynamic test, with the templates in {@code templates}. */
    public static Stream<DynamicTest> all(PluginUnderTest plugin, Path templates) {
        return Stream.of(
                DynamicTest.dynamicTest("every text is finished: not blank, no {0} placeholder, no broken character",
                        () -> textsAreFinished(plugin)),
                DynamicTest.dynamicTest("every language holds exactly the keys the topic and its templates use",
                        () -> bundlesHoldTheKeysUsed(plugin, templates)),
                DynamicTest.dynamicTest("patient texts fit the severity of their rule",
                        () -> patientTextsFitSeverity(plugin)),
                DynamicTest.dynamicTest("every URGENT rule cites a guideline",
                        () -> urgentRulesCiteGuidelines(plugin)),
                DynamicTest.dynamicTest("every patient text is at most " + MAX_PATIENT_TEXT_WORDS + " words, in sentences of at most "
                                + MAX_SENTENCE_WORDS, () -> patientTextsAreShort(plugin)),
                DynamicTest.dynamicTest("no patient text is left untranslated in another language",
                        () -> patientTextsAreTranslated(plugin)),
                DynamicTest.dynamicTest("a topic that speaks of sex, intimacy or continence is marked sensitive and keeps its "
                        + "on-screen notes neutral", () -> sensitiveTopicsAreMarked(plugin)),
                DynamicTest.dynamicTest("the icon and every asset are plain SVG or PNG",
                        () -> assetsArePlain(plugin)),
                DynamicTest.dynamicTest("templates take the screen, write only escaped output and find their assets",
                        () -> templatesAreSafe(plugin, templates)));
    }

    /**
     * Every text of every language is not blank, holds no {@code {0}}-style placeholder (the kiosk's
     * message bundle replaces those with arguments, which topic texts never get, so the patient would read
     * "{0}"), and no U+FFFD (what is left of an accent when a bundle is not saved as UTF-8).
     */
    public static void textsAreFinished(PluginUnderTest plugin) {
        MessageBundle messages = plugin.loaded().messages();
        List<String> problems = new ArrayList<>();
        for (String language : messages.languages()) {
            for (String key : new TreeSet<>(messages.keys(language))) {
                String text = messages.find(language, key).orElseThrow();
                if (text.isBlank()) {
                    problems.add(language + " " + key + " is blank");
                }
                if (PLACEHOLDER.matcher(text).find()) {
                    problems.add(language + " " + key + " holds a placeholder: " + text);
                }
                if (text.indexOf('\uFFFD') >= 0) {
                    problems.add(language + " " + key + " holds U+FFFD (is the file UTF-8?): " + text);
                }
            }
        }
        fail("Unfinished texts", problems);
    }

    /**
     * Every supported language holds exactly the keys the topic uses (see
     * {@link TopicValidator#keysUsed}) plus those its templates read with {@code screen.text("…")}: none
     * missing, none left over from an old version, the same set in every language. Keys are lower-case
     * words and digits joined by dots.
     */
    public static void bundlesHoldTheKeysUsed(PluginUnderTest plugin, Path templates) {
        LoadedTopic topic = plugin.loaded();
        Set<String> used = new TreeSet<>(TopicValidator.keysUsed(topic.info(), topic.questions(), topic.rules()));
        templateSources(topic, templates).values().forEach(source -> used.addAll(calls(TEXT_CALL, source)));
        List<String> problems = new ArrayList<>();
        for (String language : Languages.SUPPORTED) {
            Set<String> shipped = topic.messages().keys(language);
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(shipped);
            Set<String> unused = new TreeSet<>(shipped);
            unused.removeAll(used);
            if (!missing.isEmpty()) {
                problems.add("messages_" + language + " lacks " + missing);
            }
            if (!unused.isEmpty()) {
                problems.add("messages_" + language + " holds keys nothing uses " + unused);
            }
        }
        used.stream().filter(k -> !KEY.matcher(k).matches())
                .forEach(k -> problems.add("key '" + k + "' is not lower-case words joined by dots"));
        fail("Bundles do not match the topic", problems);
    }

    /**
     * How a topic's own words for an urgent finding open, by language: the same sentence in every topic,
     * so a patient is sent to reception in the same words whatever brought them in.
     */
    public static final Map<String, String> URGENT_OPENING = Map.of(
            "en", "Please speak to reception now.",
            "es", "Por favor, hable ahora mismo con recepción.");

    /**
     * Who reads what. An INFO rule is context for the physiotherapist only, so it has no patient text (the
     * kiosk would show one to the patient). A CONSULT rule has one: the patient is told what will be looked
     * at. An URGENT rule needs none: whatever the topic says, the kiosk shows its own "please speak to
     * reception now" message for every urgent finding; a topic that adds its own words opens them, in every
     * language, with {@link #URGENT_OPENING}. (An ADVICE rule without a patient text cannot be built.)
     */
    public static void patientTextsFitSeverity(PluginUnderTest plugin) {
        List<String> problems = new ArrayList<>();
        for (Rule r : plugin.loaded().rules()) {
            if (r.severity() == Severity.INFO && r.patientKey() != null) {
                problems.add("INFO rule '" + r.id() + "' shows the patient " + r.patientKey());
            }
            if (r.severity() == Severity.CONSULT && r.patientKey() == null) {
                problems.add("CONSULT rule '" + r.id() + "' tells the patient nothing");
            }
            if (r.severity() == Severity.URGENT && r.patientKey() != null) {
                new TreeMap<>(URGENT_OPENING).forEach((language, opening) -> {
                    if (!plugin.loaded().text(language, r.patientKey()).startsWith(opening)) {
                        problems.add("URGENT rule '" + r.id() + "' in " + language + " does not open with \"" + opening + "\"");
                    }
                });
            }
        }
        fail("Patient texts do not fit their rules", problems);
    }

    /**
     * Every URGENT rule cites a guideline: its {@link Rule#source()} {@linkplain Source#isGuideline() is a
     * guideline}, that is a {@link Source} with an issuer (and so a title, and a link or section), as built by
     * {@link Source#guideline}. A red flag rests on the guidance that makes it one (a national pathway, a
     * NICE guideline), never on an article or a study alone. The kit cannot tell whether the guideline says what
     * the rule claims: that is for the clinical lead who signs the rules off.
     */
    public static void urgentRulesCiteGuidelines(PluginUnderTest plugin) {
        List<String> problems = new ArrayList<>();
        for (Rule r : plugin.loaded().rules()) {
            if (r.severity() == Severity.URGENT && !r.source().isGuideline()) {
                problems.add("URGENT rule '" + r.id() + "' cites " + r.source() + ", which has no issuer");
            }
        }
        fail("Red flags without a guideline", problems);
    }

    /** Most words a patient text may have. */
    public static final int MAX_PATIENT_TEXT_WORDS = 25;

    /** Most words a sentence of a patient text may have. */
    public static final int MAX_SENTENCE_WORDS = 20;

    /**
     * Every patient text, in every language, is at most {@value #MAX_PATIENT_TEXT_WORDS} words, and each of its
     * sentences at most {@value #MAX_SENTENCE_WORDS}. A patient text is anything the patient may read: the
     * topic's title and summary, its questions, help and answer options, its templates' texts and its rules'
     * patient texts; that is every text of the bundles except the rules' clinician notes. A word is a run of
     * characters between spaces that holds a letter or a digit; a sentence ends with ".", "!" or "?" and a space.
     */
    public static void patientTextsAreShort(PluginUnderTest plugin) {
        MessageBundle messages = plugin.loaded().messages();
        List<String> problems = new ArrayList<>();
        for (String language : new TreeSet<>(messages.languages())) {
            patientTexts(plugin, language).forEach((key, text) -> {
                int words = words(text);
                if (words > MAX_PATIENT_TEXT_WORDS) {
                    problems.add(language + " " + key + " has " + words + " words");
                }
                for (String sentence : sentences(text)) {
                    int n = words(sentence);
                    if (n > MAX_SENTENCE_WORDS) {
                        problems.add(language + " " + key + " has a sentence of " + n + " words: " + sentence);
                    }
                }
            });
        }
        fail("Patient texts too long", problems);
    }

    /**
     * No patient text (see {@link #patientTextsAreShort}) is left in another language: neither the whole text nor
     * any of its sentences, when of two words or more, appears unchanged in any text of another language's bundle.
     * Single words ("No", "OK") may rightly be the same in two languages; longer wording is a sign of a text
     * copied and never translated.
     */
    public static void patientTextsAreTranslated(PluginUnderTest plugin) {
        MessageBundle messages = plugin.loaded().messages();
        List<String> languages = new ArrayList<>(new TreeSet<>(messages.languages()));
        List<String> problems = new ArrayList<>();
        for (String language : languages) {
            for (String other : languages) {
                if (other.equals(language)) {
                    continue;
                }
                List<String> theirs = messages.keys(other).stream().sorted()
                        .map(k -> messages.find(other, k).orElseThrow()).toList();
                patientTexts(plugin, language).forEach((key, text) -> {
                    List<String> units = new ArrayList<>();
                    units.add(text.strip());
                    sentences(text).stream().filter(u -> !u.equals(text.strip())).forEach(units::add);
                    units.stream().filter(u -> words(u) >= 2)
                            .filter(u -> theirs.stream().anyMatch(t -> t.contains(u)))
                            .findFirst()
                            .ifPresent(u -> problems.add(language + " " + key + " is also in messages_" + other + ": " + u));
                });
            }
        }
        fail("Patient texts not translated", problems);
    }

    /**
     * Words, by language, that show a topic speaks of sex, intimacy or continence; matched at the start of a word,
     * ignoring case and accents ({@code "intima"} matches "intimacy" and "intimate").
     */
    public static final Map<String, List<String>> SENSITIVE_WORDS = Map.of(
            "en", List.of("sex", "intima", "intercourse", "genital", "continen", "incontinen", "bladder", "urin"),
            "es", List.of("sex", "intim", "coito", "genital", "continencia", "incontinencia", "vejiga", "orin"));

    /**
     * A topic that speaks of sex, intimacy or continence is marked {@linkplain com.physiokiosk.api.TopicInfo#sensitive()
     * sensitive}, and a sensitive topic's CONSULT patient texts, which the kiosk still shows on its screen, stay
     * neutral. What it checks, and no more: when any patient text (see {@link #patientTextsAreShort}) in any
     * language holds one of the {@link #SENSITIVE_WORDS}, the topic must be marked sensitive; and in a sensitive
     * topic no CONSULT patient text may hold one. Keeping a sensitive topic's advice off the screen is the kiosk's
     * own job, which this check cannot see; a word list cannot tell what a picture shows or what other words may
     * embarrass a patient, so a topic that passes may still need the flag.
     */
    public static void sensitiveTopicsAreMarked(PluginUnderTest plugin) {
        LoadedTopic topic = plugin.loaded();
        MessageBundle messages = topic.messages();
        List<String> problems = new ArrayList<>();
        Map<String, Severity> severityOfPatientKey = new LinkedHashMap<>();
        topic.rules().stream().filter(r -> r.patientKey() != null)
                .forEach(r -> severityOfPatientKey.merge(r.patientKey(), r.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
        List<String> mentions = new ArrayList<>();
        for (String language : new TreeSet<>(messages.languages())) {
            List<String> words = SENSITIVE_WORDS.getOrDefault(language, List.of());
            patientTexts(plugin, language).forEach((key, text) -> {
                Optional<String> word = sensitiveWord(text, words);
                if (word.isEmpty()) {
                    return;
                }
                mentions.add(language + " " + key + " ('" + word.get() + "')");
                if (topic.info().sensitive() && severityOfPatientKey.get(key) == Severity.CONSULT) {
                    problems.add("CONSULT text " + language + " " + key + " is shown on screen and says '" + word.get() + "'");
                }
            });
        }
        if (!topic.info().sensitive() && !mentions.isEmpty()) {
            problems.add("topic '" + topic.id() + "' is not marked sensitive (TopicInfo.asSensitive()) but its texts "
                    + "speak of sex, intimacy or continence: " + String.join(", ", mentions));
        }
        fail("Sensitive topic not kept discreet", problems);
    }

    /** Every text the patient may read, by key, in {@code language}: all but the rules' clinician notes. */
    private static Map<String, String> patientTexts(PluginUnderTest plugin, String language) {
        LoadedTopic topic = plugin.loaded();
        Set<String> clinician = new TreeSet<>();
        topic.rules().forEach(r -> clinician.add(r.clinicianKey()));
        Map<String, String> out = new TreeMap<>();
        for (String key : topic.messages().keys(language)) {
            if (!clinician.contains(key)) {
                out.put(key, topic.messages().find(language, key).orElseThrow());
            }
        }
        return out;
    }

    private static final Pattern WORD = Pattern.compile("\\S*[\\p{L}\\p{N}]\\S*");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    static int words(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static List<String> sentences(String text) {
        return Arrays.stream(SENTENCE_END.split(text.strip())).filter(s -> !s.isBlank()).toList();
    }

    private static Optional<String> sensitiveWord(String text, List<String> words) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word)).matcher(plain).find()) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /**
     * The icon and every other file in the jar's {@code assets/} folder is a PNG, or an SVG with no
     * script or event handler, nothing fetched from elsewhere (links, {@code url()}, embedded images,
     * addresses other than the SVG namespace, document types) and no style element or attribute: a picture
     * is a plain drawing in presentation attributes, whoever opens it and wherever it is shown.
     */
    public static void assetsArePlain(PluginUnderTest plugin) {
        Map<String, byte[]> assets = assets(plugin.jar());
        List<String> problems = new ArrayList<>();
        String icon = plugin.loaded().info().icon();
        if (icon != null && !assets.containsKey(icon)) {
            problems.add("icon " + icon + " is not in assets/");
        }
        assets.forEach((name, bytes) -> {
            if (name.endsWith(".png")) {
                if (!Arrays.equals(Arrays.copyOf(bytes, PNG_SIGNATURE.length), PNG_SIGNATURE)) {
                    problems.add(name + " is not a PNG image");
                }
            } else if (name.endsWith(".svg")) {
                String svg = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).replace(SVG_NAMESPACE, "");
                if (!svg.contains("<svg")) {
                    problems.add(name + " is not an SVG image");
                }
                NOT_PLAIN.forEach((pattern, what) -> {
                    if (pattern.matcher(svg).find()) {
                        problems.add(name + " holds " + what);
                    }
                });
            } else {
                problems.add(name + " is neither SVG nor PNG");
            }
        });
        fail("Assets are not plain pictures", problems);
    }

    /**
     * Each of the plugin's templates takes the {@link com.physiokiosk.api.ScreenContext} as its one
     * parameter, never writes unescaped output ({@code $unsafe}), holds no script, event handler, style or
     * outside address (the kiosk's pages allow neither inline scripts nor inline styles), and every picture
     * it shows with {@code screen.asset("…")} is in the jar's {@code assets/}. Every illustration a question
     * names must be there to read.
     */
    public static void templatesAreSafe(PluginUnderTest plugin, Path templates) {
        Set<String> assets = assets(plugin.jar()).keySet();
        List<String> problems = new ArrayList<>();
        templateSources(plugin.loaded(), templates).forEach((name, source) -> {
            if (!source.startsWith(TEMPLATE_PARAM + "\n") || source.split("@param", -1).length != 2) {
                problems.add(name + " does not take exactly one parameter, " + TEMPLATE_PARAM);
            }
            String lower = source.toLowerCase(Locale.ROOT);
            for (String banned : List.of("$unsafe", "<script", "<style", "style=", "http:", "https:")) {
                if (lower.contains(banned)) {
                    problems.add(name + " holds " + banned);
                }
            }
            if (EVENT_HANDLER.matcher(lower).find()) {
                problems.add(name + " holds an event handler");
            }
            calls(ASSET_CALL, source).stream().filter(a -> !assets.contains(a))
                    .forEach(a -> problems.add(name + " shows " + a + ", which is not in assets/"));
        });
        fail("Templates are not safe", problems);
    }

    /** The sources of the plugin's templates by file name; those its questions name must be there. */
    private static Map<String, String> templateSources(LoadedTopic topic, Path dir) {
        Map<String, String> sources = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jte")).sorted().toList()) {
                    sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<String> missing = topic.questions().stream().map(q -> q.illustration())
                .filter(t -> t != null && !sources.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("Cannot read the templates " + missing + " in " + dir.toAbsolutePath()
                    + " (tests run in the plugin module's folder)");
        }
        return sources;
    }

    private static Set<String> calls(Pattern call, String source) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = call.matcher(source);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The files in the jar's {@code assets/} folder, by file name. */
    private static Map<String, byte[]> assets(Path jar) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(com.physiokiosk.api.PluginApi.ASSETS)) {
                    try (InputStream in = file.getInputStream(entry)) {
                        out.put(entry.getName().substring(com.physiokiosk.api.PluginApi.ASSETS.length()), in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void fail(String what, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(what + ": " + String.join("; ", problems));
        }
    }
}
