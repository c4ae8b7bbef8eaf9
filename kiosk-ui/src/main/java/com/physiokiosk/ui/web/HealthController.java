package com.physiokiosk.ui.web;

import com.physiokiosk.engine.plugins.PluginStatus;
import com.physiokiosk.engine.plugins.TopicHost;
import io.javalin.http.Context;
import java.util.List;

/** {@code GET /health}: is the kiosk up, and which plugins run. Nothing about patients. */
public final class HealthController {

    private final TopicHost host;

    public HealthController(TopicHost host) {
        this.host = host;
    }

    /** The JSON body of {@code /health}. */
    public record Health(String status, List<PluginStatus> plugins) {
    }

    public void health(Context ctx) {
        ctx.json(new Health("UP", host.plugins()));
    }
}
