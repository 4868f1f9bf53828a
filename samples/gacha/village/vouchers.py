"""How the model writes a voucher, and NORMAL, the list the imported files' vouchers are posted into."""

# Vouchers. A line is a dict: account, side ("debit"/"credit"), fen, and optional summary, fund,
# member, counterparty. Vouchers are sorted by (date, prio, seq) inside each file.


class Voucher:
    def __init__(self, date, summary, lines, attachments, kind, prio, seq):
        self.date = date
        self.summary = summary
        self.lines = lines
        self.attachments = attachments
        self.kind = kind
        self.prio = prio
        self.seq = seq
        self.ref = None

    def key(self):
        return (self.date, self.prio, self.seq)


def line(account, side, fen, summary=None, fund=None, member=None, cp=None):
    return {"account": account, "side": side, "fen": fen, "summary": summary, "fund": fund,
            "member": member, "counterparty": cp}


def Dr(account, fen, **kw):
    return line(account, "debit", fen, **kw)


def Cr(account, fen, **kw):
    return line(account, "credit", fen, **kw)


_seq = [0]
NORMAL = []


def post(date, summary, lines, att=1, prio=1, into=NORMAL):
    _seq[0] += 1
    v = Voucher(date, summary, lines, att, "normal", prio, _seq[0])
    into.append(v)
    return v


def simple(date, summary, dr_account, cr_account, fen, att=1, cp=None, dr_kw=None, cr_kw=None):
    """Two-line voucher; a payee counterparty goes on the paying (credit) line."""
    ck = dict(cr_kw or {})
    if cp:
        ck["cp"] = cp
    return post(date, summary, [Dr(dr_account, fen, **(dr_kw or {})), Cr(cr_account, fen, **ck)], att)
