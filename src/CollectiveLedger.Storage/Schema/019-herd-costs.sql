-- Version 19: livestock as biological assets (issue 13, 财会〔2023〕14号). Rearing cost capitalised
-- into 131 (asset.reared), young stock transferred to a 132 breeding herd at maturity (herd.matured)
-- and deaths written off through 181 待处理财产损溢 (herd.changed with a write-off) move an asset's
-- cost, accumulated depreciation and head after its registration. Each such move is a row here, a
-- signed change of one asset (a maturity writes two rows, one per asset), compared by verify like
-- every other table; the view asset_register adds them up.
CREATE TABLE asset_cost_changes (
    seq              INTEGER NOT NULL,     -- the asset.reared, herd.matured or herd.changed entry
    asset            TEXT NOT NULL REFERENCES assets (code),
    date             TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    change           TEXT NOT NULL CHECK (change IN ('reared', 'matured_out', 'matured_in', 'written_off')),
    head             INTEGER NOT NULL,     -- head moved by a maturity (signed); 0 otherwise (deaths are counted in herd_changes)
    cost_fen         INTEGER NOT NULL,     -- signed change of the asset's cost
    depreciation_fen INTEGER NOT NULL,     -- signed change of its accumulated depreciation
    account          TEXT REFERENCES accounts (code), -- the account credited by rearing, the 181 leaf of a write-off
    PRIMARY KEY (seq, asset),
    CHECK (CASE change WHEN 'reared' THEN cost_fen > 0 AND head = 0 AND depreciation_fen = 0 AND account IS NOT NULL
                       WHEN 'matured_in' THEN cost_fen > 0 AND head > 0 AND depreciation_fen = 0 AND account IS NULL
                       WHEN 'matured_out' THEN cost_fen < 0 AND head < 0 AND depreciation_fen = 0 AND account IS NULL
                       ELSE cost_fen < 0 AND head = 0 AND depreciation_fen <= 0 AND account IS NOT NULL END)
) STRICT;
CREATE INDEX asset_cost_changes_asset ON asset_cost_changes (asset);
CREATE TRIGGER asset_cost_changes_no_update BEFORE UPDATE ON asset_cost_changes BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;
CREATE TRIGGER asset_cost_changes_no_delete BEFORE DELETE ON asset_cost_changes BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;

DROP VIEW asset_register;
CREATE VIEW asset_register AS
SELECT a.code, a.name, a.category, a.location, a.acquired,
       a.cost_fen + COALESCE((SELECT SUM(c.cost_fen) FROM asset_cost_changes c WHERE c.asset = a.code), 0) AS cost_fen,
       a.fund, a.life_months, a.residual_fen, a.account, a.depreciation_account, a.expense_account, a.species,
       a.opening_depreciation_fen + COALESCE((SELECT SUM(d.amount_fen) FROM asset_depreciation d WHERE d.asset = a.code), 0)
         + COALESCE((SELECT SUM(c.depreciation_fen) FROM asset_cost_changes c WHERE c.asset = a.code), 0) AS depreciated_fen,
       a.opening_months + (SELECT count(*) FROM asset_depreciation d WHERE d.asset = a.code) AS months,
       a.head + COALESCE((SELECT SUM(CASE WHEN h.change IN ('births', 'purchases') THEN h.head ELSE -h.head END)
                          FROM herd_changes h WHERE h.asset = a.code), 0)
         + COALESCE((SELECT SUM(c.head) FROM asset_cost_changes c WHERE c.asset = a.code), 0) AS head,
       (SELECT x.date FROM asset_disposals x WHERE x.asset = a.code) AS disposed
FROM assets a;
