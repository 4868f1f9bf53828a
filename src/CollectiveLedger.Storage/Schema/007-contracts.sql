-- Version 7: the resource contract register (资源发包合同).
--
-- 1. vouchers.source accepts 'contracts': the vouchers of `contracts receive` and `contracts
--    recognize`. The same documented writable_schema procedure as version 6, matching the
--    'year_close' literal alone so that it works whatever other versions added.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, '''year_close''', '''year_close'', ''contracts''')
WHERE type = 'table' AND name = 'vouchers' AND instr(sql, '''contracts''') = 0;
PRAGMA writable_schema = RESET;

CREATE TEMP TABLE migration_008_check (edited INTEGER CHECK (edited = 1));
INSERT INTO migration_008_check SELECT instr(sql, '''contracts''') > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'vouchers';
DROP TABLE migration_008_check;

-- 2. Insert-only projections of contract.added, contract.received and contract.recognized,
--    compared by verify like every other table. Core's rules mirrored: the term in order, area and
--    rent positive, the party a member or a counterparty, a year recognized once per contract.
CREATE TABLE contracts (
    number                TEXT PRIMARY KEY CHECK (length(number) BETWEEN 1 AND 32),
    party                 TEXT NOT NULL,
    resource              TEXT NOT NULL CHECK (resource IN ('grassland', 'farmland', 'water_surface', 'building')),
    area_hundredth_mu     INTEGER NOT NULL CHECK (area_hundredth_mu > 0),
    rent_fen              INTEGER NOT NULL CHECK (rent_fen > 0),
    starts                TEXT NOT NULL CHECK (starts GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    ends                  TEXT NOT NULL CHECK (ends GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND ends >= starts),
    schedule              TEXT NOT NULL CHECK (schedule IN ('annual', 'once')),
    income_account        TEXT NOT NULL REFERENCES accounts (code) CHECK (substr(income_account, 1, 3) = '501'),
    prepaid_account       TEXT NOT NULL REFERENCES accounts (code) CHECK (substr(prepaid_account, 1, 3) = '211'),
    added_seq             INTEGER NOT NULL
) STRICT;

-- The party must be registered; a CHECK cannot look into other tables, so a trigger does.
CREATE TRIGGER contracts_party_known BEFORE INSERT ON contracts
WHEN NEW.party NOT IN (SELECT code FROM members UNION ALL SELECT code FROM counterparties)
BEGIN SELECT RAISE(ABORT, 'a contract party is a registered member or counterparty'); END;

CREATE TABLE contract_receipts (
    seq        INTEGER PRIMARY KEY,      -- the contract.received entry; its voucher is seq + 1
    contract   TEXT NOT NULL REFERENCES contracts (number),
    date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    account    TEXT NOT NULL REFERENCES accounts (code)
) STRICT;
CREATE INDEX contract_receipts_contract ON contract_receipts (contract);

CREATE TABLE contract_recognitions (
    seq        INTEGER NOT NULL,         -- the contract.recognized entry
    contract   TEXT NOT NULL REFERENCES contracts (number),
    year       INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 9998),
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    PRIMARY KEY (seq, contract),
    UNIQUE (contract, year)
) STRICT;

CREATE TRIGGER contracts_no_update BEFORE UPDATE ON contracts BEGIN SELECT RAISE(ABORT, 'the contract register is insert-only'); END;
CREATE TRIGGER contracts_no_delete BEFORE DELETE ON contracts BEGIN SELECT RAISE(ABORT, 'the contract register is insert-only'); END;
CREATE TRIGGER contract_receipts_no_update BEFORE UPDATE ON contract_receipts BEGIN SELECT RAISE(ABORT, 'the contract register is insert-only'); END;
CREATE TRIGGER contract_receipts_no_delete BEFORE DELETE ON contract_receipts BEGIN SELECT RAISE(ABORT, 'the contract register is insert-only'); END;
CREATE TRIGGER contract_recognitions_no_update BEFORE UPDATE ON contract_recognitions BEGIN SELECT RAISE(ABORT, 'the contract register is insert-only'); END;
CREATE TRIGGER contract_recognitions_no_delete BEFORE DELETE ON contract_recognitions BEGIN SELECT RAISE(ABORT, 'the contract register is insert-only'); END;
