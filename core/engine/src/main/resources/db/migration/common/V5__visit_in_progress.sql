-- A visit with an urgent finding is stored the moment the finding arises, before the patient has
-- finished, and updated as further answers come in; it stays in the staff list, "not finished",
-- if the patient walks away. Everything stored before this migration was submitted whole.
ALTER TABLE check_in ADD COLUMN finished INTEGER NOT NULL DEFAULT 1 CHECK (finished IN (0, 1));
ALTER TABLE check_in ADD COLUMN updated_at TEXT;

-- A topic the patient left before its last question keeps the answers given so far.
ALTER TABLE topic_response ADD COLUMN finished INTEGER NOT NULL DEFAULT 1 CHECK (finished IN (0, 1));
