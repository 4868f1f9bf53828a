-- Version 6: member households' details and income distribution by shares.
--
-- 1. A member household's details (head, household size, shares, ID card, bank account, phone) as
--    the canonical JSON of member.added's optional `details` (audit-log.md 7.4), like funds.terms.
--    Core's rules on the counts, mirrored: household size 1 or more, shares 0 or more.
ALTER TABLE members ADD COLUMN details TEXT CHECK (details IS NULL OR (json_valid(details)
    AND json_type(details, '$.household_size') = 'integer' AND json_extract(details, '$.household_size') >= 1
    AND json_type(details, '$.shares') = 'integer' AND json_extract(details, '$.shares') >= 0));

-- 2. vouchers.source accepts 'distribution': the vouchers of `distribution post` and `distribution
--    pay`. The same documented writable_schema procedure as version 4; the replacement matches the
--    'year_close' literal alone, so it also works after other versions extended the list.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, '''year_close''', '''year_close'', ''distribution''')
WHERE type = 'table' AND name = 'vouchers' AND instr(sql, '''distribution''') = 0;
PRAGMA writable_schema = RESET;

CREATE TEMP TABLE migration_007_check (edited INTEGER CHECK (edited = 1));
INSERT INTO migration_007_check SELECT instr(sql, '''distribution''') > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'vouchers';
DROP TABLE migration_007_check;

-- 3. Distribution plans (distribution.planned), one per year, with their households, and the later
--    steps (distribution.approved, .posted, .paid). Insert-only projections compared by verify.
CREATE TABLE distributions (
    year              INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 9998),
    planned_seq       INTEGER NOT NULL,
    by                TEXT NOT NULL,
    reserve_percent   INTEGER NOT NULL CHECK (reserve_percent BETWEEN 0 AND 100),
    distributable_fen INTEGER NOT NULL CHECK (distributable_fen > 0),
    reserve_fen       INTEGER NOT NULL CHECK (reserve_fen >= 0),
    total_shares      INTEGER NOT NULL CHECK (total_shares > 0),
    per_share_fen     INTEGER NOT NULL CHECK (per_share_fen >= 0),
    distributed_fen   INTEGER NOT NULL CHECK (distributed_fen >= 0),
    undistributed_fen INTEGER NOT NULL CHECK (undistributed_fen >= 0 AND undistributed_fen < total_shares),
    -- Core's rule, mirrored: nothing is lost or made up.
    CHECK (distributable_fen = reserve_fen + distributed_fen + undistributed_fen),
    CHECK (distributed_fen = per_share_fen * total_shares)
) STRICT;

CREATE TABLE distribution_households (
    year       INTEGER NOT NULL REFERENCES distributions (year),
    member     TEXT NOT NULL REFERENCES members (code),
    shares     INTEGER NOT NULL CHECK (shares >= 0),
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (year, member)
) STRICT;

CREATE TABLE distribution_steps (
    seq        INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL REFERENCES distributions (year),
    action     TEXT NOT NULL CHECK (action IN ('approved', 'posted', 'paid')),
    by         TEXT NOT NULL,
    role       TEXT,
    resolution TEXT,
    date       TEXT,
    account    TEXT,
    UNIQUE (year, action)
) STRICT;

CREATE TRIGGER distributions_no_update BEFORE UPDATE ON distributions
BEGIN SELECT RAISE(ABORT, 'a distribution plan is never changed'); END;
CREATE TRIGGER distributions_no_delete BEFORE DELETE ON distributions
BEGIN SELECT RAISE(ABORT, 'a distribution plan is never changed'); END;
CREATE TRIGGER distribution_households_no_update BEFORE UPDATE ON distribution_households
BEGIN SELECT RAISE(ABORT, 'a distribution plan is never changed'); END;
CREATE TRIGGER distribution_households_no_delete BEFORE DELETE ON distribution_households
BEGIN SELECT RAISE(ABORT, 'a distribution plan is never changed'); END;
CREATE TRIGGER distribution_steps_no_update BEFORE UPDATE ON distribution_steps
BEGIN SELECT RAISE(ABORT, 'distribution steps are never changed'); END;
CREATE TRIGGER distribution_steps_no_delete BEFORE DELETE ON distribution_steps
BEGIN SELECT RAISE(ABORT, 'distribution steps are never changed'); END;

-- A plan only for a closed year.
CREATE TRIGGER distributions_after_year_close BEFORE INSERT ON distributions
WHEN NOT EXISTS (SELECT 1 FROM years WHERE year = NEW.year AND status = 'closed')
BEGIN SELECT RAISE(ABORT, 'DistributionYearNotClosed'); END;

-- Each household receives its shares times the per-share amount, exactly.
CREATE TRIGGER distribution_households_shares_times_per_share BEFORE INSERT ON distribution_households
WHEN NEW.amount_fen <> NEW.shares * (SELECT per_share_fen FROM distributions WHERE year = NEW.year)
BEGIN SELECT RAISE(ABORT, 'a household receives shares x per-share amount'); END;

-- The steps in their order: approved after planned (the foreign key), posted after approved, paid after posted.
CREATE TRIGGER distribution_steps_in_order BEFORE INSERT ON distribution_steps
WHEN (NEW.action = 'posted' AND NOT EXISTS (SELECT 1 FROM distribution_steps WHERE year = NEW.year AND action = 'approved'))
  OR (NEW.action = 'paid' AND NOT EXISTS (SELECT 1 FROM distribution_steps WHERE year = NEW.year AND action = 'posted'))
BEGIN SELECT RAISE(ABORT, 'DistributionNotApproved'); END;
