package com.physiokiosk.engine.staff;

import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.StorageException;
import com.physiokiosk.engine.staff.Role;
import com.physiokiosk.engine.staff.StaffAccount;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores staff accounts. Prepared statements only; the password hash stays in here and the service. */
public final class StaffRepository {

    private static final String COLUMNS = "username, role, disabled, password_hash";

    private final Database db;

    public StaffRepository(Database db) {
        this.db = db;
    }

    /** An account with its password hash, for checking a sign-in. */
    public record Credentials(StaffAccount account, String passwordHash) {
        @Override
        public String toString() {
            return "Credentials[" + account.username() + "]";
        }
    }

    /** Whether any account exists at all. */
    public boolean isEmpty() {
        return db.read("count staff accounts", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM staff_account)");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return !rs.getBoolean(1);
            }
        });
    }

    public Optional<Credentials> credentials(String username) {
        return db.read("read a staff account", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM staff_account WHERE username = ?")) {
                ps.setString(1, username);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Credentials(account(rs), rs.getString(4))) : Optional.empty();
                }
            }
        });
    }

    public Optional<StaffAccount> find(String username) {
        return credentials(username).map(Credentials::account);
    }

    /** Every account, by name. */
    public List<StaffAccount> list() {
        return db.read("list staff accounts", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM staff_account ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                List<StaffAccount> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(account(rs));
                }
                return out;
            }
        });
    }

    /**
     * Adds an account.
     *
     * @param onlyIfNone add it only when there is no account at all (the first admin), in the same
     *                   transaction, so two set-up attempts at once cannot both succeed
     * @return whether it was added: false when the name is taken, or with {@code onlyIfNone} when
     *         an account exists
     */
    /**
     * A new account, and {@code andThen} (its audit entry) in the same transaction when it was made.
     *
     * @return false when the name is taken, or, with {@code onlyIfNone}, when any account exists
     */
    public boolean insert(String username, Role role, String passwordHash, Instant at, boolean onlyIfNone,
                          Database.SqlWork<?> andThen) {
        return db.write("add a staff account", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO staff_account (username, role, password_hash, created_at)"
                            + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM staff_account WHERE username = ? OR ?)")) {
                ps.setString(1, username);
                ps.setString(2, role.code());
                ps.setString(3, passwordHash);
                ps.setString(4, at.toString());
                ps.setString(5, username);
                ps.setBoolean(6, onlyIfNone);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            andThen.run(c);
            return true;
        });
    }

    /**
     * A new password hash, and {@code andThen} (its audit entry) in the same transaction when there is
     * such an account, so neither is stored without the other.
     *
     * @return whether there is such an account
     */
    public boolean setPassword(String username, String passwordHash, Database.SqlWork<?> andThen) {
        return db.write("reset a staff password", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff_account SET password_hash = ? WHERE username = ?")) {
                ps.setString(1, passwordHash);
                ps.setString(2, username);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            andThen.run(c);
            return true;
        });
    }

    /**
     * Switches an account off or on, and {@code andThen} (its audit entry) in the same transaction when there
     * is such an account.
     *
     * @return whether there is such an account
     */
    public boolean setDisabled(String username, boolean disabled, Database.SqlWork<?> andThen) {
        return db.write("switch a staff account", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff_account SET disabled = ? WHERE username = ?")) {
                ps.setInt(1, disabled ? 1 : 0);
                ps.setString(2, username);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            andThen.run(c);
            return true;
        });
    }

    private static StaffAccount account(ResultSet rs) throws SQLException {
        return new StaffAccount(rs.getString(1), Role.fromCode(rs.getString(2)).orElseThrow(), rs.getInt(3) == 1);
    }
}
