-- Version 24 for a PostgreSQL village: Schema/024-bank.sql (bank statements and their reconciliation,
-- issue 17) in the same shape; the comments there say why.

CREATE TABLE bank_statements (
    seq        bigint PRIMARY KEY,
    account    text COLLATE "C" NOT NULL REFERENCES accounts (code),
    bank       text COLLATE "C" NOT NULL CHECK (length(bank) BETWEEN 1 AND 32),
    file       text COLLATE "C" NOT NULL CHECK (length(file) BETWEEN 1 AND 400),
    sha256     text COLLATE "C" NOT NULL CHECK (length(sha256) = 64),
    first_line bigint NOT NULL CHECK (first_line >= 1),
    last_line  bigint NOT NULL CHECK (last_line >= first_line)
);

CREATE TABLE bank_lines (
    id           bigint PRIMARY KEY CHECK (id >= 1),
    seq          bigint NOT NULL REFERENCES bank_statements (seq),
    account      text COLLATE "C" NOT NULL REFERENCES accounts (code),
    date         text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    serial       text COLLATE "C" NOT NULL CHECK (length(serial) BETWEEN 1 AND 64),
    summary      text COLLATE "C" NOT NULL CHECK (length(summary) <= 200),
    income_fen   bigint NOT NULL CHECK (income_fen >= 0),
    payment_fen  bigint NOT NULL CHECK (payment_fen >= 0),
    balance_fen  bigint NOT NULL,
    counterparty text COLLATE "C" CHECK (counterparty IS NULL OR length(counterparty) <= 200),
    source_row   bigint NOT NULL CHECK (source_row >= 1),
    CHECK ((income_fen > 0) <> (payment_fen > 0)),
    UNIQUE (account, serial)
);

CREATE TABLE bank_matches (
    seq          bigint NOT NULL,
    line         bigint NOT NULL REFERENCES bank_lines (id),
    period       text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-[0-1][0-9]$'),
    number       bigint NOT NULL CHECK (number >= 1),
    voucher_line bigint NOT NULL CHECK (voucher_line >= 1),
    amount_fen   bigint NOT NULL CHECK (amount_fen <> 0),
    account      text COLLATE "C" NOT NULL REFERENCES accounts (code),
    method       text COLLATE "C" NOT NULL CHECK (method IN ('auto', 'manual')),
    by           text COLLATE "C" NOT NULL CHECK (length(by) BETWEEN 1 AND 100),
    PRIMARY KEY (seq, line)
);

CREATE TABLE bank_unmatches (
    seq          bigint PRIMARY KEY,
    line         bigint NOT NULL REFERENCES bank_lines (id),
    period       text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-[0-1][0-9]$'),
    number       bigint NOT NULL CHECK (number >= 1),
    voucher_line bigint NOT NULL CHECK (voucher_line >= 1),
    by           text COLLATE "C" NOT NULL CHECK (length(by) BETWEEN 1 AND 100)
);

CREATE INDEX bank_matches_line ON bank_matches (line);

CREATE TRIGGER bank_statements_no_update BEFORE UPDATE ON bank_statements FOR EACH ROW EXECUTE FUNCTION refuse_change('bank statements are never edited');
CREATE TRIGGER bank_statements_no_delete BEFORE DELETE ON bank_statements FOR EACH ROW EXECUTE FUNCTION refuse_change('bank statements are never deleted');
CREATE TRIGGER bank_statements_no_truncate BEFORE TRUNCATE ON bank_statements EXECUTE FUNCTION refuse_change('bank statements are never deleted');
CREATE TRIGGER bank_lines_no_update BEFORE UPDATE ON bank_lines FOR EACH ROW EXECUTE FUNCTION refuse_change('bank statement lines are never edited');
CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines FOR EACH ROW EXECUTE FUNCTION refuse_change('bank statement lines are never deleted');
CREATE TRIGGER bank_lines_no_truncate BEFORE TRUNCATE ON bank_lines EXECUTE FUNCTION refuse_change('bank statement lines are never deleted');
CREATE TRIGGER bank_matches_no_update BEFORE UPDATE ON bank_matches FOR EACH ROW EXECUTE FUNCTION refuse_change('bank matches are never edited; unmatch them');
CREATE TRIGGER bank_matches_no_delete BEFORE DELETE ON bank_matches FOR EACH ROW EXECUTE FUNCTION refuse_change('bank matches are never deleted; unmatch them');
CREATE TRIGGER bank_matches_no_truncate BEFORE TRUNCATE ON bank_matches EXECUTE FUNCTION refuse_change('bank matches are never deleted; unmatch them');
CREATE TRIGGER bank_unmatches_no_update BEFORE UPDATE ON bank_unmatches FOR EACH ROW EXECUTE FUNCTION refuse_change('bank unmatches are never edited');
CREATE TRIGGER bank_unmatches_no_delete BEFORE DELETE ON bank_unmatches FOR EACH ROW EXECUTE FUNCTION refuse_change('bank unmatches are never deleted');
CREATE TRIGGER bank_unmatches_no_truncate BEFORE TRUNCATE ON bank_unmatches EXECUTE FUNCTION refuse_change('bank unmatches are never deleted');
