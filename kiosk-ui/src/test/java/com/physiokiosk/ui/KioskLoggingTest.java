package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

@DisplayName("Built-in logging")
class KioskLoggingTest {

    @Test
    void isInfoToTheConsoleWithJettyAndFlywayAtWarn() {
        LoggerContext context = new LoggerContext();
        new KioskLogging().configureBuiltIn(context);
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.INFO, root.getLevel());
        ConsoleAppender<?> console = assertInstanceOf(ConsoleAppender.class, root.getAppender("CONSOLE"));
        assertTrue(console.isStarted());
        assertEquals(KioskLogging.PATTERN, assertInstanceOf(PatternLayoutEncoder.class, console.getEncoder()).getPattern());
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty").getLevel());
        assertEquals(Level.WARN, context.getLogger("org.flywaydb").getLevel());
        assertEquals(Level.INFO, context.getLogger("com.physiokiosk.engine.checkin.CheckInService").getEffectiveLevel());
    }

    @Test
    void stepsAsideWhenAnXmlConfigurationIsOnTheClassPath() {
        // The test class path has logback-test.xml.
        LoggerContext context = new LoggerContext();
        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, new KioskLogging().configure(context));
        assertTrue(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE") == null, "nothing set up");
    }
}
