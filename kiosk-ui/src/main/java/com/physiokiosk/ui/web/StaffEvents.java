package com.physiokiosk.ui.web;

import com.physiokiosk.engine.checkin.CheckInStored;
import io.javalin.http.sse.SseClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /staff/events}: a server-sent event {@code check-in} to every signed-in staff screen as soon
 * as a check-in is stored or updated, with its day, number, whether it is urgent and whether it raised
 * an urgent finding staff have not been alerted to yet; never patient data. The screen then reloads its
 * list and, on an alert, shows and sounds it (once per urgent finding, not for every later answer).
 *
 * <p>Events go out on a thread of their own, so a slow screen never holds up a patient's submit.
 * Streams do not count as activity: once a session expires, its stream is closed and the screen says
 * live updates stopped.
 */
public final class StaffEvents implements Consumer<CheckInStored> {

    private static final Logger log = LoggerFactory.getLogger(StaffEvents.class);

    /** Often enough for proxies and browsers to keep an idle stream open, and to notice expired sessions. */
    static final long PING_SECONDS = 20;

    private final StaffSessions sessions;
    private final StaffPages pages;
    /** Each open stream with the id of the staff session it belongs to. */
    private final Map<SseClient, String> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kiosk-staff-events");
        t.setDaemon(true);
        return t;
    });

    public StaffEvents(StaffSessions sessions, StaffPages pages) {
        this.sessions = sessions;
        this.pages = pages;
        sender.scheduleWithFixedDelay(this::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** A staff screen opens its stream (access was checked before). */
    public void connect(SseClient client) {
        String sessionId = pages.user(client.ctx()).id();
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.put(client, sessionId);
        sender.execute(() -> client.sendComment("live"));
    }

    /** A check-in was stored: tell every open staff screen. */
    @Override
    public void accept(CheckInStored stored) {
        // Numbers are per site: a check-in of another site sharing the database says which (a site id: [a-z0-9-]).
        String elsewhere = stored.site() == null || stored.site().equals(pages.settings().site()) ? ""
                : ",\"site\":\"" + stored.site() + "\"";
        String data = "{\"day\":\"" + stored.day() + "\",\"number\":" + stored.number() + ",\"urgent\":" + stored.urgent()
                + ",\"alert\":" + stored.alert() + elsewhere + "}";
        sender.execute(() -> clients.forEach((client, sessionId) -> {
            if (stillSignedIn(client, sessionId)) {
                client.sendEvent("check-in", data);
            }
        }));
    }

    /** Closes every stream, when the server stops. */
    public void stop() {
        sender.shutdownNow();
        clients.keySet().forEach(client -> {
            try {
                client.close();
            } catch (RuntimeException alreadyGone) {
                // the browser left first
            }
        });
        clients.clear();
    }

    private void ping() {
        try {
            clients.forEach((client, sessionId) -> {
                if (stillSignedIn(client, sessionId)) {
                    client.sendComment("ping");
                }
            });
        } catch (RuntimeException e) {
            log.warn("Live update ping failed: {}", e.toString());
        }
    }

    private boolean stillSignedIn(SseClient client, String sessionId) {
        if (client.terminated()) {
            clients.remove(client);
            return false;
        }
        if (!sessions.isActive(sessionId)) {
            clients.remove(client);
            client.close();
            return false;
        }
        return true;
    }
}
