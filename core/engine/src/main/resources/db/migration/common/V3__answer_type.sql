-- The question type of each answer, so an export can type the value (boolean, coding, integer,
-- text) even when the plugin that asked the question has since been removed. Null for answers
-- stored before this column existed.
ALTER TABLE answer ADD COLUMN question_type TEXT;
