package com.physiokiosk.engine.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears one PostgreSQL channel ({@link Database#listen}) on a connection of its own, outside the pool: {@code LISTEN}
 * belongs to a session, and a pooled connection is lent to others. A daemon thread waits on the connection's socket
 * ({@link PGConnection#getNotifications(int)} blocks until a notification arrives; nothing is asked of the database
 * meanwhile) and hands each payload on, in the order their transactions committed.
 *
 * <p>When the connection fails (the server restarted, an administrator ended it, the network went away), the
 * listener says so in the log and connects again after a pause that doubles from {@link #FIRST_RETRY} up to
 * {@link #LAST_RETRY}, and says when it hears again. Notifications sent while it was not connected are not heard.
 * A connection quiet for {@link #QUIET_CHECK} is asked whether it is still there (an empty query): a network that went
 * away without a word would otherwise leave the listener deaf until the system's TCP keep-alive noticed, hours later.
 */
final class NotificationListener implements Database.Listening {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    /** The pause before the first attempt to connect again. */
    static final Duration FIRST_RETRY = Duration.ofMillis(250);
    /** The longest pause between attempts to connect again. */
    static final Duration LAST_RETRY = Duration.ofSeconds(30);
    /** How long the connection may be quiet before the listener makes sure it is still there. */
    static final Duration QUIET_CHECK = Duration.ofSeconds(30);
    /** How long {@link #close()} waits for the thread to finish handing a payload on. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    /** Opens the listener's own connection. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final String channel;
    private final String database;
    private final Connector connector;
    private final Consumer<String> hear;
    private final Consumer<NotificationListener> closed;
    private final Thread thread;
    private final Object lock = new Object();
    /** The connection listening now, if any; guarded by {@link #lock}. */
    private Connection current;
    /** Set by {@link #close()}; guarded by {@link #lock}. */
    private boolean stopped;

    /**
     * @param database what the database is called in the log
     * @param closed   told once, at {@link #close()}
     */
    NotificationListener(String channel, String database, Connector connector, Consumer<String> hear,
                         Consumer<NotificationListener> closed) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("'" + channel + "' is not a channel name (lower case letters, digits, _)");
        }
        this.channel = channel;
        this.database = database;
        this.connector = connector;
        this.hear = hear;
        this.closed = closed;
        this.thread = new Thread(this::run, "database-listen-" + channel);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        boolean lost = false;
        while (!isStopped()) {
            try (Connection c = connector.connect()) {
                if (!adopt(c)) {
                    return;
                }
                listen(c);
                if (lost) {
                    log.info("Hearing {} on {} again", channel, database);
                }
                lost = false;
                retry = FIRST_RETRY;
                waitAndHandOn(c);
            } catch (SQLException | RuntimeException e) {
                if (isStopped()) {
                    return;
                }
                log.warn("Not hearing {} on {}: {}; connecting again in {} ms", channel, database,
                        e instanceof SQLException sql ? Database.describePostgresql(sql) : e.toString(), retry.toMillis());
                lost = true;
                if (!pause(retry)) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            } finally {
                synchronized (lock) {
                    current = null;
                }
            }
        }
    }

    /** Makes {@code c} the current connection, unless the listener was closed meanwhile. */
    private boolean adopt(Connection c) {
        synchronized (lock) {
            if (stopped) {
                return false;
            }
            current = c;
            return true;
        }
    }

    /** Listens on the channel, then names the connection: once it shows under its name, it hears. */
    private void listen(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + channel);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            ps.setString(1, Database.LISTENER_NAME);
            ps.execute();
        }
    }

    /** Waits on {@code c}'s socket and hands on each payload, until the connection fails or the listener is closed. */
    private void waitAndHandOn(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        while (true) {
            PGNotification[] heard = pg.getNotifications((int) QUIET_CHECK.toMillis());
            if (heard == null || heard.length == 0) {
                if (isStopped()) {
                    return;
                }
                if (!c.isValid(10)) {
                    throw new SQLException("the connection no longer answers", "08006");
                }
                continue;
            }
            for (PGNotification n : heard) {
                if (isStopped()) {
                    return;
                }
                try {
                    hear.accept(n.getParameter());
                } catch (RuntimeException e) {
                    log.error("Handing on a notification of {} failed: {}", channel, e.toString());
                }
            }
        }
    }

    /** Sleeps {@code pause}; false when the listener was closed meanwhile. */
    private boolean pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
            return !isStopped();
        } catch (InterruptedException e) {
            return false;
        }
    }

    private boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    /**
     * Stops listening: closes the connection, which ends the wait on its socket, and waits (up to
     * {@link #STOP_WAIT}) for a payload being handed on: nothing is handed on after it returns, unless the one
     * being handed on takes longer than that (it is logged).
     */
    @Override
    public void close() {
        Connection c;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            c = current;
        }
        if (c != null) {
            try {
                // Another thread waits on its socket: pgjdbc's close takes no lock of that thread's, and ends its wait.
                c.close();
            } catch (SQLException e) {
                log.debug("Closing the listener's connection: {}", e.toString());
            }
        }
        thread.interrupt();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("The listener of {} on {} did not stop within {} s", channel, database, STOP_WAIT.toSeconds());
            }
        }
        closed.accept(this);
    }
}
