-- Version 8: sign-in credentials of the web workspace (cledger serve).
--
-- OUTSIDE THE BOOKS, like PRAGMA user_version: no audit entry writes this table and replay does not
-- rebuild it, so verify does not compare it (Table.OutsideTheBooks names it), `log export` and
-- `export hledger` never read it, and nothing in it is ever part of a notice or checkpoint. A
-- password is stored only as ASP.NET Core Identity's salted PBKDF2 hash; who may do what is not
-- here but in the books, as the role.* settings (granting a role is an audit entry, a password is not).
CREATE TABLE credentials (
    user_name      TEXT PRIMARY KEY CHECK (length(user_name) BETWEEN 1 AND 100),
    password_hash  TEXT NOT NULL CHECK (length(password_hash) BETWEEN 20 AND 400),
    failed_count   INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    locked_until   TEXT CHECK (locked_until IS NULL OR locked_until GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    changed_at     TEXT NOT NULL
) STRICT;

-- The results of verify runs started from the workspace (its dashboard shows the last one). Also
-- outside the books: a record of having looked, not a change of the ledger; verify itself does not
-- read it, so a row edited here can only misreport the past, never hide a problem in the next run.
CREATE TABLE verify_runs (
    id          INTEGER PRIMARY KEY,
    run_at      TEXT NOT NULL,
    by          TEXT NOT NULL,
    ok          INTEGER NOT NULL CHECK (ok IN (0, 1)),
    entries     INTEGER NOT NULL CHECK (entries >= 0),
    head_hash   TEXT,
    problems    INTEGER NOT NULL CHECK (problems >= 0)
) STRICT;
