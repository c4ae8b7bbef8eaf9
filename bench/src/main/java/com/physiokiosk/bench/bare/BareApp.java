package com.physiokiosk.bench.bare;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;

/**
 * The bare stack the kiosk is measured against: Javalin 7 and one precompiled jte page, nothing
 * else. {@code GET /page} renders the page on every request (as the kiosk renders its question
 * screen); its form posts to {@code POST /page}, which sends the browser back to it (303, as the kiosk answers a
 * tap); {@code GET /assets/page.css} is its one small style sheet, cached a year as the kiosk's are;
 * {@code GET /health} answers as soon as the server listens.
 *
 * <p>Run by the harness as its own JVM: {@code java -cp physio-kiosk-bench.jar
 * com.physiokiosk.bench.bare.BareApp <port> <page bytes>}.
 */
public final class BareApp {

    /** The package the jte plugin generates the bare page into (see bench/pom.xml). */
    static final String TEMPLATES = "com.physiokiosk.bench.jte";

    /** The bare page's style sheet: a few rules, like any page's. */
    static final String CSS = "body{font-family:sans-serif;font-size:20px;margin:0}main{max-width:46rem;margin:0 auto;"
            + "padding:1rem}.choice{display:block;min-height:3rem;border:2px solid #555;border-radius:12px;margin:.5rem 0;"
            + "padding:.5rem}button{min-height:3rem;font-size:1.1rem}";

    private BareApp() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int pageBytes = Integer.parseInt(args[1]);
        TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, BareApp.class.getClassLoader(),
                TEMPLATES);
        BarePage page = sized(engine, pageBytes);
        Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"UP\"}"));
            c.routes.get("/page", ctx -> ctx.html(render(engine, page)));
            c.routes.post("/page", ctx -> ctx.redirect("/page", io.javalin.http.HttpStatus.SEE_OTHER));
            c.routes.get("/assets/page.css", ctx -> ctx.header("Cache-Control", "public, max-age=31536000, immutable")
                    .contentType("text/css").result(CSS));
        }).start("127.0.0.1", port);
    }

    static String render(TemplateEngine engine, BarePage page) {
        StringOutput out = new StringOutput();
        engine.render("page.jte", page, out);
        return out.toString();
    }

    /** The page with as much filler as makes it exactly {@code bytes} long (UTF-8), or unfilled when it is too small. */
    static BarePage sized(TemplateEngine engine, int bytes) {
        BarePage bare = BarePage.unfilled();
        int missing = bytes - render(engine, bare).getBytes(StandardCharsets.UTF_8).length;
        if (missing <= 0) {
            return bare;
        }
        String words = "Tell us as much as you like; the physiotherapist reads it before calling you in. ";
        return bare.withFiller(words.repeat(missing / words.length() + 1).substring(0, missing));
    }
}
