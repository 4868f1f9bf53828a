-- Version 23: 原始凭证 kept as files with their vouchers (issue 17, audit-log.md 7.22). Its PostgreSQL
-- half is Schema/postgres/023-attachments.sql.
--
-- voucher_attachments is the projection of attachment.added, compared by verify like every other
-- table. attachment_files holds the bytes, keyed by their SHA-256 (one copy of a file however many
-- vouchers keep it). The bytes are not in the log (a photo is far larger than an entry): verify holds
-- each stored file to the hash and size its entries record, and names a file missing, altered or kept
-- without an entry (LedgerVerifier). Both are insert-only. CHECKs mirror AttachmentFileRules: JPEG, PNG
-- or PDF, 1 byte to 10 MB, one page unless a PDF, a name of 1..100 characters, a file once a voucher.
CREATE TABLE attachment_files (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    bytes  BLOB NOT NULL CHECK (length(bytes) BETWEEN 1 AND 10485760)
) STRICT;

CREATE TABLE voucher_attachments (
    seq        INTEGER PRIMARY KEY,                      -- the attachment.added entry
    period     TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
    number     INTEGER NOT NULL CHECK (number >= 1),
    sha256     TEXT NOT NULL REFERENCES attachment_files (sha256),
    media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes INTEGER NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    pages      INTEGER NOT NULL CHECK (pages BETWEEN 1 AND 10000 AND (pages = 1 OR media_type = 'application/pdf')),
    file_name  TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 100),
    UNIQUE (period, number, sha256),
    FOREIGN KEY (period, number) REFERENCES vouchers (period, number)
) STRICT;

CREATE TRIGGER attachment_files_no_update BEFORE UPDATE ON attachment_files
BEGIN SELECT RAISE(ABORT, 'attachment files are never edited'); END;
CREATE TRIGGER attachment_files_no_delete BEFORE DELETE ON attachment_files
BEGIN SELECT RAISE(ABORT, 'attachment files are never deleted'); END;
CREATE TRIGGER voucher_attachments_no_update BEFORE UPDATE ON voucher_attachments
BEGIN SELECT RAISE(ABORT, 'attachments are never edited'); END;
CREATE TRIGGER voucher_attachments_no_delete BEFORE DELETE ON voucher_attachments
BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;
