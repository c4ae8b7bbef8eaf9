package com.physiokiosk.testkit;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which rules the scenarios of a test class asserted to fire, and asserted to stay quiet. Only what a
 * scenario checks counts: a rule merely absent from a scenario that does not look at it is not "quiet".
 */
public final class RuleCoverage {

    private final Set<String> fired = ConcurrentHashMap.newKeySet();
    private final Set<String> quiet = ConcurrentHashMap.newKeySet();

    void assertedFired(Collection<String> rules) {
        fired.addAll(rules);
    }

    void assertedQuiet(Collection<String> rules) {
        quiet.addAll(rules);
    }

    public boolean sawFire(String ruleId) {
        return fired.contains(ruleId);
    }

    public boolean sawQuiet(String ruleId) {
        return quiet.contains(ruleId);
    }
}
