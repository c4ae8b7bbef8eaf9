package com.physiokiosk.engine.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Password hashing with Argon2id, the memory-hard function OWASP recommends, at its baseline cost
 * by default: 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt and a 32-byte hash. The
 * stored string (PHC format, {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) carries its own
 * parameters, so raising the cost later still verifies old hashes.
 *
 * <p>Every hash and every check runs in one of {@link #MAX_CONCURRENT} slots. Each one holds its
 * memory and a whole core for tens of milliseconds, so without a bound a burst of sign-ins runs the
 * kiosk out of memory and CPU (issue 14: 16 at once gave OutOfMemoryErrors on a 256 MB heap, and a
 * patient screen took 36 s). A caller that finds no free slot within {@link #MAX_WAIT} is turned
 * away with {@link Busy} rather than queued: a queue would only move the pile-up elsewhere.
 */
public final class Passwords {

    /**
     * The Argon2id cost. The kiosk always uses {@link #OWASP}; only a test passes a cheaper one,
     * explicitly, to boot the app many times quickly. No setting leads here.
     *
     * @param memoryKiB   memory per hash, KiB
     * @param iterations  passes over the memory
     * @param parallelism lanes
     */
    public record Cost(int memoryKiB, int iterations, int parallelism) {

        /** OWASP's baseline for Argon2id: 19 MiB, 2 passes, 1 lane. */
        public static final Cost OWASP = new Cost(19_456, 2, 1);

        public Cost {
            if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
                throw new IllegalArgumentException("not an Argon2 cost: m=" + memoryKiB + ", t=" + iterations
                        + ", p=" + parallelism);
            }
        }
    }

    /**
     * Hashes running at once, at most. Two: on the 2-core mini PC a patient request still finds the
     * scheduler sharing the cores (the flood test measures patient p99 with two running), and the
     * memory held is 2 × 19 MiB of a 256 MB heap.
     */
    public static final int MAX_CONCURRENT = 2;

    /**
     * How long a caller waits for a slot before {@link Busy}: long enough for twenty staff signing in
     * at opening time to queue through (about 50 ms a hash, two at a time), short enough that a flood
     * cannot pile up waiting threads for long.
     */
    public static final Duration MAX_WAIT = Duration.ofMillis(1_500);

    /** No slot came free in time: the kiosk is busy hashing for others. */
    public static final class Busy extends RuntimeException {
        public Busy() {
            super("password hashing is busy", null, false, false);
        }
    }

    private final Cost cost;
    private final Argon2Function argon2;
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT, true);
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    /** Verified against when there is no such account, so an unknown name costs what a wrong password does. */
    private final String decoy;

    /** Hashing at the kiosk's cost, {@link Cost#OWASP}. */
    public Passwords() {
        this(Cost.OWASP);
    }

    public Passwords(Cost cost) {
        this.cost = cost;
        this.argon2 = Argon2Function.getInstance(cost.memoryKiB(), cost.iterations(), cost.parallelism(), 32, Argon2.ID);
        this.decoy = rawHash("decoy password, never used by anyone");
    }

    public Cost cost() {
        return cost;
    }

    /**
     * A new salted Argon2id hash of {@code password}.
     *
     * @throws Busy when no slot came free within {@link #MAX_WAIT}
     */
    public String hash(String password) {
        return inSlot(() -> rawHash(password));
    }

    /**
     * Whether {@code password} matches {@code storedHash}; a malformed hash never matches.
     *
     * @throws Busy when no slot came free within {@link #MAX_WAIT}
     */
    public boolean matches(String password, String storedHash) {
        return inSlot(() -> rawMatches(password, storedHash));
    }

    /**
     * Spends the time and memory of one verification, for a sign-in with no account behind it.
     *
     * @throws Busy when no slot came free within {@link #MAX_WAIT}
     */
    void spendDecoyTime(String password) {
        matches(password, decoy);
    }

    /** The most hashes that ever ran at once in this instance: never above {@link #MAX_CONCURRENT}. */
    public int peakConcurrent() {
        return peak.get();
    }

    /** Runs {@code work} in a slot; package-private so a test can hold the slots. */
    <T> T inSlot(Supplier<T> work) {
        try {
            if (!slots.tryAcquire(MAX_WAIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            return work.get();
        } finally {
            running.decrementAndGet();
            slots.release();
        }
    }

    private String rawHash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    private static boolean rawMatches(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
