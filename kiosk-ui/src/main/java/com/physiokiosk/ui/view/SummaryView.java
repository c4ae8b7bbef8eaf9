package com.physiokiosk.ui.view;

import com.physiokiosk.api.Facts;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.api.Severity;
import com.physiokiosk.engine.checkin.CheckIn;
import com.physiokiosk.engine.checkin.StoredAnswer;
import com.physiokiosk.engine.checkin.StoredFinding;
import com.physiokiosk.engine.checkin.TopicResponse;
import com.physiokiosk.engine.safety.SafetyScreen;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.ui.view.Views.AnswerLine;
import com.physiokiosk.ui.view.Views.AnswerSection;
import com.physiokiosk.ui.view.Views.FindingLine;
import com.physiokiosk.ui.view.Views.Link;
import com.physiokiosk.ui.view.Views.PainScore;
import com.physiokiosk.ui.view.Views.SummaryPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the one-page summary of a check-in from what was stored at submit time (question texts,
 * answers as shown, findings with their texts, sources and plugin versions), so a check-in made
 * with a plugin since removed still prints. Order: urgent and consult findings, the pain score,
 * the answers to the questions actually asked by topic, what the patient was told, the versions.
 */
public final class SummaryView {

    /** The summary's own style sheet, inlined into the PDF (a PDF cannot fetch it). */
    private static final String CSS = resource("/public/summary.css");

    private static final List<String> PEG = List.of(Facts.PEG_PAIN, Facts.PEG_ENJOYMENT, Facts.PEG_ACTIVITY);

    private SummaryView() {
    }

    /**
     * @param url       the summary's own address
     * @param pdf       for the PDF: no toolbar, the style sheet inline
     * @param autoPrint opened by the print button
     * @param page      the staff page around it on screen (header, alerts, the form token for "mark as
     *                  reviewed"), or {@code null} for the PDF
     */
    public static SummaryPage of(CheckIn c, Texts t, String clinicName, ZoneId zone, String url, boolean pdf,
                                 boolean autoPrint, Page page) {
        List<FindingLine> urgent = new ArrayList<>();
        List<FindingLine> consult = new ArrayList<>();
        List<FindingLine> notes = new ArrayList<>();
        List<FindingLine> advice = new ArrayList<>();
        List<String> told = new ArrayList<>();
        List<String> onPaper = new ArrayList<>();
        List<PainScore> pain = new ArrayList<>();
        List<BodyMapView.Summary> drawings = new ArrayList<>();
        List<AnswerSection> sections = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<Link> exports = new ArrayList<>();
        // Since the visit moved into the engine, an urgent visit shows the patient only "speak to
        // reception now": its advice was kept for staff, not shown. Older check-ins showed it.
        boolean adviceWithheld = c.urgent() && c.updatedAt() != null;
        for (TopicResponse topic : c.topics()) {
            for (StoredFinding f : topic.findings()) {
                FindingLine line = new FindingLine(topic.topicTitle(), f.clinicianText(), f.source());
                switch (f.severity()) {
                    case URGENT -> urgent.add(line);
                    case CONSULT -> consult.add(line);
                    case INFO -> notes.add(line);
                    case ADVICE -> advice.add(line);
                }
            }
            if (!adviceWithheld) {
                // What the patient was shown on the result screen: advice first, as it was the bulk of it. A
                // sensitive topic's advice was kept off the screen: it is printed here to give on paper.
                topic.findings().stream().filter(f -> f.severity() == Severity.ADVICE && f.patientText() != null)
                        .forEach(f -> (topic.sensitive() ? onPaper : told).add(f.patientText()));
                topic.findings().stream().filter(f -> f.severity() != Severity.ADVICE && f.patientText() != null)
                        .forEach(f -> told.add(f.patientText()));
            }
            List<AnswerLine> answers = new ArrayList<>();
            // The answers an URGENT finding of this topic rests on.
            java.util.Set<String> redFlags = new java.util.HashSet<>();
            topic.findings().stream().filter(f -> f.severity() == Severity.URGENT)
                    .forEach(f -> redFlags.addAll(f.triggeredBy()));
            List<String> peg = new ArrayList<>();
            List<String> safetyNo = new ArrayList<>();
            for (StoredAnswer a : topic.answers()) {
                if (CheckInRepository.LEGACY_PAIN_SCORE.equals(a.linkId())) {
                    pain.add(new PainScore(topic.topicTitle(), t.get("staff.summary.pain.value", a.values().get(0))));
                } else if (Facts.PAIN_NOW.equals(a.linkId())) {
                    // The pain scores are shown once, on top.
                    pain.add(new PainScore(a.questionText(), t.get("staff.summary.pain.value", a.values().get(0))));
                } else if (a.type() == QuestionType.BODY_AREAS) {
                    // Drawn, not listed: the marked regions shaded on the figures, with their names and count.
                    drawings.add(BodyMapView.summary(Facts.PAIN_AREAS.equals(a.linkId())
                                    ? t.get("staff.summary.drawing") : topic.topicTitle() + ": " + a.questionText(),
                            a.values(), redFlags.contains(a.linkId()), t));
                } else if (PEG.contains(a.linkId())) {
                    peg.add(a.values().get(0));
                } else if (SafetyScreen.ID.equals(topic.topicId()) && isNo(a)) {
                    // A red flag answered "no" needs reading only as one of many: on one line, so the page stays one.
                    safetyNo.add(a.questionText());
                } else {
                    answers.add(new AnswerLine(a.questionText(), a.displayValue(), redFlags.contains(a.linkId())));
                }
            }

            if (peg.size() == PEG.size()) {
                double mean = peg.stream().mapToInt(Integer::parseInt).average().orElse(0);
                pain.add(new PainScore(t.get("staff.summary.peg", peg.get(0), peg.get(1), peg.get(2)),
                        t.get("staff.summary.pain.value", String.format(Locale.ROOT, "%.1f", mean))));
            }
            String title = topic.finished() ? topic.topicTitle()
                    : topic.topicTitle() + " · " + t.get("staff.summary.topic-left");
            sections.add(new AnswerSection(title, answers, safetyNo.isEmpty() ? null
                    : t.get("staff.summary.safety-no", safetyNo.size()) + " " + String.join(" · ", safetyNo)));
            versions.add(t.get("staff.summary.version", topic.topicTitle(), topic.pluginId(), topic.pluginVersion()));
            exports.add(new Link(url + "/fhir/" + topic.topicId(), t.get("staff.summary.fhir", topic.topicTitle())));
        }
        exports.add(0, new Link(url + "/fhir", t.get("staff.summary.fhir-bundle")));
        String name = c.displayName() == null ? t.get("staff.no-name") : c.displayName();
        String reviewed = c.reviewedAt() == null ? null
                : t.get("staff.summary.reviewed-at", date(LocalDate.ofInstant(c.reviewedAt(), zone), t), time(c.reviewedAt(), zone));
        return new SummaryPage(t, clinicName, pdf, autoPrint, page, url,
                t.get("staff.summary.title", c.number()), c.number(), name, date(c.day(), t), time(c.createdAt(), zone),
                c.urgent(), c.finished(), reviewed, urgent, consult, notes, advice, pain, drawings, sections, told, onPaper,
                adviceWithheld, versions, exports, pdf ? CSS : "");
    }

    /** A "no" (or "none of these") answer, which on the safety screen raises nothing. */
    private static boolean isNo(StoredAnswer a) {
        return a.values().equals(List.of("no")) || a.values().equals(List.of("none"));
    }

    /** A day as staff read it, e.g. "21 Nov 2026". */
    public static String date(LocalDate day, Texts t) {
        return day.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(t.language())));
    }

    /** A moment as staff read it, the day and the clinic-local time: "21 Nov 2026 09:05". */
    public static String dateTime(Instant at, ZoneId zone, Texts t) {
        return date(LocalDate.ofInstant(at, zone), t) + " " + time(at, zone);
    }

    /** A clinic-local time of day, e.g. "09:05". */
    public static String time(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(at);
    }

    /** A text file shipped with the kiosk, such as a style sheet to inline into a PDF. */
    static String resource(String path) {
        try (InputStream in = SummaryView.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the kiosk");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
