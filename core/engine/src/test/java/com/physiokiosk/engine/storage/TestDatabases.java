package com.physiokiosk.engine.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.physiokiosk.engine.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database of either dialect for a test. PostgreSQL comes from the throwaway cluster named by the environment
 * variable {@value #ENV} (an admin JDBC URL: {@code scripts/postgresql-for-tests.sh start} prints one, and
 * {@code .ci/run} sets it); without it, a test on PostgreSQL is skipped, saying so.
 */
public final class TestDatabases {

    /** The admin JDBC URL of a throwaway PostgreSQL cluster for the tests. */
    public static final String ENV = "KIOSK_TEST_POSTGRESQL";

    private TestDatabases() {
    }

    /** Whether a PostgreSQL cluster is there for the tests. */
    public static boolean postgresqlAvailable() {
        String url = System.getenv(ENV);
        return url != null && !url.isBlank();
    }

    /** Skips the calling test, saying why, when no PostgreSQL cluster is there for it. */
    public static void assumePostgresql() {
        assumeTrue(postgresqlAvailable(), "PostgreSQL tests skipped: no cluster. Start one with"
                + " 'scripts/postgresql-for-tests.sh start' and set " + ENV + " to the URL it prints (.ci/run does)");
    }

    /** The URL of a new, empty PostgreSQL database on the test cluster (skips the test when there is none). */
    public static String freshPostgresql() {
        assumePostgresql();
        String admin = adminUrl();
        String name = "kiosk_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(admin); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + Database.withoutSecrets(admin) + ": "
                    + e.getMessage(), e);
        }
        return admin.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    /** The cluster's admin URL, without the folder the start script notes after {@code #}. */
    private static String adminUrl() {
        String url = System.getenv(ENV).strip();
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** The settings of a new, empty database of {@code dialect} (SQLite's lives in the caller's data folder). */
    public static DatabaseSettings settings(Dialect dialect) {
        return dialect == Dialect.SQLITE ? DatabaseSettings.SQLITE : new DatabaseSettings(freshPostgresql(), "", null);
    }

    /** Makes {@code db} refuse every new row of {@code table} from now on, as a failing disk or a constraint would. */
    public static void refuseInserts(Database db, String table) {
        db.write("test: refuse rows of " + table, c -> {
            try (Statement st = c.createStatement()) {
                if (db.dialect() == Dialect.POSTGRESQL) {
                    st.execute("CREATE FUNCTION refuse_" + table + "() RETURNS trigger LANGUAGE plpgsql AS"
                            + " $$ BEGIN RAISE EXCEPTION '" + table + " refused'; END $$");
                    st.execute("CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION refuse_" + table + "()");
                } else {
                    st.execute("CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table
                            + " BEGIN SELECT RAISE(ABORT, '" + table + " refused'); END");
                }
                return null;
            }
        });
    }

    /**
     * A test's one database of either dialect: a new one at the first {@link #open}, the same one at each later open (a
     * restart). For a test class run on both dialects, whose dialect is set after the instance is made.
     */
    public static final class OneDatabase {
        private DatabaseSettings settings;

        /** Opens the test's database of {@code dialect} (SQLite's in {@code dataDir}). */
        public Database open(Dialect dialect, Path dataDir) {
            if (settings == null) {
                settings = settings(dialect);
            }
            return settings.open(dataDir);
        }
    }

    /** Opens a new, empty database of {@code dialect}: SQLite in {@code dataDir}, or a new PostgreSQL database. */
    public static Database open(Dialect dialect, Path dataDir) {
        return settings(dialect).open(dataDir);
    }
}
