-- Every Questionnaire a stored response points to, exactly as it was when the response was stored, in every
-- language the kiosk offered. Its version is made from its content, so it never changes once written: a
-- response exported years later still matches the Questionnaire its patient answered. Not patient data.
CREATE TABLE questionnaire_version (
    topic_id    TEXT NOT NULL,
    version     TEXT NOT NULL,
    resource_id TEXT NOT NULL UNIQUE, -- its FHIR id: the topic and the content hash
    content     TEXT NOT NULL,    -- the Questionnaire as FHIR R4 JSON
    created_at  TEXT NOT NULL,    -- ISO-8601 instant, UTC: first stored
    PRIMARY KEY (topic_id, version)
);

-- The Questionnaire version each topic was answered in; null for answers stored before versions were kept.
ALTER TABLE topic_response ADD COLUMN questionnaire_version TEXT;

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
