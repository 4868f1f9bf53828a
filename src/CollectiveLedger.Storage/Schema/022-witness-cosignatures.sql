-- Version 22: the cosignatures witnesses returned for the books' checkpoints (C2SP tlog-cosignature/v1,
-- issue 15), so that a notice can show them and the next push knows the size each witness last cosigned.
--
-- OUTSIDE THE BOOKS, like notice_files (Table.OutsideTheBooks names it): no entry writes this table and
-- replay does not rebuild it. It needs no replay to be trusted: each row is the whole signature line,
-- which anyone checks with the witness's public key against the checkpoint of (size, root). Rows are
-- only added, never changed or removed.
CREATE TABLE witness_cosignatures (
    witness     TEXT NOT NULL CHECK (length(witness) BETWEEN 1 AND 400),
    key_id      TEXT NOT NULL CHECK (length(key_id) = 8),
    size        INTEGER NOT NULL CHECK (size >= 0),
    root        TEXT NOT NULL CHECK (length(root) = 44),
    line        TEXT NOT NULL CHECK (line LIKE '— %'),
    received_at TEXT NOT NULL,
    PRIMARY KEY (witness, key_id, size)
) STRICT;

CREATE TRIGGER witness_cosignatures_no_update BEFORE UPDATE ON witness_cosignatures
BEGIN SELECT RAISE(ABORT, 'cosignatures are never edited'); END;
CREATE TRIGGER witness_cosignatures_no_delete BEFORE DELETE ON witness_cosignatures
BEGIN SELECT RAISE(ABORT, 'cosignatures are never deleted'); END;
