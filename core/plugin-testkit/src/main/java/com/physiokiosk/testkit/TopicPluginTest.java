package com.physiokiosk.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that checks a topic plugin the way the kiosk will run it. The plugin jar
 * (from the {@code plugin.jar} system property, which the plugins' parent pom sets for
 * integration tests) is loaded once per class through PF4J; test methods receive it as a
 * {@link PluginUnderTest} parameter. Loading fails the tests when the kiosk would refuse the
 * plugin (load-time invariants: ids, conditions, texts in every language, templates, assets).
 *
 * <p>With {@link #requireRuleCoverage()}, the class fails unless its scenarios asserted every rule of
 * the topic both firing ({@code expect(..)}, or a {@link ScenarioTable#fires firing row}) and staying
 * quiet ({@code doesNotRaise(..)}, a {@link ScenarioTable#quiet quiet row}, or {@code andNothingElse()}
 * without expecting it). A class that checks no scenarios, only texts, skip logic or pictures, turns it
 * off. {@link TopicChecks} holds the checks every topic wants beyond the kiosk's own validation.
 *
 * @since 1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TopicPluginExtension.class)
public @interface TopicPluginTest {

    /** Whether every rule must have a scenario that fires it and one that does not. */
    boolean requireRuleCoverage() default true;
}
