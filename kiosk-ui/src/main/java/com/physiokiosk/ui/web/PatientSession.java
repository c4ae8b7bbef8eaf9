package com.physiokiosk.ui.web;

import com.physiokiosk.engine.visit.Visit;
import com.physiokiosk.engine.visit.VisitService;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * One browser's patient session on the server: the visit under way, or after it only what the result
 * screen shows; the form token; larger text. Held by {@link PatientSessions}, which is the one place that
 * finds, starts and ends sessions; a new patient always gets a new session (new id, nothing carried over).
 * Several requests of one browser may use it at once: its fields are read and written whole.
 */
public final class PatientSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final String csrf;
    private final long created;
    private volatile long lastSeen;
    private volatile long maxIdle;
    private volatile Visit visit;
    private volatile Finished finished;
    private volatile boolean largeText;
    private volatile boolean answered;

    /**
     * @param now     {@link System#nanoTime()} now
     * @param maxIdle how long the session lives without a request
     */
    PatientSession(Visit visit, long now, Duration maxIdle) {
        this.id = newToken();
        this.csrf = newToken();
        this.created = now;
        this.lastSeen = now;
        this.maxIdle = maxIdle.toNanos();
        this.visit = visit;
    }

    /** The session's id, the value of its cookie: a secret. */
    String id() {
        return id;
    }

    /** This session's form token. */
    public String csrf() {
        return csrf;
    }

    /** The visit under way; {@code null} before it starts and after it is sent. */
    public Visit visit() {
        return visit;
    }

    /** What the result screen shows once the visit is sent; {@code null} before. */
    public Finished finished() {
        return finished;
    }

    public boolean largeText() {
        return largeText;
    }

    void setLargeText(boolean large) {
        this.largeText = large;
    }

    /** Whether the patient has answered anything. */
    boolean answered() {
        return answered;
    }

    /** The patient has answered: the session now lives {@code maxIdle} without a request. */
    void markAnswered(Duration maxIdle) {
        this.maxIdle = maxIdle.toNanos();
        this.answered = true;
    }

    void finish(Finished result) {
        this.finished = result;
    }

    long created() {
        return created;
    }

    /** Whether the session has gone {@code maxIdle} without a request by {@code now} ({@link System#nanoTime()}). */
    boolean isExpired(long now) {
        return now - lastSeen >= maxIdle;
    }

    void touch(long now) {
        lastSeen = now;
    }

    /** What the result screen shows, kept after the visit itself is gone. */
    public record Finished(VisitService.Result result, String name, String language) {
    }

    @Override
    public String toString() {
        // The id and the token are secrets, the visit is health data.
        return "PatientSession";
    }

    /** 24 random bytes in hex: a session id or a form token. */
    static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
