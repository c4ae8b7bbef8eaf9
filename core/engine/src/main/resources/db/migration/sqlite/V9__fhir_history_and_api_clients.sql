-- Every Questionnaire a stored response points to, exactly as it was when the response was stored, in every
-- language the kiosk offered. Its version is made from its content, so it never changes once written: a
-- response exported years later still matches the Questionnaire its patient answered. Not patient data.
CREATE TABLE questionnaire_version (
    topic_id    TEXT NOT NULL,
    version     TEXT NOT NULL,
    url         TEXT NOT NULL,    -- its canonical URL (under the kiosk.fhir-base-url of the day it was kept)
    resource_id TEXT NOT NULL UNIQUE, -- its FHIR id: the topic and the hash of its version
    content     TEXT NOT NULL,    -- the Questionnaire as FHIR R4 JSON
    created_at  TEXT NOT NULL,    -- ISO-8601 instant, UTC: first stored
    PRIMARY KEY (topic_id, version)
);
CREATE INDEX questionnaire_version_url ON questionnaire_version (url, version);

-- The Questionnaire version each topic was answered in; null for answers stored before versions were kept.
ALTER TABLE topic_response ADD COLUMN questionnaire_version TEXT;

-- An URGENT finding the patient's changed answers no longer raise (staff were alerted to it, so it is kept).
-- Before this column such a finding was marked only by a sentence added to its clinician text.
ALTER TABLE finding ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1));

-- A clinic record system allowed to read the FHIR API (/fhir/). Only a hash of its bearer token is kept:
-- the token itself is shown once, when an admin creates the client.
CREATE TABLE api_client (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    token_hash   TEXT NOT NULL UNIQUE,   -- SHA-256 of the token, hex
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT,
    revoked_by   TEXT,
    last_used_at TEXT
);
