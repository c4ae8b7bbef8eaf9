package com.physiokiosk.ui.web;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the number of patient sessions bounded, so a flood of "Start" taps cannot fill the kiosk's
 * memory or push a patient who is answering out. A session exists only from "Start" on; until its
 * first answer it lives no longer than the screen's idle timeout, and when there are
 * {@value #MAX_SESSIONS} sessions the oldest that have not answered anything yet are forgotten first.
 * Patients mid-visit are never forgotten for room; if every session is one, a new patient is asked to
 * speak to reception. Starts from one address on the network are rate-limited too (the kiosk's own
 * screen, on this machine, is not).
 */
public final class PatientSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(PatientSessions.class);

    /** More than the screens of any clinic; few enough that their visits are a small part of the heap. */
    public static final int MAX_SESSIONS = 300;

    /** Starts one address on the network may make per minute: a tablet starts one visit per patient. */
    public static final int STARTS_PER_MINUTE = 30;

    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final Map<String, HttpSession> live = new ConcurrentHashMap<>();
    /** Starts per network address in the current minute; oldest addresses dropped past the bound. */
    private final Map<String, long[]> starts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_TRACKED_ADDRESSES;
        }
    };

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        live.put(event.getSession().getId(), event.getSession());
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        live.remove(event.getSession().getId());
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
        long now = System.nanoTime();
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
     * Makes room for one more session by forgetting the oldest sessions that have not answered anything.
     *
     * @return whether there is room now
     */
    public synchronized boolean makeRoom() {
        if (live.size() < MAX_SESSIONS) {
            return true;
        }
        // Down to nine tenths, so that a burst of starts does not evict one by one.
        int over = live.size() - MAX_SESSIONS * 9 / 10;
        List<HttpSession> idle = live.values().stream().filter(s -> !PatientSession.hasAnswered(s))
                .sorted(Comparator.comparingLong(PatientSessions::created)).limit(over).toList();
        for (HttpSession s : idle) {
            try {
                s.invalidate();
            } catch (IllegalStateException alreadyGone) {
                // ended meanwhile
            }
            live.remove(s.getId());
        }
        if (!idle.isEmpty()) {
            log.warn("{} patient sessions that had not answered anything were forgotten to make room", idle.size());
        }
        return live.size() < MAX_SESSIONS;
    }

    // Starts that made room may create their sessions a moment later, together: the bound is then passed by
    // at most the requests in flight, which the server's thread pool bounds in turn.

    private static long created(HttpSession s) {
        try {
            return s.getCreationTime();
        } catch (IllegalStateException gone) {
            return Long.MIN_VALUE;
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
