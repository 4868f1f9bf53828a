-- Version 24: bank statements and their reconciliation (银行对账, issue 17; audit-log.md 7.23).
-- Insert-only projections of bank.statement_imported, bank.matched and bank.unmatched, compared by
-- verify like every other table. A match is undone by a bank_unmatches row, never by deleting: the
-- current match of a line is its latest bank_matches row with no later bank_unmatches row.
-- CHECKs mirror BankRules (one side per line, lengths, the bank's serial once per account).

CREATE TABLE bank_statements (
    seq        INTEGER PRIMARY KEY,                     -- the bank.statement_imported entry
    account    TEXT NOT NULL REFERENCES accounts (code),
    bank       TEXT NOT NULL CHECK (length(bank) BETWEEN 1 AND 32),
    file       TEXT NOT NULL CHECK (length(file) BETWEEN 1 AND 400),
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    first_line INTEGER NOT NULL CHECK (first_line >= 1),
    last_line  INTEGER NOT NULL CHECK (last_line >= first_line)
) STRICT;

CREATE TABLE bank_lines (
    id           INTEGER PRIMARY KEY CHECK (id >= 1),
    seq          INTEGER NOT NULL REFERENCES bank_statements (seq),
    account      TEXT NOT NULL REFERENCES accounts (code),
    date         TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    serial       TEXT NOT NULL CHECK (length(serial) BETWEEN 1 AND 64),
    summary      TEXT NOT NULL CHECK (length(summary) <= 200),
    income_fen   INTEGER NOT NULL CHECK (income_fen >= 0),
    payment_fen  INTEGER NOT NULL CHECK (payment_fen >= 0),
    balance_fen  INTEGER NOT NULL,
    counterparty TEXT CHECK (counterparty IS NULL OR length(counterparty) <= 200),
    source_row   INTEGER NOT NULL CHECK (source_row >= 1),
    CHECK ((income_fen > 0) <> (payment_fen > 0)),
    UNIQUE (account, serial)
) STRICT;

CREATE TABLE bank_matches (
    seq          INTEGER NOT NULL,                      -- the bank.matched entry
    line         INTEGER NOT NULL REFERENCES bank_lines (id),
    period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    number       INTEGER NOT NULL CHECK (number >= 1),
    voucher_line INTEGER NOT NULL CHECK (voucher_line >= 1),
    amount_fen   INTEGER NOT NULL CHECK (amount_fen <> 0),
    account      TEXT NOT NULL REFERENCES accounts (code),
    method       TEXT NOT NULL CHECK (method IN ('auto', 'manual')),
    by           TEXT NOT NULL CHECK (length(by) BETWEEN 1 AND 100),
    PRIMARY KEY (seq, line)
) STRICT;

CREATE TABLE bank_unmatches (
    seq          INTEGER PRIMARY KEY,                   -- the bank.unmatched entry
    line         INTEGER NOT NULL REFERENCES bank_lines (id),
    period       TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    number       INTEGER NOT NULL CHECK (number >= 1),
    voucher_line INTEGER NOT NULL CHECK (voucher_line >= 1),
    by           TEXT NOT NULL CHECK (length(by) BETWEEN 1 AND 100)
) STRICT;

CREATE INDEX bank_matches_line ON bank_matches (line);

CREATE TRIGGER bank_statements_no_update BEFORE UPDATE ON bank_statements
BEGIN SELECT RAISE(ABORT, 'bank statements are never edited'); END;
CREATE TRIGGER bank_statements_no_delete BEFORE DELETE ON bank_statements
BEGIN SELECT RAISE(ABORT, 'bank statements are never deleted'); END;
CREATE TRIGGER bank_lines_no_update BEFORE UPDATE ON bank_lines
BEGIN SELECT RAISE(ABORT, 'bank statement lines are never edited'); END;
CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines
BEGIN SELECT RAISE(ABORT, 'bank statement lines are never deleted'); END;
CREATE TRIGGER bank_matches_no_update BEFORE UPDATE ON bank_matches
BEGIN SELECT RAISE(ABORT, 'bank matches are never edited; unmatch them'); END;
CREATE TRIGGER bank_matches_no_delete BEFORE DELETE ON bank_matches
BEGIN SELECT RAISE(ABORT, 'bank matches are never deleted; unmatch them'); END;
CREATE TRIGGER bank_unmatches_no_update BEFORE UPDATE ON bank_unmatches
BEGIN SELECT RAISE(ABORT, 'bank unmatches are never edited'); END;
CREATE TRIGGER bank_unmatches_no_delete BEFORE DELETE ON bank_unmatches
BEGIN SELECT RAISE(ABORT, 'bank unmatches are never deleted'); END;
