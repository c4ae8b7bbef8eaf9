package com.physiokiosk.engine.staff;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Back-off for password guessing, decided before any password is hashed. It replaces a hard lock
 * after five failures, which anyone could renew for ever by sending five wrong passwords every
 * fifteen minutes, and which eleven parallel guesses got around because each was judged before any
 * was counted.
 *
 * <p>Failures are counted under three keys, each with its own {@link Rule}:
 * <ul>
 *   <li>the user name together with the source address: guessing one account from one computer;
 *   <li>the source address: one computer trying many names;
 *   <li>the user name from anywhere: many computers guessing one account. Skipped for a source the
 *       name signed in from in the last {@link #TRUST} and for the kiosk machine itself, so a flood
 *       from elsewhere never keeps the owner out of their own desk or the admin out of the kiosk.
 * </ul>
 * A user name is counted the same whether or not an account has it, so the throttle says nothing
 * about which names exist. Each key allows a few failures, then asks for a wait that doubles with
 * every further failure up to a cap, and forgets one failure per fixed interval. A refused attempt
 * is not counted, so hammering a key during its wait changes nothing: an attacker cannot renew a
 * wait, only keep to the slow rate the rules allow.
 *
 * <p>{@link #reserve} counts the attempt as a failure, atomically, before the hash; a success
 * gives it back ({@link Attempt#succeeded()}), as does an attempt the kiosk was too busy to judge
 * ({@link Attempt#notJudged()}). So N parallel guesses are N failures in the count before any of
 * them is judged, and only those the rules allow are judged at all.
 *
 * <p>Held in memory: a restart forgets it (an attacker cannot restart the kiosk), and no refused
 * attempt writes to the database. At most {@link #MAX_KEYS} keys are kept.
 */
public final class SignInThrottle {

    /**
     * How one key counts failures.
     *
     * @param free       failures allowed before any wait
     * @param firstWait  the wait after {@code free} failures; it doubles with each further failure
     * @param maxWait    the longest wait
     * @param forgetEach one failure is forgotten every this long
     */
    public record Rule(int free, Duration firstWait, Duration maxWait, Duration forgetEach) {

        /** The wait after {@code failures} counted failures. */
        Duration waitAfter(int failures) {
            if (failures < free) {
                return Duration.ZERO;
            }
            int doublings = Math.min(failures - free, 20);
            Duration wait = firstWait.multipliedBy(1L << doublings);
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }
    }

    /**
     * One name from one computer: five tries, then 30 s, 1, 2, 4, 8 and 15 minutes; one failure
     * forgotten every 15 minutes, so a guesser keeps to about four tries an hour. A person who
     * mistyped five times waits half a minute.
     */
    public static final Rule NAME_AND_SOURCE = new Rule(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    /**
     * One computer, whatever names it tries: twenty failures, then the same waits; one forgotten
     * every 3 minutes (twenty an hour), enough for a desk shared by several people who mistype.
     */
    public static final Rule SOURCE = new Rule(20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(3));
    /**
     * One name from anywhere: thirty failures, then the same waits; one forgotten every 5 minutes.
     * One computer alone cannot reach it: its {@link #NAME_AND_SOURCE} rule lets through about a
     * dozen in the first hour and four an hour after that, fewer than this rule forgets.
     */
    public static final Rule NAME = new Rule(30, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(5));

    /** A source a name signed in from is spared that name's {@link #NAME} rule for this long. */
    public static final Duration TRUST = Duration.ofDays(30);

    /** Keys kept at most; beyond, the quietest are forgotten first. */
    static final int MAX_KEYS = 20_000;

    /** Longest user name kept as a key: no account has a longer one, and keys stay small. */
    private static final int MAX_NAME = 64;

    private enum Kind { NAME_AND_SOURCE, SOURCE, NAME }

    private record Key(Kind kind, String name, String source) {
    }

    /** One key's count; guarded by the throttle. */
    private static final class Count {
        int failures;
        /** Up to when failures have been forgotten. */
        Instant forgottenTo;
        /** The last counted attempt; the wait runs from here. */
        Instant lastAt;
        /** For a name-and-source key: until when the source is spared the name's rule, or null. */
        Instant trustedUntil;

        Count(Instant now) {
            forgottenTo = now;
            lastAt = now;
        }
    }

    private final Clock clock;
    private final Map<Key, Count> counts = new HashMap<>();

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** A sign-in that may be judged: counted already as a failure until told otherwise. */
    public final class Attempt {
        private final List<Key> keys;
        private final List<Instant> previousLastAt;
        private boolean settled;

        private Attempt(List<Key> keys, List<Instant> previousLastAt) {
            this.keys = keys;
            this.previousLastAt = previousLastAt;
        }

        /**
         * The password was right: the failure is given back, the name's count from this source
         * starts again, and the source is trusted for the name.
         */
        public void succeeded() {
            synchronized (SignInThrottle.this) {
                if (settled) {
                    return;
                }
                settled = true;
                Instant now = clock.instant();
                for (Key k : keys) {
                    Count c = counts.get(k);
                    if (c == null) {
                        continue;
                    }
                    if (k.kind() == Kind.NAME_AND_SOURCE) {
                        c.failures = 0;
                        c.trustedUntil = now.plus(TRUST);
                    } else {
                        c.failures = Math.max(0, c.failures - 1);
                    }
                }
            }
        }

        /** The kiosk was too busy to judge it: it does not count at all. */
        public void notJudged() {
            synchronized (SignInThrottle.this) {
                if (settled) {
                    return;
                }
                settled = true;
                for (int i = 0; i < keys.size(); i++) {
                    Count c = counts.get(keys.get(i));
                    if (c != null) {
                        c.failures = Math.max(0, c.failures - 1);
                        c.lastAt = previousLastAt.get(i);
                    }
                }
            }
        }
    }

    /** The outcome of {@link #reserve}: an attempt to judge, or how long to wait first. */
    public record Reservation(Optional<Attempt> attempt, Duration retryAfter) {
    }

    /**
     * Counts a sign-in as {@code name} from {@code remoteAddress} as a failure, unless a key asks
     * for a wait first; then nothing is counted.
     *
     * @param name          the user name as typed (lower case), known or not
     * @param remoteAddress the connection's address, as the server reports it
     */
    public synchronized Reservation reserve(String name, String remoteAddress) {
        Instant now = clock.instant();
        Source source = Source.of(remoteAddress);
        String n = name == null ? "" : name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        Key pair = new Key(Kind.NAME_AND_SOURCE, n, source.key());
        List<Key> keys = new ArrayList<>(List.of(pair, new Key(Kind.SOURCE, "", source.key())));
        Count pairCount = counts.get(pair);
        boolean trusted = source.local() || pairCount != null && pairCount.trustedUntil != null
                && now.isBefore(pairCount.trustedUntil);
        if (!trusted) {
            keys.add(new Key(Kind.NAME, n, ""));
        }
        Duration wait = Duration.ZERO;
        for (Key k : keys) {
            Count c = counts.get(k);
            if (c != null) {
                forget(k, c, now);
                Duration left = Duration.between(now, c.lastAt.plus(rule(k).waitAfter(c.failures)));
                if (left.compareTo(wait) > 0) {
                    wait = left;
                }
            }
        }
        if (!wait.isZero()) {
            return new Reservation(Optional.empty(), wait);
        }
        if (counts.size() + keys.size() > MAX_KEYS) {
            prune(now);
        }
        List<Instant> previous = new ArrayList<>();
        for (Key k : keys) {
            Count c = counts.computeIfAbsent(k, x -> new Count(now));
            previous.add(c.lastAt);
            c.failures++;
            c.lastAt = now;
        }
        return new Reservation(Optional.of(new Attempt(List.copyOf(keys), previous)), Duration.ZERO);
    }

    /**
     * An admin set a new password or switched the account on: every count for {@code name} is
     * dropped, so its owner is not kept waiting by what happened before.
     */
    public synchronized void forgive(String name) {
        counts.forEach((k, c) -> {
            if (k.kind() != Kind.SOURCE && k.name().equals(name)) {
                c.failures = 0;
            }
        });
    }

    /** Whether sign-in as {@code name} is being slowed down now, from some computer or from all. */
    public synchronized boolean slowed(String name) {
        Instant now = clock.instant();
        for (Map.Entry<Key, Count> e : counts.entrySet()) {
            Key k = e.getKey();
            if (k.kind() != Kind.SOURCE && k.name().equals(name)) {
                forget(k, e.getValue(), now);
                if (now.isBefore(e.getValue().lastAt.plus(rule(k).waitAfter(e.getValue().failures)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many keys are held: for tests of the bound. */
    synchronized int size() {
        return counts.size();
    }

    private static Rule rule(Key k) {
        return switch (k.kind()) {
            case NAME_AND_SOURCE -> NAME_AND_SOURCE;
            case SOURCE -> SOURCE;
            case NAME -> NAME;
        };
    }

    /** Forgets the failures {@code k}'s rule lets go of by {@code now}. */
    private static void forget(Key k, Count c, Instant now) {
        Duration each = rule(k).forgetEach();
        long gone = Duration.between(c.forgottenTo, now).dividedBy(each);
        if (gone <= 0) {
            return;
        }
        if (gone >= c.failures) {
            c.failures = 0;
            c.forgottenTo = now;
        } else {
            c.failures -= (int) gone;
            c.forgottenTo = c.forgottenTo.plus(each.multipliedBy(gone));
        }
    }

    /**
     * Makes room: drops keys with nothing left to count and no trust, then, if still too many, the
     * ones whose last attempt is oldest. Filling the table takes thousands of counted failures, which
     * the source rule spreads over many hours per computer.
     */
    private void prune(Instant now) {
        counts.entrySet().removeIf(e -> {
            forget(e.getKey(), e.getValue(), now);
            Count c = e.getValue();
            return c.failures == 0 && (c.trustedUntil == null || !now.isBefore(c.trustedUntil));
        });
        int excess = counts.size() - MAX_KEYS * 9 / 10;
        if (excess > 0) {
            List<Map.Entry<Key, Count>> oldest = new ArrayList<>(counts.entrySet());
            oldest.sort(Comparator.comparing((Map.Entry<Key, Count> e) -> e.getValue().trustedUntil != null)
                    .thenComparing(e -> e.getValue().lastAt));
            oldest.subList(0, excess).forEach(e -> counts.remove(e.getKey()));
        }
    }

    /**
     * Where a sign-in comes from, as counted: an IPv4 address, or an IPv6 address's /64 network
     * (one machine can use any address in its network); and whether it is the kiosk machine itself.
     */
    record Source(String key, boolean local) {
        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
        private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

        static Source of(String remoteAddress) {
            String raw = remoteAddress == null ? "" : remoteAddress.strip();
            if (raw.startsWith("[") && raw.endsWith("]")) {
                raw = raw.substring(1, raw.length() - 1);
            }
            int scope = raw.indexOf('%');
            if (scope >= 0) {
                raw = raw.substring(0, scope);
            }
            // Only literal addresses reach InetAddress, so no name is ever looked up.
            boolean literal = IPV4.matcher(raw).matches() || raw.contains(":") && IPV6.matcher(raw).matches();
            if (!literal) {
                return new Source("?", false);
            }
            try {
                InetAddress a = InetAddress.getByName(raw);
                byte[] b = a.getAddress();
                if (b.length == 16 && !a.isLoopbackAddress()) {
                    Arrays.fill(b, 8, 16, (byte) 0);
                    return new Source(InetAddress.getByAddress(b).getHostAddress() + "/64", false);
                }
                return new Source(a.getHostAddress(), a.isLoopbackAddress());
            } catch (UnknownHostException e) {
                return new Source("?", false);
            }
        }
    }
}
