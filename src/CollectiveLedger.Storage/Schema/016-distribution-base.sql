-- Version 16: the reserve on the year's surplus and a partial distribution (issue 13).
--
-- 1. distribution.planned's optional keys (audit-log.md 7.15): reserve_base (what the reserve
--    percentage applies to: the year's surplus, 0 ... distributable) and to_share (the amount the
--    members' meeting chose to divide by shares, 0 ... distributable - reserve). NULL in plans
--    written before them: the reserve was on the whole distributable, everything else was shared.
ALTER TABLE distributions ADD COLUMN reserve_base_fen INTEGER
    CHECK (reserve_base_fen IS NULL OR (reserve_base_fen >= 0 AND reserve_base_fen <= distributable_fen));
ALTER TABLE distributions ADD COLUMN to_share_fen INTEGER
    CHECK (to_share_fen IS NULL OR (to_share_fen >= 0 AND to_share_fen <= distributable_fen - reserve_fen));

-- 2. distribution.posted's optional reserve_account (311 or below it; NULL: 311 itself).
ALTER TABLE distribution_steps ADD COLUMN reserve_account TEXT
    CHECK (reserve_account IS NULL OR (action = 'posted' AND substr(reserve_account, 1, 3) = '311'));

-- 3. With to_share, what stays undistributed may be a fen per share or more: the CHECK on
--    undistributed_fen accepts that (a CHECK that accepts more changes nothing on disk; the same
--    documented writable_schema procedure as version 6). Without to_share the rule is as before.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'undistributed_fen >= 0 AND undistributed_fen < total_shares)',
                       'undistributed_fen >= 0 AND (undistributed_fen < total_shares OR to_share_fen IS NOT NULL))')
WHERE type = 'table' AND name = 'distributions' AND instr(sql, 'to_share_fen IS NOT NULL))') = 0;
PRAGMA writable_schema = RESET;

CREATE TEMP TABLE migration_016_check (edited INTEGER CHECK (edited = 1));
INSERT INTO migration_016_check SELECT instr(sql, 'OR to_share_fen IS NOT NULL))') > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'distributions';
DROP TABLE migration_016_check;
