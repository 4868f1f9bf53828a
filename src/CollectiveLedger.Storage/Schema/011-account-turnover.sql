-- Version 11: the month sums of the voucher lines, kept by the database itself.
--
-- The trial balance, the statements, the fund reports and every balance the rules need are sums of
-- voucher lines by month, account and fund. Summing 200,000 lines took a third of a second at
-- 100,000 vouchers; this table holds those sums (a few hundred rows a year), so they are read
-- instead. A trigger adds each posted line in the statement that inserts it, so the sums never lag
-- behind the lines. Kept apart by the vouchers' kind (reports count opening vouchers as opening
-- balance whatever their month; the statements leave the year-end closing vouchers out of the
-- year's movements) and by fund ('' for lines that name none: a key column cannot be NULL).
-- Derived, not written by any entry: verify adds the lines of the log up itself and compares every
-- row (Table.AccountTurnover), so an edit here is caught like any other.
CREATE TABLE account_turnover (
    period      TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    account     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('normal', 'opening', 'closing')),
    fund        TEXT NOT NULL,
    debit_fen   INTEGER NOT NULL,
    credit_fen  INTEGER NOT NULL,
    PRIMARY KEY (period, account, kind, fund)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER voucher_lines_turnover AFTER INSERT ON voucher_lines
BEGIN
    INSERT INTO account_turnover (period, account, kind, fund, debit_fen, credit_fen)
    SELECT v.period, NEW.account, v.kind, COALESCE(NEW.fund, ''), NEW.debit_fen, NEW.credit_fen FROM vouchers v WHERE v.seq = NEW.voucher_seq
    ON CONFLICT (period, account, kind, fund) DO UPDATE
    SET debit_fen = debit_fen + excluded.debit_fen, credit_fen = credit_fen + excluded.credit_fen;
END;

INSERT INTO account_turnover (period, account, kind, fund, debit_fen, credit_fen)
SELECT v.period, l.account, v.kind, COALESCE(l.fund, ''), SUM(l.debit_fen), SUM(l.credit_fen)
FROM voucher_lines l JOIN vouchers v ON v.seq = l.voucher_seq
GROUP BY v.period, l.account, v.kind, COALESCE(l.fund, '');

-- The lines that name a support fund, for a fund's list of payments: a small part of all lines.
CREATE INDEX voucher_lines_fund ON voucher_lines (fund) WHERE fund IS NOT NULL;
