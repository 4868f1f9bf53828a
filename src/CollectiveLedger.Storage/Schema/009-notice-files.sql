-- Version 9: the bytes of every notice the web workspace publishes, so that the public page can
-- serve them for as long as the books are kept.
--
-- OUTSIDE THE BOOKS, like credentials: no entry writes this table and replay does not rebuild it
-- (Table.OutsideTheBooks names it). It needs no replay to be trusted: the disclosure.published entry
-- of each notice records every file's SHA-256 (disclosure_files, checked by verify like every
-- projection), and the public page serves a file only when its bytes still hash to that value, so
-- an edited file is refused rather than shown. Files are written in the same transaction as their
-- entry and are never changed or removed.
CREATE TABLE notice_files (
    disclosure_seq INTEGER NOT NULL,
    file_no        INTEGER NOT NULL CHECK (file_no >= 1),
    bytes          BLOB NOT NULL CHECK (length(bytes) BETWEEN 1 AND 67108864),
    PRIMARY KEY (disclosure_seq, file_no),
    FOREIGN KEY (disclosure_seq, file_no) REFERENCES disclosure_files (disclosure_seq, file_no)
) STRICT;

CREATE TRIGGER notice_files_no_update BEFORE UPDATE ON notice_files
BEGIN SELECT RAISE(ABORT, 'published notice files are never edited'); END;
CREATE TRIGGER notice_files_no_delete BEFORE DELETE ON notice_files
BEGIN SELECT RAISE(ABORT, 'published notice files are never deleted'); END;
