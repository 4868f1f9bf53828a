-- Version 5: the asset register (资产登记簿).
--
-- 1. vouchers.source accepts 'assets': the register's own vouchers (acquisition, depreciation,
--    disposal). Same documented writable_schema procedure as 004 (a CHECK that accepts more changes
--    nothing on disk); the new value is inserted at the front of the list so that a later file
--    that appends its own value after 'year_close' still finds its text.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'source IN (''import'',', 'source IN (''assets'', ''import'',')
WHERE type = 'table' AND name = 'vouchers';
PRAGMA writable_schema = RESET;

CREATE TEMP TABLE migration_006_check (edited INTEGER CHECK (edited = 1));
INSERT INTO migration_006_check SELECT instr(sql, '''assets''') > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'vouchers';
DROP TABLE migration_006_check;

-- 2. The register: insert-only projections of asset.added, asset.depreciated, asset.disposed and
--    herd.changed, compared by verify like every other table. What an asset is now (depreciation
--    so far, head count, disposal) is the view asset_register.
CREATE TABLE assets (
    code                     TEXT PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name                     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    category                 TEXT NOT NULL CHECK (category IN ('building', 'well', 'road', 'machinery', 'equipment',
                                                                'breeding_herd', 'fattening_stock', 'shelter_forest')),
    location                 TEXT,
    acquired                 TEXT NOT NULL CHECK (acquired GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    cost_fen                 INTEGER NOT NULL CHECK (cost_fen > 0),
    fund                     TEXT REFERENCES funds (code),
    life_months              INTEGER NOT NULL CHECK (life_months BETWEEN 0 AND 1200),
    residual_fen             INTEGER NOT NULL CHECK (residual_fen >= 0 AND residual_fen < cost_fen),
    account                  TEXT NOT NULL REFERENCES accounts (code),
    depreciation_account     TEXT REFERENCES accounts (code),
    expense_account          TEXT REFERENCES accounts (code),
    species                  TEXT CHECK (species IS NULL OR species IN ('sheep', 'goats', 'cattle', 'camels', 'horses')),
    head                     INTEGER NOT NULL CHECK (head >= 0),
    opening_depreciation_fen INTEGER NOT NULL CHECK (opening_depreciation_fen BETWEEN 0 AND cost_fen - residual_fen),
    opening_months           INTEGER NOT NULL CHECK (opening_months BETWEEN 0 AND life_months),
    paid_from                TEXT REFERENCES accounts (code),
    added_seq                INTEGER NOT NULL,
    -- Mirrors Core: depreciated categories on 151 (152) and 132 (133); the others on 131 and 134.
    CHECK ((depreciation_account IS NULL) = (life_months = 0) AND (expense_account IS NULL) = (life_months = 0)),
    CHECK (substr(account, 1, 3) = CASE category WHEN 'breeding_herd' THEN '132' WHEN 'fattening_stock' THEN '131'
                                                 WHEN 'shelter_forest' THEN '134' ELSE '151' END)
) STRICT;

CREATE TABLE asset_depreciation (
    seq        INTEGER NOT NULL,           -- the asset.depreciated entry
    asset      TEXT NOT NULL REFERENCES assets (code),
    period     TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (seq, asset),
    UNIQUE (asset, period)                 -- a month is depreciated once
) STRICT;

CREATE TABLE asset_disposals (
    seq               INTEGER PRIMARY KEY,
    asset             TEXT NOT NULL UNIQUE REFERENCES assets (code),
    date              TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    proceeds_fen      INTEGER NOT NULL CHECK (proceeds_fen >= 0),
    proceeds_account  TEXT REFERENCES accounts (code),
    gain_loss_account TEXT REFERENCES accounts (code),
    reason            TEXT NOT NULL CHECK (length(reason) >= 1),
    CHECK ((proceeds_account IS NULL) = (proceeds_fen = 0))
) STRICT;

CREATE TABLE herd_changes (
    seq    INTEGER PRIMARY KEY,
    asset  TEXT NOT NULL REFERENCES assets (code),
    date   TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    change TEXT NOT NULL CHECK (change IN ('births', 'purchases', 'sales', 'deaths')),
    head   INTEGER NOT NULL CHECK (head >= 1),
    note   TEXT
) STRICT;
CREATE INDEX herd_changes_asset ON herd_changes (asset);

CREATE TRIGGER assets_no_update BEFORE UPDATE ON assets BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;
CREATE TRIGGER assets_no_delete BEFORE DELETE ON assets BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;
CREATE TRIGGER asset_depreciation_no_update BEFORE UPDATE ON asset_depreciation BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;
CREATE TRIGGER asset_depreciation_no_delete BEFORE DELETE ON asset_depreciation BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;
CREATE TRIGGER asset_disposals_no_update BEFORE UPDATE ON asset_disposals BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;
CREATE TRIGGER asset_disposals_no_delete BEFORE DELETE ON asset_disposals BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;
CREATE TRIGGER herd_changes_no_update BEFORE UPDATE ON herd_changes BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;
CREATE TRIGGER herd_changes_no_delete BEFORE DELETE ON herd_changes BEGIN SELECT RAISE(ABORT, 'the asset register is insert-only'); END;

-- Each asset as it stands: accumulated depreciation and months (opening plus every month posted),
-- head count, and the disposal date (NULL while it is in use).
CREATE VIEW asset_register AS
SELECT a.code, a.name, a.category, a.location, a.acquired, a.cost_fen, a.fund, a.life_months, a.residual_fen, a.account,
       a.depreciation_account, a.expense_account, a.species,
       a.opening_depreciation_fen + COALESCE((SELECT SUM(d.amount_fen) FROM asset_depreciation d WHERE d.asset = a.code), 0) AS depreciated_fen,
       a.opening_months + (SELECT count(*) FROM asset_depreciation d WHERE d.asset = a.code) AS months,
       a.head + COALESCE((SELECT SUM(CASE WHEN h.change IN ('births', 'purchases') THEN h.head ELSE -h.head END)
                          FROM herd_changes h WHERE h.asset = a.code), 0) AS head,
       (SELECT x.date FROM asset_disposals x WHERE x.asset = a.code) AS disposed
FROM assets a;
