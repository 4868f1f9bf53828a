-- Version 10: villagers' feedback on published notices and the staff's answers (audit-log.md 7.17).
-- Insert-only projections of feedback.received and feedback.answered, compared by verify like every
-- other table. CHECKs mirror FeedbackRules (lengths in characters, which SQLite's length() counts for text).

CREATE TABLE feedback (
    number      INTEGER PRIMARY KEY CHECK (number >= 1),
    seq         INTEGER NOT NULL UNIQUE,                  -- the feedback.received entry
    scope       TEXT NOT NULL CHECK (scope IN ('month', 'quarter', 'year')),
    from_period TEXT NOT NULL CHECK (from_period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    to_period   TEXT NOT NULL CHECK (to_period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND to_period >= from_period),
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    item        TEXT NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
    question    TEXT NOT NULL CHECK (length(question) BETWEEN 1 AND 1000),
    contact     TEXT CHECK (contact IS NULL OR length(contact) BETWEEN 1 AND 50)  -- kept in full; masked in anything public
) STRICT;

CREATE TABLE feedback_answers (
    feedback INTEGER PRIMARY KEY REFERENCES feedback (number),  -- answered once
    seq      INTEGER NOT NULL UNIQUE,                            -- the feedback.answered entry
    date     TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    by       TEXT NOT NULL CHECK (length(by) BETWEEN 1 AND 100),
    answer   TEXT NOT NULL CHECK (length(answer) BETWEEN 1 AND 1000)
) STRICT;

CREATE TRIGGER feedback_no_update BEFORE UPDATE ON feedback
BEGIN SELECT RAISE(ABORT, 'feedback is never edited'); END;
CREATE TRIGGER feedback_no_delete BEFORE DELETE ON feedback
BEGIN SELECT RAISE(ABORT, 'feedback is never deleted'); END;
CREATE TRIGGER feedback_answers_no_update BEFORE UPDATE ON feedback_answers
BEGIN SELECT RAISE(ABORT, 'answers are never edited'); END;
CREATE TRIGGER feedback_answers_no_delete BEFORE DELETE ON feedback_answers
BEGIN SELECT RAISE(ABORT, 'answers are never deleted'); END;
