-- Staff who sign in to the staff pages. There is no default account: the first one is made from
-- KIOSK_ADMIN_PASSWORD or on the setup page, which only the kiosk machine itself can open.
CREATE TABLE staff_account (
    id              INTEGER PRIMARY KEY,
    username        TEXT    NOT NULL UNIQUE,
    role            TEXT    NOT NULL CHECK (role IN ('staff', 'admin')),
    password_hash   TEXT    NOT NULL,                      -- Argon2id, PHC string with its own salt and cost
    failed_attempts INTEGER NOT NULL DEFAULT 0,            -- failed sign-ins since the last success or lock
    locked_until    TEXT,                                  -- ISO-8601 instant, UTC; null when not locked
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      TEXT    NOT NULL
);

-- Who signed in, viewed, printed, exported or deleted which check-in, and when. Never patient data:
-- a check-in is named by its random public id only. No foreign key, so an entry outlives the
-- check-in it speaks of (the retention job deletes check-ins, not their audit trail).
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,         -- ISO-8601 instant, UTC
    username  TEXT NOT NULL,         -- the staff member, or 'system' for the retention job
    action    TEXT NOT NULL,
    check_in  TEXT,                  -- public id of the check-in, or null
    detail    TEXT                   -- e.g. the topic exported; never a name or an answer
);
CREATE INDEX audit_log_at ON audit_log (at);
