-- Version 18: a support fund's money by day, kept by the database itself.
--
-- 专款专用 is checked as of the voucher's date and every later day (FundRules): a fund's balance is
-- its money received (debits) less spent (credits) on cash and bank accounts (101, 102 and below,
-- StandardChart.CashAndBankPrefixes), day by day. Reading those sums from the voucher lines on
-- every posting cost time in proportion to the books (90 ms at 100,000 vouchers); this table holds
-- one row per fund and day with money moving, added to by a trigger in the statement that inserts
-- each line. Derived, not written by any entry: verify adds the log's lines up the same way and
-- compares every row (Table.FundDays).
CREATE TABLE fund_days (
    fund        TEXT NOT NULL,
    date        TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    debit_fen   INTEGER NOT NULL,
    credit_fen  INTEGER NOT NULL,
    PRIMARY KEY (fund, date)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER voucher_lines_fund_days AFTER INSERT ON voucher_lines
WHEN NEW.fund IS NOT NULL AND (NEW.account GLOB '101*' OR NEW.account GLOB '102*')
BEGIN
    INSERT INTO fund_days (fund, date, debit_fen, credit_fen)
    SELECT NEW.fund, v.date, NEW.debit_fen, NEW.credit_fen FROM vouchers v WHERE v.seq = NEW.voucher_seq
    ON CONFLICT (fund, date) DO UPDATE
    SET debit_fen = debit_fen + excluded.debit_fen, credit_fen = credit_fen + excluded.credit_fen;
END;

INSERT INTO fund_days (fund, date, debit_fen, credit_fen)
SELECT l.fund, v.date, SUM(l.debit_fen), SUM(l.credit_fen)
FROM voucher_lines l JOIN vouchers v ON v.seq = l.voucher_seq
WHERE l.fund IS NOT NULL AND (l.account GLOB '101*' OR l.account GLOB '102*')
GROUP BY l.fund, v.date;
