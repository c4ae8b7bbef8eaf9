package com.physiokiosk.ui.web;

import com.physiokiosk.api.Question;
import com.physiokiosk.api.QuestionType;
import com.physiokiosk.engine.config.KioskConfig;
import com.physiokiosk.engine.i18n.Languages;
import com.physiokiosk.engine.topic.LoadedTopic;
import com.physiokiosk.engine.visit.Step;
import com.physiokiosk.engine.visit.Visit;
import com.physiokiosk.engine.visit.VisitService;
import com.physiokiosk.engine.visit.VisitService.QuestionScreen;
import com.physiokiosk.ui.view.Page;
import com.physiokiosk.ui.view.Pages;
import com.physiokiosk.ui.view.PatientScreen;
import com.physiokiosk.ui.view.Templates;
import com.physiokiosk.ui.view.Texts;
import com.physiokiosk.ui.view.BodyMapView;
import com.physiokiosk.ui.view.Views.Choice;
import com.physiokiosk.ui.view.Views.ConfirmLeavePage;
import com.physiokiosk.ui.view.Views.MessagePage;
import com.physiokiosk.ui.view.Views.NamePage;
import com.physiokiosk.ui.view.Views.QuestionPage;
import com.physiokiosk.ui.view.Views.ResultPage;
import com.physiokiosk.ui.view.Views.StartAgainPage;
import com.physiokiosk.ui.view.Views.ReviewItem;
import com.physiokiosk.ui.view.Views.ReviewPage;
import com.physiokiosk.ui.view.Views.ReviewSection;
import com.physiokiosk.ui.view.Views.TopicChoice;
import com.physiokiosk.ui.view.Views.TopicsPage;
import com.physiokiosk.ui.view.Views.UrgentPage;
import com.physiokiosk.ui.view.Views.WelcomePage;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The patient's screens. The visit itself (what comes next, what an answer triggers) is the engine's
 * {@link VisitService}: this controller renders what it says and posts the patient's taps back to it.
 */
public final class PatientController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PatientController.class);

    /** The clinic's settings as they are now: a change on the admin page applies to the next request. */
    private final Supplier<KioskConfig> settings;
    private final BooleanSupplier hasLogo;
    private final VisitService visits;
    private final PatientSessions sessions;
    private final Pages pages;

    public PatientController(Supplier<KioskConfig> settings, BooleanSupplier hasLogo, VisitService visits,
                             PatientSessions sessions, Pages pages) {
        this.settings = settings;
        this.sessions = sessions;
        this.hasLogo = hasLogo;
        this.visits = visits;
        this.pages = pages;
    }

    // ---- welcome, language, name ------------------------------------------------------------

    /**
     * The first screen, in every language offered. Larger text can be chosen here, before there is a visit:
     * it is carried in the address ({@code ?text=large}) and into the visit the patient starts; left alone,
     * the screen returns to normal text after the idle time.
     */
    public void welcome(Context ctx) {
        String lang = language(ctx);
        List<Choice> langs = config().languages().stream()
                .map(l -> new Choice(l, Texts.in(l).get("language.name"), l.equals(lang))).toList();
        boolean large = LARGE.equals(ctx.queryParam("text"));
        Texts t = Texts.in(lang);
        // The clinic's logo and name are the welcome screen itself: not repeated in its header.
        Page page = new Page(t, t.get("welcome.title"), config().languages(), "/", true, 0, "", large,
                large ? config().idleTimeout().toSeconds() : 0, null);
        pages.render(ctx, Templates.welcome(new WelcomePage(page, config().clinicName(),
                hasLogo.getAsBoolean() ? SettingsController.LOGO_URL : null, langs)));
    }

    /** The value of the {@code text} field that asks for larger text from the welcome screen on. */
    static final String LARGE = "large";

    public void start(Context ctx) {
        String lang = ctx.formParam("lang");
        if (lang == null || !config().languages().contains(lang)) {
            lang = config().defaultLanguage();
        }
        if (!sessions.mayStart(ctx.req().getRemoteAddr()) || !sessions.makeRoom()) {
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            Texts t = Texts.in(lang);
            pages.render(ctx, Templates.message(new MessagePage(page(ctx, lang, "busy.title", null),
                    t.get("busy.title"), t.get("busy.text"), "/", t.get("action.start-again"))));
            return;
        }
        Visit visit = visits.start(lang, config().askName());
        sessions.startNew(ctx, visit, config().idleTimeout());
        if (LARGE.equals(ctx.formParam("text"))) {
            sessions.setLargeText(ctx, true);
        }
        go(ctx, visits.next(visit));
    }

    /** Switches language at any point without losing answers, and returns to the same screen. */
    public void switchLanguage(Context ctx) {
        String lang = ctx.formParam("lang");
        String back = ctx.formParam("returnTo");
        Optional<Visit> visit = sessions.visit(ctx);
        if (lang == null || !config().languages().contains(lang) || visit.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        visits.setLanguage(visit.get(), lang);
        ctx.redirect(isLocalPath(back) ? back : "/", HttpStatus.SEE_OTHER);
    }

    /** The larger-text toggle: kept for this patient only, then back to the same screen. */
    public void textSize(Context ctx) {
        String back = ctx.formParam("returnTo");
        if (sessions.visit(ctx).isPresent() || sessions.finished(ctx).isPresent()) {
            sessions.setLargeText(ctx, !sessions.largeText(ctx));
        }
        ctx.redirect(isLocalPath(back) ? back : "/", HttpStatus.SEE_OTHER);
    }

    public void nameForm(Context ctx) {
        withVisit(ctx, visit -> pages.render(ctx, Templates.name(
                new NamePage(page(ctx, visit.language(), "name.title", "/name"),
                        visit.displayName() == null ? "" : visit.displayName(), null))));
    }

    public void saveName(Context ctx) {
        withVisit(ctx, visit -> {
            Optional<Step> next = visits.setName(visit, ctx.formParam("name"));
            if (next.isEmpty()) {
                ctx.status(HttpStatus.BAD_REQUEST);
                pages.render(ctx, Templates.name(new NamePage(page(ctx, visit.language(), "name.title", "/name"),
                        "", Texts.in(visit.language()).get("error.name", VisitService.MAX_NAME_LENGTH))));
                return;
            }
            go(ctx, next.get());
        });
    }

    // ---- questions ------------------------------------------------------------------------------

    public void question(Context ctx) {
        Optional<Visit> visit = sessions.visit(ctx);
        if (visit.isEmpty()) {
            noVisit(ctx);
            return;
        }
        boolean fromReview = ctx.queryParam("from") != null;
        VisitService.Shown shown = visits.show(visit.get(), ctx.pathParam("topic"), ctx.pathParam("linkId"), fromReview);
        if (shown instanceof VisitService.Screen s) {
            renderQuestion(ctx, visit.get(), s.screen(), s.screen().answer(), null, fromReview);
        } else if (shown instanceof VisitService.Redirect r) {
            go(ctx, r.step());
        } else {
            notAvailable(ctx, visit.get().language());
        }
    }

    public void answer(Context ctx) {
        Optional<Visit> visit = sessions.visit(ctx);
        if (visit.isEmpty()) {
            noVisit(ctx);
            return;
        }
        boolean fromReview = "review".equals(ctx.formParam("from"));
        VisitService.Answered answered = visits.answer(visit.get(), ctx.pathParam("topic"), ctx.pathParam("linkId"),
                ctx.formParam("screen"), ctx.formParams("answer"), fromReview);
        if (answered instanceof VisitService.Moved) {
            sessions.markAnswered(ctx, config().idleTimeout());
        }
        if (answered instanceof VisitService.Moved m) {
            // A question brought in by a change made from the review goes back there once answered.
            ctx.redirect(url(m.next()) + (fromReview && m.next() instanceof Step.Ask ? "?from=review" : ""),
                    HttpStatus.SEE_OTHER);
        } else if (answered instanceof VisitService.Redirect r) {
            go(ctx, r.step());
        } else if (answered instanceof VisitService.Invalid i) {
            ctx.status(HttpStatus.BAD_REQUEST);
            String lang = visit.get().language();
            String error = Texts.in(lang).get(i.errorKey(), i.errorArgs().toArray());
            renderQuestion(ctx, visit.get(), i.screen(), ctx.formParams("answer"), error, fromReview);
        }
    }

    private void renderQuestion(Context ctx, Visit visit, QuestionScreen screen, List<String> given, String error,
                                boolean fromReview) {
        String lang = visit.language();
        LoadedTopic topic = screen.topic();
        Question q = screen.question();
        List<Choice> options = new ArrayList<>();
        if (q.type() == QuestionType.YES_NO) {
            options.add(new Choice("yes", Texts.in(lang).get("answer.yes"), given.contains("yes")));
            options.add(new Choice("no", Texts.in(lang).get("answer.no"), given.contains("no")));
        } else if (q.type() == QuestionType.SCALE_0_10) {
            for (int i = 0; i <= 10; i++) {
                options.add(new Choice(Integer.toString(i), Integer.toString(i), given.contains(Integer.toString(i))));
            }
        } else {
            q.options().forEach(o -> options.add(new Choice(o.code(), topic.text(lang, o.textKey()),
                    given.contains(o.code()), o.exclusive())));
        }
        String url = questionUrl(topic.id(), q.linkId());
        String value = q.type() == QuestionType.NUMBER || q.type() == QuestionType.SHORT_TEXT
                ? (given.isEmpty() ? "" : given.get(0)) : "";
        Page page = page(ctx, lang, null, url + (fromReview ? "?from=review" : ""))
                .withTitle(topic.title(lang))
                .withProgress(progress(visit, new Step.Ask(topic.id(), q.linkId())));
        pages.render(ctx, Templates.question(new QuestionPage(page,
                topic.title(lang), url, q.linkId(), q.type(), topic.text(lang, q.textKey()),
                q.helpKey() == null ? null : topic.text(lang, q.helpKey()), options, value, q.min(), q.max(),
                q.required(), url(screen.back()), error, fromReview,
                illustration(topic, q, lang, given), screen.token(), topicSection(topic.id()),
                q.type() == QuestionType.BODY_AREAS ? BodyMapView.screen(given, lang) : null)));
    }

    /**
     * The plugin's own drawing for {@code q}, rendered by the plugin's template engine; a template
     * that fails leaves the question without its picture rather than the patient without a screen.
     * One that ran over its time limit before is not drawn again (it was logged then).
     */
    private static gg.jte.Content illustration(LoadedTopic topic, Question q, String lang, List<String> given) {
        if (q.illustration() == null || topic.templates() == null || !topic.templates().isDrawn(q.illustration())) {
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

    // ---- an urgent answer ---------------------------------------------------------------------------

    /** Speak to reception now: the number large, no name, no finding, back to the welcome screen by itself. */
    public void urgent(Context ctx) {
        withVisit(ctx, visit -> {
            Optional<VisitService.Result> urgent = visits.urgentResult(visit);
            if (urgent.isEmpty()) {
                go(ctx, visits.next(visit));
                return;
            }
            String lang = visit.language();
            pages.render(ctx, Templates.urgent(new UrgentPage(
                    page(ctx, lang, "result.urgent.title", null).returningAfter(config().urgentScreen().toSeconds()),
                    urgent.get().number(), true)));
        });
    }

    /** The patient carries on answering while they wait. */
    public void carryOn(Context ctx) {
        withVisit(ctx, visit -> go(ctx, visits.carryOn(visit)));
    }

    // ---- topic choice -------------------------------------------------------------------------------

    public void topics(Context ctx) {
        withVisit(ctx, visit -> {
            Optional<Step> notYet = visits.topicsAllowed(visit);
            if (notYet.isPresent()) {
                go(ctx, notYet.get());
                return;
            }
            String lang = visit.language();
            List<TopicChoice> choices = visits.topicChoices(visit).stream()
                    .map(t -> new TopicChoice(t.id(), t.title(lang), t.text(lang, t.info().summaryKey()),
                            t.info().icon() == null ? null : PatientScreen.assetUrl(t, t.info().icon()),
                            visits.isAnswered(visit, t.id())))
                    .toList();
            String notice = visits.takeNotice(visit).map(k -> Texts.in(lang).get(k)).orElse(null);
            pages.render(ctx, Templates.topics(new TopicsPage(page(ctx, lang, "topics.title", "/topics")
                    .withProgress(progress(visit, Step.TOPICS)), choices, notice, url(visits.topicsBack(visit)))));
        });
    }

    public void chooseTopic(Context ctx) {
        withVisit(ctx, visit -> {
            VisitService.Chosen chosen = visits.chooseTopic(visit, ctx.formParam("topic"),
                    "leave".equals(ctx.formParam("confirm")));
            if (chosen instanceof VisitService.Moved m) {
                go(ctx, m.next());
            } else if (chosen instanceof VisitService.Redirect r) {
                go(ctx, r.step());
            } else if (chosen instanceof VisitService.ConfirmLeave c) {
                String lang = visit.language();
                Texts t = Texts.in(lang);
                pages.render(ctx, Templates.leave(new ConfirmLeavePage(page(ctx, lang, "leave.title", null)
                        .withProgress(progress(visit, Step.TOPICS)),
                        t.get("leave.question", c.leaving().title(lang)), c.chosen().id(),
                        t.get("leave.yes", c.chosen().title(lang)), t.get("leave.no", c.leaving().title(lang)),
                        url(visits.next(visit)))));
            } else {
                notAvailable(ctx, visit.language());
            }
        });
    }

    // ---- review, submit, result ---------------------------------------------------------------------

    public void review(Context ctx) {
        withVisit(ctx, visit -> {
            String lang = visit.language();
            Optional<List<VisitService.ReviewSection>> review = visits.review(visit, lang);
            if (review.isEmpty()) {
                go(ctx, visits.next(visit));
                return;
            }
            Texts t = Texts.in(lang);
            List<ReviewSection> sections = review.get().stream().map(s -> new ReviewSection(
                    s.left() ? t.get("review.left", s.title()) : s.title(),
                    s.items().stream().map(i -> new ReviewItem(i.question(),
                            i.answer() == null ? t.get("review.skipped") : i.answer(),
                            questionUrl(i.section(), i.linkId()) + "?from=review")).toList())).toList();
            pages.render(ctx, Templates.review(new ReviewPage(page(ctx, lang, "review.title", "/review")
                    .withProgress(progress(visit, Step.REVIEW)), sections, null)));
        });
    }

    public void submit(Context ctx) {
        withVisit(ctx, visit -> {
            Optional<VisitService.Result> result = visits.submit(visit);
            if (result.isEmpty()) {
                go(ctx, visits.next(visit));
                return;
            }
            sessions.finish(ctx, result.get(), result.get().urgent() ? null : visit.displayName(),
                    visit.language(), config().idleTimeout());
            ctx.redirect("/done", HttpStatus.SEE_OTHER);
        });
    }

    public void done(Context ctx) {
        Optional<PatientSession.Finished> finished = sessions.finished(ctx);
        if (finished.isEmpty()) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        PatientSession.Finished f = finished.get();
        if (f.result().urgent()) {
            pages.render(ctx, Templates.urgent(new UrgentPage(
                    page(ctx, f.language(), "result.urgent.title", null)
                            .returningAfter(Math.min(config().urgentScreen().toSeconds(), config().idleTimeout().toSeconds())),
                    f.result().number(), false)));
            return;
        }
        pages.render(ctx, Templates.result(new ResultPage(
                page(ctx, f.language(), "result.title", null)
                        .returningAfter(Math.min(config().resultScreen().toSeconds(), config().idleTimeout().toSeconds())),
                f.result().number(), f.name(), f.result().advice(), f.result().notes())));
    }

    /**
     * "Start again?": one tap on "Start again" asks first, on a screen of its own (it works without
     * scripts); "No" goes back to the screen the patient came from.
     */
    public void confirmStartAgain(Context ctx) {
        withVisit(ctx, visit -> {
            String back = ctx.queryParam("back");
            String backUrl = isLocalPath(back) && !back.startsWith("/start-again") ? back : url(visits.next(visit));
            pages.render(ctx, Templates.startAgain(new StartAgainPage(
                    page(ctx, visit.language(), "start-again.title", null), backUrl)));
        });
    }

    /** "Start again" (once confirmed), the idle timeout, or the result screen's end: forget the patient. */
    public void reset(Context ctx) {
        sessions.endAndForget(ctx);
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The "not available" page for an unknown or disabled topic or question. */
    public void notAvailable(Context ctx, String lang) {
        Texts t = Texts.in(lang);
        ctx.status(HttpStatus.NOT_FOUND);
        pages.render(ctx, Templates.message(new MessagePage(page(ctx, lang, "unavailable.title", null),
                t.get("unavailable.title"), t.get("unavailable.text"), "/topics", t.get("unavailable.action"))));
    }

    /** A patient's page with a message (an error, an expired form), in the visit's language, and "Start again". */
    public void message(Context ctx, String titleKey, String textKey, Object... args) {
        String lang = sessions.visit(ctx).map(Visit::language).orElse(config().defaultLanguage());
        Texts t = Texts.in(lang);
        pages.render(ctx, Templates.message(new MessagePage(page(ctx, lang, titleKey, null), t.get(titleKey),
                t.get(textKey, args), "/", t.get("action.start-again"))));
    }

    private interface VisitHandler {
        void handle(Visit visit);
    }

    /** Runs {@code handler} with the patient's visit, or sends them where they belong without one. */
    private void withVisit(Context ctx, VisitHandler handler) {
        Optional<Visit> visit = sessions.visit(ctx);
        if (visit.isEmpty()) {
            noVisit(ctx);
            return;
        }
        handler.handle(visit.get());
    }

    /**
     * No visit: the result screen if the patient has just sent one, else the welcome screen; a question
     * of a topic that is not offered at all is "not available" (404) whether or not there is a visit.
     */
    private void noVisit(Context ctx) {
        String section = ctx.pathParamMap().get("topic");
        if (section != null && !visits.isOffered(section)) {
            notAvailable(ctx, language(ctx));
            return;
        }
        ctx.redirect(sessions.finished(ctx).isPresent() ? "/done" : "/", HttpStatus.SEE_OTHER);
    }

    private void go(Context ctx, Step step) {
        ctx.redirect(url(step), HttpStatus.SEE_OTHER);
    }

    /** The address of a step: the one place that knows the patient's URLs. */
    static String url(Step step) {
        if (step instanceof Step.Ask a) {
            return questionUrl(a.section(), a.linkId());
        }
        if (step instanceof Step.Name) {
            return "/name";
        }
        if (step instanceof Step.Topics) {
            return "/topics";
        }
        if (step instanceof Step.Review) {
            return "/review";
        }
        if (step instanceof Step.Urgent) {
            return "/urgent";
        }
        if (step instanceof Step.Done) {
            return "/done";
        }
        return "/";
    }

    static String questionUrl(String section, String linkId) {
        return "/q/" + section + "/" + linkId;
    }

    private static boolean topicSection(String sectionId) {
        return !sectionId.equals(com.physiokiosk.engine.safety.SafetyScreen.ID)
                && !sectionId.equals(com.physiokiosk.engine.facts.AboutYou.ID);
    }

    private KioskConfig config() {
        return settings.get();
    }

    private Page page(Context ctx, String lang, String titleKey, String returnTo) {
        Texts t = Texts.in(lang);
        return new Page(t, titleKey == null ? "" : t.get(titleKey), config().languages(), returnTo, true,
                config().idleTimeout().toSeconds(), sessions.csrfToken(ctx), sessions.largeText(ctx), 0, null)
                .withBrand(brand());
    }

    private Page.Brand brand() {
        return new Page.Brand(config().clinicName(), hasLogo.getAsBoolean() ? SettingsController.LOGO_URL : null);
    }

    /** The engine's progress of the visit at {@code step}, as the layout draws it. */
    private Page.Progress progress(Visit visit, Step step) {
        VisitService.Progress p = visits.progress(visit, step);
        return new Page.Progress(p.stage().ordinal(), (int) Math.floor(p.done() * 100));
    }

    /** The language of the current visit, or the clinic's default. */
    private String language(Context ctx) {
        return sessions.visit(ctx).map(Visit::language)
                .or(() -> sessions.finished(ctx).map(PatientSession.Finished::language))
                .filter(Languages::isSupported)
                .orElse(config().defaultLanguage());
    }

    static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")
                && path.length() < 200 && path.chars().noneMatch(Character::isISOControl);
    }
}
