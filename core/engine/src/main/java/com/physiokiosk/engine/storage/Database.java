package com.physiokiosk.engine.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * The kiosk's SQLite database: WAL journal, {@code synchronous=FULL} so an acknowledged submission
 * survives a crash or power cut, a busy timeout, foreign keys, secure delete, and a single writer
 * that commits concurrent callers' work together (see {@link #write}).
 * The schema is migrated with Flyway on open.
 *
 * <p>The writer keeps one connection open while it is busy. SQLite checkpoints and deletes
 * the write-ahead log whenever the last connection to a database closes, so a connection per
 * transaction would pay that (several extra fsyncs and unlinks) on every submission; with the writer
 * open, a commit costs one fsync of the log. A connection that failed is closed and the next write
 * opens a fresh one, so a full disk or a lock that has since gone away leaves nothing stuck.
 * After {@link #IDLE_RELEASE} without a write the writer lets go of its connection: while the
 * clinic is quiet the log is folded into {@code kiosk.db} and deleted, so the database file is
 * whole on its own (for a backup copy) and no frame of a deleted row lingers in the log.
 * Readers open a connection per call: in WAL mode they never wait for the writer.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** File name of the database inside the data folder. */
    public static final String FILE_NAME = "kiosk.db";

    private final javax.sql.DataSource dataSource;
    /** The SQLite file, or {@code null} on PostgreSQL. */
    private final Path file;
    private final Dialect dialect;
    /** PostgreSQL's connection pool, closed with the database; {@code null} on SQLite. */
    private final AutoCloseable pool;
    /** What the database is called in messages: its file, or its server and name. */
    private final String name;
    /** How long the writer keeps its connection open after its last write. */
    static final Duration IDLE_RELEASE = Duration.ofSeconds(2);

    private final ReentrantLock writer = new ReentrantLock();
    /** Work waiting for the writer; whoever takes the lock writes all of it together. */
    private final Queue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
    private final Duration idleRelease;
    private final ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "database-idle-release");
        t.setDaemon(true);
        return t;
    });
    /** When the writer last finished with its connection; guarded by {@link #writer}. */
    private long lastUsedNanos;
    /** Whether a release is scheduled; guarded by {@link #writer}. */
    private boolean releasePending;
    /** The writer's connection, in auto-commit mode between transactions; guarded by {@link #writer}. */
    private Connection writerConnection;
    /** Set by {@link #close()}; guarded by {@link #writer}. */
    private boolean closed;

    /** This database's hold on its folder, let go at {@link #close()}; {@code null} when the caller's ({@link #open(Path, DataFolderLock)}). */
    private final DataFolderLock ownHold;

    /** Opens a connection of its own, outside the pool, for a {@linkplain #listen listener}; {@code null} on SQLite. */
    private final NotificationListener.Connector ownConnection;
    /** The listeners not yet closed, closed at the latest with the database. */
    private final java.util.Set<NotificationListener> listeners = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Database(javax.sql.DataSource dataSource, Path file, Dialect dialect, AutoCloseable pool, String name,
                     Duration idleRelease, DataFolderLock ownHold, NotificationListener.Connector ownConnection) {
        this.dataSource = dataSource;
        this.file = file;
        this.dialect = dialect;
        this.pool = pool;
        this.name = name;
        this.idleRelease = idleRelease;
        this.ownHold = ownHold;
        this.ownConnection = ownConnection;
    }

    /** Work done with a connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir} and migrates its schema. While it is open
     * it holds its folder shared ({@link DataFolderLock}): others may open it too, a restore may not.
     *
     * @throws StorageException when the folder cannot be created or written, a restore is at work in it, or
     *                          the database cannot be opened
     */
    public static Database open(Path dataDir) {
        return open(dataDir, IDLE_RELEASE);
    }

    /**
     * As {@link #open(Path)}, for a restore that holds {@code dataDir} {@linkplain DataFolderLock#exclusive
     * exclusively} and keeps holding it after this database is closed.
     */
    public static Database open(Path dataDir, DataFolderLock held) {
        if (!held.isExclusive()) {
            throw new IllegalArgumentException("open(dataDir, held) is for a holder of the whole folder");
        }
        return openHeld(dataDir, IDLE_RELEASE, null);
    }

    /** As {@link #open(Path)}, the writer letting go of its connection after {@code idleRelease} without a write. */
    static Database open(Path dataDir, Duration idleRelease) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StorageException("Cannot create data folder " + dataDir.toAbsolutePath() + ": " + e, e);
        }
        if (!Files.isWritable(dataDir)) {
            throw new StorageException("Data folder " + dataDir.toAbsolutePath() + " is not writable", null);
        }
        DataFolderLock hold = DataFolderLock.shared(dataDir);
        try {
            return openHeld(dataDir, idleRelease, hold);
        } catch (RuntimeException | Error e) {
            hold.close();
            throw e;
        }
    }

    /** Opens and migrates the database of a folder the caller holds; {@code own} (if any) is let go at close. */
    private static Database openHeld(Path dataDir, Duration idleRelease, DataFolderLock own) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(5_000);
        config.enforceForeignKeys(true);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file);
        try {
            // On every start: Flyway checks the migrations applied before against their checksums, then applies
            // any new one; a changed, failed or unknown (newer) migration stops the start with its reason.
            // A database a newer kiosk has migrated is refused too ("future" migrations are not ignored): an
            // older kiosk must not write into a schema it does not know.
            Flyway.configure().dataSource(ds).locations(Dialect.SQLITE.migrationLocations()).ignoreMigrationPatterns("")
                    .load().migrate();
        } catch (FlywayException e) {
            throw new StorageException("Cannot open or migrate database " + file + ": " + rootMessage(e), e);
        }
        log.info("Database {} ready", file);
        return new Database(ds, file, Dialect.SQLITE, null, file.toString(), idleRelease, own, null);
    }

    /** Oldest PostgreSQL the kiosk runs on. */
    static final int POSTGRESQL_MAJOR = 15;

    /**
     * Opens the shared PostgreSQL database at {@code url} ({@code jdbc:postgresql://host[:port]/name[?options]}, TLS
     * options such as {@code sslmode=verify-full} passed through to the driver) with a connection pool, checks it is
     * PostgreSQL {@value #POSTGRESQL_MAJOR} or newer, and migrates its schema with the same migrations as SQLite's
     * (the portable ones, and PostgreSQL's spelling where SQLite's differs).
     *
     * @param password {@code null} when the server needs none (a local socket's peer authentication, say)
     * @throws StorageException naming the server and what is wrong: unreachable, refused, too old, or not migratable
     */
    public static Database openPostgresql(String url, String user, String password) {
        return openPostgresql(url, user, password, IDLE_RELEASE);
    }

    static Database openPostgresql(String url, String user, String password, Duration idleRelease) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new StorageException("'" + url + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/name)", null);
        }
        String name = withoutSecrets(url);
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("kiosk-database");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        // A server that cannot be reached fails the start at once, naming it, rather than the first request.
        config.setInitializationFailTimeout(10_000);
        com.zaxxer.hikari.HikariDataSource pool;
        try {
            pool = new com.zaxxer.hikari.HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("Cannot connect to the database " + name + ": " + rootMessage(e), e);
        }
        try {
            try (Connection c = pool.getConnection()) {
                int major = c.getMetaData().getDatabaseMajorVersion();
                if (major < POSTGRESQL_MAJOR) {
                    throw new StorageException("The database " + name + " is PostgreSQL " + major + "; the kiosk needs "
                            + POSTGRESQL_MAJOR + " or newer", null);
                }
            }
            Flyway.configure().dataSource(pool).locations(Dialect.POSTGRESQL.migrationLocations())
                    .ignoreMigrationPatterns("").load().migrate();
        } catch (SQLException | FlywayException e) {
            pool.close();
            throw new StorageException("Cannot open or migrate the database " + name + ": " + rootMessage(e), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        log.info("Database {} ready", name);
        java.util.Properties own = new java.util.Properties();
        if (user != null) {
            own.setProperty("user", user);
        }
        if (password != null) {
            own.setProperty("password", password);
        }
        // The operating system's keep-alive as well, unless the URL says otherwise (an option in the URL wins).
        own.setProperty("tcpKeepAlive", "true");
        return new Database(pool, null, Dialect.POSTGRESQL, pool, name, idleRelease, null,
                () -> java.sql.DriverManager.getConnection(url, own));
    }

    /** {@code url} without a password or other secret it may carry, for messages and logs. */
    public static String withoutSecrets(String url) {
        return url.replaceAll("(?i)([?&;](password|sslpassword|sslkey)=)[^&;]*", "$1***")
                .replaceAll("//[^/@]*:[^/@]*@", "//***@");
    }

    /** What a {@linkplain #listen listener}'s connection is called on the server ({@code pg_stat_activity.application_name}). */
    public static final String LISTENER_NAME = "physio-kiosk listener";

    /** A channel heard until closed ({@link #listen}). */
    public interface Listening extends AutoCloseable {
        /** Stops hearing the channel; nothing is handed on once it returns (but a payload taking seconds, logged). */
        @Override
        void close();
    }

    /**
     * Hears the notifications sent on {@code channel} ({@link Dialect#notifyChannel}) by every kiosk server sharing this
     * database, this one included, and hands each payload to {@code hear}, on a thread of its own and in the order
     * their transactions committed. On PostgreSQL it listens on a connection of its own, outside the pool, and
     * connects again after a failure; a notification sent while it is not connected is not heard. On SQLite, where
     * one kiosk server has the database, there is nothing to hear: nothing is started.
     *
     * @param channel lower case letters, digits and {@code _}
     * @return what stops it; closing the database stops it too
     */
    public Listening listen(String channel, java.util.function.Consumer<String> hear) {
        if (ownConnection == null) {
            return () -> { };
        }
        NotificationListener listener = new NotificationListener(channel, name, ownConnection, hear, listeners::remove);
        writer.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The database " + name + " is closed");
            }
            listeners.add(listener);
        } finally {
            writer.unlock();
        }
        listener.start();
        return listener;
    }

    /** Which database this is. */
    public Dialect dialect() {
        return dialect;
    }

    /** What the database is called in messages: its file, or its server and name (never a password). */
    public String name() {
        return name;
    }

    /**
     * The SQLite file.
     *
     * @throws IllegalStateException on PostgreSQL, which has no file of the kiosk's
     */
    public Path file() {
        if (file == null) {
            throw new IllegalStateException("The database " + name + " is PostgreSQL's, not a file");
        }
        return file;
    }

    /** The first 16 bytes of every SQLite database file. */
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * What a database file (not one open as a kiosk's) is, as {@link #check} found it.
     *
     * @param integrity what {@code PRAGMA integrity_check} says: {@code ok}, or its first problems
     * @param version   the schema version its Flyway history says it is at; {@code null} when it has no history
     *                  (not a kiosk's database), or when it is not intact (not looked at)
     * @param known     the newest schema version this kiosk knows
     * @param newer     versions applied to it that this kiosk does not know (a newer kiosk's)
     * @param pending   how many of this kiosk's migrations it still needs
     * @param problem   what Flyway's check of its history against this kiosk's migrations found (an edited or
     *                  failed migration, a newer one), or {@code null}
     */
    public record FileCheck(String integrity, String version, String known, List<String> newer, int pending,
                            String problem) {

        public boolean intact() {
            return "ok".equals(integrity);
        }
    }

    /**
     * Looks at a database file without changing it: read-only and as immutable (SQLite makes no lock,
     * journal or log file beside it), so use it only on a file nobody writes meanwhile, such as a backup.
     *
     * @throws StorageException when it is not an SQLite database or cannot be read
     */
    public static FileCheck check(Path file) {
        byte[] header = new byte[SQLITE_HEADER.length];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(header, 0, header.length) < header.length || !java.util.Arrays.equals(header, SQLITE_HEADER)) {
                throw new StorageException(file + " is not an SQLite database", null);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot read " + file + ": " + PrivateFiles.reason(e), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(org.sqlite.SQLiteOpenMode.OPEN_URI);
        SQLiteDataSource ds = new SQLiteDataSource(config);
        ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath().toUri() + "?immutable=1");
        List<String> problems = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("PRAGMA integrity_check(5)");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                problems.add(rs.getString(1));
            }
        } catch (SQLException e) {
            if ((e.getErrorCode() & 0xff) == SQLiteErrorCode.SQLITE_NOTADB.code) {
                throw new StorageException(file + " is not an SQLite database", e);
            }
            problems = List.of(describeCode(e));
        }
        String integrity = String.join("; ", problems);
        if (!"ok".equals(integrity)) {
            return new FileCheck(integrity, null, null, List.of(), 0, null);
        }
        try {
            Flyway flyway = Flyway.configure().dataSource(ds).locations(Dialect.SQLITE.migrationLocations())
                    .ignoreMigrationPatterns("*:pending").load();
            org.flywaydb.core.api.MigrationInfoService info = flyway.info();
            List<String> newer = new ArrayList<>();
            String known = null;
            for (org.flywaydb.core.api.MigrationInfo m : info.all()) {
                if (m.getVersion() == null) {
                    continue;
                }
                if (m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_SUCCESS
                        || m.getState() == org.flywaydb.core.api.MigrationState.FUTURE_FAILED) {
                    newer.add(m.getVersion().getVersion());
                } else {
                    known = m.getVersion().getVersion();
                }
            }
            String version = info.applied().length == 0 || info.current() == null ? null
                    : info.current().getVersion().getVersion();
            var validation = flyway.validateWithResult();
            String problem = validation.validationSuccessful ? null : validation.getAllErrorMessages();
            return new FileCheck(integrity, version, known, newer, info.pending().length, problem);
        } catch (FlywayException e) {
            throw new StorageException("Cannot read the schema history of " + file + ": " + rootMessage(e), e);
        }
    }

    /**
     * Runs {@code work} in a transaction, as the only writer, and returns once it is committed (or
     * throws, with nothing of it stored).
     *
     * <p>Group commit: callers queue their work; whichever takes the writer lock runs everything
     * queued so far in one transaction, each caller's work under its own savepoint, and commits it
     * with one sync of the log. A caller whose work throws has only its own writes undone and gets
     * its own exception; if the commit fails, every caller in it gets the failure. No caller returns
     * before its writes are durable. With one writer at a time (a kiosk's usual case) this is one
     * transaction per call; under many concurrent writers it spares a sync per call.
     *
     * @throws StorageException naming {@code what} and the cause, when the database refused
     */
    public <T> T write(String what, SqlWork<T> work) {
        if (writer.isHeldByCurrentThread()) {
            // Inside another write (its work, or a checkpoint): it would run in, and commit, the outer transaction.
            throw new IllegalStateException("Could not " + what + ": asked for inside another write;"
                    + " hand its work to the outer write instead");
        }
        Pending<T> mine = new Pending<>(what, work);
        queue.add(mine);
        writer.lock();
        try {
            if (!mine.done) {
                List<Pending<?>> batch = new ArrayList<>();
                for (Pending<?> p = queue.poll(); p != null; p = queue.poll()) {
                    batch.add(p);
                }
                writeTogether(batch);
            }
        } finally {
            usedNow();
            writer.unlock();
        }
        // Written under the lock by whichever thread ran it; read after taking the lock ourselves.
        if (mine.failure != null) {
            throw mine.failure;
        }
        if (!mine.done) {
            throw new IllegalStateException("Could not " + what + ": the write was neither committed nor refused");
        }
        return mine.result;
    }

    /** One caller's work, waiting to be written; its outcome is set under the writer lock. */
    private static final class Pending<T> {
        final String what;
        final SqlWork<T> work;
        T result;
        RuntimeException failure;
        boolean done;

        Pending(String what, SqlWork<T> work) {
            this.what = what;
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            result = work.run(c);
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
        }
    }

    /** Runs {@code batch} in one transaction and commits it; call holding the lock. */
    private void writeTogether(List<Pending<?>> batch) {
        Connection c;
        try {
            c = writerConnection();
            c.setAutoCommit(false);
        } catch (SQLException e) {
            discardWriterConnection();
            batch.forEach(p -> p.fail(storageFailure(p, e)));
            return;
        } catch (IllegalStateException e) {
            batch.forEach(p -> p.fail(e));
            return;
        }
        boolean alone = batch.size() == 1;
        List<Pending<?>> written = new ArrayList<>();
        try {
            writeAll(c, batch, alone, written);
            if (written.isEmpty()) {
                c.rollback();
            } else {
                c.commit();
            }
            c.setAutoCommit(true);
            written.forEach(p -> p.done = true);
        } catch (SQLException e) {
            // A failed commit or undo: nothing of this transaction is stored, for anyone in it.
            try {
                c.rollback();
            } catch (SQLException alreadyRolledBack) {
                e.addSuppressed(alreadyRolledBack);
            }
            discardWriterConnection();
            batch.stream().filter(p -> !p.done).forEach(p -> p.fail(storageFailure(p, e)));
        } catch (Error e) {
            // Out of memory, a stack overflow, a failed assertion: nothing of this transaction is kept, every
            // caller in it is told, and the error goes on up; it is not a storage failure to be reported as one.
            try {
                c.rollback();
            } catch (SQLException alreadyRolledBack) {
                e.addSuppressed(alreadyRolledBack);
            }
            discardWriterConnection();
            batch.stream().filter(p -> !p.done).forEach(p -> p.fail(new StorageException("Could not " + p.what
                    + ": the transaction it shared was abandoned (" + e + ")", e)));
            throw e;
        }
    }

    /** Runs each of {@code batch} under its own savepoint (none when {@code alone}); those that succeed go to {@code written}. */
    private void writeAll(Connection c, List<Pending<?>> batch, boolean alone, List<Pending<?>> written)
            throws SQLException {
        for (Pending<?> p : batch) {
            Savepoint own = alone ? null : c.setSavepoint();
            try {
                p.run(c);
                if (own != null) {
                    c.releaseSavepoint(own);
                }
                written.add(p);
            } catch (SQLException | RuntimeException e) {
                p.fail(e instanceof RuntimeException r ? r : new StorageException("Could not " + p.what + ": "
                        + describe((SQLException) e), e));
                if (own != null) {
                    // Undo this caller's writes only; if even that fails, the whole transaction goes.
                    c.rollback(own);
                    c.releaseSavepoint(own);
                }
            }
        }
    }

    private StorageException storageFailure(Pending<?> p, SQLException e) {
        return new StorageException("Could not " + p.what + ": " + describe(e), e);
    }

    /**
     * Copies the write-ahead log into the database file and truncates the log to zero bytes, so
     * that rows just deleted leave no copy behind in it. Runs as the writer, outside any transaction
     * (SQLite cannot checkpoint inside one).
     */
    public void checkpoint() {
        if (dialect != Dialect.SQLITE) {
            return;
        }
        writer.lock();
        try (PreparedStatement ps = writerConnection().prepareStatement("PRAGMA wal_checkpoint(TRUNCATE)");
             ResultSet rs = ps.executeQuery()) {
            // One row: busy flag, log frames, frames checkpointed. Busy means a reader held it back.
            if (rs.next() && rs.getInt(1) != 0) {
                log.warn("Write-ahead log checkpoint was held back by a reader; it completes at the next one");
            }
        } catch (SQLException e) {
            discardWriterConnection();
            throw new StorageException("Could not checkpoint the database: " + describe(e), e);
        } finally {
            usedNow();
            writer.unlock();
        }
    }

    /**
     * Stops its {@linkplain #listen listeners} and closes the writer's connection, which checkpoints the write-ahead
     * log into the database file. Later writes are refused.
     */
    @Override
    public void close() {
        writer.lock();
        try {
            closed = true;
        } finally {
            writer.unlock();
        }
        // Outside the writer's lock: a listener may be handing on a payload to work that writes.
        List.copyOf(listeners).forEach(NotificationListener::close);
        writer.lock();
        try {
            releaser.shutdownNow();
            if (writerConnection != null) {
                try {
                    writerConnection.close();
                } catch (SQLException e) {
                    log.warn("Closing the database {}: {}", name, describe(e));
                }
                writerConnection = null;
            }
            if (ownHold != null) {
                ownHold.close();
            }
            if (pool != null) {
                try {
                    pool.close();
                } catch (Exception e) {
                    log.warn("Closing the connections to {}: {}", name, e.toString());
                }
            }
        } finally {
            writer.unlock();
        }
    }

    /** The writer's open connection, opened on first use or after a failure; call holding the lock. */
    private Connection writerConnection() throws SQLException {
        if (closed) {
            throw new IllegalStateException("The database " + name + " is closed");
        }
        if (writerConnection == null) {
            writerConnection = dataSource.getConnection();
        }
        return writerConnection;
    }

    /** Notes a finished write and makes sure an open connection is let go once the writer is idle; call holding the lock. */
    private void usedNow() {
        lastUsedNanos = System.nanoTime();
        if (writerConnection != null && !closed && !releasePending) {
            releasePending = true;
            releaser.schedule(this::releaseIfIdle, idleRelease.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Closes the writer's connection if nothing was written for {@link #idleRelease}, or looks again later. */
    private void releaseIfIdle() {
        writer.lock();
        try {
            if (closed) {
                return;
            }
            long idleFor = System.nanoTime() - lastUsedNanos;
            if (idleFor < idleRelease.toNanos()) {
                releaser.schedule(this::releaseIfIdle, idleRelease.toNanos() - idleFor, TimeUnit.NANOSECONDS);
                return;
            }
            releasePending = false;
            if (writerConnection != null) {
                try {
                    writerConnection.close();
                } catch (SQLException e) {
                    log.warn("Letting go of the database {} while idle: {}", name, describe(e));
                }
                writerConnection = null;
            }
        } finally {
            writer.unlock();
        }
    }

    /** Closes a connection whose last call failed, so the next write starts on a fresh one. */
    private void discardWriterConnection() {
        if (writerConnection != null) {
            try {
                writerConnection.close();
            } catch (SQLException ignored) {
                // It failed already; the reason was reported by the call that failed.
            }
            writerConnection = null;
        }
    }

    /** Runs read-only {@code work}; readers do not wait for the writer (WAL). */
    public <T> T read(String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("Could not " + what + ": " + describe(e), e);
        }
    }

    /** A plain-words reason for a failed call on this database, naming the likely cause. */
    private String describe(SQLException e) {
        if (dialect == Dialect.POSTGRESQL) {
            return describePostgresql(e);
        }
        int code = e.getErrorCode() & 0xff;
        // SQLite reports a full disk as SQLITE_FULL on some paths and as a write I/O error on others.
        if (code == SQLiteErrorCode.SQLITE_FULL.code
                || (code == SQLiteErrorCode.SQLITE_IOERR.code && freeBytes(file) < NEARLY_FULL)) {
            return "the disk is full";
        }
        return describeCode(e);
    }

    /** Below this many free bytes, a failed write is put down to a full disk. */
    static final long NEARLY_FULL = 1L << 20;

    private static long freeBytes(Path file) {
        try {
            return Files.getFileStore(file.getParent()).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** A plain-words reason for a failed call on PostgreSQL, from its SQLSTATE. */
    static String describePostgresql(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("53100")) {
            return "the database server's disk is full";
        }
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return "the database server cannot be reached or is shutting down (" + e.getMessage() + ")";
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return "the database server refused the kiosk's user name or password";
        }
        if (state.equals("25006")) {
            return "the database server is read-only (a standby?)";
        }
        return e.getMessage();
    }

    /** A plain-words reason for a failed database call, from its result code alone. */
    static String describeCode(SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return "the disk is full";
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY.code) {
            return "the database or its folder is read-only";
        }
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return "the database is locked by another program";
        }
        if (code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return "the database file is damaged";
        }
        if (code == SQLiteErrorCode.SQLITE_IOERR.code || code == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return "the database file cannot be read or written";
        }
        return e.getMessage();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof SQLException sql) {
            // PostgreSQL's driver gives an SQLSTATE and no vendor code; SQLite's the reverse.
            return sql.getErrorCode() == 0 && sql.getSQLState() != null ? describePostgresql(sql) : describeCode(sql);
        }
        return String.valueOf(t.getMessage());
    }
}
