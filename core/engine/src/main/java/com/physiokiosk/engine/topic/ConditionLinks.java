package com.physiokiosk.engine.topic;

import com.physiokiosk.api.Condition;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which questions a topic's {@link Condition} reads: checked at load, exported to FHIR, kept with a finding. */
public final class ConditionLinks {

    private ConditionLinks() {
    }

    /** Every question linkId {@code condition} reads, in the order they appear. */
    public static Set<String> of(Condition condition) {
        Set<String> ids = new LinkedHashSet<>();
        collect(condition, ids);
        return Collections.unmodifiableSet(ids);
    }

    private static void collect(Condition condition, Set<String> ids) {
        if (condition instanceof Condition.Always) {
            return;
        }
        if (condition instanceof Condition.Equals c) {
            ids.add(c.linkId());
        } else if (condition instanceof Condition.AtLeast c) {
            ids.add(c.linkId());
        } else if (condition instanceof Condition.AtMost c) {
            ids.add(c.linkId());
        } else if (condition instanceof Condition.Answered c) {
            ids.add(c.linkId());
        } else if (condition instanceof Condition.AllOf c) {
            parts(c.conditions(), ids);
        } else if (condition instanceof Condition.AnyOf c) {
            parts(c.conditions(), ids);
        } else if (condition instanceof Condition.Not c) {
            collect(c.condition(), ids);
        } else {
            throw unknown(condition);
        }
    }

    private static void parts(List<Condition> parts, Set<String> ids) {
        parts.forEach(part -> collect(part, ids));
    }

    /** Condition is sealed: only a newer API than this engine's could hand over another kind. */
    public static IllegalStateException unknown(Condition condition) {
        return new IllegalStateException("Unknown kind of condition: " + condition.getClass().getName());
    }
}
