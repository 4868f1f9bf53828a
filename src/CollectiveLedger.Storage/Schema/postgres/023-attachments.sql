-- Version 23 for a PostgreSQL village: Schema/023-attachments.sql's tables, the same shape (Storage's
-- README, "PostgreSQL"). Run with the village's schema first in the search_path.
CREATE TABLE attachment_files (
    sha256 text COLLATE "C" PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    bytes  bytea NOT NULL CHECK (length(bytes) BETWEEN 1 AND 10485760)
);

CREATE TABLE voucher_attachments (
    seq        bigint PRIMARY KEY,
    period     text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-[01][0-9]$'),
    number     bigint NOT NULL CHECK (number >= 1),
    sha256     text COLLATE "C" NOT NULL REFERENCES attachment_files (sha256),
    media_type text COLLATE "C" NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes bigint NOT NULL CHECK (size_bytes BETWEEN 1 AND 10485760),
    pages      bigint NOT NULL CHECK (pages BETWEEN 1 AND 10000 AND (pages = 1 OR media_type = 'application/pdf')),
    file_name  text COLLATE "C" NOT NULL CHECK (length(file_name) BETWEEN 1 AND 100),
    UNIQUE (period, number, sha256),
    FOREIGN KEY (period, number) REFERENCES vouchers (period, number)
);

CREATE TRIGGER attachment_files_no_update BEFORE UPDATE ON attachment_files FOR EACH ROW EXECUTE FUNCTION refuse_change('attachment files are never edited');
CREATE TRIGGER attachment_files_no_delete BEFORE DELETE ON attachment_files FOR EACH ROW EXECUTE FUNCTION refuse_change('attachment files are never deleted');
CREATE TRIGGER attachment_files_no_truncate BEFORE TRUNCATE ON attachment_files EXECUTE FUNCTION refuse_change('attachment files are never deleted');
CREATE TRIGGER voucher_attachments_no_update BEFORE UPDATE ON voucher_attachments FOR EACH ROW EXECUTE FUNCTION refuse_change('attachments are never edited');
CREATE TRIGGER voucher_attachments_no_delete BEFORE DELETE ON voucher_attachments FOR EACH ROW EXECUTE FUNCTION refuse_change('attachments are never deleted');
CREATE TRIGGER voucher_attachments_no_truncate BEFORE TRUNCATE ON voucher_attachments EXECUTE FUNCTION refuse_change('attachments are never deleted');
