-- Sign-in back-off now lives in memory (SignInThrottle), per account and source address, instead
-- of a hard lock stored here that anyone could renew for ever with five wrong passwords.
ALTER TABLE staff_account DROP COLUMN failed_attempts;
ALTER TABLE staff_account DROP COLUMN locked_until;

-- Refusals that come in floods (failed sign-ins) are written as one row per action, user, source
-- and reason per hour, with a count, so a flood cannot push real actions out of sight.
ALTER TABLE audit_log ADD COLUMN source TEXT;                              -- e.g. 192.0.2.7, or null
ALTER TABLE audit_log ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1 CHECK (repeats >= 1);
ALTER TABLE audit_log ADD COLUMN last_at TEXT;                             -- the last of the repeats, or null

-- The audit page filters by action and by user, newest first.
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_user ON audit_log (username, id);
