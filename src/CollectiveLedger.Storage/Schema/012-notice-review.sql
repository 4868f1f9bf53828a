-- Version 12: notices prepared, reviewed by the supervision committee, then published (audit-log.md
-- 7.18, 7.19 and 7.9's notice). Insert-only projections of notice.prepared and notice.reviewed,
-- compared by verify like every other table; the CHECKs and triggers mirror NoticeRules.

CREATE TABLE notices (
    number         INTEGER PRIMARY KEY CHECK (number >= 1),
    seq            INTEGER NOT NULL UNIQUE,                  -- the notice.prepared entry
    scope          TEXT NOT NULL CHECK (scope IN ('month', 'quarter', 'year')),
    from_period    TEXT NOT NULL CHECK (from_period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    to_period      TEXT NOT NULL CHECK (to_period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' AND to_period >= from_period),
    date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    checkpoint     TEXT NOT NULL,                            -- the signed note the notice prints
    content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
    by             TEXT NOT NULL CHECK (length(by) BETWEEN 1 AND 100)
) STRICT;

CREATE TABLE notice_reviews (
    notice         INTEGER PRIMARY KEY REFERENCES notices (number),  -- reviewed once
    seq            INTEGER NOT NULL UNIQUE,                           -- the notice.reviewed entry
    content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),
    date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    opinion        TEXT NOT NULL CHECK (length(opinion) BETWEEN 1 AND 200),
    by             TEXT NOT NULL CHECK (length(by) BETWEEN 1 AND 100)
) STRICT;

-- Which prepared and reviewed notice a publication publishes (disclosure.published's notice;
-- publications written before it have no row), each notice once.
CREATE TABLE notice_publications (
    disclosure_seq INTEGER PRIMARY KEY REFERENCES disclosures (seq),
    notice         INTEGER NOT NULL UNIQUE REFERENCES notices (number)
) STRICT;

CREATE TRIGGER notice_reviews_rules BEFORE INSERT ON notice_reviews
WHEN NEW.content_sha256 IS NOT (SELECT content_sha256 FROM notices WHERE number = NEW.notice)
  OR NEW.by = (SELECT by FROM notices WHERE number = NEW.notice)
BEGIN SELECT RAISE(ABORT, 'a notice is reviewed as prepared, by someone who did not prepare it'); END;

CREATE TRIGGER notice_publications_reviewed BEFORE INSERT ON notice_publications
WHEN NOT EXISTS (SELECT 1 FROM notice_reviews WHERE notice = NEW.notice)
BEGIN SELECT RAISE(ABORT, 'a notice is published only after its review'); END;

CREATE TRIGGER notices_no_update BEFORE UPDATE ON notices
BEGIN SELECT RAISE(ABORT, 'prepared notices are never edited'); END;
CREATE TRIGGER notices_no_delete BEFORE DELETE ON notices
BEGIN SELECT RAISE(ABORT, 'prepared notices are never deleted'); END;
CREATE TRIGGER notice_reviews_no_update BEFORE UPDATE ON notice_reviews
BEGIN SELECT RAISE(ABORT, 'reviews are never edited'); END;
CREATE TRIGGER notice_reviews_no_delete BEFORE DELETE ON notice_reviews
BEGIN SELECT RAISE(ABORT, 'reviews are never deleted'); END;
CREATE TRIGGER notice_publications_no_update BEFORE UPDATE ON notice_publications
BEGIN SELECT RAISE(ABORT, 'publications are never edited'); END;
CREATE TRIGGER notice_publications_no_delete BEFORE DELETE ON notice_publications
BEGIN SELECT RAISE(ABORT, 'publications are never deleted'); END;
