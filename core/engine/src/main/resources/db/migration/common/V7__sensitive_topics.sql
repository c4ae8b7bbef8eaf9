-- A topic on intimate matters (sex, continence) keeps its advice off the kiosk's screen: the advice is
-- printed for the patient instead. Stored with the answers, so the summary says so whatever plugin runs later.
ALTER TABLE topic_response ADD COLUMN sensitive INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1));
