package com.physiokiosk.testkit;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which rules the scenarios of a test class have seen fire, and seen stay quiet. */
public final class RuleCoverage {

    private final Set<String> fired = ConcurrentHashMap.newKeySet();
    private final Set<String> quiet = ConcurrentHashMap.newKeySet();

    void record(Collection<String> allRules, Collection<String> firedRules) {
        for (String rule : allRules) {
            (firedRules.contains(rule) ? fired : quiet).add(rule);
        }
    }

    public boolean sawFire(String ruleId) {
        return fired.contains(ruleId);
    }

    public boolean sawQuiet(String ruleId) {
        return quiet.contains(ruleId);
    }
}
