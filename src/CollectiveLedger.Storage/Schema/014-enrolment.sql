-- Version 14: who created every sign-in credential (issue 12, finding 2; audit-log.md 7.21), and the
-- one-time enrolment codes the administrator hands over instead of typing someone else's password.

-- The projection of user.enrolment_issued and user.credential_set: insert-only, compared by verify
-- like every other table. Names only: no password, code or hash is ever in the books.
CREATE TABLE user_credentials (
    seq    INTEGER PRIMARY KEY,                                  -- the entry
    user   TEXT NOT NULL CHECK (length(user) BETWEEN 1 AND 100),
    action TEXT NOT NULL CHECK (action IN ('enrolment_issued', 'credential_set')),
    by     TEXT NOT NULL CHECK (length(by) BETWEEN 1 AND 100),
    via    TEXT CHECK (via IS NULL AND action = 'enrolment_issued' OR via IN ('server', 'enrolment', 'self') AND action = 'credential_set')
) STRICT;

CREATE INDEX user_credentials_by_user ON user_credentials (user, seq);

CREATE TRIGGER user_credentials_no_update BEFORE UPDATE ON user_credentials
BEGIN SELECT RAISE(ABORT, 'the credential history is never edited'); END;
CREATE TRIGGER user_credentials_no_delete BEFORE DELETE ON user_credentials
BEGIN SELECT RAISE(ABORT, 'the credential history is never deleted'); END;

-- OUTSIDE THE BOOKS, like credentials (Schema/008): the enrolment code waiting for each user, as a
-- salted slow hash only (the code itself is shown once to the administrator), with its expiry and
-- the count of wrong codes (locked like a sign-in). A new code replaces the old; using it deletes it,
-- in the same transaction that stores the password and appends user.credential_set.
CREATE TABLE enrolment_codes (
    user_name    TEXT PRIMARY KEY CHECK (length(user_name) BETWEEN 1 AND 100),
    code_hash    TEXT NOT NULL CHECK (length(code_hash) BETWEEN 20 AND 400),
    issued_by    TEXT NOT NULL,
    issued_at    TEXT NOT NULL,
    expires_at   TEXT NOT NULL CHECK (expires_at GLOB '[0-9][0-9][0-9][0-9]-*Z'),
    failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
    locked_until TEXT CHECK (locked_until IS NULL OR locked_until GLOB '[0-9][0-9][0-9][0-9]-*Z')
) STRICT;
