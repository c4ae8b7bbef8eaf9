-- Several kiosk servers (a chain's clinics, a clinic's floors) may share one database: each is a site
-- (kiosk.site), and what it stores says which. Staff accounts are shared; check-ins, their numbers, topic
-- choices and clinic settings are each site's own; the audit log says which site a line comes from.
-- Everything stored before sites belongs to the site 'main' (the default).
ALTER TABLE check_in ADD COLUMN site TEXT NOT NULL DEFAULT 'main';
CREATE INDEX check_in_site_day ON check_in (site, day, urgent);
CREATE UNIQUE INDEX check_in_site_number ON check_in (site, day, number);

ALTER TABLE audit_log ADD COLUMN site TEXT;   -- null for lines written before sites

-- Topic choices and clinic settings, now per site: the same tables with the site in their key.
CREATE TABLE site_plugin_state (
    site       TEXT    NOT NULL,
    plugin_id  TEXT    NOT NULL,
    enabled    INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    changed_at TEXT    NOT NULL,
    titles     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (site, plugin_id)
);
INSERT INTO site_plugin_state (site, plugin_id, enabled, changed_at, titles)
    SELECT 'main', plugin_id, enabled, changed_at, titles FROM plugin_state;
DROP TABLE plugin_state;

CREATE TABLE site_setting (
    site       TEXT NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    PRIMARY KEY (site, key)
);
INSERT INTO site_setting (site, key, value, changed_at, changed_by)
    SELECT 'main', key, value, changed_at, changed_by FROM clinic_setting;
DROP TABLE clinic_setting;
