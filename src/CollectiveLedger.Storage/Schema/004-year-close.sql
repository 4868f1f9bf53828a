-- Version 4: year close. A database goes through the files in order (version 3 added funds' terms,
-- approval and month reopening).
--
-- 1. vouchers.kind accepts 'closing', the year-end 结转 vouchers that only `year close` posts, and
--    vouchers.source (version 3) accepts 'year_close', how they reached the books.
--    SQLite cannot ALTER a CHECK; a CHECK that accepts more changes nothing on disk, so this uses
--    SQLite's documented procedure for such changes (https://sqlite.org/lang_altertable.html,
--    "making other kinds of table schema changes"): edit the CREATE TABLE text in sqlite_schema
--    with writable_schema, then RESET so this connection re-reads it; the CREATE TABLE below bumps
--    the schema cookie so other connections re-read it too. A table rebuild would instead have to
--    drop the table that voucher_lines references, which foreign_keys=ON forbids in a transaction.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'kind IN (''normal'', ''opening'')', 'kind IN (''normal'', ''opening'', ''closing'')')
WHERE type = 'table' AND name = 'vouchers';
UPDATE sqlite_schema
SET sql = replace(sql, 'source IN (''import'', ''approval'', ''reversal'')', 'source IN (''import'', ''approval'', ''reversal'', ''year_close'')')
WHERE type = 'table' AND name = 'vouchers';
PRAGMA writable_schema = RESET;

-- The edit must have happened: a CHECK that fails aborts the migration (and its transaction).
CREATE TEMP TABLE migration_004_check (edited INTEGER CHECK (edited = 1));
INSERT INTO migration_004_check SELECT instr(sql, '''closing''') > 0 AND instr(sql, '''year_close''') > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'vouchers';
DROP TABLE migration_004_check;

-- 2. Years closed by `year close` and openings declared by `year open`: an insert-only projection
--    of year.closed and year.opened, compared by verify like every other table.
CREATE TABLE years (
    year   INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9998),
    status TEXT NOT NULL CHECK (status IN ('closed', 'opened')),
    seq    INTEGER NOT NULL,          -- the entry that recorded it
    PRIMARY KEY (year, status)
) STRICT;

CREATE TRIGGER years_no_update BEFORE UPDATE ON years
BEGIN SELECT RAISE(ABORT, 'closed years are never reopened here'); END;
CREATE TRIGGER years_no_delete BEFORE DELETE ON years
BEGIN SELECT RAISE(ABORT, 'closed years are never reopened here'); END;

-- Core's rules, mirrored. A year is recorded closed only after its December closed.
CREATE TRIGGER years_closed_after_december BEFORE INSERT ON years
WHEN NEW.status = 'closed' AND NOT EXISTS (SELECT 1 FROM closed_periods WHERE period = printf('%04d-12', NEW.year))
BEGIN SELECT RAISE(ABORT, 'EarlierPeriodOpen'); END;

-- Closing vouchers are dated 31 December.
CREATE TRIGGER vouchers_closing_year_end BEFORE INSERT ON vouchers
WHEN NEW.kind = 'closing' AND substr(NEW.date, 6) <> '12-31'
BEGIN SELECT RAISE(ABORT, 'closing vouchers are dated 31 December'); END;

-- A voucher of year Y+1 needs year Y closed or the opening of Y+1 declared, once Y lies in the ledger's life.
CREATE TRIGGER vouchers_prior_year_closed BEFORE INSERT ON vouchers
WHEN CAST(substr(NEW.date, 1, 4) AS INTEGER) - 1 >= (SELECT CAST(substr(start_period, 1, 4) AS INTEGER) FROM ledger)
 AND NOT EXISTS (SELECT 1 FROM years
                 WHERE (year = CAST(substr(NEW.date, 1, 4) AS INTEGER) - 1 AND status = 'closed')
                    OR (year = CAST(substr(NEW.date, 1, 4) AS INTEGER) AND status = 'opened'))
BEGIN SELECT RAISE(ABORT, 'PriorYearNotClosed'); END;
