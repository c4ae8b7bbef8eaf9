package com.physiokiosk.ui.view;

import java.util.List;

/** The typed models of the host's pages: one record per template. */
public final class Views {

    private Views() {
    }

    public record WelcomePage(Page page, String clinicName, List<Choice> languages) {
    }

    public record NamePage(Page page, String name, String error) {
    }

    public record Choice(String value, String label, boolean selected, String help) {
    }

    public record QuestionPage(Page page, String topicTitle, String action, String linkId, String type, String text,
                               String help, List<Choice> options, String value, int min, int max, boolean required,
                               int position, int total, String backUrl, String error, boolean returnToReview,
                               gg.jte.Content illustration) {
    }

    public record TopicsPage(Page page, List<TopicChoice> topics, String notice) {
    }

    public record TopicChoice(String id, String title, String summary, String iconUrl) {
    }

    public record ReviewPage(Page page, List<ReviewSection> sections, String error) {
    }

    public record ReviewSection(String title, List<ReviewItem> items) {
    }

    public record ReviewItem(String question, String answer, String changeUrl) {
    }

    public record ResultPage(Page page, int number, String name, boolean urgent, List<String> advice,
                             List<String> notes) {
    }

    public record MessagePage(Page page, String heading, String message, String actionUrl, String actionLabel) {
    }

    // ---- staff pages ----------------------------------------------------------------------------

    public record SignInPage(Page page, String username, String error, boolean noAccountYet) {
    }

    public record SetupPage(Page page, String error, int minLength) {
    }

    /**
     * Today's (or another day's) check-ins.
     *
     * @param day       the day shown, ISO {@code yyyy-mm-dd}, also what the live updates compare with
     * @param dayLabel  the day as staff read it
     * @param today     whether it is today, when live updates matter
     */
    public record CheckInListPage(Page page, String day, String dayLabel, boolean today, String previousDay,
                                  String nextDay, List<CheckInRow> rows) {
    }

    public record CheckInRow(String url, int number, String name, String time, List<String> topics, boolean urgent,
                             boolean reviewed) {
    }

    public record AuditPage(Page page, List<AuditRow> rows, int limit) {
    }

    public record AuditRow(String at, String username, String action, String checkInId, String checkInUrl,
                           String detail) {
    }

    public record AccountsPage(Page page, List<AccountRow> accounts, String error, int minLength) {
    }

    public record AccountRow(String username, String role, boolean locked, boolean disabled, boolean self) {
    }

    /**
     * The one-page summary of a check-in, for the screen, the printer and the PDF alike.
     *
     * @param pdf       rendered for the PDF: no toolbar or scripts, the style sheet inline
     * @param autoPrint opened with the print button: the browser's print dialog opens at once
     * @param css       the summary style sheet, inlined for the PDF only
     */
    public record SummaryPage(Texts t, String clinicName, boolean pdf, boolean autoPrint, String csrf, String url,
                              String title, int number, String name, String date, String time, boolean urgent,
                              String reviewedAt, List<FindingLine> urgentFindings, List<FindingLine> consultFindings,
                              List<FindingLine> notes, List<PainScore> painScores, List<AnswerSection> sections,
                              List<String> toldPatient, List<String> versions, List<Link> exports, String css) {
    }

    public record FindingLine(String topic, String text, String source) {
    }

    public record PainScore(String topic, String score) {
    }

    public record AnswerSection(String title, List<AnswerLine> answers) {
    }

    public record AnswerLine(String question, String answer) {
    }

    public record Link(String url, String label) {
    }
}
