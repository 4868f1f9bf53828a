-- Version 15: who approves and supervises is changed by two people (issue 12, item 3).
--
-- role.change_requested and role.change_approved entries (audit-log.md 7.20). An approved change is
-- also a row of settings (its value in force from that entry on), so the settings table still says
-- who holds every role; this table keeps the requests and who approved them. A request is pending
-- while no approval of the same key follows it.
CREATE TABLE role_changes (
    seq    INTEGER PRIMARY KEY,
    key    TEXT NOT NULL CHECK (key IN ('role.reviewer', 'role.finance_lead', 'role.committee_chair', 'role.supervisor')),
    action TEXT NOT NULL CHECK (action IN ('requested', 'approved')),
    by     TEXT NOT NULL,
    role   TEXT CHECK (role IN ('committee_chair', 'supervisor')),
    value  TEXT NOT NULL CHECK (length(value) <= 200),
    CHECK ((action = 'approved') = (role IS NOT NULL))
) STRICT;

-- An approval is of the pending request, by someone else, with the value requested.
CREATE TRIGGER role_changes_approve_pending BEFORE INSERT ON role_changes
WHEN NEW.action = 'approved' AND NOT EXISTS (
    SELECT 1 FROM role_changes r
    WHERE r.key = NEW.key AND r.action = 'requested' AND r.by <> NEW.by AND r.value = NEW.value
      AND r.seq = (SELECT MAX(q.seq) FROM role_changes q WHERE q.key = NEW.key AND q.action = 'requested')
      AND r.seq > COALESCE((SELECT MAX(a.seq) FROM role_changes a WHERE a.key = NEW.key AND a.action = 'approved'), -1))
BEGIN SELECT RAISE(ABORT, 'RoleChangeNotRequested'); END;

CREATE TRIGGER role_changes_no_update BEFORE UPDATE ON role_changes BEGIN SELECT RAISE(ABORT, 'role changes are insert-only'); END;
CREATE TRIGGER role_changes_no_delete BEFORE DELETE ON role_changes BEGIN SELECT RAISE(ABORT, 'role changes are insert-only'); END;
