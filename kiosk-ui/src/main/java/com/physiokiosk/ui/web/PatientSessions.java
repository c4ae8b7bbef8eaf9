package com.physiokiosk.ui.web;

import com.physiokiosk.engine.schedule.Repeating;
import com.physiokiosk.engine.visit.Visit;
import com.physiokiosk.engine.visit.VisitService;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patients' sessions, held by the kiosk itself as the staff's are ({@link StaffSessions}): a random id
 * in a cookie of their own ({@value #COOKIE}: HttpOnly, SameSite=Strict), a new id for every patient, and
 * an end after the screen's idle time without a request. Held in memory only: a restart forgets every
 * visit under way, which is the safe way round.
 *
 * <p>Their number is bounded, so a flood of "Start" taps cannot fill the kiosk's memory or push a patient
 * who is answering out. A session exists only from "Start" on; until its first answer it lives no longer
 * than the screen's idle timeout, and when there are {@value #MAX_SESSIONS} sessions the oldest that have
 * not answered anything yet are forgotten first. Patients mid-visit are never forgotten for room; if every
 * session is one, a new patient is asked to speak to reception. Starts from one address on the network are
 * rate-limited too (the kiosk's own screen, on this machine, is not). Expired sessions are forgotten at
 * the next start and by a sweep every minute, so nothing of a patient who walked away stays for long.
 */
public final class PatientSessions {

    private static final Logger log = LoggerFactory.getLogger(PatientSessions.class);

    public static final String COOKIE = "KIOSK_SESSION";

    /** More than the screens of any clinic; few enough that their visits are a small part of the heap. */
    public static final int MAX_SESSIONS = 300;

    /** Starts one address on the network may make per minute: a tablet starts one visit per patient. */
    public static final int STARTS_PER_MINUTE = 30;

    /** A session not yet answered lives this much longer than its screen before it resets itself. */
    static final Duration UNANSWERED_GRACE = Duration.ofSeconds(5);
    /** Once answered, the server keeps the visit this much longer than the screen's own reset. */
    static final Duration ANSWERED_GRACE = Duration.ofMinutes(1);

    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    /** The request's session, once looked up; {@link #NONE} for none. */
    private static final String CURRENT = "kiosk.patient-session";
    private static final Object NONE = new Object();

    private final Map<String, PatientSession> live = new ConcurrentHashMap<>();
    /** Starts per network address in the current minute; oldest addresses dropped past the bound. */
    private final Map<String, long[]> starts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_TRACKED_ADDRESSES;
        }
    };
    private final LongSupplier nanoTime;
    private final Repeating sweep = new Repeating("kiosk-patient-sessions", Duration.ofMinutes(1),
            Duration.ofMinutes(1), log, "Forgetting expired patient sessions", this::forgetExpired);

    public PatientSessions() {
        this(System::nanoTime);
    }

    /** @param nanoTime the time, as {@link System#nanoTime()} gives it (tests move it on) */
    PatientSessions(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Starts the sweep of expired sessions. */
    public void start() {
        sweep.start();
    }

    public void stop() {
        sweep.stop();
    }

    /** This browser's session, if it has one that has not expired; looking it up counts as activity. */
    public Optional<PatientSession> current(Context ctx) {
        Object known = ctx.attribute(CURRENT);
        if (known != null) {
            return known == NONE ? Optional.empty() : Optional.of((PatientSession) known);
        }
        String id = ctx.cookie(COOKIE);
        PatientSession s = id == null ? null : live.get(id);
        long now = nanoTime.getAsLong();
        if (s != null && s.isExpired(now)) {
            live.remove(id, s);
            s = null;
        }
        if (s != null) {
            s.touch(now);
        }
        ctx.attribute(CURRENT, s == null ? NONE : s);
        return Optional.ofNullable(s);
    }

    /** Ends whatever session the browser had and starts a fresh one for a new patient. */
    public PatientSession startNew(Context ctx, Visit visit, Duration idle) {
        end(ctx);
        long now = nanoTime.getAsLong();
        forgetExpired(now);
        // Until its first answer a session lives no longer than the screen before it resets itself.
        PatientSession s = new PatientSession(visit, now, idle.plus(UNANSWERED_GRACE));
        live.put(s.id(), s);
        ctx.attribute(CURRENT, s);
        ctx.cookie(cookie(ctx, s.id(), -1));
        return s;
    }

    /** Ends the browser's session: everything of the patient is gone from the server. */
    public void end(Context ctx) {
        current(ctx).ifPresent(s -> live.remove(s.id(), s));
        ctx.attribute(CURRENT, NONE);
    }

    /**
     * Ends the browser's session, as {@link #end}, and clears its cookie: for the reset to the welcome
     * screen, which starts no new one.
     */
    public void endAndForget(Context ctx) {
        if (current(ctx).isPresent() || ctx.cookie(COOKIE) != null) {
            ctx.cookie(cookie(ctx, "", 0));
        }
        end(ctx);
    }

    /**
     * The patient has answered a question: from now on the server keeps the visit a minute past the
     * screen's own reset, and never forgets it to make room for others.
     */
    public void markAnswered(Context ctx, Duration idle) {
        current(ctx).filter(s -> !s.answered()).ifPresent(s -> s.markAnswered(idle.plus(ANSWERED_GRACE)));
    }

    public Optional<Visit> visit(Context ctx) {
        return current(ctx).map(PatientSession::visit);
    }

    /**
     * After submit: the visit is dropped, the session rotated, and only what the result screen shows is kept.
     * When the session ended meanwhile (the screen reset itself while the visit was being sent), nothing is
     * kept and no cookie set: the screen may be the next patient's by now.
     */
    public void finish(Context ctx, VisitService.Result result, String name, String language, Duration idle) {
        Optional<PatientSession> old = current(ctx);
        if (old.isEmpty() || !live.remove(old.get().id(), old.get())) {
            ctx.attribute(CURRENT, NONE);
            return;
        }
        PatientSession s = startNew(ctx, null, idle);
        s.setLargeText(old.get().largeText());
        s.finish(new PatientSession.Finished(result, name, language));
    }

    public Optional<PatientSession.Finished> finished(Context ctx) {
        return current(ctx).map(PatientSession::finished);
    }

    public boolean largeText(Context ctx) {
        return current(ctx).map(PatientSession::largeText).orElse(false);
    }

    /** Sets larger text for this browser's patient; without a session there is no one to set it for. */
    public void setLargeText(Context ctx, boolean large) {
        current(ctx).ifPresent(s -> s.setLargeText(large));
    }

    /** This session's form token, or empty when there is no session. */
    public String csrfToken(Context ctx) {
        return current(ctx).map(PatientSession::csrf).orElse("");
    }

    /** How many patient sessions there are now. */
    public int count() {
        return live.size();
    }

    /** Whether {@code remoteAddress} may start another visit now (loopback: always). */
    public boolean mayStart(String remoteAddress) {
        if (isLoopback(remoteAddress)) {
            return true;
        }
        long now = nanoTime.getAsLong();
        synchronized (starts) {
            long[] window = starts.computeIfAbsent(remoteAddress, a -> new long[] {now, 0});
            if (now - window[0] > MINUTE_NANOS) {
                window[0] = now;
                window[1] = 0;
            }
            return ++window[1] <= STARTS_PER_MINUTE;
        }
    }

    /**
     * Makes room for one more session by forgetting expired sessions, then the oldest that have not
     * answered anything.
     *
     * @return whether there is room now
     */
    public synchronized boolean makeRoom() {
        if (live.size() < MAX_SESSIONS) {
            return true;
        }
        forgetExpired(nanoTime.getAsLong());
        if (live.size() < MAX_SESSIONS) {
            return true;
        }
        // Down to nine tenths, so that a burst of starts does not evict one by one.
        int over = live.size() - MAX_SESSIONS * 9 / 10;
        List<PatientSession> idle = live.values().stream().filter(s -> !s.answered())
                .sorted(Comparator.comparingLong(PatientSession::created)).limit(over).toList();
        idle.forEach(s -> live.remove(s.id(), s));
        if (!idle.isEmpty()) {
            log.warn("{} patient sessions that had not answered anything were forgotten to make room", idle.size());
        }
        return live.size() < MAX_SESSIONS;
    }

    // Starts that made room may create their sessions a moment later, together: the bound is then passed by
    // at most the requests in flight, which the server's thread pool bounds in turn.

    /** The minute's sweep: forgets every session that has expired, looked up since or not. */
    void forgetExpired() {
        forgetExpired(nanoTime.getAsLong());
    }

    private void forgetExpired(long now) {
        live.values().removeIf(s -> s.isExpired(now));
    }

    private static Cookie cookie(Context ctx, String value, int maxAge) {
        return new Cookie(COOKIE, value, "/", maxAge, "https".equals(ctx.scheme()), true, null, SameSite.STRICT);
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
