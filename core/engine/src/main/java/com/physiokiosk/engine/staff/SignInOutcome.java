package com.physiokiosk.engine.staff;

import java.time.Duration;

/**
 * What came of a sign-in. A refusal never says whether the name exists: an unknown name, a wrong
 * password and a switched-off account are all {@link Refused}, and the throttle treats every name
 * alike.
 */
public sealed interface SignInOutcome {

    /** Name and password match an active account. */
    record Accepted(StaffAccount account) implements SignInOutcome {
    }

    /** The name or password is wrong, or the account is switched off. */
    record Refused() implements SignInOutcome {
    }

    /** Too many failures from this computer or for this name: nothing was judged; try again after {@code retryAfter}. */
    record Slowed(Duration retryAfter) implements SignInOutcome {
    }

    /** The kiosk was busy checking other passwords: nothing was judged or counted; try again in a few seconds. */
    record Busy() implements SignInOutcome {
    }
}
