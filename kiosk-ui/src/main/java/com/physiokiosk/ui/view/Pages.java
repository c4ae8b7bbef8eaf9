package com.physiokiosk.ui.view;

import gg.jte.html.HtmlContent;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the host's precompiled jte templates, called through {@link Templates}, into responses. */
public final class Pages {

    /** Sends {@code page} (a {@link Templates} call) as HTML. */
    public void render(Context ctx, HtmlContent page) {
        ctx.html(html(page));
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    private static final String RENDERED = "kiosk.page-rendered";

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
