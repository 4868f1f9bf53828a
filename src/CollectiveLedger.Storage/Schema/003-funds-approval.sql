-- Version 3: support-fund terms, how each voucher was posted, the approval workflow (drafts and
-- their steps), month-close balances hashes and reopened months. Insert-only projections of the
-- log, compared by verify like every other table.

-- A fund's grant terms as the canonical JSON object its fund.added entry holds (NULL: no terms).
ALTER TABLE funds ADD COLUMN terms TEXT CHECK (terms IS NULL OR json_valid(terms));

-- How a voucher was posted: import (migrating historic books), approval (of draft `draft`) or
-- reversal; NULL only for vouchers posted before version 3. Cash and bank vouchers name the cashier.
ALTER TABLE vouchers ADD COLUMN source TEXT CHECK (source IS NULL OR source IN ('import', 'approval', 'reversal'));
ALTER TABLE vouchers ADD COLUMN draft INTEGER CHECK ((draft IS NOT NULL) = (source IS 'approval'));
ALTER TABLE vouchers ADD COLUMN cashier TEXT CHECK (cashier IS NULL OR length(cashier) BETWEEN 1 AND 100);
CREATE UNIQUE INDEX vouchers_draft ON vouchers (draft) WHERE draft IS NOT NULL;

CREATE TABLE drafts (
    seq       INTEGER PRIMARY KEY,   -- the voucher.drafted entry (a draft sent back and changed has several)
    draft     INTEGER NOT NULL CHECK (draft >= 1),
    preparer  TEXT NOT NULL,
    cashier   TEXT,
    date      TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    ref       TEXT,
    summary   TEXT NOT NULL,
    total_fen INTEGER NOT NULL CHECK (total_fen > 0)
) STRICT;
CREATE INDEX drafts_draft ON drafts (draft);

CREATE TABLE draft_steps (
    seq    INTEGER PRIMARY KEY,
    draft  INTEGER NOT NULL CHECK (draft >= 1),
    action TEXT NOT NULL CHECK (action IN ('submitted', 'reviewed', 'approved', 'rejected', 'withdrawn', 'carried_forward')),
    by     TEXT NOT NULL,
    role   TEXT CHECK (role IS NULL OR role IN ('reviewer', 'finance_lead', 'committee_chair', 'supervisor', 'cashier')),
    note   TEXT,                     -- reason of a rejection or withdrawal; resolution number; new date when carried forward
    CHECK (action NOT IN ('rejected', 'withdrawn') OR length(note) >= 1)
) STRICT;
CREATE INDEX draft_steps_draft ON draft_steps (draft);

CREATE TABLE period_reopens (
    seq    INTEGER PRIMARY KEY,
    period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    action TEXT NOT NULL CHECK (action IN ('requested', 'reopened')),
    by     TEXT NOT NULL,
    role   TEXT,
    reason TEXT,
    CHECK ((action = 'requested') = (reason IS NOT NULL))
) STRICT;

-- A month can now close again after it was reopened: closed_periods is keyed by (period, closed_seq)
-- and records the SHA-256 of the closing balances (NULL for closes before version 3). A month is
-- closed when its last close came after its last reopening.
DROP TRIGGER vouchers_open_period;
CREATE TABLE closed_periods_v3 (
    period          TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    closed_seq      INTEGER NOT NULL,
    balances_sha256 TEXT CHECK (balances_sha256 IS NULL OR length(balances_sha256) = 64),
    PRIMARY KEY (period, closed_seq)
) STRICT;
INSERT INTO closed_periods_v3 (period, closed_seq) SELECT period, closed_seq FROM closed_periods;
DROP TABLE closed_periods;
ALTER TABLE closed_periods_v3 RENAME TO closed_periods;
CREATE VIEW closed_now AS
    SELECT c.period, c.closed_seq FROM closed_periods c
    WHERE c.closed_seq > COALESCE((SELECT MAX(r.seq) FROM period_reopens r WHERE r.period = c.period AND r.action = 'reopened'), -1);
CREATE TRIGGER vouchers_open_period BEFORE INSERT ON vouchers
WHEN EXISTS (SELECT 1 FROM closed_now WHERE period = NEW.period)
BEGIN SELECT RAISE(ABORT, 'PeriodClosed'); END;

CREATE TRIGGER drafts_no_update BEFORE UPDATE ON drafts BEGIN SELECT RAISE(ABORT, 'drafts are insert-only'); END;
CREATE TRIGGER drafts_no_delete BEFORE DELETE ON drafts BEGIN SELECT RAISE(ABORT, 'drafts are insert-only'); END;
CREATE TRIGGER draft_steps_no_update BEFORE UPDATE ON draft_steps BEGIN SELECT RAISE(ABORT, 'approval steps are insert-only'); END;
CREATE TRIGGER draft_steps_no_delete BEFORE DELETE ON draft_steps BEGIN SELECT RAISE(ABORT, 'approval steps are insert-only'); END;
CREATE TRIGGER period_reopens_no_update BEFORE UPDATE ON period_reopens BEGIN SELECT RAISE(ABORT, 'period reopenings are insert-only'); END;
CREATE TRIGGER period_reopens_no_delete BEFORE DELETE ON period_reopens BEGIN SELECT RAISE(ABORT, 'period reopenings are insert-only'); END;
