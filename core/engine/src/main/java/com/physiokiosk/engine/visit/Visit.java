package com.physiokiosk.engine.visit;

import com.physiokiosk.engine.flow.Answers;
import com.physiokiosk.engine.flow.Finding;
import com.physiokiosk.engine.flow.QuestionnaireFlow;
import com.physiokiosk.engine.topic.LoadedTopic;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One patient's visit at the kiosk: their language and name, the safety screen, the shared facts,
 * each topic they chose with its answers, the screen on show, and the check-in it became if an
 * answer was urgent. Lives in the patient's server session and is changed only through
 * {@link VisitService}, which holds the visit's lock while it reads or changes it, so two taps
 * arriving together are taken one after the other.
 */
public final class Visit {

    /** One section of the visit: the safety screen, the facts, or a topic. */
    static final class Section {
        final LoadedTopic topic;
        Answers answers = Answers.empty();
        /** The patient left the topic before its end (or the clinic switched it off meanwhile). */
        boolean left;
        /** One of its screens has been shown: from then on the visit resumes at its first missing answer. */
        boolean begun;

        Section(LoadedTopic topic) {
            this.topic = topic;
        }
    }

    /** An URGENT finding raised in this visit, with the section it arose in. */
    record Raised(String section, Finding finding) {
    }

    final boolean askName;
    String language;
    String displayName;
    boolean nameGiven;
    /** Sections by id in the order asked: the safety screen, the facts, then topics as chosen. */
    final Map<String, Section> sections = new LinkedHashMap<>();
    /** The topic being answered now, or {@code null}. */
    String current;

    /** The question on screen and the token its form carries; an answer for anything else is stale. */
    String shownSection;
    String shownLinkId;
    String shownToken;
    /** How many screens this visit has shown: each showing's token is its number (eight hex digits), never repeated. */
    int screensShown;

    /** The check-in this visit was stored as, once an answer was urgent; {@code null} before. */
    String checkInId;
    int number;
    /** An urgent finding arose and the patient has not yet seen the "speak to reception" screen. */
    boolean urgentScreenDue;
    /** An urgent finding could not be stored: try again at the next answer. */
    boolean storePending;
    /** URGENT findings staff were alerted to, by section and rule. */
    final Set<String> alerted = new HashSet<>();
    /** Every URGENT finding raised so far, by section and rule: kept even if the answer changes. */
    final Map<String, Raised> raised = new LinkedHashMap<>();
    /** Sent: nothing more can change. */
    boolean ended;
    /** A one-time message key for the next screen, or {@code null}. */
    String notice;
    /** The largest share of the visit shown done so far (0 to 1): the progress bar never goes back. */
    double progressShown;

    /**
     * Each section's flow (skip logic worked out) and the shared facts, for the answers as they are now: worked out
     * once and kept until an answer changes ({@link #answer}), since showing one screen reads them many times.
     */
    final Map<String, QuestionnaireFlow> flows = new HashMap<>();
    Answers facts;

    /** Records an answer in {@code section}; what was worked out from the answers before is worked out again. */
    void answer(Section section, String linkId, List<String> values) {
        section.answers = section.answers.with(linkId, values);
        flows.clear();
        facts = null;
    }

    Visit(String language, boolean askName) {
        this.language = language;
        this.askName = askName;
    }

    /** The patient's language. */
    public synchronized String language() {
        return language;
    }

    /** The name the patient wants to be called by, or {@code null}. */
    public synchronized String displayName() {
        return displayName;
    }

    /** Whether an answer of this visit raised an URGENT finding. */
    public synchronized boolean isUrgent() {
        return !raised.isEmpty();
    }

    /** The ids of the topics chosen, in the order chosen (the host's sections left out). */
    synchronized List<String> topicIds() {
        return sections.keySet().stream().skip(2).toList();
    }

    @Override
    public synchronized String toString() {
        // Health data: never in logs.
        return "Visit[" + language + ", sections=" + sections.keySet() + ", urgent=" + !raised.isEmpty() + "]";
    }
}
