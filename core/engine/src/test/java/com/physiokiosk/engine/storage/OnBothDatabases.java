package com.physiokiosk.engine.storage;

import java.nio.file.Path;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A test class whose every test runs on SQLite and on PostgreSQL (the PostgreSQL half skipped, saying so, without a
 * cluster: {@link TestDatabases}).
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(Dialect.class)
public abstract class OnBothDatabases {

    /** The database the test runs on. */
    @Parameter
    protected Dialect dialect;

    private final TestDatabases.OneDatabase database = new TestDatabases.OneDatabase();

    /** Opens the test's database: a new one the first time, the same one again after (SQLite's in {@code dataDir}). */
    protected Database openDatabase(Path dataDir) {
        return database.open(dialect, dataDir);
    }
}
