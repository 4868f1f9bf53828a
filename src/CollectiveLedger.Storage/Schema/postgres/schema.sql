-- CollectiveLedger schema for PostgreSQL, version 22: in effect SQLite's Schema/001..022 applied in
-- order, written at once for a new village. Each village is a PostgreSQL schema of its own: this
-- file names no schema, so everything is made in the first schema of the search_path, which the
-- caller sets to the village's. Triggers' functions keep that search_path (SET search_path FROM
-- CURRENT), so a trigger always reads and writes its own village's tables.
--
-- The same tables, columns (names, order, nullability), keys, CHECKs and rules as SQLite, and the
-- same error messages (callers and tests match on them). Types: SQLite INTEGER is bigint, BLOB is
-- bytea, TEXT is text COLLATE "C": binary order, as SQLite's, since verify streams tables in key
-- order and compares with the log's order. GLOB patterns are anchored regular expressions.
-- The comments of the SQLite files say why each table and rule exists; they are not repeated here.
-- A later SQLite migration NNN-name.sql comes with postgres/NNN-name.sql (Storage's README).

-- Helpers -----------------------------------------------------------------------------------------

-- The "append-only / never edited / never deleted" triggers: refuses the change with the message
-- given as the trigger's argument.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
END $$;

-- SQLite's json_valid(doc): doc is well-formed JSON (NULL for NULL).
CREATE FUNCTION json_valid(doc text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
    PERFORM doc::json;
    RETURN true;
EXCEPTION WHEN data_exception THEN
    RETURN false;
END $$;

-- SQLite's json_type(doc, '$.key'): NULL when doc has no member key, else 'null', 'true', 'false',
-- 'integer', 'real', 'text', 'array' or 'object' (a number is an integer without '.' or exponent).
CREATE FUNCTION json_member_type(doc text, key text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
DECLARE
    member json;
BEGIN
    member := doc::json -> key;
    IF member IS NULL THEN
        RETURN NULL;
    END IF;
    RETURN CASE json_typeof(member)
        WHEN 'number' THEN CASE WHEN member::text ~ '^-?[0-9]+$' THEN 'integer' ELSE 'real' END
        WHEN 'string' THEN 'text'
        WHEN 'boolean' THEN member::text
        ELSE json_typeof(member) END;
EXCEPTION WHEN data_exception THEN
    RETURN NULL;
END $$;

-- SQLite's json_extract(doc, '$.key') for a number: its value (NULL when it is no number).
CREATE FUNCTION json_member_number(doc text, key text) RETURNS numeric LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
    RETURN CASE WHEN json_typeof(doc::json -> key) = 'number' THEN (doc::json ->> key)::numeric END;
EXCEPTION WHEN data_exception THEN
    RETURN NULL;
END $$;

-- 001 ---------------------------------------------------------------------------------------------

CREATE TABLE audit_log (
    seq   bigint PRIMARY KEY CHECK (seq >= 0),
    hash  text COLLATE "C" NOT NULL CHECK (length(hash) = 64),
    entry bytea NOT NULL            -- the exact canonical bytes; hashes are taken over these
);

CREATE TABLE ledger (
    id             text COLLATE "C" PRIMARY KEY,
    org            text COLLATE "C" NOT NULL,
    org_code       text COLLATE "C" NOT NULL,
    currency       text COLLATE "C" NOT NULL CHECK (length(currency) = 3),
    chart          text COLLATE "C" NOT NULL,
    start_period   text COLLATE "C" NOT NULL CHECK (start_period ~ '^[0-9]{4}-[01][0-9]$'),
    format_version bigint NOT NULL
);

CREATE TABLE accounts (
    code        text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]+$'),
    name        text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    parent      text COLLATE "C" REFERENCES accounts (code),
    class       text COLLATE "C" NOT NULL CHECK (class IN ('asset', 'liability', 'ownership', 'cost', 'income_expense')),
    normal_side text COLLATE "C" NOT NULL CHECK (normal_side IN ('debit', 'credit', 'either')),
    level       bigint NOT NULL CHECK (level >= 1),
    added_seq   bigint NOT NULL,
    CHECK ((parent IS NULL AND level = 1) OR (parent IS NOT NULL AND substr(code, 1, length(parent)) = parent
                                              AND length(code) = length(parent) + 2))
);
CREATE INDEX accounts_parent ON accounts (parent);

CREATE TABLE funds (
    code      text COLLATE "C" PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name      text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    added_seq bigint NOT NULL,
    terms     text COLLATE "C" CHECK (terms IS NULL OR json_valid(terms))
);

CREATE TABLE members (
    code      text COLLATE "C" PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name      text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    added_seq bigint NOT NULL,
    details   text COLLATE "C" CHECK (details IS NULL OR (json_valid(details)
        AND json_member_type(details, 'household_size') = 'integer' AND json_member_number(details, 'household_size') >= 1
        AND json_member_type(details, 'shares') = 'integer' AND json_member_number(details, 'shares') >= 0))
);

CREATE TABLE counterparties (
    code      text COLLATE "C" PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name      text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    added_seq bigint NOT NULL
);

CREATE TABLE vouchers (
    seq                bigint PRIMARY KEY,          -- the audit entry that posted it
    period             text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-[01][0-9]$'),
    number             bigint NOT NULL CHECK (number >= 1),
    date               text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$' AND substr(date, 1, 7) = period),
    kind               text COLLATE "C" NOT NULL CHECK (kind IN ('normal', 'opening', 'closing')),
    ref                text COLLATE "C" UNIQUE,
    summary            text COLLATE "C" NOT NULL CHECK (length(summary) BETWEEN 1 AND 200),
    attachments        bigint NOT NULL CHECK (attachments >= 0),
    reverses_period    text COLLATE "C",
    reverses_number    bigint,
    source             text COLLATE "C" CHECK (source IS NULL OR source IN ('assets', 'import', 'approval', 'reversal', 'year_close', 'contracts', 'distribution')),
    draft              bigint CHECK ((draft IS NOT NULL) = (source IS NOT DISTINCT FROM 'approval')),
    cashier            text COLLATE "C" CHECK (cashier IS NULL OR length(cashier) BETWEEN 1 AND 100),
    attachments_reason text COLLATE "C" CHECK (attachments_reason IS NULL OR length(attachments_reason) BETWEEN 1 AND 100),
    UNIQUE (period, number),
    FOREIGN KEY (reverses_period, reverses_number) REFERENCES vouchers (period, number),
    CHECK ((reverses_period IS NULL) = (reverses_number IS NULL))
);
CREATE UNIQUE INDEX vouchers_reversed_once ON vouchers (reverses_period, reverses_number) WHERE reverses_period IS NOT NULL;
CREATE UNIQUE INDEX vouchers_draft ON vouchers (draft) WHERE draft IS NOT NULL;

CREATE TABLE voucher_lines (
    voucher_seq  bigint NOT NULL REFERENCES vouchers (seq),
    line_no      bigint NOT NULL CHECK (line_no >= 1),
    account      text COLLATE "C" NOT NULL REFERENCES accounts (code),
    debit_fen    bigint NOT NULL CHECK (abs(debit_fen) <= 10000000000000),
    credit_fen   bigint NOT NULL CHECK (abs(credit_fen) <= 10000000000000),
    fund         text COLLATE "C" REFERENCES funds (code),
    member       text COLLATE "C" REFERENCES members (code),
    counterparty text COLLATE "C" REFERENCES counterparties (code),
    summary      text COLLATE "C" CHECK (summary IS NULL OR length(summary) <= 200),
    PRIMARY KEY (voucher_seq, line_no),
    CHECK ((debit_fen = 0) <> (credit_fen = 0))   -- exactly one side
);
CREATE INDEX voucher_lines_account ON voucher_lines (account);
CREATE INDEX voucher_lines_fund ON voucher_lines (fund) WHERE fund IS NOT NULL;

-- 002 ---------------------------------------------------------------------------------------------

CREATE TABLE settings (
    key   text COLLATE "C" NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
    seq   bigint NOT NULL,
    value text COLLATE "C" NOT NULL CHECK (length(value) <= 200),
    PRIMARY KEY (key, seq)
);

CREATE TABLE signing_keys (
    name       text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    key_id     text COLLATE "C" NOT NULL CHECK (length(key_id) = 8),
    public_key text COLLATE "C" NOT NULL,
    added_seq  bigint NOT NULL,
    PRIMARY KEY (name, key_id)
);

CREATE TABLE disclosures (
    seq         bigint PRIMARY KEY,
    scope       text COLLATE "C" NOT NULL CHECK (scope IN ('month', 'quarter', 'year')),
    from_period text COLLATE "C" NOT NULL,
    to_period   text COLLATE "C" NOT NULL,
    date        text COLLATE "C" NOT NULL,
    checkpoint  text COLLATE "C" NOT NULL
);

CREATE TABLE disclosure_files (
    disclosure_seq bigint NOT NULL REFERENCES disclosures (seq),
    file_no        bigint NOT NULL,
    name           text COLLATE "C" NOT NULL,
    format         text COLLATE "C" NOT NULL,
    sha256         text COLLATE "C" NOT NULL CHECK (length(sha256) = 64),
    PRIMARY KEY (disclosure_seq, file_no)
);

-- 003 ---------------------------------------------------------------------------------------------

CREATE TABLE drafts (
    seq       bigint PRIMARY KEY,
    draft     bigint NOT NULL CHECK (draft >= 1),
    preparer  text COLLATE "C" NOT NULL,
    cashier   text COLLATE "C",
    date      text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
    ref       text COLLATE "C",
    summary   text COLLATE "C" NOT NULL,
    total_fen bigint NOT NULL CHECK (total_fen > 0)
);
CREATE INDEX drafts_draft ON drafts (draft);

CREATE TABLE draft_steps (
    seq    bigint PRIMARY KEY,
    draft  bigint NOT NULL CHECK (draft >= 1),
    action text COLLATE "C" NOT NULL CHECK (action IN ('submitted', 'reviewed', 'approved', 'rejected', 'withdrawn', 'carried_forward')),
    by     text COLLATE "C" NOT NULL,
    role   text COLLATE "C" CHECK (role IS NULL OR role IN ('reviewer', 'finance_lead', 'committee_chair', 'supervisor', 'cashier')),
    note   text COLLATE "C",
    CHECK (action NOT IN ('rejected', 'withdrawn') OR length(note) >= 1)
);
CREATE INDEX draft_steps_draft ON draft_steps (draft);

CREATE TABLE period_reopens (
    seq    bigint PRIMARY KEY,
    period text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-[01][0-9]$'),
    action text COLLATE "C" NOT NULL CHECK (action IN ('requested', 'reopened')),
    by     text COLLATE "C" NOT NULL,
    role   text COLLATE "C",
    reason text COLLATE "C",
    CHECK ((action = 'requested') = (reason IS NOT NULL))
);

CREATE TABLE closed_periods (
    period          text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-[01][0-9]$'),
    closed_seq      bigint NOT NULL,
    balances_sha256 text COLLATE "C" CHECK (balances_sha256 IS NULL OR length(balances_sha256) = 64),
    PRIMARY KEY (period, closed_seq)
);

CREATE VIEW closed_now AS
    SELECT c.period, c.closed_seq FROM closed_periods c
    WHERE c.closed_seq > COALESCE((SELECT MAX(r.seq) FROM period_reopens r WHERE r.period = c.period AND r.action = 'reopened'), -1);

-- 004 ---------------------------------------------------------------------------------------------

CREATE TABLE years (
    year   bigint NOT NULL CHECK (year BETWEEN 1900 AND 9998),
    status text COLLATE "C" NOT NULL CHECK (status IN ('closed', 'opened')),
    seq    bigint NOT NULL,
    PRIMARY KEY (year, status)
);

-- 005, 017, 019 -----------------------------------------------------------------------------------

CREATE TABLE assets (
    code                     text COLLATE "C" PRIMARY KEY CHECK (length(code) BETWEEN 1 AND 32),
    name                     text COLLATE "C" NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    category                 text COLLATE "C" NOT NULL CHECK (category IN ('building', 'well', 'road', 'machinery', 'equipment',
                                                                           'breeding_herd', 'fattening_stock', 'shelter_forest')),
    location                 text COLLATE "C",
    acquired                 text COLLATE "C" NOT NULL CHECK (acquired ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
    cost_fen                 bigint NOT NULL CHECK (cost_fen > 0),
    fund                     text COLLATE "C" REFERENCES funds (code),
    life_months              bigint NOT NULL CHECK (life_months BETWEEN 0 AND 1200),
    residual_fen             bigint NOT NULL CHECK (residual_fen >= 0 AND residual_fen < cost_fen),
    account                  text COLLATE "C" NOT NULL REFERENCES accounts (code),
    depreciation_account     text COLLATE "C" REFERENCES accounts (code),
    expense_account          text COLLATE "C" REFERENCES accounts (code),
    species                  text COLLATE "C" CHECK (species IS NULL OR species IN ('sheep', 'goats', 'cattle', 'camels', 'horses')),
    head                     bigint NOT NULL CHECK (head >= 0),
    opening_depreciation_fen bigint NOT NULL CHECK (opening_depreciation_fen BETWEEN 0 AND cost_fen - residual_fen),
    opening_months           bigint NOT NULL CHECK (opening_months BETWEEN 0 AND life_months),
    paid_from                text COLLATE "C" REFERENCES accounts (code),
    added_seq                bigint NOT NULL,
    nominal                  bigint NOT NULL DEFAULT 0
        CHECK (nominal = 0 OR (nominal = 1 AND cost_fen = 100 AND residual_fen = 0 AND life_months = 0)),
    CHECK ((depreciation_account IS NULL) = (life_months = 0) AND (expense_account IS NULL) = (life_months = 0)),
    CHECK (substr(account, 1, 3) = CASE category WHEN 'breeding_herd' THEN '132' WHEN 'fattening_stock' THEN '131'
                                                 WHEN 'shelter_forest' THEN '134' ELSE '151' END)
);

CREATE TABLE asset_depreciation (
    seq        bigint NOT NULL,
    asset      text COLLATE "C" NOT NULL REFERENCES assets (code),
    period     text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-[01][0-9]$'),
    amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (seq, asset),
    UNIQUE (asset, period)
);

CREATE TABLE asset_disposals (
    seq               bigint PRIMARY KEY,
    asset             text COLLATE "C" NOT NULL UNIQUE REFERENCES assets (code),
    date              text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
    proceeds_fen      bigint NOT NULL CHECK (proceeds_fen >= 0),
    proceeds_account  text COLLATE "C" REFERENCES accounts (code),
    gain_loss_account text COLLATE "C" REFERENCES accounts (code),
    reason            text COLLATE "C" NOT NULL CHECK (length(reason) >= 1),
    CHECK ((proceeds_account IS NULL) = (proceeds_fen = 0))
);

CREATE TABLE herd_changes (
    seq    bigint PRIMARY KEY,
    asset  text COLLATE "C" NOT NULL REFERENCES assets (code),
    date   text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
    change text COLLATE "C" NOT NULL CHECK (change IN ('births', 'purchases', 'sales', 'deaths')),
    head   bigint NOT NULL CHECK (head >= 1),
    note   text COLLATE "C"
);
CREATE INDEX herd_changes_asset ON herd_changes (asset);

CREATE TABLE asset_cost_changes (
    seq              bigint NOT NULL,
    asset            text COLLATE "C" NOT NULL REFERENCES assets (code),
    date             text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
    change           text COLLATE "C" NOT NULL CHECK (change IN ('reared', 'matured_out', 'matured_in', 'written_off')),
    head             bigint NOT NULL,
    cost_fen         bigint NOT NULL,
    depreciation_fen bigint NOT NULL,
    account          text COLLATE "C" REFERENCES accounts (code),
    PRIMARY KEY (seq, asset),
    CHECK (CASE change WHEN 'reared' THEN cost_fen > 0 AND head = 0 AND depreciation_fen = 0 AND account IS NOT NULL
                       WHEN 'matured_in' THEN cost_fen > 0 AND head > 0 AND depreciation_fen = 0 AND account IS NULL
                       WHEN 'matured_out' THEN cost_fen < 0 AND head < 0 AND depreciation_fen = 0 AND account IS NULL
                       ELSE cost_fen < 0 AND head = 0 AND depreciation_fen <= 0 AND account IS NOT NULL END)
);
CREATE INDEX asset_cost_changes_asset ON asset_cost_changes (asset);

-- Sums are cast back to bigint: PostgreSQL's SUM of bigint is numeric, SQLite's of INTEGER an integer.
CREATE VIEW asset_register AS
SELECT a.code, a.name, a.category, a.location, a.acquired,
       a.cost_fen + COALESCE((SELECT SUM(c.cost_fen) FROM asset_cost_changes c WHERE c.asset = a.code), 0)::bigint AS cost_fen,
       a.fund, a.life_months, a.residual_fen, a.account, a.depreciation_account, a.expense_account, a.species,
       a.opening_depreciation_fen + COALESCE((SELECT SUM(d.amount_fen) FROM asset_depreciation d WHERE d.asset = a.code), 0)::bigint
         + COALESCE((SELECT SUM(c.depreciation_fen) FROM asset_cost_changes c WHERE c.asset = a.code), 0)::bigint AS depreciated_fen,
       a.opening_months + (SELECT count(*) FROM asset_depreciation d WHERE d.asset = a.code) AS months,
       a.head + COALESCE((SELECT SUM(CASE WHEN h.change IN ('births', 'purchases') THEN h.head ELSE -h.head END)
                          FROM herd_changes h WHERE h.asset = a.code), 0)::bigint
         + COALESCE((SELECT SUM(c.head) FROM asset_cost_changes c WHERE c.asset = a.code), 0)::bigint AS head,
       (SELECT x.date FROM asset_disposals x WHERE x.asset = a.code) AS disposed
FROM assets a;

-- 006, 016, 021 -----------------------------------------------------------------------------------

CREATE TABLE distributions (
    year              bigint NOT NULL CHECK (year BETWEEN 1900 AND 9998),
    plan              bigint NOT NULL CHECK (plan >= 1),
    planned_seq       bigint NOT NULL,
    by                text COLLATE "C" NOT NULL,
    reserve_percent   bigint NOT NULL CHECK (reserve_percent BETWEEN 0 AND 100),
    distributable_fen bigint NOT NULL CHECK (distributable_fen > 0),
    reserve_fen       bigint NOT NULL CHECK (reserve_fen >= 0),
    total_shares      bigint NOT NULL CHECK (total_shares > 0),
    per_share_fen     bigint NOT NULL CHECK (per_share_fen >= 0),
    distributed_fen   bigint NOT NULL CHECK (distributed_fen >= 0),
    undistributed_fen bigint NOT NULL CHECK (undistributed_fen >= 0 AND (undistributed_fen < total_shares OR to_share_fen IS NOT NULL)),
    reserve_base_fen  bigint CHECK (reserve_base_fen IS NULL OR (reserve_base_fen >= 0 AND reserve_base_fen <= distributable_fen)),
    to_share_fen      bigint CHECK (to_share_fen IS NULL OR (to_share_fen >= 0 AND to_share_fen <= distributable_fen - reserve_fen)),
    CHECK (distributable_fen = reserve_fen + distributed_fen + undistributed_fen),
    CHECK (distributed_fen = per_share_fen * total_shares),
    PRIMARY KEY (year, plan)
);

CREATE TABLE distribution_households (
    year       bigint NOT NULL,
    plan       bigint NOT NULL,
    member     text COLLATE "C" NOT NULL REFERENCES members (code),
    shares     bigint NOT NULL CHECK (shares >= 0),
    amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (year, plan, member),
    FOREIGN KEY (year, plan) REFERENCES distributions (year, plan)
);

CREATE TABLE distribution_steps (
    seq             bigint PRIMARY KEY,
    year            bigint NOT NULL,
    action          text COLLATE "C" NOT NULL CHECK (action IN ('approved', 'posted', 'paid')),
    by              text COLLATE "C" NOT NULL,
    role            text COLLATE "C",
    resolution      text COLLATE "C",
    date            text COLLATE "C",
    account         text COLLATE "C",
    reserve_account text COLLATE "C" CHECK (reserve_account IS NULL OR (action = 'posted' AND substr(reserve_account, 1, 3) = '311')),
    plan            bigint CHECK ((action = 'approved') = (plan IS NOT NULL)),
    UNIQUE (year, action),
    FOREIGN KEY (year, plan) REFERENCES distributions (year, plan)
);

-- 007 ---------------------------------------------------------------------------------------------

CREATE TABLE contracts (
    number            text COLLATE "C" PRIMARY KEY CHECK (length(number) BETWEEN 1 AND 32),
    party             text COLLATE "C" NOT NULL,
    resource          text COLLATE "C" NOT NULL CHECK (resource IN ('grassland', 'farmland', 'water_surface', 'building')),
    area_hundredth_mu bigint NOT NULL CHECK (area_hundredth_mu > 0),
    rent_fen          bigint NOT NULL CHECK (rent_fen > 0),
    starts            text COLLATE "C" NOT NULL CHECK (starts ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
    ends              text COLLATE "C" NOT NULL CHECK (ends ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$' AND ends >= starts),
    schedule          text COLLATE "C" NOT NULL CHECK (schedule IN ('annual', 'once')),
    income_account    text COLLATE "C" NOT NULL REFERENCES accounts (code) CHECK (substr(income_account, 1, 3) = '501'),
    prepaid_account   text COLLATE "C" NOT NULL REFERENCES accounts (code) CHECK (substr(prepaid_account, 1, 3) = '211'),
    added_seq         bigint NOT NULL
);

CREATE TABLE contract_receipts (
    seq        bigint PRIMARY KEY,
    contract   text COLLATE "C" NOT NULL REFERENCES contracts (number),
    date       text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
    amount_fen bigint NOT NULL CHECK (amount_fen > 0),
    account    text COLLATE "C" NOT NULL REFERENCES accounts (code)
);
CREATE INDEX contract_receipts_contract ON contract_receipts (contract);

CREATE TABLE contract_recognitions (
    seq        bigint NOT NULL,
    contract   text COLLATE "C" NOT NULL REFERENCES contracts (number),
    year       bigint NOT NULL CHECK (year BETWEEN 1900 AND 9998),
    amount_fen bigint NOT NULL CHECK (amount_fen > 0),
    PRIMARY KEY (seq, contract),
    UNIQUE (contract, year)
);

-- 008, 013: outside the books ---------------------------------------------------------------------

CREATE TABLE credentials (
    user_name     text COLLATE "C" PRIMARY KEY CHECK (length(user_name) BETWEEN 1 AND 100),
    password_hash text COLLATE "C" NOT NULL CHECK (length(password_hash) BETWEEN 20 AND 400),
    failed_count  bigint NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    locked_until  text COLLATE "C" CHECK (locked_until IS NULL OR locked_until ~ '^[0-9]{4}-.*Z$'),
    changed_at    text COLLATE "C" NOT NULL,
    session_stamp text COLLATE "C" NOT NULL DEFAULT '' CHECK (length(session_stamp) IN (0, 32))
);

-- SQLite numbers a row inserted without an id (INTEGER PRIMARY KEY); so does the identity here.
CREATE TABLE verify_runs (
    id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    run_at    text COLLATE "C" NOT NULL,
    by        text COLLATE "C" NOT NULL,
    ok        bigint NOT NULL CHECK (ok IN (0, 1)),
    entries   bigint NOT NULL CHECK (entries >= 0),
    head_hash text COLLATE "C",
    problems  bigint NOT NULL CHECK (problems >= 0)
);

-- 009: outside the books --------------------------------------------------------------------------

CREATE TABLE notice_files (
    disclosure_seq bigint NOT NULL,
    file_no        bigint NOT NULL CHECK (file_no >= 1),
    bytes          bytea NOT NULL CHECK (length(bytes) BETWEEN 1 AND 67108864),
    PRIMARY KEY (disclosure_seq, file_no),
    FOREIGN KEY (disclosure_seq, file_no) REFERENCES disclosure_files (disclosure_seq, file_no)
);

-- 010 ---------------------------------------------------------------------------------------------

CREATE TABLE feedback (
    number      bigint PRIMARY KEY CHECK (number >= 1),
    seq         bigint NOT NULL UNIQUE,
    scope       text COLLATE "C" NOT NULL CHECK (scope IN ('month', 'quarter', 'year')),
    from_period text COLLATE "C" NOT NULL CHECK (from_period ~ '^[0-9]{4}-[0-1][0-9]$'),
    to_period   text COLLATE "C" NOT NULL CHECK (to_period ~ '^[0-9]{4}-[0-1][0-9]$' AND to_period >= from_period),
    date        text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    item        text COLLATE "C" NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
    question    text COLLATE "C" NOT NULL CHECK (length(question) BETWEEN 1 AND 1000),
    contact     text COLLATE "C" CHECK (contact IS NULL OR length(contact) BETWEEN 1 AND 50)
);

CREATE TABLE feedback_answers (
    feedback bigint PRIMARY KEY REFERENCES feedback (number),
    seq      bigint NOT NULL UNIQUE,
    date     text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    by       text COLLATE "C" NOT NULL CHECK (length(by) BETWEEN 1 AND 100),
    answer   text COLLATE "C" NOT NULL CHECK (length(answer) BETWEEN 1 AND 1000)
);

-- 011, 018: the sums kept by triggers --------------------------------------------------------------

CREATE TABLE account_turnover (
    period     text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-[01][0-9]$'),
    account    text COLLATE "C" NOT NULL,
    kind       text COLLATE "C" NOT NULL CHECK (kind IN ('normal', 'opening', 'closing')),
    fund       text COLLATE "C" NOT NULL,
    debit_fen  bigint NOT NULL,
    credit_fen bigint NOT NULL,
    PRIMARY KEY (period, account, kind, fund)
);

CREATE TABLE fund_days (
    fund       text COLLATE "C" NOT NULL,
    date       text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
    debit_fen  bigint NOT NULL,
    credit_fen bigint NOT NULL,
    PRIMARY KEY (fund, date)
);

-- 012 ---------------------------------------------------------------------------------------------

CREATE TABLE notices (
    number         bigint PRIMARY KEY CHECK (number >= 1),
    seq            bigint NOT NULL UNIQUE,
    scope          text COLLATE "C" NOT NULL CHECK (scope IN ('month', 'quarter', 'year')),
    from_period    text COLLATE "C" NOT NULL CHECK (from_period ~ '^[0-9]{4}-[0-1][0-9]$'),
    to_period      text COLLATE "C" NOT NULL CHECK (to_period ~ '^[0-9]{4}-[0-1][0-9]$' AND to_period >= from_period),
    date           text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    checkpoint     text COLLATE "C" NOT NULL,
    content_sha256 text COLLATE "C" NOT NULL CHECK (length(content_sha256) = 64),
    by             text COLLATE "C" NOT NULL CHECK (length(by) BETWEEN 1 AND 100)
);

CREATE TABLE notice_reviews (
    notice         bigint PRIMARY KEY REFERENCES notices (number),
    seq            bigint NOT NULL UNIQUE,
    content_sha256 text COLLATE "C" NOT NULL CHECK (length(content_sha256) = 64),
    date           text COLLATE "C" NOT NULL CHECK (date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
    opinion        text COLLATE "C" NOT NULL CHECK (length(opinion) BETWEEN 1 AND 200),
    by             text COLLATE "C" NOT NULL CHECK (length(by) BETWEEN 1 AND 100)
);

CREATE TABLE notice_publications (
    disclosure_seq bigint PRIMARY KEY REFERENCES disclosures (seq),
    notice         bigint NOT NULL UNIQUE REFERENCES notices (number)
);

-- 014 ---------------------------------------------------------------------------------------------

-- "user" is a reserved word in PostgreSQL (unquoted, it is the current user's name): always quote it.
CREATE TABLE user_credentials (
    seq    bigint PRIMARY KEY,
    "user" text COLLATE "C" NOT NULL CHECK (length("user") BETWEEN 1 AND 100),
    action text COLLATE "C" NOT NULL CHECK (action IN ('enrolment_issued', 'credential_set')),
    by     text COLLATE "C" NOT NULL CHECK (length(by) BETWEEN 1 AND 100),
    via    text COLLATE "C" CHECK (via IS NULL AND action = 'enrolment_issued' OR via IN ('server', 'enrolment', 'self') AND action = 'credential_set')
);
CREATE INDEX user_credentials_by_user ON user_credentials ("user", seq);

-- Outside the books.
CREATE TABLE enrolment_codes (
    user_name    text COLLATE "C" PRIMARY KEY CHECK (length(user_name) BETWEEN 1 AND 100),
    code_hash    text COLLATE "C" NOT NULL CHECK (length(code_hash) BETWEEN 20 AND 400),
    issued_by    text COLLATE "C" NOT NULL,
    issued_at    text COLLATE "C" NOT NULL,
    expires_at   text COLLATE "C" NOT NULL CHECK (expires_at ~ '^[0-9]{4}-.*Z$'),
    failed_count bigint NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    locked_until text COLLATE "C" CHECK (locked_until IS NULL OR locked_until ~ '^[0-9]{4}-.*Z$')
);

-- 015 ---------------------------------------------------------------------------------------------

CREATE TABLE role_changes (
    seq    bigint PRIMARY KEY,
    key    text COLLATE "C" NOT NULL CHECK (key IN ('role.reviewer', 'role.finance_lead', 'role.committee_chair', 'role.supervisor')),
    action text COLLATE "C" NOT NULL CHECK (action IN ('requested', 'approved')),
    by     text COLLATE "C" NOT NULL,
    role   text COLLATE "C" CHECK (role IN ('committee_chair', 'supervisor')),
    value  text COLLATE "C" NOT NULL CHECK (length(value) <= 200),
    CHECK ((action = 'approved') = (role IS NOT NULL))
);

-- 022: outside the books --------------------------------------------------------------------------

CREATE TABLE witness_cosignatures (
    witness     text COLLATE "C" NOT NULL CHECK (length(witness) BETWEEN 1 AND 400),
    key_id      text COLLATE "C" NOT NULL CHECK (length(key_id) = 8),
    size        bigint NOT NULL CHECK (size >= 0),
    root        text COLLATE "C" NOT NULL CHECK (length(root) = 44),
    line        text COLLATE "C" NOT NULL CHECK (line LIKE '— %'),
    received_at text COLLATE "C" NOT NULL,
    PRIMARY KEY (witness, key_id, size)
);

-- Never edited, never deleted ---------------------------------------------------------------------
-- SQLite's BEFORE UPDATE / BEFORE DELETE triggers, row by row as there (an UPDATE or DELETE of no row
-- passes), each with its message; TRUNCATE, which PostgreSQL has and row triggers do not see, is
-- refused with the delete's message.

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change('audit_log is append-only');
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change('audit_log is append-only');
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log EXECUTE FUNCTION refuse_change('audit_log is append-only');

CREATE TRIGGER vouchers_no_update BEFORE UPDATE ON vouchers FOR EACH ROW EXECUTE FUNCTION refuse_change('posted vouchers are never edited; reverse them');
CREATE TRIGGER vouchers_no_delete BEFORE DELETE ON vouchers FOR EACH ROW EXECUTE FUNCTION refuse_change('posted vouchers are never deleted; reverse them');
CREATE TRIGGER vouchers_no_truncate BEFORE TRUNCATE ON vouchers EXECUTE FUNCTION refuse_change('posted vouchers are never deleted; reverse them');
CREATE TRIGGER voucher_lines_no_update BEFORE UPDATE ON voucher_lines FOR EACH ROW EXECUTE FUNCTION refuse_change('posted voucher lines are never edited');
CREATE TRIGGER voucher_lines_no_delete BEFORE DELETE ON voucher_lines FOR EACH ROW EXECUTE FUNCTION refuse_change('posted voucher lines are never deleted');
CREATE TRIGGER voucher_lines_no_truncate BEFORE TRUNCATE ON voucher_lines EXECUTE FUNCTION refuse_change('posted voucher lines are never deleted');

CREATE TRIGGER disclosures_no_update BEFORE UPDATE ON disclosures FOR EACH ROW EXECUTE FUNCTION refuse_change('published notices are never edited');
CREATE TRIGGER disclosures_no_delete BEFORE DELETE ON disclosures FOR EACH ROW EXECUTE FUNCTION refuse_change('published notices are never deleted');
CREATE TRIGGER disclosures_no_truncate BEFORE TRUNCATE ON disclosures EXECUTE FUNCTION refuse_change('published notices are never deleted');

CREATE TRIGGER drafts_no_update BEFORE UPDATE ON drafts FOR EACH ROW EXECUTE FUNCTION refuse_change('drafts are insert-only');
CREATE TRIGGER drafts_no_delete BEFORE DELETE ON drafts FOR EACH ROW EXECUTE FUNCTION refuse_change('drafts are insert-only');
CREATE TRIGGER drafts_no_truncate BEFORE TRUNCATE ON drafts EXECUTE FUNCTION refuse_change('drafts are insert-only');
CREATE TRIGGER draft_steps_no_update BEFORE UPDATE ON draft_steps FOR EACH ROW EXECUTE FUNCTION refuse_change('approval steps are insert-only');
CREATE TRIGGER draft_steps_no_delete BEFORE DELETE ON draft_steps FOR EACH ROW EXECUTE FUNCTION refuse_change('approval steps are insert-only');
CREATE TRIGGER draft_steps_no_truncate BEFORE TRUNCATE ON draft_steps EXECUTE FUNCTION refuse_change('approval steps are insert-only');
CREATE TRIGGER period_reopens_no_update BEFORE UPDATE ON period_reopens FOR EACH ROW EXECUTE FUNCTION refuse_change('period reopenings are insert-only');
CREATE TRIGGER period_reopens_no_delete BEFORE DELETE ON period_reopens FOR EACH ROW EXECUTE FUNCTION refuse_change('period reopenings are insert-only');
CREATE TRIGGER period_reopens_no_truncate BEFORE TRUNCATE ON period_reopens EXECUTE FUNCTION refuse_change('period reopenings are insert-only');

CREATE TRIGGER years_no_update BEFORE UPDATE ON years FOR EACH ROW EXECUTE FUNCTION refuse_change('closed years are never reopened here');
CREATE TRIGGER years_no_delete BEFORE DELETE ON years FOR EACH ROW EXECUTE FUNCTION refuse_change('closed years are never reopened here');
CREATE TRIGGER years_no_truncate BEFORE TRUNCATE ON years EXECUTE FUNCTION refuse_change('closed years are never reopened here');

CREATE TRIGGER assets_no_update BEFORE UPDATE ON assets FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER assets_no_delete BEFORE DELETE ON assets FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER assets_no_truncate BEFORE TRUNCATE ON assets EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER asset_depreciation_no_update BEFORE UPDATE ON asset_depreciation FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER asset_depreciation_no_delete BEFORE DELETE ON asset_depreciation FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER asset_depreciation_no_truncate BEFORE TRUNCATE ON asset_depreciation EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER asset_disposals_no_update BEFORE UPDATE ON asset_disposals FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER asset_disposals_no_delete BEFORE DELETE ON asset_disposals FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER asset_disposals_no_truncate BEFORE TRUNCATE ON asset_disposals EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER herd_changes_no_update BEFORE UPDATE ON herd_changes FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER herd_changes_no_delete BEFORE DELETE ON herd_changes FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER herd_changes_no_truncate BEFORE TRUNCATE ON herd_changes EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER asset_cost_changes_no_update BEFORE UPDATE ON asset_cost_changes FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER asset_cost_changes_no_delete BEFORE DELETE ON asset_cost_changes FOR EACH ROW EXECUTE FUNCTION refuse_change('the asset register is insert-only');
CREATE TRIGGER asset_cost_changes_no_truncate BEFORE TRUNCATE ON asset_cost_changes EXECUTE FUNCTION refuse_change('the asset register is insert-only');

CREATE TRIGGER distributions_no_update BEFORE UPDATE ON distributions FOR EACH ROW EXECUTE FUNCTION refuse_change('a distribution plan is never changed');
CREATE TRIGGER distributions_no_delete BEFORE DELETE ON distributions FOR EACH ROW EXECUTE FUNCTION refuse_change('a distribution plan is never changed');
CREATE TRIGGER distributions_no_truncate BEFORE TRUNCATE ON distributions EXECUTE FUNCTION refuse_change('a distribution plan is never changed');
CREATE TRIGGER distribution_households_no_update BEFORE UPDATE ON distribution_households FOR EACH ROW EXECUTE FUNCTION refuse_change('a distribution plan is never changed');
CREATE TRIGGER distribution_households_no_delete BEFORE DELETE ON distribution_households FOR EACH ROW EXECUTE FUNCTION refuse_change('a distribution plan is never changed');
CREATE TRIGGER distribution_households_no_truncate BEFORE TRUNCATE ON distribution_households EXECUTE FUNCTION refuse_change('a distribution plan is never changed');
CREATE TRIGGER distribution_steps_no_update BEFORE UPDATE ON distribution_steps FOR EACH ROW EXECUTE FUNCTION refuse_change('distribution steps are never changed');
CREATE TRIGGER distribution_steps_no_delete BEFORE DELETE ON distribution_steps FOR EACH ROW EXECUTE FUNCTION refuse_change('distribution steps are never changed');
CREATE TRIGGER distribution_steps_no_truncate BEFORE TRUNCATE ON distribution_steps EXECUTE FUNCTION refuse_change('distribution steps are never changed');

CREATE TRIGGER contracts_no_update BEFORE UPDATE ON contracts FOR EACH ROW EXECUTE FUNCTION refuse_change('the contract register is insert-only');
CREATE TRIGGER contracts_no_delete BEFORE DELETE ON contracts FOR EACH ROW EXECUTE FUNCTION refuse_change('the contract register is insert-only');
CREATE TRIGGER contracts_no_truncate BEFORE TRUNCATE ON contracts EXECUTE FUNCTION refuse_change('the contract register is insert-only');
CREATE TRIGGER contract_receipts_no_update BEFORE UPDATE ON contract_receipts FOR EACH ROW EXECUTE FUNCTION refuse_change('the contract register is insert-only');
CREATE TRIGGER contract_receipts_no_delete BEFORE DELETE ON contract_receipts FOR EACH ROW EXECUTE FUNCTION refuse_change('the contract register is insert-only');
CREATE TRIGGER contract_receipts_no_truncate BEFORE TRUNCATE ON contract_receipts EXECUTE FUNCTION refuse_change('the contract register is insert-only');
CREATE TRIGGER contract_recognitions_no_update BEFORE UPDATE ON contract_recognitions FOR EACH ROW EXECUTE FUNCTION refuse_change('the contract register is insert-only');
CREATE TRIGGER contract_recognitions_no_delete BEFORE DELETE ON contract_recognitions FOR EACH ROW EXECUTE FUNCTION refuse_change('the contract register is insert-only');
CREATE TRIGGER contract_recognitions_no_truncate BEFORE TRUNCATE ON contract_recognitions EXECUTE FUNCTION refuse_change('the contract register is insert-only');

CREATE TRIGGER notice_files_no_update BEFORE UPDATE ON notice_files FOR EACH ROW EXECUTE FUNCTION refuse_change('published notice files are never edited');
CREATE TRIGGER notice_files_no_delete BEFORE DELETE ON notice_files FOR EACH ROW EXECUTE FUNCTION refuse_change('published notice files are never deleted');
CREATE TRIGGER notice_files_no_truncate BEFORE TRUNCATE ON notice_files EXECUTE FUNCTION refuse_change('published notice files are never deleted');

CREATE TRIGGER feedback_no_update BEFORE UPDATE ON feedback FOR EACH ROW EXECUTE FUNCTION refuse_change('feedback is never edited');
CREATE TRIGGER feedback_no_delete BEFORE DELETE ON feedback FOR EACH ROW EXECUTE FUNCTION refuse_change('feedback is never deleted');
CREATE TRIGGER feedback_no_truncate BEFORE TRUNCATE ON feedback EXECUTE FUNCTION refuse_change('feedback is never deleted');
CREATE TRIGGER feedback_answers_no_update BEFORE UPDATE ON feedback_answers FOR EACH ROW EXECUTE FUNCTION refuse_change('answers are never edited');
CREATE TRIGGER feedback_answers_no_delete BEFORE DELETE ON feedback_answers FOR EACH ROW EXECUTE FUNCTION refuse_change('answers are never deleted');
CREATE TRIGGER feedback_answers_no_truncate BEFORE TRUNCATE ON feedback_answers EXECUTE FUNCTION refuse_change('answers are never deleted');

CREATE TRIGGER notices_no_update BEFORE UPDATE ON notices FOR EACH ROW EXECUTE FUNCTION refuse_change('prepared notices are never edited');
CREATE TRIGGER notices_no_delete BEFORE DELETE ON notices FOR EACH ROW EXECUTE FUNCTION refuse_change('prepared notices are never deleted');
CREATE TRIGGER notices_no_truncate BEFORE TRUNCATE ON notices EXECUTE FUNCTION refuse_change('prepared notices are never deleted');
CREATE TRIGGER notice_reviews_no_update BEFORE UPDATE ON notice_reviews FOR EACH ROW EXECUTE FUNCTION refuse_change('reviews are never edited');
CREATE TRIGGER notice_reviews_no_delete BEFORE DELETE ON notice_reviews FOR EACH ROW EXECUTE FUNCTION refuse_change('reviews are never deleted');
CREATE TRIGGER notice_reviews_no_truncate BEFORE TRUNCATE ON notice_reviews EXECUTE FUNCTION refuse_change('reviews are never deleted');
CREATE TRIGGER notice_publications_no_update BEFORE UPDATE ON notice_publications FOR EACH ROW EXECUTE FUNCTION refuse_change('publications are never edited');
CREATE TRIGGER notice_publications_no_delete BEFORE DELETE ON notice_publications FOR EACH ROW EXECUTE FUNCTION refuse_change('publications are never deleted');
CREATE TRIGGER notice_publications_no_truncate BEFORE TRUNCATE ON notice_publications EXECUTE FUNCTION refuse_change('publications are never deleted');

CREATE TRIGGER user_credentials_no_update BEFORE UPDATE ON user_credentials FOR EACH ROW EXECUTE FUNCTION refuse_change('the credential history is never edited');
CREATE TRIGGER user_credentials_no_delete BEFORE DELETE ON user_credentials FOR EACH ROW EXECUTE FUNCTION refuse_change('the credential history is never deleted');
CREATE TRIGGER user_credentials_no_truncate BEFORE TRUNCATE ON user_credentials EXECUTE FUNCTION refuse_change('the credential history is never deleted');

CREATE TRIGGER role_changes_no_update BEFORE UPDATE ON role_changes FOR EACH ROW EXECUTE FUNCTION refuse_change('role changes are insert-only');
CREATE TRIGGER role_changes_no_delete BEFORE DELETE ON role_changes FOR EACH ROW EXECUTE FUNCTION refuse_change('role changes are insert-only');
CREATE TRIGGER role_changes_no_truncate BEFORE TRUNCATE ON role_changes EXECUTE FUNCTION refuse_change('role changes are insert-only');

CREATE TRIGGER witness_cosignatures_no_update BEFORE UPDATE ON witness_cosignatures FOR EACH ROW EXECUTE FUNCTION refuse_change('cosignatures are never edited');
CREATE TRIGGER witness_cosignatures_no_delete BEFORE DELETE ON witness_cosignatures FOR EACH ROW EXECUTE FUNCTION refuse_change('cosignatures are never deleted');
CREATE TRIGGER witness_cosignatures_no_truncate BEFORE TRUNCATE ON witness_cosignatures EXECUTE FUNCTION refuse_change('cosignatures are never deleted');

-- Core's rules, mirrored ----------------------------------------------------------------------------
-- A rule of SQLite's that looks into other tables is a BEFORE INSERT trigger of the same name here.
-- Where SQLite has several on one table it fires the one made last first; PostgreSQL fires triggers
-- by name, so those are one function each, checking in SQLite's order: the same message wins when
-- a row breaks two rules.

-- vouchers_prior_year_closed (004), vouchers_closing_year_end (004), vouchers_open_period (003).
CREATE FUNCTION vouchers_rules() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    voucher_year bigint;
BEGIN
    -- vouchers_prior_year_closed (004): a voucher of year Y+1 needs year Y closed or the opening of
    -- Y+1 declared, once Y lies in the ledger's life. (A date that does not start with a year is
    -- refused by its CHECK, as SQLite's CAST would find no year to compare.)
    IF NEW.date ~ '^[0-9]{4}' THEN
        voucher_year := substr(NEW.date, 1, 4)::bigint;
        IF voucher_year - 1 >= (SELECT substr(start_period, 1, 4)::bigint FROM ledger LIMIT 1)
           AND NOT EXISTS (SELECT 1 FROM years
                           WHERE (year = voucher_year - 1 AND status = 'closed')
                              OR (year = voucher_year AND status = 'opened')) THEN
            RAISE EXCEPTION 'PriorYearNotClosed';
        END IF;
    END IF;
    -- vouchers_closing_year_end (004): closing vouchers are dated 31 December.
    IF NEW.kind = 'closing' AND substr(NEW.date, 6) <> '12-31' THEN
        RAISE EXCEPTION 'closing vouchers are dated 31 December';
    END IF;
    -- vouchers_open_period (003): no posting into a closed month.
    IF EXISTS (SELECT 1 FROM closed_now WHERE period = NEW.period) THEN
        RAISE EXCEPTION 'PeriodClosed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER vouchers_rules BEFORE INSERT ON vouchers FOR EACH ROW EXECUTE FUNCTION vouchers_rules();

CREATE FUNCTION voucher_lines_leaf_account() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM accounts WHERE parent = NEW.account) THEN
        RAISE EXCEPTION 'AccountNotLeaf';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER voucher_lines_leaf_account BEFORE INSERT ON voucher_lines FOR EACH ROW EXECUTE FUNCTION voucher_lines_leaf_account();

CREATE FUNCTION accounts_parent_without_postings() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM voucher_lines WHERE account = NEW.parent) THEN
        RAISE EXCEPTION 'AccountHasPostings';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER accounts_parent_without_postings BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION accounts_parent_without_postings();

-- A year is recorded closed only after its December closed (SQLite: printf('%04d-12', year)).
CREATE FUNCTION years_closed_after_december() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.status = 'closed' AND NOT EXISTS (
        SELECT 1 FROM closed_periods WHERE period = repeat('0', 4 - length(NEW.year::text)) || NEW.year::text || '-12') THEN
        RAISE EXCEPTION 'EarlierPeriodOpen';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER years_closed_after_december BEFORE INSERT ON years FOR EACH ROW EXECUTE FUNCTION years_closed_after_december();

-- The party must be registered.
CREATE FUNCTION contracts_party_known() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.party NOT IN (SELECT code FROM members UNION ALL SELECT code FROM counterparties) THEN
        RAISE EXCEPTION 'a contract party is a registered member or counterparty';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER contracts_party_known BEFORE INSERT ON contracts FOR EACH ROW EXECUTE FUNCTION contracts_party_known();

CREATE FUNCTION notice_reviews_rules() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.content_sha256 IS DISTINCT FROM (SELECT content_sha256 FROM notices WHERE number = NEW.notice)
       OR NEW."by" = (SELECT by FROM notices WHERE number = NEW.notice) THEN
        RAISE EXCEPTION 'a notice is reviewed as prepared, by someone who did not prepare it';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER notice_reviews_rules BEFORE INSERT ON notice_reviews FOR EACH ROW EXECUTE FUNCTION notice_reviews_rules();

CREATE FUNCTION notice_publications_reviewed() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM notice_reviews WHERE notice = NEW.notice) THEN
        RAISE EXCEPTION 'a notice is published only after its review';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER notice_publications_reviewed BEFORE INSERT ON notice_publications FOR EACH ROW EXECUTE FUNCTION notice_publications_reviewed();

-- An approval is of the pending request, by someone else, with the value requested.
CREATE FUNCTION role_changes_approve_pending() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.action = 'approved' AND NOT EXISTS (
        SELECT 1 FROM role_changes r
        WHERE r.key = NEW.key AND r.action = 'requested' AND r.by <> NEW."by" AND r.value = NEW.value
          AND r.seq = (SELECT MAX(q.seq) FROM role_changes q WHERE q.key = NEW.key AND q.action = 'requested')
          AND r.seq > COALESCE((SELECT MAX(a.seq) FROM role_changes a WHERE a.key = NEW.key AND a.action = 'approved'), -1)) THEN
        RAISE EXCEPTION 'RoleChangeNotRequested';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER role_changes_approve_pending BEFORE INSERT ON role_changes FOR EACH ROW EXECUTE FUNCTION role_changes_approve_pending();

-- distributions_numbered_before_approval (021), distributions_after_year_close (021), in SQLite's order.
CREATE FUNCTION distributions_rules() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    -- distributions_numbered_before_approval (021): plans are numbered 1, 2, ... per year, and none
    -- is made once the year's plan is approved.
    IF NEW.plan <> 1 + COALESCE((SELECT MAX(plan) FROM distributions WHERE year = NEW.year), 0)
       OR EXISTS (SELECT 1 FROM distribution_steps WHERE year = NEW.year AND action = 'approved') THEN
        RAISE EXCEPTION 'DistributionAlreadyDone';
    END IF;
    -- distributions_after_year_close (021): a plan only for a closed year.
    IF NOT EXISTS (SELECT 1 FROM years WHERE year = NEW.year AND status = 'closed') THEN
        RAISE EXCEPTION 'DistributionYearNotClosed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER distributions_rules BEFORE INSERT ON distributions FOR EACH ROW EXECUTE FUNCTION distributions_rules();

-- Each household receives its shares times the per-share amount of its plan, exactly.
CREATE FUNCTION distribution_households_shares_times_per_share() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF NEW.amount_fen <> NEW.shares * (SELECT per_share_fen FROM distributions WHERE year = NEW.year AND plan = NEW.plan) THEN
        RAISE EXCEPTION 'a household receives shares x per-share amount';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER distribution_households_shares_times_per_share BEFORE INSERT ON distribution_households
    FOR EACH ROW EXECUTE FUNCTION distribution_households_shares_times_per_share();

-- The steps in their order: approved after planned, of the year's current plan; posted after approved, paid after posted.
CREATE FUNCTION distribution_steps_in_order() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF (NEW.action = 'approved' AND NEW.plan IS DISTINCT FROM (SELECT MAX(plan) FROM distributions WHERE year = NEW.year))
       OR (NEW.action = 'posted' AND NOT EXISTS (SELECT 1 FROM distribution_steps WHERE year = NEW.year AND action = 'approved'))
       OR (NEW.action = 'paid' AND NOT EXISTS (SELECT 1 FROM distribution_steps WHERE year = NEW.year AND action = 'posted')) THEN
        RAISE EXCEPTION 'DistributionNotApproved';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER distribution_steps_in_order BEFORE INSERT ON distribution_steps FOR EACH ROW EXECUTE FUNCTION distribution_steps_in_order();

-- The sums, kept in the statement that inserts each line (011, 018) -----------------------------------

CREATE FUNCTION voucher_lines_turnover() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO account_turnover AS t (period, account, kind, fund, debit_fen, credit_fen)
    SELECT v.period, NEW.account, v.kind, COALESCE(NEW.fund, ''), NEW.debit_fen, NEW.credit_fen FROM vouchers v WHERE v.seq = NEW.voucher_seq
    ON CONFLICT (period, account, kind, fund) DO UPDATE
    SET debit_fen = t.debit_fen + excluded.debit_fen, credit_fen = t.credit_fen + excluded.credit_fen;
    RETURN NULL;
END $$;
CREATE TRIGGER voucher_lines_turnover AFTER INSERT ON voucher_lines FOR EACH ROW EXECUTE FUNCTION voucher_lines_turnover();

-- A fund's cash and bank lines (SQLite: account GLOB '101*' OR account GLOB '102*').
CREATE FUNCTION voucher_lines_fund_days() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    INSERT INTO fund_days AS f (fund, date, debit_fen, credit_fen)
    SELECT NEW.fund, v.date, NEW.debit_fen, NEW.credit_fen FROM vouchers v WHERE v.seq = NEW.voucher_seq
    ON CONFLICT (fund, date) DO UPDATE
    SET debit_fen = f.debit_fen + excluded.debit_fen, credit_fen = f.credit_fen + excluded.credit_fen;
    RETURN NULL;
END $$;
CREATE TRIGGER voucher_lines_fund_days AFTER INSERT ON voucher_lines FOR EACH ROW
    WHEN (NEW.fund IS NOT NULL AND substr(NEW.account, 1, 3) IN ('101', '102'))
    EXECUTE FUNCTION voucher_lines_fund_days();
