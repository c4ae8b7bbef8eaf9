package com.physiokiosk.ui.web;

import com.physiokiosk.api.Answers;
import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.engine.checkin.CheckInService;
import com.physiokiosk.engine.checkin.SubmissionResult;
import com.physiokiosk.engine.checkin.Visit;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.flow.AnswerParser;
import com.physiokiosk.engine.flow.QuestionnaireFlow;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.plugins.LoadedTopic;
import com.physiokiosk.engine.plugins.TopicRegistry;
import com.physiokiosk.ui.view.Page;
import com.physiokiosk.ui.view.Pages;
import com.physiokiosk.ui.view.PatientScreen;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.Views.Choice;
import com.physiokiosk.ui.view.Views.MessagePage;
import com.physiokiosk.ui.view.Views.NamePage;
import com.physiokiosk.ui.view.Views.QuestionPage;
import com.physiokiosk.ui.view.Views.ResultPage;
import com.physiokiosk.ui.view.Views.ReviewItem;
import com.physiokiosk.ui.view.Views.ReviewPage;
import com.physiokiosk.ui.view.Views.ReviewSection;
import com.physiokiosk.ui.view.Views.TopicChoice;
import com.physiokiosk.ui.view.Views.TopicsPage;
import com.physiokiosk.ui.view.Views.WelcomePage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The patient's way through the kiosk: welcome, name, the general safety screen, topic choice,
 * the topic's questions one per screen, review, submit, result. Every step checks where the
 * patient is allowed to be, so a stale or guessed URL lands on the right screen.
 */
public final class PatientController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PatientController.class);

    /** The longest the result screen stays before the kiosk returns to the welcome screen by itself. */
    static final long RESULT_SECONDS = 60;

    /** Longest name a patient may give. */
    static final int MAX_NAME_LENGTH = 40;
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}' .-]{1," + MAX_NAME_LENGTH + "}");

    /** The clinic's settings as they are now: a change on the admin page applies to the next request. */
    private final Supplier<KioskConfig> settings;
    private final BooleanSupplier hasLogo;
    private final TopicRegistry registry;
    private final CheckInService checkIns;
    private final Pages pages;

    public PatientController(Supplier<KioskConfig> settings, BooleanSupplier hasLogo, TopicRegistry registry,
                             CheckInService checkIns, Pages pages) {
        this.settings = settings;
        this.hasLogo = hasLogo;
        this.registry = registry;
        this.checkIns = checkIns;
        this.pages = pages;
    }

    // ---- welcome, language, name ------------------------------------------------------------

    public void welcome(Context ctx) {
        String lang = language(ctx);
        List<Choice> langs = config().languages().stream()
                .map(l -> new Choice(l, Texts.in(l).get("language.name"), l.equals(lang), null)).toList();
        pages.render(ctx, "welcome.jte", new WelcomePage(page(ctx, lang, "welcome.title", null), config().clinicName(),
                hasLogo.getAsBoolean() ? SettingsController.LOGO_URL : null, langs));
    }

    public void start(Context ctx) {
        String lang = ctx.formParam("lang");
        if (lang == null || !config().languages().contains(lang)) {
            lang = config().defaultLanguage();
        }
        PatientSession.startNew(ctx, Visit.start(lang), config().idleTimeout());
        ctx.redirect(config().askName() ? "/name" : firstSafetyUrl(), HttpStatus.SEE_OTHER);
    }

    /** Switches language at any point without losing answers, and returns to the same screen. */
    public void switchLanguage(Context ctx) {
        String lang = ctx.formParam("lang");
        String back = ctx.formParam("returnTo");
        Optional<Visit> visit = PatientSession.visit(ctx);
        if (lang == null || !config().languages().contains(lang) || visit.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        PatientSession.save(ctx, visit.get().withLanguage(lang));
        ctx.redirect(isLocalPath(back) ? back : "/", HttpStatus.SEE_OTHER);
    }

    /** The larger-text toggle: kept for this patient only, then back to the same screen. */
    public void textSize(Context ctx) {
        String back = ctx.formParam("returnTo");
        if (PatientSession.visit(ctx).isPresent() || PatientSession.finished(ctx).isPresent()) {
            PatientSession.setLargeText(ctx, !PatientSession.largeText(ctx));
        }
        ctx.redirect(isLocalPath(back) ? back : "/", HttpStatus.SEE_OTHER);
    }

    public void nameForm(Context ctx) {
        withVisit(ctx, visit -> pages.render(ctx, "name.jte",
                new NamePage(page(ctx, visit.language(), "name.title", "/name"),
                        visit.displayName() == null ? "" : visit.displayName(), null)));
    }

    public void saveName(Context ctx) {
        withVisit(ctx, visit -> {
            String raw = ctx.formParam("name");
            String name = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
            if (!name.isEmpty() && !NAME.matcher(name).matches()) {
                ctx.status(HttpStatus.BAD_REQUEST);
                pages.render(ctx, "name.jte", new NamePage(page(ctx, visit.language(), "name.title", "/name"),
                        "", Texts.in(visit.language()).get("error.name", MAX_NAME_LENGTH)));
                return;
            }
            PatientSession.save(ctx, visit.withDisplayName(name.isEmpty() ? null : name));
            PatientSession.markNameAsked(ctx);
            ctx.redirect(nextStep(visit), HttpStatus.SEE_OTHER);
        });
    }

    // ---- questions ------------------------------------------------------------------------------

    public void question(Context ctx) {
        if (isUnknownTopic(ctx)) {
            return;
        }
        withVisit(ctx, visit -> withQuestion(ctx, visit, (topic, q, flow) -> {
            renderQuestion(ctx, visit, topic, q, flow, visit.answersFor(topic.id()).get(q.linkId()), null,
                    ctx.queryParam("from") != null);
        }));
    }

    public void answer(Context ctx) {
        if (isUnknownTopic(ctx)) {
            return;
        }
        withVisit(ctx, visit -> withQuestion(ctx, visit, (topic, q, flow) -> {
            boolean fromReview = "review".equals(ctx.formParam("from"));
            AnswerParser.Result parsed = AnswerParser.parse(q, ctx.formParams("answer"));
            if (!parsed.isValid()) {
                ctx.status(HttpStatus.BAD_REQUEST);
                String error = Texts.in(visit.language()).get(parsed.errorKey(), parsed.errorArgs().toArray());
                renderQuestion(ctx, visit, topic, q, flow, ctx.formParams("answer"), error, fromReview);
                return;
            }
            Answers answers = visit.answersFor(topic.id()).with(q.linkId(), parsed.values());
            Visit next = visit.withAnswers(topic.id(), answers);
            PatientSession.save(ctx, next);
            Optional<Question> following = flow(topic, next).next(q.linkId());
            String target;
            if (fromReview && isComplete(next)) {
                target = "/review";
            } else if (following.isPresent()) {
                target = questionUrl(topic, following.get());
            } else {
                target = nextStep(next);
            }
            ctx.redirect(target, HttpStatus.SEE_OTHER);
        }));
    }

    private void renderQuestion(Context ctx, Visit visit, LoadedTopic topic, Question q, QuestionnaireFlow flow,
                                List<String> given, String error, boolean fromReview) {
        String lang = visit.language();
        List<Choice> options = new ArrayList<>();
        if (q.type() == QuestionType.YES_NO) {
            options.add(new Choice("yes", Texts.in(lang).get("answer.yes"), given.contains("yes"), null));
            options.add(new Choice("no", Texts.in(lang).get("answer.no"), given.contains("no"), null));
        } else if (q.type() == QuestionType.SCALE_0_10) {
            for (int i = 0; i <= 10; i++) {
                options.add(new Choice(Integer.toString(i), Integer.toString(i), given.contains(Integer.toString(i)), null));
            }
        } else {
            q.options().forEach(o -> options.add(new Choice(o.code(), topic.text(lang, o.textKey()),
                    given.contains(o.code()), o.exclusive() ? "exclusive" : null)));
        }
        QuestionnaireFlow.Progress progress = flow.progress(q.linkId());
        String back = flow.previous(q.linkId())
                .map(p -> questionUrl(topic, p))
                .orElse(isSafety(topic) ? (config().askName() ? "/name" : "/") : "/topics");
        String url = questionUrl(topic, q);
        String value = q.type() == QuestionType.NUMBER || q.type() == QuestionType.SHORT_TEXT
                ? (given.isEmpty() ? "" : given.get(0)) : "";
        pages.render(ctx, "question.jte", new QuestionPage(page(ctx, lang, null, url).withTitle(topic.title(lang)),
                topic.title(lang), url, q.linkId(), q.type().name(), topic.text(lang, q.textKey()),
                q.helpKey() == null ? null : topic.text(lang, q.helpKey()), options, value, q.min(), q.max(),
                q.required(), progress.position(), progress.total(), back, error, fromReview,
                illustration(topic, q, lang, given)));
    }

    /**
     * The plugin's own drawing for {@code q}, rendered by the plugin's template engine; a template
     * that fails leaves the question without its picture rather than the patient without a screen.
     */
    private static gg.jte.Content illustration(LoadedTopic topic, Question q, String lang, List<String> given) {
        if (q.illustration() == null || topic.templates() == null) {
            return null;
        }
        try {
            String html = topic.templates().render(q.illustration(), new PatientScreen(lang, topic, q, given));
            return output -> output.writeContent(html);
        } catch (RuntimeException e) {
            log.error("Illustration {} of topic {} failed: {}", q.illustration(), topic.id(), e.getClass().getName());
            return null;
        }
    }

    // ---- topic choice -------------------------------------------------------------------------------

    public void topics(Context ctx) {
        withVisit(ctx, visit -> {
            if (!isSafetyComplete(visit)) {
                ctx.redirect(nextStep(visit), HttpStatus.SEE_OTHER);
                return;
            }
            String lang = visit.language();
            List<TopicChoice> choices = registry.topics().stream()
                    .map(t -> new TopicChoice(t.id(), t.title(lang), t.text(lang, t.info().summaryKey()),
                            t.info().icon() == null ? null : PatientScreen.assetUrl(t, t.info().icon())))
                    .toList();
            String notice = PatientSession.takeNotice(ctx).map(k -> Texts.in(lang).get(k)).orElse(null);
            pages.render(ctx, "topics.jte", new TopicsPage(page(ctx, lang, "topics.title", "/topics"), choices, notice));
        });
    }

    public void chooseTopic(Context ctx) {
        withVisit(ctx, visit -> {
            Optional<LoadedTopic> topic = Optional.ofNullable(ctx.formParam("topic")).flatMap(registry::find);
            if (topic.isEmpty()) {
                notAvailable(ctx, visit.language());
                return;
            }
            Visit next = visit;
            for (String chosen : visit.answers().keySet()) {
                if (!chosen.equals(registry.safety().id()) && !chosen.equals(topic.get().id())) {
                    next = next.without(chosen);
                }
            }
            next = next.withAnswers(topic.get().id(), next.answersFor(topic.get().id()));
            PatientSession.save(ctx, next);
            ctx.redirect(questionUrl(topic.get(), flow(topic.get(), next).first()), HttpStatus.SEE_OTHER);
        });
    }

    // ---- review, submit, result ---------------------------------------------------------------------

    public void review(Context ctx) {
        withVisit(ctx, visit -> {
            if (!isComplete(visit)) {
                ctx.redirect(nextStep(visit), HttpStatus.SEE_OTHER);
                return;
            }
            renderReview(ctx, visit, null);
        });
    }

    private void renderReview(Context ctx, Visit visit, String error) {
        String lang = visit.language();
        List<ReviewSection> sections = new ArrayList<>();
        for (LoadedTopic topic : visitTopics(visit)) {
            Answers answers = visit.answersFor(topic.id());
            List<ReviewItem> items = new ArrayList<>();
            for (Question q : flow(topic, visit).asked()) {
                if (!q.type().isAnswerable()) {
                    continue;
                }
                String shown = answers.isAnswered(q.linkId())
                        ? CheckInService.display(topic, q, answers.get(q.linkId()), lang)
                        : Texts.in(lang).get("review.skipped");
                items.add(new ReviewItem(topic.text(lang, q.textKey()), shown, questionUrl(topic, q) + "?from=review"));
            }
            sections.add(new ReviewSection(topic.title(lang), items));
        }
        pages.render(ctx, "review.jte", new ReviewPage(page(ctx, lang, "review.title", "/review"), sections, error));
    }

    public void submit(Context ctx) {
        withVisit(ctx, visit -> {
            if (!isComplete(visit)) {
                ctx.redirect(nextStep(visit), HttpStatus.SEE_OTHER);
                return;
            }
            SubmissionResult result;
            try {
                result = checkIns.submit(visit);
            } catch (CheckInService.IncompleteVisitException e) {
                ctx.redirect(nextStep(visit), HttpStatus.SEE_OTHER);
                return;
            }
            PatientSession.finish(ctx, result, visit.displayName(), visit.language(), config().idleTimeout());
            ctx.redirect("/done", HttpStatus.SEE_OTHER);
        });
    }

    public void done(Context ctx) {
        Optional<PatientSession.Finished> finished = PatientSession.finished(ctx);
        if (finished.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        PatientSession.Finished f = finished.get();
        pages.render(ctx, "result.jte", new ResultPage(
                page(ctx, f.language(), "result.title", null)
                        .returningAfter(Math.min(RESULT_SECONDS, config().idleTimeout().toSeconds())),
                f.result().number(), f.name(), f.result().urgent(), f.result().advice(), f.result().notes()));
    }

    /** "Start again", the idle timeout, or the result screen's end: forget the patient. */
    public void reset(Context ctx) {
        PatientSession.end(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The "not available" page for an unknown or disabled topic or question. */
    public void notAvailable(Context ctx, String lang) {
        Texts t = Texts.in(lang);
        ctx.status(HttpStatus.NOT_FOUND);
        pages.render(ctx, "message.jte", new MessagePage(page(ctx, lang, "unavailable.title", null),
                t.get("unavailable.title"), t.get("unavailable.text"), "/topics", t.get("unavailable.action")));
    }

    private interface VisitHandler {
        void handle(Visit visit);
    }

    private interface QuestionHandler {
        /** {@code flow} is the topic's flow for the answers given so far, before this request. */
        void handle(LoadedTopic topic, Question question, QuestionnaireFlow flow);
    }

    /**
     * Answers "not available" (404) for a topic that is neither offered nor part of this visit,
     * whether or not there is a visit at all.
     */
    private boolean isUnknownTopic(Context ctx) {
        String topicId = ctx.pathParam("topic");
        if (topicId.equals(registry.safety().id()) || registry.find(topicId).isPresent()
                || PatientSession.visit(ctx).map(v -> v.answers().containsKey(topicId)).orElse(false)) {
            return false;
        }
        notAvailable(ctx, language(ctx));
        return true;
    }

    /** Runs {@code handler} with the patient's visit, or sends them to the welcome screen. */
    private void withVisit(Context ctx, VisitHandler handler) {
        Optional<Visit> visit = PatientSession.visit(ctx);
        if (visit.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        handler.handle(visit.get());
    }

    /** Resolves {@code /q/{topic}/{linkId}} against what this patient may answer now. */
    private void withQuestion(Context ctx, Visit visit, QuestionHandler handler) {
        String topicId = ctx.pathParam("topic");
        boolean safety = topicId.equals(registry.safety().id());
        Optional<LoadedTopic> topic = safety ? Optional.of(registry.safety()) : registry.find(topicId);
        if (topic.isEmpty()) {
            if (visit.answers().containsKey(topicId)) {
                // The clinic switched this topic off while the patient was on it.
                PatientSession.save(ctx, visit.without(topicId));
                PatientSession.notice(ctx, "topics.withdrawn");
                ctx.redirect("/topics", HttpStatus.SEE_OTHER);
            } else {
                notAvailable(ctx, visit.language());
            }
            return;
        }
        if (!safety && !visit.answers().containsKey(topicId)) {
            // Answering a topic starts by choosing it; the safety screen must come first.
            ctx.redirect(isSafetyComplete(visit) ? "/topics" : nextStep(visit), HttpStatus.SEE_OTHER);
            return;
        }
        Optional<Question> q = topic.get().question(ctx.pathParam("linkId"));
        if (q.isEmpty()) {
            notAvailable(ctx, visit.language());
            return;
        }
        QuestionnaireFlow flow = flow(topic.get(), visit);
        if (!flow.isAsked(q.get().linkId()) || flow.isAhead(q.get().linkId())) {
            ctx.redirect(nextStep(visit), HttpStatus.SEE_OTHER);
            return;
        }
        handler.handle(topic.get(), q.get(), flow);
    }

    /** {@code topic}'s flow for the answers this patient has given to it. */
    private static QuestionnaireFlow flow(LoadedTopic topic, Visit visit) {
        return QuestionnaireFlow.of(topic.questions(), visit.answersFor(topic.id()));
    }

    /** Where this patient should be now. */
    private String nextStep(Visit visit) {
        LoadedTopic safety = registry.safety();
        Optional<Question> missingSafety = flow(safety, visit).firstMissing();
        if (missingSafety.isPresent()) {
            return questionUrl(safety, missingSafety.get());
        }
        List<LoadedTopic> chosen = chosenTopics(visit);
        if (chosen.isEmpty()) {
            return "/topics";
        }
        for (LoadedTopic topic : chosen) {
            Optional<Question> missing = flow(topic, visit).firstMissing();
            if (missing.isPresent()) {
                return questionUrl(topic, missing.get());
            }
        }
        return "/review";
    }

    private boolean isSafetyComplete(Visit visit) {
        return flow(registry.safety(), visit).isComplete();
    }

    private boolean isComplete(Visit visit) {
        return "/review".equals(nextStep(visit));
    }

    private List<LoadedTopic> chosenTopics(Visit visit) {
        return visit.answers().keySet().stream()
                .filter(id -> !id.equals(registry.safety().id()))
                .map(registry::find).flatMap(Optional::stream).toList();
    }

    private List<LoadedTopic> visitTopics(Visit visit) {
        List<LoadedTopic> all = new ArrayList<>();
        all.add(registry.safety());
        all.addAll(chosenTopics(visit));
        return all;
    }

    private String firstSafetyUrl() {
        LoadedTopic safety = registry.safety();
        return questionUrl(safety, safety.questions().get(0));
    }

    private boolean isSafety(LoadedTopic topic) {
        return topic.id().equals(registry.safety().id());
    }

    private KioskConfig config() {
        return settings.get();
    }

    static String questionUrl(LoadedTopic topic, Question q) {
        return "/q/" + topic.id() + "/" + q.linkId();
    }

    private Page page(Context ctx, String lang, String titleKey, String returnTo) {
        Texts t = Texts.in(lang);
        return new Page(t, titleKey == null ? "" : t.get(titleKey), config().languages(), returnTo, true,
                config().idleTimeout().toSeconds(), PatientSession.csrfToken(ctx), PatientSession.largeText(ctx), 0, null);
    }

    /** The language of the current visit, or the clinic's default. */
    private String language(Context ctx) {
        return PatientSession.visit(ctx).map(Visit::language)
                .or(() -> PatientSession.finished(ctx).map(PatientSession.Finished::language))
                .filter(Languages::isSupported)
                .orElse(config().defaultLanguage());
    }

    static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.length() < 200 && path.chars().noneMatch(Character::isISOControl);
    }
}
