package com.physiokiosk.engine.topic;

import com.physiokiosk.api.AnswerOption;
import com.physiokiosk.api.BodyAreas;
import com.physiokiosk.api.Condition;
import com.physiokiosk.api.Facts;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Rule;
import com.physiokiosk.api.Symptom;
import com.physiokiosk.api.TopicInfo;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.i18n.MessageBundle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a topic before it is offered to patients: ids unique, every condition and rule refers
 * to a question that exists (skip logic only to earlier questions), every answer code a condition
 * compares with is one the question offers, no condition waits for an answer to an information
 * screen, every condition is of bounded size and depth, every rule that flags a symptom of the severity
 * policy has the severity the policy gives it, and every text resolves in every supported language.
 */
public final class TopicValidator {

    /**
     * Most nodes a condition may have, counting a branch used twice twice: that is what the kiosk walks
     * each time it tests the condition. The largest in the shipped topics has about 20.
     */
    public static final int MAX_CONDITION_NODES = 500;

    /** Deepest nesting of {@code all}, {@code any} and {@code not} a condition may have. */
    public static final int MAX_CONDITION_DEPTH = 20;

    private TopicValidator() {
    }

    /** The problems found, each a short sentence; empty when the topic is fit to use. */
    public static List<String> validate(TopicInfo info, List<Question> questions, List<Rule> rules,
                                        MessageBundle messages) {
        return validate(info, questions, rules, messages, List.of());
    }

    /**
     * The problems found, where {@code given} are the host's shared fact questions, asked before any
     * topic: conditions and rules may read them as earlier questions, and no topic question may take
     * one of their ids (or any id in the {@link Facts#PREFIX} space).
     */
    public static List<String> validate(TopicInfo info, List<Question> questions, List<Rule> rules,
                                        MessageBundle messages, List<Question> given) {
        List<String> problems = new ArrayList<>();
        if (questions.isEmpty()) {
            problems.add("topic has no questions");
        }
        Map<String, Question> byId = new HashMap<>();
        Set<String> earlier = new HashSet<>();
        for (Question g : given) {
            byId.put(g.linkId(), g);
            earlier.add(g.linkId());
        }
        // Conditions are data, but a tree with shared branches can be exponentially larger than the
        // objects it is made of: everything that walks one (linkIds, test, the checks below) is only
        // safe once its size is known to be bounded.
        Set<Condition> oversized = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Question q : questions) {
            boundsProblem("question '" + q.linkId() + "'", q.enableWhen()).ifPresent(p -> {
                problems.add(p);
                oversized.add(q.enableWhen());
            });
        }
        for (Rule r : rules) {
            boundsProblem("rule '" + r.id() + "'", r.when()).ifPresent(p -> {
                problems.add(p);
                oversized.add(r.when());
            });
        }
        for (Question q : questions) {
            if (!given.isEmpty() && Facts.isFact(q.linkId())) {
                problems.add("linkId '" + q.linkId() + "' is in the space reserved for the kiosk's shared facts ('"
                        + Facts.PREFIX + "…'): read the fact instead of asking it again");
                continue;
            }
            if (byId.putIfAbsent(q.linkId(), q) != null) {
                problems.add("linkId '" + q.linkId() + "' is used twice");
            }
            Set<String> refs = oversized.contains(q.enableWhen()) ? Set.of() : ConditionLinks.of(q.enableWhen());
            for (String ref : refs) {
                if (!earlier.contains(ref)) {
                    problems.add("question '" + q.linkId() + "' is enabled by '" + ref
                            + "', which is not an earlier question");
                }
            }
            earlier.add(q.linkId());
            Set<String> codes = new HashSet<>();
            for (AnswerOption o : q.options()) {
                if (!codes.add(o.code())) {
                    problems.add("question '" + q.linkId() + "' has answer code '" + o.code() + "' twice");
                }
            }
        }
        for (Question q : questions) {
            if (!oversized.contains(q.enableWhen())) {
                checkCondition("question '" + q.linkId() + "'", q.enableWhen(), byId, problems);
            }
        }
        Set<String> ruleIds = new HashSet<>();
        for (Rule r : rules) {
            if (!ruleIds.add(r.id())) {
                problems.add("rule id '" + r.id() + "' is used twice");
            }
            if (!oversized.contains(r.when())) {
                checkCondition("rule '" + r.id() + "'", r.when(), byId, problems);
            }
            checkSymptom(r, problems);
        }
        Set<String> keys = keysUsed(info, questions, rules);
        for (String lang : Languages.SUPPORTED) {
            if (!messages.languages().contains(lang)) {
                problems.add("no messages_" + lang + ".properties");
                continue;
            }
            List<String> missing = keys.stream().filter(k -> messages.find(lang, k).isEmpty()).toList();
            if (!missing.isEmpty()) {
                problems.add("messages_" + lang + ".properties lacks " + missing);
            }
        }
        return problems;
    }

    /**
     * The message keys a topic uses: its title and summary, each question's text, help and answer
     * options, each rule's patient and clinician texts. (A plugin's own templates may use more.)
     */
    public static Set<String> keysUsed(TopicInfo info, List<Question> questions, List<Rule> rules) {
        Set<String> keys = new LinkedHashSet<>(List.of(info.titleKey(), info.summaryKey()));
        for (Question q : questions) {
            keys.add(q.textKey());
            if (q.helpKey() != null) {
                keys.add(q.helpKey());
            }
            q.options().forEach(o -> keys.add(o.textKey()));
        }
        for (Rule r : rules) {
            keys.add(r.clinicianKey());
            if (r.patientKey() != null) {
                keys.add(r.patientKey());
            }
        }
        return keys;
    }

    /**
     * Why {@code condition} is too large or too deep to be walked, or empty when it is within
     * {@link #MAX_CONDITION_NODES} and {@link #MAX_CONDITION_DEPTH}. Costs time in proportion to the
     * objects the condition is made of, never to the (possibly exponential) tree they spell: each
     * object's tree size is worked out once, by identity (records' own {@code equals} and
     * {@code hashCode} walk the whole tree), and the walk stops at the first limit passed.
     */
    static java.util.Optional<String> boundsProblem(String owner, Condition condition) {
        Measure m = measure(condition, 1, new IdentityHashMap<>());
        if (m == null || m.height() > MAX_CONDITION_DEPTH) {
            return java.util.Optional.of(owner + " has a condition nested deeper than " + MAX_CONDITION_DEPTH
                    + " levels");
        }
        if (m.size() > MAX_CONDITION_NODES) {
            return java.util.Optional.of(owner + " has a condition of more than " + MAX_CONDITION_NODES
                    + " parts (a part used twice counts twice)");
        }
        return java.util.Optional.empty();
    }

    /** A condition's tree size (capped at {@link #MAX_CONDITION_NODES} + 1) and height. */
    private record Measure(int size, int height) {
    }

    /**
     * The size and height of the tree under {@code c}, reached at {@code depth}; {@code null} when that
     * depth passes {@link #MAX_CONDITION_DEPTH} (so the tree is too deep, and the recursion stops there).
     * A node's measure does not depend on where it is reached, so it is worked out once per node.
     */
    private static Measure measure(Condition c, int depth, Map<Condition, Measure> known) {
        if (depth > MAX_CONDITION_DEPTH) {
            return null;
        }
        Measure m = known.get(c);
        if (m != null) {
            return m;
        }
        List<Condition> children;
        if (c instanceof Condition.AllOf all) {
            children = all.conditions();
        } else if (c instanceof Condition.AnyOf any) {
            children = any.conditions();
        } else if (c instanceof Condition.Not not) {
            children = List.of(not.condition());
        } else {
            children = List.of();
        }
        int size = 1;
        int height = 1;
        for (Condition child : children) {
            Measure cm = measure(child, depth + 1, known);
            if (cm == null) {
                return null;
            }
            size += cm.size();
            height = Math.max(height, cm.height() + 1);
            if (size > MAX_CONDITION_NODES) {
                // Too large already: the rest of a wide node need not be looked at.
                size = MAX_CONDITION_NODES + 1;
                break;
            }
        }
        m = new Measure(size, height);
        known.put(c, m);
        return m;
    }

    /** The same symptom, the same severity in every topic: a rule may not rate its symptom otherwise. */
    private static void checkSymptom(Rule r, List<String> problems) {
        Symptom symptom = r.symptom();
        if (symptom != null && symptom.severity() != r.severity()) {
            problems.add("rule '" + r.id() + "' flags symptom " + symptom + " as " + r.severity()
                    + ", but the kiosk's severity policy makes " + symptom + " " + symptom.severity()
                    + " in every topic");
        }
    }

    private static void checkCondition(String owner, Condition c, Map<String, Question> byId, List<String> problems) {
        if (c instanceof Condition.AllOf all) {
            all.conditions().forEach(x -> checkCondition(owner, x, byId, problems));
        } else if (c instanceof Condition.AnyOf any) {
            any.conditions().forEach(x -> checkCondition(owner, x, byId, problems));
        } else if (c instanceof Condition.Not not) {
            checkCondition(owner, not.condition(), byId, problems);
        } else if (c instanceof Condition.Equals eq) {
            Question q = byId.get(eq.linkId());
            if (q == null) {
                problems.add(owner + " refers to unknown question '" + eq.linkId() + "'");
            } else if (q.type() == QuestionType.BODY_AREAS) {
                if (!BodyAreas.isRegion(eq.code())) {
                    problems.add(owner + " compares '" + eq.linkId() + "' with '" + eq.code()
                            + "', which is not a region of the body map (see BodyAreas.REGIONS)");
                }
            } else if (!codesOf(q).contains(eq.code())) {
                problems.add(owner + " compares '" + eq.linkId() + "' with '" + eq.code()
                        + "', which is not one of its answers " + codesOf(q));
            }
        } else if (c instanceof Condition.AtLeast || c instanceof Condition.AtMost) {
            String linkId = ConditionLinks.of(c).iterator().next();
            Question q = byId.get(linkId);
            if (q == null) {
                problems.add(owner + " refers to unknown question '" + linkId + "'");
            } else if (q.type() != QuestionType.NUMBER && q.type() != QuestionType.SCALE_0_10) {
                problems.add(owner + " compares '" + linkId + "' as a number, but it is a " + q.type() + " question");
            }
        } else if (c instanceof Condition.Answered answered) {
            Question q = byId.get(answered.linkId());
            if (q == null) {
                problems.add(owner + " refers to unknown question '" + answered.linkId() + "'");
            } else if (!q.type().isAnswerable()) {
                problems.add(owner + " waits for an answer to '" + answered.linkId()
                        + "', an information screen that is never answered");
            }
        } else {
            for (String linkId : ConditionLinks.of(c)) {
                if (!byId.containsKey(linkId)) {
                    problems.add(owner + " refers to unknown question '" + linkId + "'");
                }
            }
        }
    }

    private static Set<String> codesOf(Question q) {
        if (q.type() == QuestionType.YES_NO) {
            return Set.of("yes", "no");
        }
        Set<String> codes = new LinkedHashSet<>();
        q.options().forEach(o -> codes.add(o.code()));
        return codes;
    }
}
