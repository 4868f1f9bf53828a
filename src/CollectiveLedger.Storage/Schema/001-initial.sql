-- CollectiveLedger schema, version 1.
-- audit_log is the source of truth; every other table is a projection of it that `verify`
-- rebuilds by replay and compares row by row. CHECKs and triggers mirror Core's rules: they
-- catch accidents and bugs, while the chain and replay catch deliberate edits.

CREATE TABLE audit_log (
    seq   INTEGER PRIMARY KEY CHECK (seq >= 0),
    hash  TEXT NOT NULL CHECK (length(hash) = 64),
    entry BLOB NOT NULL            -- the exact canonical bytes; hashes are taken over these
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE ledger (
    id             TEXT PRIMARY KEY,
    org            TEXT NOT NULL,
    org_code       TEXT NOT NULL,
    currency       TEXT NOT NULL CHECK (length(currency) = 3),
    chart          TEXT NOT NULL,
    start_period   TEXT NOT NULL CHECK (start_period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    format_version INTEGER NOT NULL
) STRICT;

CREATE TABLE accounts (
    code        TEXT PRIMARY KEY CHECK (code GLOB '[0-9]*' AND NOT code GLOB '*[^0-9]*'),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    parent      TEXT REFERENCES accounts (code),
    class       TEXT NOT NULL CHECK (class IN ('asset', 'liability', 'ownership', 'cost', 'income_expense')),
    normal_side TEXT NOT NULL CHECK (normal_side IN ('debit', 'credit', 'either')),
    level       INTEGER NOT NULL CHECK (level >= 1),
    added_seq   INTEGER NOT NULL,
    CHECK ((parent IS NULL AND level = 1) OR (parent IS NOT NULL AND substr(code, 1, length(parent)) = parent
                                              AND length(code) = length(parent) + 2))
) STRICT;
CREATE INDEX accounts_parent ON accounts (parent);

CREATE TABLE funds (
    code      TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    added_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE members (
    code      TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    added_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE counterparties (
    code      TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    added_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE closed_periods (
    period     TEXT PRIMARY KEY CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    closed_seq INTEGER NOT NULL
) STRICT;

CREATE TABLE vouchers (
    seq             INTEGER PRIMARY KEY,          -- the audit entry that posted it
    period          TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    number          INTEGER NOT NULL CHECK (number >= 1),
    date            TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND substr(date, 1, 7) = period),
    kind            TEXT NOT NULL CHECK (kind IN ('normal', 'opening')),
    ref             TEXT UNIQUE,
    summary         TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 200),
    attachments     INTEGER NOT NULL CHECK (attachments >= 0),
    reverses_period TEXT,
    reverses_number INTEGER,
    UNIQUE (period, number),
    FOREIGN KEY (reverses_period, reverses_number) REFERENCES vouchers (period, number),
    CHECK ((reverses_period IS NULL) = (reverses_number IS NULL))
) STRICT;
CREATE UNIQUE INDEX vouchers_reversed_once ON vouchers (reverses_period, reverses_number) WHERE reverses_period IS NOT NULL;

CREATE TABLE voucher_lines (
    voucher_seq  INTEGER NOT NULL REFERENCES vouchers (seq),
    line_no      INTEGER NOT NULL CHECK (line_no >= 1),
    account      TEXT NOT NULL REFERENCES accounts (code),
    debit_fen    INTEGER NOT NULL CHECK (abs(debit_fen) <= 10000000000000),
    credit_fen   INTEGER NOT NULL CHECK (abs(credit_fen) <= 10000000000000),
    fund         TEXT REFERENCES funds (code),
    member       TEXT REFERENCES members (code),
    counterparty TEXT REFERENCES counterparties (code),
    summary      TEXT CHECK (summary IS NULL OR length(summary) <= 200),
    PRIMARY KEY (voucher_seq, line_no),
    CHECK ((debit_fen = 0) <> (credit_fen = 0))   -- exactly one side
) STRICT, WITHOUT ROWID;  -- stored in key order: verify reads the lines in one sequential pass
CREATE INDEX voucher_lines_account ON voucher_lines (account);

-- Posted vouchers are never edited: corrections are red-ink reversals.
CREATE TRIGGER vouchers_no_update BEFORE UPDATE ON vouchers
BEGIN SELECT RAISE(ABORT, 'posted vouchers are never edited; reverse them'); END;
CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers
BEGIN SELECT RAISE(ABORT, 'posted vouchers are never deleted; reverse them'); END;
CREATE TRIGGER voucher_lines_no_update BEFORE UPDATE ON voucher_lines
BEGIN SELECT RAISE(ABORT, 'posted voucher lines are never edited'); END;
CREATE TRIGGER voucher_lines_no_delete BEFORE DELETE ON voucher_lines
BEGIN SELECT RAISE(ABORT, 'posted voucher lines are never deleted'); END;

-- Core's rules, mirrored: no posting into a closed month, only to leaf accounts, and no
-- sub-account below an account that already has postings.
CREATE TRIGGER vouchers_open_period BEFORE INSERT ON vouchers
WHEN EXISTS (SELECT 1 FROM closed_periods WHERE period = NEW.period)
BEGIN SELECT RAISE(ABORT, 'PeriodClosed'); END;
CREATE TRIGGER voucher_lines_leaf_account BEFORE INSERT ON voucher_lines
WHEN EXISTS (SELECT 1 FROM accounts WHERE parent = NEW.account)
BEGIN SELECT RAISE(ABORT, 'AccountNotLeaf'); END;
CREATE TRIGGER accounts_parent_without_postings BEFORE INSERT ON accounts
WHEN EXISTS (SELECT 1 FROM voucher_lines WHERE account = NEW.parent)
BEGIN SELECT RAISE(ABORT, 'AccountHasPostings'); END;
