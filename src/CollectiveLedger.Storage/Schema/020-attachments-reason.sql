-- Version 20: why a cash or bank voucher has no 原始凭证 attached (issue 13, audit-log.md 7.5,
-- optional key attachments_reason). Null in every voucher posted before it, and whenever the voucher
-- has attachments or needs none. Core's rule, mirrored: 1 to 100 characters.
ALTER TABLE vouchers ADD COLUMN attachments_reason TEXT
    CHECK (attachments_reason IS NULL OR length(attachments_reason) BETWEEN 1 AND 100);
