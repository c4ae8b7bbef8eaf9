package com.physiokiosk.ui.view;

import gg.jte.html.HtmlContent;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renders the host's precompiled jte templates, called through {@link Templates}, into responses. */
public final class Pages {

    private static final Logger log = LoggerFactory.getLogger(Pages.class);

    private static final String HTML = "text/html; charset=utf-8";

    /** Room for a patient's screen (5-8 KB); a longer page (a staff list) grows its array as it is written. */
    private static final int PAGE_BYTES = 12 * 1024;

    private static final String RENDERED = "kiosk.page-rendered";

    /**
     * Sends {@code page} (a {@link Templates} call) as HTML: rendered straight into UTF-8 bytes (the templates'
     * fixed markup is compiled to bytes already, jte's binary static content; {@link PageOutput}) and written
     * to the response at once, with its length. Not compressed: the kiosk's pages are tens of kilobytes at
     * most, sent over the clinic's network or to the screen on the same machine, where compressing them on
     * every tap would cost more time than it saves; and a compressed page holding a form token next to text
     * a visitor typed could give the token away by its length (BREACH). An error handler leaves a rendered
     * page alone ({@link #rendered}).
     */
    public void render(Context ctx, HtmlContent page) {
        PageOutput out = new PageOutput(PAGE_BYTES);
        page.writeTo(new OwaspHtmlTemplateOutput(out));
        ctx.attribute(RENDERED, Boolean.TRUE);
        ctx.contentType(HTML);
        ctx.res().setContentLength(out.length());
        try {
            ctx.res().getOutputStream().write(out.bytes(), 0, out.length());
        } catch (IOException e) {
            // The browser went away (a screen given up on, a closed tab): nobody to answer, nothing wrong here.
            log.debug("A page could not be sent: {}", e.toString());
        }
    }

    /** Whether this request's answer is a page of ours (so an error status handler leaves it as it is). */
    public static boolean rendered(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(RENDERED));
    }

    /**
     * {@code page} (a {@link Templates} call) as HTML, for a response or a document such as a PDF: escaped
     * by the same output jte's engine wrapped a {@link StringOutput} in for HTML templates.
     */
    public String html(HtmlContent page) {
        StringOutput out = new StringOutput();
        page.writeTo(new OwaspHtmlTemplateOutput(out));
        return out.toString();
    }
}
