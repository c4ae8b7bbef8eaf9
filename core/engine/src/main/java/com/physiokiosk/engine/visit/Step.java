package com.physiokiosk.engine.visit;

/**
 * Where a patient's visit says they should be. The web layer turns a step into an address; the
 * visit alone decides which step comes next.
 */
public sealed interface Step {

    /** No visit (it ended or was forgotten): the welcome screen. */
    record Welcome() implements Step {
    }

    /** The name the patient wants to be called by. */
    record Name() implements Step {
    }

    /** One question of a section: the safety screen, the shared facts ("About you") or a topic. */
    record Ask(String section, String linkId) implements Step {
    }

    /** The choice of topic (to begin with, or to add another). */
    record Topics() implements Step {
    }

    /** The review of every answer before sending. */
    record Review() implements Step {
    }

    /** An answer raised an URGENT finding: speak to reception now. */
    record Urgent() implements Step {
    }

    /** The visit was sent: the result screen. */
    record Done() implements Step {
    }

    Step WELCOME = new Welcome();
    Step NAME = new Name();
    Step TOPICS = new Topics();
    Step REVIEW = new Review();
    Step URGENT = new Urgent();
    Step DONE = new Done();
}
