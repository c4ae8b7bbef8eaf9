-- Which topic plugins the clinic switched off; a plugin with no row is on.
CREATE TABLE plugin_state (
    plugin_id  TEXT    PRIMARY KEY,
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    changed_at TEXT    NOT NULL
);

-- Clinic settings changed on the admin page; they apply on top of the config file.
CREATE TABLE clinic_setting (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);
