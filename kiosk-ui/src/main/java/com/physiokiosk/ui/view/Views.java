package com.physiokiosk.ui.view;

import com.physiokiosk.engine.catalogue.RulesCatalogue;
import java.util.List;

/** The typed models of the host's pages: one record per template. */
public final class Views {

    private Views() {
    }

    /**
     * The first screen: the clinic, and what the visit is, in every language offered, side by side.
     *
     * @param logoUrl the clinic logo's address, or {@code null} when there is no logo
     */
    public record WelcomePage(Page page, String clinicName, String logoUrl, List<Choice> languages) {
    }

    public record NamePage(Page page, String name, String error) {
    }

    /**
     * One answer (or list entry) to choose.
     *
     * @param exclusive whether choosing it clears the others ("None of these")
     */
    public record Choice(String value, String label, boolean selected, boolean exclusive) {

        /** An ordinary choice. */
        public Choice(String value, String label, boolean selected) {
            this(value, label, selected, false);
        }
    }

    /**
     * One question on screen.
     *
     * @param screen         the token of this screen: the answer carries it, and one for a screen no longer
     *                       shown changes nothing
     * @param backUrl        where "Back" goes: the question before, or the review for a question opened from it
     * @param returnToReview opened with "Change" on the review: the answer goes back there
     * @param inTopic        a topic's question (not the host's safety or About you screens): offers another topic
     * @param bodyMap        the body map of a body-areas question (the pain drawing), else {@code null}
     */
    public record QuestionPage(Page page, String topicTitle, String action, String linkId,
                               com.physiokiosk.api.QuestionType type, String text,
                               String help, List<Choice> options, String value, int min, int max, boolean required,
                               String backUrl, String error, boolean returnToReview, gg.jte.Content illustration,
                               String screen, boolean inTopic, BodyMapView.Screen bodyMap) {
    }

    /** @param backUrl where "Back" goes: wherever the visit is */
    public record TopicsPage(Page page, List<TopicChoice> topics, String notice, String backUrl) {
    }

    /** @param answered the patient has answered this topic to its end in this visit */
    public record TopicChoice(String id, String title, String summary, String iconUrl, boolean answered) {
    }

    /**
     * Before leaving a topic part-way for another.
     *
     * @param topicId the topic chosen, sent again with the confirmation
     * @param stayUrl where "No" goes: back to the topic in hand
     */
    public record ConfirmLeavePage(Page page, String question, String topicId, String yesLabel, String noLabel,
                                   String stayUrl) {
    }

    /**
     * Speak to reception now: the number and nothing else of the patient.
     *
     * @param number  the check-in number, or 0 when it could not be stored (reception still sees the patient)
     * @param carryOn the visit goes on: offer to carry on answering while they wait
     */
    public record UrgentPage(Page page, int number, boolean carryOn) {
    }

    public record ReviewPage(Page page, List<ReviewSection> sections, String error) {
    }

    public record ReviewSection(String title, List<ReviewItem> items) {
    }

    public record ReviewItem(String question, String answer, String changeUrl) {
    }

    public record ResultPage(Page page, int number, String name, List<String> advice, List<String> notes) {
    }

    public record MessagePage(Page page, String heading, String message, String actionUrl, String actionLabel) {
    }

    /**
     * "Start again?": asked before the visit is forgotten.
     *
     * @param backUrl where "No" goes: the screen the patient came from
     */
    public record StartAgainPage(Page page, String backUrl) {
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
     * @param sites     which sites the list shows, and the link to the other view; {@code null} when the member may
     *                  see only this site's
     */
    public record CheckInListPage(Page page, String day, String dayLabel, boolean today, String previousDay,
                                  String nextDay, List<CheckInRow> rows, SitesView sites) {
    }

    /**
     * Which sites a list shows, for a member who may see every site's.
     *
     * @param all        whether it shows every site's check-ins (each row then names its site)
     * @param siteLabel  this site's name
     * @param otherView  the address of the list's other view (this site alone, or every site)
     */
    public record SitesView(boolean all, String siteLabel, String otherView) {
    }

    /**
     * @param consult  a finding to mention at the consult
     * @param pain     the pain score right now, or {@code null}
     * @param finished the patient reached the end (an urgent visit is listed before it does)
     * @param site     the site it was stored at
     */
    public record CheckInRow(String url, int number, String name, String time, List<String> topics, boolean urgent,
                             boolean reviewed, boolean consult, Integer pain, boolean finished, String site) {
    }

    /**
     * A page of the audit log.
     *
     * @param limit     entries per page
     * @param actions   the action filter's choices, the chosen one selected
     * @param user      the user filter, or empty
     * @param day       the day filter, {@code yyyy-mm-dd}, or empty
     * @param newerUrl  the page of newer entries, or {@code null} on the newest
     * @param olderUrl  the page of older entries, or {@code null} on the oldest
     * @param latestUrl the newest page with the same filters, or {@code null} when this is it
     * @param sites     whether each line names its site (a database several sites share)
     */
    public record AuditPage(Page page, List<AuditRow> rows, int limit, List<Choice> actions, String user, String day,
                            String newerUrl, String olderUrl, String latestUrl, boolean sites) {
    }

    /**
     * @param repeats how often and until when it happened again, for a grouped refusal; otherwise {@code null}
     * @param site    the site that wrote it, or empty for lines written before sites
     */
    public record AuditRow(String at, String username, String action, String checkInId, String checkInUrl,
                           String detail, String source, String repeats, String site) {
    }

    /** @param notice what the last action did, or {@code null} */
    /**
     * The admin's staff accounts page.
     *
     * @param error       what went wrong, on top, or {@code null}
     * @param fields      what is wrong with each input, shown next to it
     * @param openReset   the account whose "set a new password" form is open (it has an error), or {@code null}
     * @param username    the new account's user name as typed (kept after an error)
     * @param role        the new account's role as chosen
     */
    public record AccountsPage(Page page, List<AccountRow> accounts, String error, FieldErrors fields,
                               String openReset, String username, String role, int minLength) {
    }

    /** @param slowed sign-in as this account is being slowed down after failed attempts, from somewhere */
    public record AccountRow(String username, String role, boolean slowed, boolean disabled, boolean self) {
    }

    /**
     * The one-page summary of a check-in, for the screen, the printer and the PDF alike.
     *
     * @param pdf       rendered for the PDF: no toolbar or scripts, the style sheet inline
     * @param autoPrint opened with the print button: the browser's print dialog opens at once
     * @param css       the summary style sheet, inlined for the PDF only
     */
    public record SummaryPage(Texts t, String clinicName, boolean pdf, boolean autoPrint, Page page, String url,
                              String title, int number, String name, String date, String time, boolean urgent,
                              boolean finished, String reviewedAt, List<FindingLine> urgentFindings,
                              List<FindingLine> consultFindings, List<FindingLine> notes, List<FindingLine> adviceNotes,
                              List<PainScore> painScores, List<BodyMapView.Summary> drawings,
                              List<AnswerSection> sections, List<String> toldPatient,
                              List<String> onPaper, boolean adviceWithheld, List<String> versions, List<Link> exports,
                              String css) {
    }

    public record FindingLine(String topic, String text, String source) {
    }

    public record PainScore(String topic, String score) {
    }

    /** @param note a line under the answers (the safety questions answered "no"), or {@code null} */
    public record AnswerSection(String title, List<AnswerLine> answers, String note) {
    }

    /** @param redFlag the answer raised an URGENT finding: highlighted on screen, on paper and in the PDF */
    public record AnswerLine(String question, String answer, boolean redFlag) {
    }

    public record Link(String url, String label) {
    }

    /**
     * The admin's topics page.
     *
     * @param error  why the last action was refused, or {@code null}
     * @param notice what the last action did, or {@code null}
     */
    /**
     * @param error       what went wrong, on top of the page, or {@code null}
     * @param fields      what is wrong with the uploaded jar, next to its field
     */
    public record TopicsAdminPage(Page page, String safetyName, List<PluginRow> plugins, String error, FieldErrors fields,
                                  long maxMegabytes) {
    }

    /**
     * One plugin on the admin's topics page.
     *
     * @param on whether the topic is offered to patients now
     */
    public record PluginRow(String id, String name, String version, String state, String problem, boolean on) {
    }

    /** The confirmation step before a plugin is removed. */
    public record RemovePluginPage(Page page, String id, String name, String question) {
    }

    /** A language a clinic may offer, on the settings form. */
    public record LanguageOption(String code, String label, boolean offered, boolean isDefault) {
    }

    /**
     * The admin's clinic settings page.
     *
     * @param error       what stopped the save, on top of the page, or {@code null}
     * @param fields      what is wrong with each field, shown next to it
     * @param backups     the database's backups
     * @param apiClients  the record systems allowed to read the FHIR API
     */
    public record SettingsPage(Page page, String clinicName, List<LanguageOption> languages, String idleSeconds,
                               String retentionDays, boolean askName, boolean hasLogo, String error,
                               FieldErrors fields, int maxLogoKilobytes, int maxClinicName, BackupsView backups,
                               ApiClientsView apiClients) {
    }

    /**
     * The record systems allowed to read the FHIR API, on the settings page.
     *
     * @param rows    every client, revoked ones too, oldest first
     * @param name    the new client's name as typed (kept after an error), or empty
     * @param maxName the longest name
     * @param apiUrl  where the API is, as this browser reaches the kiosk: {@code <kiosk address>/fhir/}
     * @param created the client just created with its token, shown on this one response only; or {@code null}
     */
    public record ApiClientsView(List<ApiClientRow> rows, String name, int maxName, String apiUrl, NewApiToken created) {
    }

    /**
     * One record-system client as staff read it.
     *
     * @param lastUsed when its token last opened the API, or the words for never
     * @param revoked  when and by whom it was revoked, in words, or {@code null} while it is active
     */
    public record ApiClientRow(long id, String name, String createdBy, String createdAt, String lastUsed, String revoked) {

        public boolean active() {
            return revoked == null;
        }
    }

    /** A client just created and its token, which the page shows this once. */
    public record NewApiToken(String name, String token) {

        @Override
        public String toString() {
            return "NewApiToken[" + name + "]";
        }
    }

    /**
     * The backups on the settings page, as staff read them.
     *
     * @param folder        where they are
     * @param keep          how many are kept
     * @param retentionDays none is kept longer than this
     * @param rows          the backups, newest first
     * @param nextRun       when the next nightly one is made
     * @param lastFailure   the last backup that failed and why, or {@code null}
     * @param server        the PostgreSQL server the data is on, backed up there (pg_dump) and not by the kiosk, which
     *                      then has no backups to show; {@code null} on SQLite
     */
    public record BackupsView(String folder, int keep, int retentionDays, List<BackupRow> rows, String nextRun,
                              String lastFailure, String server) {

        /** The section for data on the PostgreSQL server {@code server}: no backups of the kiosk's own. */
        public static BackupsView onServer(String server) {
            return new BackupsView(null, 0, 0, List.of(), null, null, server);
        }
    }

    /** One backup: when it was made (the clinic's time), its size, its file name. */
    public record BackupRow(String madeAt, String size, String file) {
    }

    /**
     * The clinical rules catalogue: on screen in the staff layout, and as a PDF from the same template.
     *
     * @param clinicName  the clinic it is signed off for
     * @param catalogue   generated from the sections running now, with its words in the staff language
     * @param generatedOn the day it was generated, as staff read it
     * @param versions    what it was made from: the kiosk, then each topic with its plugin and version
     * @param pdf         rendered for the PDF: a standalone XHTML page with the style sheet inline
     * @param css         the catalogue style sheet, inlined for the PDF only
     */
    public record CataloguePage(Page page, String clinicName, RulesCatalogue catalogue,
                                String generatedOn, List<String> versions, boolean pdf, String css) {

        /** The host texts in the staff language. */
        public Texts t() {
            return page.t();
        }
    }

    /**
     * What is wrong with a form's inputs, by the id of each input, for messages next to them: the input
     * points at its message ({@code aria-describedby}) and says it is invalid.
     */
    public record FieldErrors(java.util.Map<String, String> byField) {

        public static final FieldErrors NONE = new FieldErrors(java.util.Map.of());

        public FieldErrors {
            byField = java.util.Map.copyOf(byField);
        }

        public static FieldErrors of(String field, String message) {
            return new FieldErrors(java.util.Map.of(field, message));
        }

        /** What is wrong with the input {@code field}, or {@code null}. */
        public String errorOf(String field) {
            return byField.get(field);
        }

        /** The {@code aria-describedby} of an input: {@code help} (may be null), then its error when it has one. */
        public String describedBy(String field, String help) {
            String error = byField.containsKey(field) ? field + "-error" : null;
            return help == null ? error : error == null ? help : help + " " + error;
        }

        /** The {@code aria-invalid} of an input. */
        public String invalid(String field) {
            return byField.containsKey(field) ? "true" : null;
        }

        public int size() {
            return byField.size();
        }
    }
}
