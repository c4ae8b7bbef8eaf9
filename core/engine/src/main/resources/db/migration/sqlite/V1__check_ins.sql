-- A visit at the kiosk: who to call, when, in which language, and whether anything was urgent.
CREATE TABLE check_in (
    id           INTEGER PRIMARY KEY,
    public_id    TEXT    NOT NULL UNIQUE,                 -- random id used in staff URLs
    day          TEXT    NOT NULL,                        -- clinic-local date, ISO yyyy-mm-dd
    number       INTEGER NOT NULL CHECK (number > 0),     -- short number shown to the patient, unique per day
    created_at   TEXT    NOT NULL,                        -- ISO-8601 instant, UTC
    language     TEXT    NOT NULL,
    display_name TEXT,                                    -- the name the patient wants to be called by
    urgent       INTEGER NOT NULL CHECK (urgent IN (0, 1)),
    reviewed_at  TEXT,
    UNIQUE (day, number)
);
CREATE INDEX check_in_day ON check_in (day, urgent);

-- The answers to one topic (the safety screen counts as one), with the plugin version used.
CREATE TABLE topic_response (
    id             INTEGER PRIMARY KEY,
    check_in_id    INTEGER NOT NULL REFERENCES check_in (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    topic_id       TEXT    NOT NULL,
    plugin_id      TEXT    NOT NULL,
    plugin_version TEXT    NOT NULL,
    topic_title    TEXT    NOT NULL,
    UNIQUE (check_in_id, topic_id)
);

-- One answered question. Texts are stored as shown, so a printout made after the plugin changed
-- or was removed still reads as the patient answered.
CREATE TABLE answer (
    topic_response_id INTEGER NOT NULL REFERENCES topic_response (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    link_id           TEXT    NOT NULL,
    question_text     TEXT    NOT NULL,
    answer_values     TEXT    NOT NULL,   -- the stored codes or values, separated by U+001F
    display_value     TEXT    NOT NULL,
    PRIMARY KEY (topic_response_id, link_id)
);

-- What a rule raised, with what the patient was told and what the physiotherapist should know.
CREATE TABLE finding (
    topic_response_id INTEGER NOT NULL REFERENCES topic_response (id) ON DELETE CASCADE,
    position          INTEGER NOT NULL,
    rule_id           TEXT    NOT NULL,
    severity          TEXT    NOT NULL CHECK (severity IN ('URGENT', 'CONSULT', 'ADVICE', 'INFO')),
    patient_text      TEXT,
    clinician_text    TEXT    NOT NULL,
    triggered_by      TEXT    NOT NULL,   -- linkIds whose answers raised it, comma-separated
    source            TEXT    NOT NULL,
    PRIMARY KEY (topic_response_id, rule_id)
);
