package com.physiokiosk.engine.catalogue;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Severity;
import com.physiokiosk.api.Symptom;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.i18n.MessageBundle;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.topic.TopicCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The clinical rules catalogue: everything the kiosk asks and decides, generated from the sections running now
 * (the host's safety screen and About you, then every topic that is switched on), so a clinical lead signs off
 * what patients will actually meet and it cannot drift from the code. For each section: its questions with their
 * texts in every language, answer options and skip logic in words; its rules with their condition in words,
 * severity, patient and clinician texts in every language, and source. Then the "same symptom, same severity"
 * table: every symptom of the severity policy with every rule, in any section, that flags it.
 *
 * <p>Immutable. Words (conditions, titles, symptom names) are in one language, the staff's; texts shown to
 * patients and clinicians are given in every supported language.
 *
 * @param language  the language of the words
 * @param languages every language texts are given in, in order
 * @param sections  the safety screen, About you, then the topics in display order
 * @param symptoms  one row per symptom of the policy, in the policy's order
 */
public record RulesCatalogue(String language, List<String> languages, List<Section> sections,
                             List<SymptomRow> symptoms) {

    public RulesCatalogue {
        languages = List.copyOf(languages);
        sections = List.copyOf(sections);
        symptoms = List.copyOf(symptoms);
    }

    /** A text in one language; {@code text} is {@code null} when the owner does not ship it in that language. */
    public record Text(String language, String text) {
    }

    /**
     * One section of a visit.
     *
     * @param id            the section's id: {@code safety}, {@code about} or the topic id
     * @param host          one of the kiosk's own sections, which no clinic can switch off
     * @param title         the title in the catalogue's language
     * @param pluginId      the plugin that contributes it ({@code host} for the kiosk's own)
     * @param pluginVersion that plugin's version (the plugin API version for the kiosk's own)
     */
    public record Section(String id, boolean host, String title, String pluginId, String pluginVersion,
                          List<QuestionEntry> questions, List<RuleEntry> rules) {
        public Section {
            questions = List.copyOf(questions);
            rules = List.copyOf(rules);
        }
    }

    /**
     * One question.
     *
     * @param text      the question in every language
     * @param help      the explanation under it in every language, or empty when it has none
     * @param options   its answer options (yes/no questions list Yes and No)
     * @param min       the lowest answer of a number or scale
     * @param max       the highest answer of a number or scale
     * @param skipLogic when it is asked, in words, or {@code null} when it is asked of everyone
     */
    public record QuestionEntry(String linkId, QuestionType type, List<Text> text, List<Text> help,
                                List<OptionEntry> options, boolean required, int min, int max, String skipLogic) {
        public QuestionEntry {
            text = List.copyOf(text);
            help = List.copyOf(help);
            options = List.copyOf(options);
        }

        /** Whether the answer is a number ({@link QuestionType#SCALE_0_10} or {@link QuestionType#NUMBER}). */
        public boolean numeric() {
            return type == QuestionType.SCALE_0_10 || type == QuestionType.NUMBER;
        }
    }

    /** @param exclusive chosen alone ("none of these") */
    public record OptionEntry(String code, List<Text> label, boolean exclusive) {
        public OptionEntry {
            label = List.copyOf(label);
        }
    }

    /**
     * One rule.
     *
     * @param condition   when it fires, in words
     * @param symptom     the symptom of the policy it flags, or {@code null}
     * @param patient     what the patient is shown in every language, or empty when nothing
     * @param clinician   the note for the physiotherapist in every language
     * @param source      what it rests on, on one line, as printed with every finding
     * @param sourceLink  the source's web address, or {@code null}
     */
    public record RuleEntry(String id, Severity severity, String condition, Symptom symptom, List<Text> patient,
                            List<Text> clinician, String source, String sourceLink) {
        public RuleEntry {
            patient = List.copyOf(patient);
            clinician = List.copyOf(clinician);
        }

        /** Whether it rates its symptom as the policy does (true when it flags none). */
        public boolean followsPolicy() {
            return symptom == null || symptom.severity() == severity;
        }
    }

    /**
     * A symptom of the severity policy and every rule that flags it.
     *
     * @param name the symptom in the catalogue's language
     * @param uses the rules that flag it, section by section; empty when none does
     */
    public record SymptomRow(Symptom symptom, String name, List<SymptomUse> uses) {
        public SymptomRow {
            uses = List.copyOf(uses);
        }

        /** The severity the policy gives it. */
        public Severity policy() {
            return symptom.severity();
        }

        /** Whether every rule that flags it rates it as the policy does. */
        public boolean consistent() {
            return uses.stream().allMatch(SymptomUse::followsPolicy);
        }
    }

    /** A rule flagging a symptom, with its section and its severity. */
    public record SymptomUse(String sectionId, String sectionTitle, String ruleId, Severity severity,
                             Severity policy) {
        public boolean followsPolicy() {
            return severity == policy;
        }
    }

    /**
     * The catalogue of the sections running now.
     *
     * @param running  the host's sections and the topics switched on, as the host publishes them
     * @param language the language of the words: the staff's
     */
    public static RulesCatalogue of(TopicCatalog running, String language) {
        List<LoadedTopic> all = new ArrayList<>();
        all.add(running.safety());
        all.add(running.about());
        all.addAll(running.topics());
        return of(all, running.about(), language);
    }

    /**
     * The catalogue of {@code sections}, whose conditions may read the shared facts asked in {@code about}.
     * {@code sections} need not have passed validation: every condition gets words, a mismatch of severity is
     * marked, a missing text is {@code null}.
     */
    public static RulesCatalogue of(List<LoadedTopic> sections, LoadedTopic about, String language) {
        String lang = Languages.isSupported(language) ? language : Languages.FALLBACK;
        List<Section> out = new ArrayList<>();
        for (LoadedTopic section : sections) {
            out.add(section(section, about, lang));
        }
        List<SymptomRow> rows = new ArrayList<>();
        for (Symptom symptom : Symptom.values()) {
            List<SymptomUse> uses = new ArrayList<>();
            for (int i = 0; i < sections.size(); i++) {
                for (RuleEntry rule : out.get(i).rules()) {
                    if (rule.symptom() == symptom) {
                        uses.add(new SymptomUse(out.get(i).id(), out.get(i).title(), rule.id(), rule.severity(),
                                symptom.severity()));
                    }
                }
            }
            rows.add(new SymptomRow(symptom, ConditionWords.WORDS.get(lang, "symptom." + symptom.name()), uses));
        }
        return new RulesCatalogue(lang, Languages.SUPPORTED, out, rows);
    }

    /** The row of {@code symptom} in the "same symptom, same severity" table. */
    public SymptomRow symptom(Symptom symptom) {
        return symptoms.stream().filter(r -> r.symptom() == symptom).findFirst().orElseThrow();
    }

    /** Whether every rule of every section rates its symptom as the policy does. */
    public boolean followsPolicy() {
        return symptoms.stream().allMatch(SymptomRow::consistent);
    }

    private static Section section(LoadedTopic topic, LoadedTopic about, String lang) {
        ConditionWords words = new ConditionWords(nameable(topic, about, lang), lang);
        List<QuestionEntry> questions = new ArrayList<>();
        for (Question q : topic.questions()) {
            List<OptionEntry> options = new ArrayList<>();
            if (q.type() == QuestionType.YES_NO) {
                options.add(new OptionEntry("yes", words("words.yes"), false));
                options.add(new OptionEntry("no", words("words.no"), false));
            }
            for (AnswerOption o : q.options()) {
                options.add(new OptionEntry(o.code(), texts(topic.messages(), o.textKey()), o.exclusive()));
            }
            questions.add(new QuestionEntry(q.linkId(), q.type(), texts(topic.messages(), q.textKey()),
                    q.helpKey() == null ? List.of() : texts(topic.messages(), q.helpKey()), options, q.required(),
                    q.min(), q.max(), words.ofSkipLogic(q.enableWhen()).orElse(null)));
        }
        List<RuleEntry> rules = new ArrayList<>();
        for (Rule r : topic.rules()) {
            rules.add(new RuleEntry(r.id(), r.severity(), words.of(r.when()), r.symptom(),
                    r.patientKey() == null ? List.of() : texts(topic.messages(), r.patientKey()),
                    texts(topic.messages(), r.clinicianKey()), r.source().toString(), r.source().link()));
        }
        return new Section(topic.id(), "host".equals(topic.pluginId()), topic.title(lang), topic.pluginId(),
                topic.pluginVersion(), questions, rules);
    }

    /** The questions a section's conditions may name: the shared facts (asked in About you), then its own. */
    private static Map<String, ConditionWords.Named> nameable(LoadedTopic topic, LoadedTopic about, String lang) {
        Map<String, ConditionWords.Named> named = new LinkedHashMap<>();
        if (topic != about && about != null) {
            String elsewhere = about.title(lang);
            about.questions().forEach(q -> named.put(q.linkId(),
                    new ConditionWords.Named(q, about.messages(), elsewhere)));
        }
        topic.questions().forEach(q -> named.put(q.linkId(), new ConditionWords.Named(q, topic.messages(), null)));
        return named;
    }

    private static List<Text> texts(MessageBundle messages, String key) {
        return Languages.SUPPORTED.stream().map(l -> new Text(l, messages.find(l, key).orElse(null))).toList();
    }

    private static List<Text> words(String key) {
        return Languages.SUPPORTED.stream().map(l -> new Text(l, ConditionWords.WORDS.get(l, key))).toList();
    }

    static {
        // Every symptom needs a name in every language; a missing one is a bug in the kiosk itself.
        for (String lang : Languages.SUPPORTED) {
            for (Symptom symptom : Symptom.values()) {
                if (ConditionWords.WORDS.find(lang, "symptom." + symptom.name()).isEmpty()) {
                    throw new IllegalStateException("the rules catalogue has no " + lang + " name for symptom " + symptom);
                }
            }
        }
    }
}
