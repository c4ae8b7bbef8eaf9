package com.physiokiosk.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One screen of a questionnaire, shaped after an HL7 FHIR R4 {@code Questionnaire.item}.
 *
 * <p>Build questions with the static factories and refine them with the {@code with…} methods:
 * <pre>{@code
 * Question.yesNo("pregnant", "q.pregnant")
 *         .withHelp("q.pregnant.help")
 *         .withEnableWhen(Condition.equals("sex", "female"));
 * }</pre>
 *
 * @since 1.0 (a class since 2.0, built only through its factories)
 */
public final class Question {

    /** Longest answer accepted for {@link QuestionType#SHORT_TEXT}. */
    public static final int MAX_TEXT_LENGTH = 200;

    static final Pattern LINK_ID = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private final String linkId;
    private final QuestionType type;
    private final String textKey;
    private final String helpKey;
    private final List<AnswerOption> options;
    private final boolean required;
    private final Condition enableWhen;
    private final int min;
    private final int max;
    private final String illustration;

    private Question(String linkId, QuestionType type, String textKey, String helpKey, List<AnswerOption> options,
                     boolean required, Condition enableWhen, int min, int max, String illustration) {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(textKey, "textKey");
        Objects.requireNonNull(enableWhen, "enableWhen");
        if (!LINK_ID.matcher(linkId).matches()) {
            throw new IllegalArgumentException("linkId '" + linkId
                    + "' must be 1-64 lower-case letters, digits, '.', '-' or '_', starting with a letter");
        }
        if (type.hasOptions() && options.isEmpty()) {
            throw new IllegalArgumentException("question '" + linkId + "' of type " + type + " needs answer options");
        }
        if (!type.hasOptions() && !options.isEmpty()) {
            throw new IllegalArgumentException("question '" + linkId + "' of type " + type + " cannot have answer options");
        }
        if (!type.isAnswerable() && required) {
            throw new IllegalArgumentException("information screen '" + linkId + "' cannot be required");
        }
        if (illustration != null && !illustration.matches("[a-z0-9][a-z0-9_-]{0,63}\\.jte")) {
            throw new IllegalArgumentException("question '" + linkId + "': illustration '" + illustration
                    + "' must be a template file name such as sleep-positions.jte");
        }
        if (min > max) {
            throw new IllegalArgumentException("question '" + linkId + "': min " + min + " is above max " + max);
        }
        this.linkId = linkId;
        this.type = type;
        this.textKey = textKey;
        this.helpKey = helpKey;
        this.options = List.copyOf(options);
        this.required = required;
        this.enableWhen = enableWhen;
        this.min = min;
        this.max = max;
        this.illustration = illustration;
    }

    /** Stable id, unique within the topic; stored with every answer. */
    public String linkId() {
        return linkId;
    }

    /** How the question is asked. */
    public QuestionType type() {
        return type;
    }

    /** Message key of the question text. */
    public String textKey() {
        return textKey;
    }

    /** Message key of a short explanation under the question, or {@code null}. */
    public String helpKey() {
        return helpKey;
    }

    /** Answer options, for choice questions only (empty otherwise). */
    public List<AnswerOption> options() {
        return options;
    }

    /** Whether the patient must answer before going on. */
    public boolean required() {
        return required;
    }

    /** The question is asked only when this holds for the earlier answers. */
    public Condition enableWhen() {
        return enableWhen;
    }

    /** Smallest allowed answer of a {@link QuestionType#NUMBER} question (0 for a scale). */
    public int min() {
        return min;
    }

    /** Largest allowed answer of a {@link QuestionType#NUMBER} question (10 for a scale). */
    public int max() {
        return max;
    }

    /**
     * Name of a jte template shipped in the plugin (e.g. {@code sleep-positions.jte}) that draws a picture above the
     * answers, or {@code null}; see {@link ScreenContext}.
     */
    public String illustration() {
        return illustration;
    }

    /** A required yes/no question. */
    public static Question yesNo(String linkId, String textKey) {
        return new Question(linkId, QuestionType.YES_NO, textKey, null, List.of(), true, Condition.always(), 0, 0, null);
    }

    /** A required question with exactly one answer among {@code options}. */
    public static Question singleChoice(String linkId, String textKey, AnswerOption... options) {
        return new Question(linkId, QuestionType.SINGLE_CHOICE, textKey, null, Arrays.asList(options), true,
                Condition.always(), 0, 0, null);
    }

    /** A required question with one or more answers among {@code options}. */
    public static Question multiChoice(String linkId, String textKey, AnswerOption... options) {
        return new Question(linkId, QuestionType.MULTI_CHOICE, textKey, null, Arrays.asList(options), true,
                Condition.always(), 0, 0, null);
    }

    /** A required 0 to 10 scale, such as the Numeric Pain Rating Scale. */
    public static Question scale(String linkId, String textKey) {
        return new Question(linkId, QuestionType.SCALE_0_10, textKey, null, List.of(), true, Condition.always(), 0, 10, null);
    }

    /** A required whole number from {@code min} to {@code max}. */
    public static Question number(String linkId, String textKey, int min, int max) {
        return new Question(linkId, QuestionType.NUMBER, textKey, null, List.of(), true, Condition.always(), min, max, null);
    }

    /** An optional short free-text answer. */
    public static Question shortText(String linkId, String textKey) {
        return new Question(linkId, QuestionType.SHORT_TEXT, textKey, null, List.of(), false, Condition.always(), 0, 0, null);
    }

    /**
     * A required body map: the patient marks one or more regions ({@link BodyAreas}). Every visit already asks
     * the host's pain drawing ({@link Facts#PAIN_AREAS}); ask your own only for something else, such as where a
     * cramp is felt.
     *
     * @since 2.1
     */
    public static Question bodyAreas(String linkId, String textKey) {
        return new Question(linkId, QuestionType.BODY_AREAS, textKey, null, List.of(), true, Condition.always(), 0, 0,
                null);
    }

    /** An information screen with nothing to answer. */
    public static Question info(String linkId, String textKey) {
        return new Question(linkId, QuestionType.INFO, textKey, null, List.of(), false, Condition.always(), 0, 0, null);
    }

    /** This question with an explanation under its text. */
    public Question withHelp(String helpKey) {
        return new Question(linkId, type, textKey, helpKey, options, required, enableWhen, min, max, illustration);
    }

    /** This question, asked only when {@code condition} holds. */
    public Question withEnableWhen(Condition condition) {
        return new Question(linkId, type, textKey, helpKey, options, required, condition, min, max, illustration);
    }

    /** This question, which the patient may leave unanswered. */
    public Question optional() {
        return new Question(linkId, type, textKey, helpKey, options, false, enableWhen, min, max, illustration);
    }

    /** This question with a picture drawn by the plugin's own template {@code template}. */
    public Question withIllustration(String template) {
        return new Question(linkId, type, textKey, helpKey, options, required, enableWhen, min, max, template);
    }

    /** The option with {@code code}, if this question has one. */
    public java.util.Optional<AnswerOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Question q && q.linkId.equals(linkId) && q.type == type && q.textKey.equals(textKey)
                && Objects.equals(q.helpKey, helpKey) && q.options.equals(options) && q.required == required
                && q.enableWhen.equals(enableWhen) && q.min == min && q.max == max
                && Objects.equals(q.illustration, illustration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(linkId, type, textKey, helpKey, options, required, enableWhen, min, max, illustration);
    }

    @Override
    public String toString() {
        return "Question[" + linkId + ", " + type + "]";
    }
}
