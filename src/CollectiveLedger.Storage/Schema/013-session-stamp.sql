-- Version 13: a random session stamp for each web workspace user (issue 12, item 9).
--
-- OUTSIDE THE BOOKS, like the rest of the credentials table (Schema/008): no audit entry writes it,
-- replay does not rebuild it, nothing exports it. The sign-in cookie carries a digest of the password
-- hash and this stamp, checked on every request; signing out draws a new stamp, so that a cookie
-- copied before sign-out no longer signs anyone in (the cookie itself would hold for 8 hours).
ALTER TABLE credentials ADD COLUMN session_stamp TEXT NOT NULL DEFAULT '' CHECK (length(session_stamp) IN (0, 32));
UPDATE credentials SET session_stamp = lower(hex(randomblob(16)));
