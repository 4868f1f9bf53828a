-- Version 2: ledger settings, checkpoint signing keys and published disclosure notices.
-- All insert-only projections of the log, compared by verify like every other table.

CREATE TABLE settings (
    key   TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
    seq   INTEGER NOT NULL,            -- the entry that set it; the latest seq per key is the value in force
    value TEXT NOT NULL CHECK (length(value) <= 200),
    PRIMARY KEY (key, seq)
) STRICT;

CREATE TABLE signing_keys (
    name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_id     TEXT NOT NULL CHECK (length(key_id) = 8),
    public_key TEXT NOT NULL,          -- base64 DER SubjectPublicKeyInfo, ECDSA P-256
    added_seq  INTEGER NOT NULL,
    PRIMARY KEY (name, key_id)
) STRICT;

CREATE TABLE disclosures (
    seq             INTEGER PRIMARY KEY,
    scope           TEXT NOT NULL CHECK (scope IN ('month', 'quarter', 'year')),
    from_period     TEXT NOT NULL,
    to_period       TEXT NOT NULL,
    date            TEXT NOT NULL,
    checkpoint      TEXT NOT NULL      -- the signed note printed on the notice
) STRICT;

CREATE TABLE disclosure_files (
    disclosure_seq INTEGER NOT NULL REFERENCES disclosures (seq),
    file_no        INTEGER NOT NULL,
    name           TEXT NOT NULL,
    format         TEXT NOT NULL,
    sha256         TEXT NOT NULL CHECK (length(sha256) = 64),
    PRIMARY KEY (disclosure_seq, file_no)
) STRICT;

CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures
BEGIN SELECT RAISE(ABORT, 'published notices are never edited'); END;
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures
BEGIN SELECT RAISE(ABORT, 'published notices are never deleted'); END;
