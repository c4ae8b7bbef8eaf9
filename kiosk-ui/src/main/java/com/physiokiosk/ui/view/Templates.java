package com.physiokiosk.ui.view;

import com.physiokiosk.ui.jte.JteleaveGenerated;
import com.physiokiosk.ui.jte.JtemessageGenerated;
import com.physiokiosk.ui.jte.JtenameGenerated;
import com.physiokiosk.ui.jte.JtequestionGenerated;
import com.physiokiosk.ui.jte.JteresultGenerated;
import com.physiokiosk.ui.jte.JtereviewGenerated;
import com.physiokiosk.ui.jte.JtestartagainGenerated;
import com.physiokiosk.ui.jte.JteurgentGenerated;
import com.physiokiosk.ui.jte.JtewelcomeGenerated;
import com.physiokiosk.ui.jte.staff.JteaccountsGenerated;
import com.physiokiosk.ui.jte.staff.JteauditGenerated;
import com.physiokiosk.ui.jte.staff.JtecatalogueGenerated;
import com.physiokiosk.ui.jte.staff.JtecheckinsGenerated;
import com.physiokiosk.ui.jte.staff.JteremovepluginGenerated;
import com.physiokiosk.ui.jte.staff.JtesettingsGenerated;
import com.physiokiosk.ui.jte.staff.JtesetupGenerated;
import com.physiokiosk.ui.jte.staff.JtesigninGenerated;
import com.physiokiosk.ui.jte.staff.JtesummaryGenerated;
import com.physiokiosk.ui.view.Views.AccountsPage;
import com.physiokiosk.ui.view.Views.AuditPage;
import com.physiokiosk.ui.view.Views.CataloguePage;
import com.physiokiosk.ui.view.Views.CheckInListPage;
import com.physiokiosk.ui.view.Views.ConfirmLeavePage;
import com.physiokiosk.ui.view.Views.MessagePage;
import com.physiokiosk.ui.view.Views.NamePage;
import com.physiokiosk.ui.view.Views.QuestionPage;
import com.physiokiosk.ui.view.Views.RemovePluginPage;
import com.physiokiosk.ui.view.Views.ResultPage;
import com.physiokiosk.ui.view.Views.ReviewPage;
import com.physiokiosk.ui.view.Views.SettingsPage;
import com.physiokiosk.ui.view.Views.SetupPage;
import com.physiokiosk.ui.view.Views.SignInPage;
import com.physiokiosk.ui.view.Views.StartAgainPage;
import com.physiokiosk.ui.view.Views.SummaryPage;
import com.physiokiosk.ui.view.Views.TopicsAdminPage;
import com.physiokiosk.ui.view.Views.TopicsPage;
import com.physiokiosk.ui.view.Views.UrgentPage;
import com.physiokiosk.ui.view.Views.WelcomePage;
import gg.jte.TemplateException;
import gg.jte.html.HtmlContent;
import gg.jte.html.HtmlTemplateOutput;
import java.util.function.Consumer;

/**
 * The host's pages as typed calls: one method a page template, taking the template's own model and
 * giving its HTML, for {@link Pages} to send. A template that is not there, or a model of the wrong
 * type, is a compile error rather than a failure at run time.
 *
 * <p>This is what jte's {@code jte-models} extension generates (its {@code StaticTemplates}, and its
 * method names: {@code staff/check-ins.jte} is {@code staffCheckIns}), written by hand: what the
 * extension generates needs its own jar at run time, which brings the jte compiler with it, and the
 * Maven repository this project builds from has it only at 3.2.1, older than jte-runtime 3.2.4. These
 * methods need nothing but the classes the jte-maven-plugin compiles the templates to
 * ({@code Jte<name>Generated} is jte's naming). Templates only ever included by others (the layout,
 * the staff header, a field's error) have no method; {@code TemplatesTest} fails when a page has none.
 */
public final class Templates {

    private Templates() {
    }

    public static HtmlContent welcome(WelcomePage m) {
        return page(JtewelcomeGenerated.JTE_NAME, out -> JtewelcomeGenerated.render(out, null, m));
    }

    public static HtmlContent name(NamePage m) {
        return page(JtenameGenerated.JTE_NAME, out -> JtenameGenerated.render(out, null, m));
    }

    public static HtmlContent question(QuestionPage m) {
        return page(JtequestionGenerated.JTE_NAME, out -> JtequestionGenerated.render(out, null, m));
    }

    public static HtmlContent urgent(UrgentPage m) {
        return page(JteurgentGenerated.JTE_NAME, out -> JteurgentGenerated.render(out, null, m));
    }

    public static HtmlContent topics(TopicsPage m) {
        return page(com.physiokiosk.ui.jte.JtetopicsGenerated.JTE_NAME,
                out -> com.physiokiosk.ui.jte.JtetopicsGenerated.render(out, null, m));
    }

    public static HtmlContent leave(ConfirmLeavePage m) {
        return page(JteleaveGenerated.JTE_NAME, out -> JteleaveGenerated.render(out, null, m));
    }

    public static HtmlContent review(ReviewPage m) {
        return page(JtereviewGenerated.JTE_NAME, out -> JtereviewGenerated.render(out, null, m));
    }

    public static HtmlContent result(ResultPage m) {
        return page(JteresultGenerated.JTE_NAME, out -> JteresultGenerated.render(out, null, m));
    }

    public static HtmlContent startAgain(StartAgainPage m) {
        return page(JtestartagainGenerated.JTE_NAME, out -> JtestartagainGenerated.render(out, null, m));
    }

    public static HtmlContent message(MessagePage m) {
        return page(JtemessageGenerated.JTE_NAME, out -> JtemessageGenerated.render(out, null, m));
    }

    public static HtmlContent staffSignIn(SignInPage m) {
        return page(JtesigninGenerated.JTE_NAME, out -> JtesigninGenerated.render(out, null, m));
    }

    public static HtmlContent staffSetup(SetupPage m) {
        return page(JtesetupGenerated.JTE_NAME, out -> JtesetupGenerated.render(out, null, m));
    }

    public static HtmlContent staffCheckIns(CheckInListPage m) {
        return page(JtecheckinsGenerated.JTE_NAME, out -> JtecheckinsGenerated.render(out, null, m));
    }

    public static HtmlContent staffSummary(SummaryPage m) {
        return page(JtesummaryGenerated.JTE_NAME, out -> JtesummaryGenerated.render(out, null, m));
    }

    public static HtmlContent staffAudit(AuditPage m) {
        return page(JteauditGenerated.JTE_NAME, out -> JteauditGenerated.render(out, null, m));
    }

    public static HtmlContent staffAccounts(AccountsPage m) {
        return page(JteaccountsGenerated.JTE_NAME, out -> JteaccountsGenerated.render(out, null, m));
    }

    public static HtmlContent staffTopics(TopicsAdminPage m) {
        return page(com.physiokiosk.ui.jte.staff.JtetopicsGenerated.JTE_NAME,
                out -> com.physiokiosk.ui.jte.staff.JtetopicsGenerated.render(out, null, m));
    }

    public static HtmlContent staffRemovePlugin(RemovePluginPage m) {
        return page(JteremovepluginGenerated.JTE_NAME, out -> JteremovepluginGenerated.render(out, null, m));
    }

    public static HtmlContent staffSettings(SettingsPage m) {
        return page(JtesettingsGenerated.JTE_NAME, out -> JtesettingsGenerated.render(out, null, m));
    }

    public static HtmlContent staffCatalogue(CataloguePage m) {
        return page(JtecatalogueGenerated.JTE_NAME, out -> JtecatalogueGenerated.render(out, null, m));
    }

    /**
     * {@code render} as content, no HTML interceptor (jte's engine had none either), and a failure
     * wrapped in a {@link TemplateException} that names the template, as the engine wrapped it: so the
     * request's exception handlers see what they saw before.
     */
    private static HtmlContent page(String template, Consumer<HtmlTemplateOutput> render) {
        return out -> {
            try {
                render.accept(out);
            } catch (TemplateException e) {
                throw e;
            } catch (Throwable e) {
                throw new TemplateException("Failed to render " + template, e);
            }
        };
    }
}
