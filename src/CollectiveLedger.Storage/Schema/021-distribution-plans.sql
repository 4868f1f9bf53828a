-- Version 21: a distribution plan may be made again before the members' meeting approves one
-- (issue 13; audit-log.md 7.15, optional key `plan` of distribution.planned and .approved). Plans
-- are keyed by (year, plan): 1, 2, ... per year, the highest the year's current plan, the earlier
-- ones kept as history (superseded). An approval names its plan; posting and paying follow it.
--
-- SQLite cannot change a primary key in place, so the three tables are rebuilt (the documented
-- procedure: create, copy, drop, rename) with every existing row as plan 1, the only plan a year
-- could have before. Insert-only as before; verify compares them with the log's replay.
CREATE TABLE distributions_v19 (
    year              INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9998),
    plan              INTEGER NOT NULL CHECK (plan >= 1),
    planned_seq       INTEGER NOT NULL,
    by                TEXT NOT NULL,
    reserve_percent   INTEGER NOT NULL CHECK (reserve_percent BETWEEN 0 AND 100),
    distributable_fen INTEGER NOT NULL CHECK (distributable_fen > 0),
    reserve_fen       INTEGER NOT NULL CHECK (reserve_fen >= 0),
    total_shares      INTEGER NOT NULL CHECK (total_shares > 0),
    per_share_fen     INTEGER NOT NULL CHECK (per_share_fen >= 0),
    distributed_fen   INTEGER NOT NULL CHECK (distributed_fen >= 0),
    undistributed_fen INTEGER NOT NULL CHECK (undistributed_fen >= 0 AND (undistributed_fen < total_shares OR to_share_fen IS NOT NULL)),
    reserve_base_fen  INTEGER CHECK (reserve_base_fen IS NULL OR (reserve_base_fen >= 0 AND reserve_base_fen <= distributable_fen)),
    to_share_fen      INTEGER CHECK (to_share_fen IS NULL OR (to_share_fen >= 0 AND to_share_fen <= distributable_fen - reserve_fen)),
    -- Core's rule, mirrored: nothing is lost or made up.
    CHECK (distributable_fen = reserve_fen + distributed_fen + undistributed_fen),
    CHECK (distributed_fen = per_share_fen * total_shares),
    PRIMARY KEY (year, plan)
) STRICT;

CREATE TABLE distribution_households_v19 (
    year       INTEGER NOT NULL,
    plan       INTEGER NOT NULL,
    member     TEXT NOT NULL REFERENCES members (code),
    shares     INTEGER NOT NULL CHECK (shares >= 0),
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (year, plan, member),
    FOREIGN KEY (year, plan) REFERENCES distributions_v19 (year, plan)
) STRICT;

-- `plan`: the plan an approval approved; NULL on the posting and payment, which follow the approved plan.
CREATE TABLE distribution_steps_v19 (
    seq             INTEGER PRIMARY KEY,
    year            INTEGER NOT NULL,
    action          TEXT NOT NULL CHECK (action IN ('approved', 'posted', 'paid')),
    by              TEXT NOT NULL,
    role            TEXT,
    resolution      TEXT,
    date            TEXT,
    account         TEXT,
    reserve_account TEXT CHECK (reserve_account IS NULL OR (action = 'posted' AND substr(reserve_account, 1, 3) = '311')),
    plan            INTEGER CHECK ((action = 'approved') = (plan IS NOT NULL)),
    UNIQUE (year, action),
    FOREIGN KEY (year, plan) REFERENCES distributions_v19 (year, plan)
) STRICT;

INSERT INTO distributions_v19 (year, plan, planned_seq, by, reserve_percent, distributable_fen, reserve_fen, total_shares, per_share_fen,
                               distributed_fen, undistributed_fen, reserve_base_fen, to_share_fen)
SELECT year, 1, planned_seq, by, reserve_percent, distributable_fen, reserve_fen, total_shares, per_share_fen,
       distributed_fen, undistributed_fen, reserve_base_fen, to_share_fen FROM distributions;
INSERT INTO distribution_households_v19 (year, plan, member, shares, amount_fen)
SELECT year, 1, member, shares, amount_fen FROM distribution_households;
INSERT INTO distribution_steps_v19 (seq, year, action, by, role, resolution, date, account, reserve_account, plan)
SELECT seq, year, action, by, role, resolution, date, account, reserve_account, CASE WHEN action = 'approved' THEN 1 END FROM distribution_steps;

DROP TABLE distribution_steps;
DROP TABLE distribution_households;
DROP TABLE distributions;
ALTER TABLE distributions_v19 RENAME TO distributions;
ALTER TABLE distribution_households_v19 RENAME TO distribution_households;
ALTER TABLE distribution_steps_v19 RENAME TO distribution_steps;

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

-- Plans are numbered 1, 2, ... per year, and none is made once the year's plan is approved.
CREATE TRIGGER distributions_numbered_before_approval BEFORE INSERT ON distributions
WHEN NEW.plan <> 1 + COALESCE((SELECT MAX(plan) FROM distributions WHERE year = NEW.year), 0)
  OR EXISTS (SELECT 1 FROM distribution_steps WHERE year = NEW.year AND action = 'approved')
BEGIN SELECT RAISE(ABORT, 'DistributionAlreadyDone'); END;

-- Each household receives its shares times the per-share amount of its plan, exactly.
CREATE TRIGGER distribution_households_shares_times_per_share BEFORE INSERT ON distribution_households
WHEN NEW.amount_fen <> NEW.shares * (SELECT per_share_fen FROM distributions WHERE year = NEW.year AND plan = NEW.plan)
BEGIN SELECT RAISE(ABORT, 'a household receives shares x per-share amount'); END;

-- The steps in their order: approved after planned, of the year's current plan; posted after approved, paid after posted.
CREATE TRIGGER distribution_steps_in_order BEFORE INSERT ON distribution_steps
WHEN (NEW.action = 'approved' AND NEW.plan IS NOT (SELECT MAX(plan) FROM distributions WHERE year = NEW.year))
  OR (NEW.action = 'posted' AND NOT EXISTS (SELECT 1 FROM distribution_steps WHERE year = NEW.year AND action = 'approved'))
  OR (NEW.action = 'paid' AND NOT EXISTS (SELECT 1 FROM distribution_steps WHERE year = NEW.year AND action = 'posted'))
BEGIN SELECT RAISE(ABORT, 'DistributionNotApproved'); END;
