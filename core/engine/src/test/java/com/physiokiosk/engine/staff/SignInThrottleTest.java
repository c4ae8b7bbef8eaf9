package com.physiokiosk.engine.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sign-in throttle: sources, waits, bounds")
class SignInThrottleTest {

    @Test
    void aSourceIsAnIpv4AddressOrAnIpv6NetworkAndNeverANameToLookUp() {
        assertEquals(new SignInThrottle.Source("192.0.2.1", false), SignInThrottle.Source.of("192.0.2.1"));
        assertEquals(new SignInThrottle.Source("192.0.2.1", false), SignInThrottle.Source.of("::ffff:192.0.2.1"));
        assertEquals(SignInThrottle.Source.of("2001:db8:1:2::1"), SignInThrottle.Source.of("[2001:db8:1:2:ffff:ffff:ffff:7]"),
                "one /64 is one source");
        assertEquals("2001:db8:1:2:0:0:0:0/64", SignInThrottle.Source.of("2001:db8:1:2::1").key());
        assertTrue(SignInThrottle.Source.of("[::1]").local());
        assertTrue(SignInThrottle.Source.of("127.0.0.2").local());
        assertEquals(new SignInThrottle.Source("?", false), SignInThrottle.Source.of("kiosk.example"));
        assertEquals(new SignInThrottle.Source("?", false), SignInThrottle.Source.of(null));
    }

    @Test
    void theWaitDoublesFromTheFirstToTheCap() {
        SignInThrottle.Rule r = SignInThrottle.NAME_AND_SOURCE;
        assertEquals(Duration.ZERO, r.waitAfter(4));
        assertEquals(Duration.ofSeconds(30), r.waitAfter(5));
        assertEquals(Duration.ofMinutes(8), r.waitAfter(9));
        assertEquals(Duration.ofMinutes(15), r.waitAfter(10));
        assertEquals(Duration.ofMinutes(15), r.waitAfter(1_000_000));
    }

    @Test
    void failuresAreForgottenOneByOneAtTheRulesPace() {
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        MovableClock clock = new MovableClock(start, ZoneOffset.UTC);
        SignInThrottle throttle = new SignInThrottle(clock);
        for (int i = 0; i < 5; i++) {
            throttle.reserve("maria", "192.0.2.5");
        }
        assertTrue(throttle.slowed("maria"));
        assertFalse(throttle.reserve("maria", "192.0.2.5").attempt().isPresent());
        clock.set(start.plus(SignInThrottle.NAME_AND_SOURCE.forgetEach()));
        assertFalse(throttle.slowed("maria"), "four left: below the free five");
        assertTrue(throttle.reserve("maria", "192.0.2.5").attempt().isPresent());
        assertFalse(throttle.reserve("maria", "192.0.2.5").attempt().isPresent(), "five again: wait");
    }

    @Test
    void theTableOfKeysStaysBoundedWhateverIsSent() {
        SignInThrottle throttle = new SignInThrottle(Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < 15_000; i++) {
            throttle.reserve("name" + i, "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(throttle.size() <= SignInThrottle.MAX_KEYS, "keys: " + throttle.size());
    }
}
