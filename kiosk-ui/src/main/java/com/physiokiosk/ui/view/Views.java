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
}
