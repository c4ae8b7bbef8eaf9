package com.physiokiosk.engine.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Password hashing with Argon2id, the memory-hard function OWASP recommends, at its baseline cost:
 * 19 MiB of memory, 2 passes, 1 lane, a 16-byte random salt and a 32-byte hash. The stored string
 * (PHC format, {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) carries its own parameters, so
 * raising the cost later still verifies old hashes.
 */
public final class Passwords {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);

    /** Verified against when there is no such account, so an unknown name takes as long as a wrong password. */
    private static final String DECOY = hash("decoy password, never used by anyone");

    private Passwords() {
    }

    /** A new salted Argon2id hash of {@code password}. */
    public static String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** Whether {@code password} matches {@code storedHash}; a malformed hash never matches. */
    public static boolean matches(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the time of one verification, for a sign-in with no account behind it. */
    static void spendDecoyTime(String password) {
        matches(password, DECOY);
    }
}
