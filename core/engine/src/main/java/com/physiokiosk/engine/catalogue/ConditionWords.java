package com.physiokiosk.engine.catalogue;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.BodyAreas;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.engine.body.BodyMap;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.i18n.MessageBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Condition} in words, for people who sign the rules off rather than read code: questions are named by
 * their text and answers by their labels, in one language, for example
 * {@code all of: (“Do you have a fever…?” is Yes; “How old are you?” (About you) is one of: 50 to 64, 65 or over)}.
 *
 * <p>Total over the sealed condition types: every condition gets words, including one that names a question
 * or answer code that does not exist (shown by its id in brackets). A deep or widely shared tree is cut short:
 * at most {@value #MAX_DEPTH} levels and {@value #MAX_PARTS} parts are written, then "(… more)", so a
 * pathological plugin cannot make the catalogue hang or run out of memory.
 */
public final class ConditionWords {

    /** Deepest nesting written out; anything below reads "(… more)". */
    public static final int MAX_DEPTH = 8;

    /** Most conditions written out for one tree; the rest reads "(… more)". */
    public static final int MAX_PARTS = 60;

    /** The host's words for conditions, symptoms and answers, in every supported language. */
    static final MessageBundle WORDS = MessageBundle.load("the kiosk's rules catalogue",
            ConditionWords.class.getClassLoader(), "com/physiokiosk/engine/catalogue/messages");

    /**
     * A question a condition may name: the question, the texts of the section that asks it, and that section's
     * title when it is not the section the condition belongs to (a shared fact, asked in "About you"), else
     * {@code null}.
     */
    public record Named(Question question, MessageBundle messages, String elsewhere) {
    }

    private final Map<String, Named> questions;
    private final String language;

    /**
     * @param questions the questions conditions may name, by linkId
     * @param language  the language of the words
     */
    public ConditionWords(Map<String, Named> questions, String language) {
        this.questions = Map.copyOf(questions);
        this.language = language;
    }

    /** The words of {@code condition}. */
    public String of(Condition condition) {
        StringBuilder out = new StringBuilder();
        write(condition, 0, new int[] {MAX_PARTS}, out);
        return out.toString();
    }

    /** The words of a question's skip logic, or empty when it is asked of everyone. */
    public Optional<String> ofSkipLogic(Condition enableWhen) {
        return enableWhen instanceof Condition.Always ? Optional.empty() : Optional.of(of(enableWhen));
    }

    private void write(Condition c, int depth, int[] budget, StringBuilder out) {
        if (budget[0] <= 0 || depth > MAX_DEPTH) {
            out.append(word("words.more"));
            return;
        }
        budget[0]--;
        if (c instanceof Condition.Always) {
            out.append(word("words.always"));
        } else if (c instanceof Condition.Equals eq) {
            out.append(fill(word(isMulti(eq.linkId()) ? "words.includes" : "words.is"), question(eq.linkId()),
                    answer(eq.linkId(), eq.code())));
        } else if (c instanceof Condition.AtLeast least) {
            out.append(fill(word("words.at-least"), question(least.linkId()), String.valueOf(least.value())));
        } else if (c instanceof Condition.AtMost most) {
            out.append(fill(word("words.at-most"), question(most.linkId()), String.valueOf(most.value())));
        } else if (c instanceof Condition.Answered answered) {
            out.append(fill(word("words.answered"), question(answered.linkId())));
        } else if (c instanceof Condition.AnyOf any) {
            String sameQuestion = sameQuestion(any.conditions());
            if (sameQuestion != null) {
                writeAnswers(sameQuestion, any.conditions(), budget, out);
            } else {
                group("words.any", inlined(any.conditions(), Condition.AnyOf.class, depth), depth, budget, out);
            }
        } else if (c instanceof Condition.AllOf all) {
            group("words.all", inlined(all.conditions(), Condition.AllOf.class, depth), depth, budget, out);
        } else if (c instanceof Condition.Not not) {
            group("words.not", List.of(not.condition()), depth, budget, out);
        } else {
            // Unreachable while Condition stays sealed to the types above; words all the same.
            out.append('[').append(c.getClass().getSimpleName()).append(']');
        }
    }

    /** {@code any of} answers to one question, as the API's {@code Condition.anyOf(linkId, codes…)} builds it. */
    private void writeAnswers(String linkId, List<Condition> options, int[] budget, StringBuilder out) {
        if (isBodyAreas(linkId)) {
            writeRegions(linkId, options, budget, out);
            return;
        }
        StringBuilder answers = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            if (budget[0] <= 0) {
                answers.append(", ").append(word("words.more"));
                break;
            }
            budget[0]--;
            if (i > 0) {
                answers.append(", ");
            }
            answers.append(answer(linkId, ((Condition.Equals) options.get(i)).code()));
        }
        out.append(fill(word(isMulti(linkId) ? "words.includes-any" : "words.one-of"), question(linkId),
                answers.toString()));
    }

    /**
     * Regions of the body map, which rules name by the dozen: by side, each part once ("Your left: Shin, Calf,
     * Heel and sole"), one part of the budget a side.
     */
    private void writeRegions(String linkId, List<Condition> options, int[] budget, StringBuilder out) {
        Map<BodyAreas.Side, List<String>> bySide = new java.util.EnumMap<>(BodyAreas.Side.class);
        List<String> unknown = new ArrayList<>();
        for (Condition option : options) {
            String code = ((Condition.Equals) option).code();
            Optional<BodyMap.Region> region = BodyMap.get().region(code);
            if (region.isEmpty()) {
                unknown.add("[" + code + "]");
                continue;
            }
            String part = BodyMap.texts().get(language, "body." + region.get().view().id() + "." + region.get().part());
            List<String> parts = bySide.computeIfAbsent(region.get().side(), k -> new ArrayList<>());
            if (!parts.contains(part)) {
                parts.add(part);
            }
        }
        List<String> groups = new ArrayList<>();
        for (Map.Entry<BodyAreas.Side, List<String>> e : bySide.entrySet()) {
            if (budget[0] <= 0) {
                groups.add(word("words.more"));
                break;
            }
            budget[0]--;
            groups.add(BodyMap.texts().get(language, "body.side." + e.getKey().id() + ".short") + ": "
                    + String.join(", ", e.getValue()));
        }
        groups.addAll(unknown);
        out.append(fill(word("words.includes-any"), question(linkId), String.join("; ", groups)));
    }

    private void group(String key, List<Condition> parts, int depth, int[] budget, StringBuilder out) {
        StringBuilder inner = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                inner.append("; ");
            }
            if (budget[0] <= 0) {
                inner.append(word("words.more"));
                break;
            }
            write(parts.get(i), depth + 1, budget, inner);
        }
        out.append(fill(word(key), inner.toString()));
    }

    /**
     * {@code parts} with every part of the same kind as their group ("all of" in "all of") replaced by its own
     * parts, which reads the same and nests less; bounded like the words themselves. A list of answers to one
     * question stays whole, to read as one.
     */
    private static List<Condition> inlined(List<Condition> parts, Class<? extends Condition> kind, int depth) {
        List<Condition> out = new ArrayList<>();
        inline(parts, kind, depth, out);
        return out;
    }

    private static void inline(List<Condition> parts, Class<? extends Condition> kind, int depth, List<Condition> out) {
        for (Condition part : parts) {
            if (out.size() > MAX_PARTS) {
                return;
            }
            List<Condition> inner = part instanceof Condition.AllOf all ? all.conditions()
                    : part instanceof Condition.AnyOf any && sameQuestion(any.conditions()) == null ? any.conditions()
                    : null;
            if (kind.isInstance(part) && inner != null && depth < MAX_DEPTH) {
                inline(inner, kind, depth + 1, out);
            } else {
                out.add(part);
            }
        }
    }

    /** The linkId every one of {@code parts} compares with an answer, when there are two or more; else null. */
    private static String sameQuestion(List<Condition> parts) {
        if (parts.size() < 2 || !(parts.get(0) instanceof Condition.Equals first)) {
            return null;
        }
        for (Condition part : parts) {
            if (!(part instanceof Condition.Equals eq) || !eq.linkId().equals(first.linkId())) {
                return null;
            }
        }
        return first.linkId();
    }

    private boolean isMulti(String linkId) {
        Named named = questions.get(linkId);
        return named != null && (named.question().type() == QuestionType.MULTI_CHOICE
                || named.question().type() == QuestionType.BODY_AREAS);
    }

    private boolean isBodyAreas(String linkId) {
        Named named = questions.get(linkId);
        return named != null && named.question().type() == QuestionType.BODY_AREAS;
    }

    /** A question by its text, in quotes, with the section that asks it when that is another one. */
    private String question(String linkId) {
        Named named = questions.get(linkId);
        if (named == null) {
            return "[" + linkId + "]";
        }
        String text = fill(word("words.question"), text(named.messages(), named.question().textKey()));
        return named.elsewhere() == null ? text : fill(word("words.elsewhere"), text, named.elsewhere());
    }

    /** An answer by its label; a code the question does not offer by the code, in brackets. */
    private String answer(String linkId, String code) {
        Named named = questions.get(linkId);
        if (named == null) {
            return "[" + code + "]";
        }
        Question q = named.question();
        if (q.type() == QuestionType.YES_NO && (code.equals("yes") || code.equals("no"))) {
            return word("words." + code);
        }
        if (q.type() == QuestionType.BODY_AREAS) {
            return BodyMap.get().region(code).map(r -> BodyMap.get().label(code, language)).orElse("[" + code + "]");
        }
        return q.option(code).map(AnswerOption::textKey).map(key -> text(named.messages(), key))
                .orElse("[" + code + "]");
    }

    private String text(MessageBundle messages, String key) {
        return messages.find(language, key).or(() -> messages.find(Languages.FALLBACK, key)).orElse("[" + key + "]");
    }

    private String word(String key) {
        return WORDS.get(language, key);
    }

    /**
     * {@code template} with {@code {0}}, {@code {1}}… replaced in one pass, so a question text that itself holds
     * "{1}" is left as it is.
     */
    static String fill(String template, String... args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch == '{' && i + 2 < template.length() && template.charAt(i + 2) == '}'
                    && Character.isDigit(template.charAt(i + 1))) {
                int n = template.charAt(i + 1) - '0';
                if (n < args.length) {
                    out.append(args[n]);
                    i += 2;
                    continue;
                }
            }
            out.append(ch);
        }
        return out.toString();
    }
}
