package com.physiokiosk.ui.view;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

/** Renders the host's precompiled jte templates into responses. */
public final class Pages {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), "com.physiokiosk.ui.jte");

    /** Renders {@code template} with its one page model and sends it as HTML. */
    public void render(Context ctx, String template, Object model) {
        ctx.html(html(template, model));
        ctx.attribute(RENDERED, Boolean.TRUE);
    }

    private static final String RENDERED = "kiosk.page-rendered";

    /** Whether this request's answer is a page of ours (so an error status handler leaves it as it is). */
    public static boolean rendered(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(RENDERED));
    }

    /** Renders {@code template} with its one page model, for a response or a document such as a PDF. */
    public String html(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template, model, out);
        return out.toString();
    }
}
