-- Version 25 for a PostgreSQL village: the sums of 011 (account_turnover) and 018 (fund_days), kept
-- by statement triggers over the lines the statement inserted (a transition table) instead of a row
-- trigger per line. The same sums, in the same statement that inserts the lines: a statement of one
-- line adds what the row trigger added; an import's statement of many lines adds each sum once (an
-- upsert per line was most of the trigger time of an import). The triggers keep their names, so
-- each still stands for SQLite's trigger of the same name. Each line's voucher is looked up by its
-- key (LATERAL ... LIMIT 1), never joined: PL/pgSQL keeps a query's plan for the session, and a join
-- planned while the village's vouchers were few read all of them at every statement (at 50,000
-- vouchers in one import, 2 ms a statement, a second in all for each sum).

DROP TRIGGER voucher_lines_turnover ON voucher_lines;
DROP FUNCTION voucher_lines_turnover();
DROP TRIGGER voucher_lines_fund_days ON voucher_lines;
DROP FUNCTION voucher_lines_fund_days();

CREATE FUNCTION voucher_lines_turnover() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO account_turnover AS t (period, account, kind, fund, debit_fen, credit_fen)
    SELECT v.period, l.account, v.kind, COALESCE(l.fund, ''), SUM(l.debit_fen), SUM(l.credit_fen)
    FROM inserted_lines l CROSS JOIN LATERAL (SELECT period, kind FROM vouchers WHERE seq = l.voucher_seq LIMIT 1) v
    GROUP BY v.period, l.account, v.kind, COALESCE(l.fund, '')
    ON CONFLICT (period, account, kind, fund) DO UPDATE
    SET debit_fen = t.debit_fen + excluded.debit_fen, credit_fen = t.credit_fen + excluded.credit_fen;
    RETURN NULL;
END $$;
CREATE TRIGGER voucher_lines_turnover AFTER INSERT ON voucher_lines REFERENCING NEW TABLE AS inserted_lines
    FOR EACH STATEMENT EXECUTE FUNCTION voucher_lines_turnover();

-- A fund's cash and bank lines (SQLite: account GLOB '101*' OR account GLOB '102*').
CREATE FUNCTION voucher_lines_fund_days() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO fund_days AS f (fund, date, debit_fen, credit_fen)
    SELECT l.fund, v.date, SUM(l.debit_fen), SUM(l.credit_fen)
    FROM inserted_lines l CROSS JOIN LATERAL (SELECT date FROM vouchers WHERE seq = l.voucher_seq LIMIT 1) v
    WHERE l.fund IS NOT NULL AND substr(l.account, 1, 3) IN ('101', '102')
    GROUP BY l.fund, v.date
    ON CONFLICT (fund, date) DO UPDATE
    SET debit_fen = f.debit_fen + excluded.debit_fen, credit_fen = f.credit_fen + excluded.credit_fen;
    RETURN NULL;
END $$;
CREATE TRIGGER voucher_lines_fund_days AFTER INSERT ON voucher_lines REFERENCING NEW TABLE AS inserted_lines
    FOR EACH STATEMENT EXECUTE FUNCTION voucher_lines_fund_days();
