package com.physiokiosk.ui.view;

import gg.jte.html.HtmlContent;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

/** Renders the host's precompiled jte templates, called through {@link Templates}, into responses. */
public final class Pages {

    /**
     * Sends {@code page} (a {@link Templates} call) as HTML, rendered straight into UTF-8 bytes: the templates'
     * fixed markup is compiled to bytes already (jte's binary static content), so a page is neither built as a
     * String nor encoded afterwards.
     */
    public void render(Context ctx, HtmlContent page) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        page.writeTo(new OwaspHtmlTemplateOutput(out));
        ctx.contentType("text/html; charset=utf-8").result(out.toByteArray());
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
