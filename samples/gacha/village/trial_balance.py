"""Expected trial balances (科目余额表), from the ledger model's naive sums."""

from .books import ALL_NORMAL, CLOSING, signed
from .chart import CHART, HAS_CHILDREN
from .dates import YEAR, d, month_end
from .money import money
from .opening import OPENING

# Expected trial balances: the naive model.


def ancestors(code):
    out = []
    while code:
        out.append(code)
        code = CHART[code]["parent"]
    return out


def trial_balance(first_month, last_month):
    start = d(first_month, 1)
    end = month_end(last_month)
    acc = {}

    def add(code, column, fen):
        for a in ancestors(code):
            acc.setdefault(a, {"opening": 0, "pd": 0, "pc": 0})[column] += fen

    for l in OPENING.lines:
        add(l["account"], "opening", signed(l))
    touched = set()
    for v in ALL_NORMAL + CLOSING:
        for l in v.lines:
            if v.date < start:
                add(l["account"], "opening", signed(l))
            elif v.date <= end:
                add(l["account"], "pd" if l["side"] == "debit" else "pc", l["fen"])
                touched.update(ancestors(l["account"]))
    rows = []
    totals = {k: 0 for k in ("opening_debit", "opening_credit", "period_debit", "period_credit",
                             "closing_debit", "closing_credit")}
    included = set()
    for code in sorted(acc):
        a = acc[code]
        closing = a["opening"] + a["pd"] - a["pc"]
        if not (a["opening"] or closing or a["pd"] or a["pc"]):
            # An account with lines in the range that all cancel would make "has turnover" ambiguous.
            assert code not in touched, (first_month, last_month, code)
            continue
        included.add(code)
        row = {"code": code, "name": CHART[code]["name"], "level": {3: 1, 5: 2, 7: 3}[len(code)],
               "leaf": code not in HAS_CHILDREN}
        cols = {
            "opening_debit": max(a["opening"], 0), "opening_credit": max(-a["opening"], 0),
            "period_debit": a["pd"], "period_credit": a["pc"],
            "closing_debit": max(closing, 0), "closing_credit": max(-closing, 0),
        }
        row.update({k: money(x) for k, x in cols.items()})
        rows.append(row)
        if row["level"] == 1:
            for k in totals:
                totals[k] += cols[k]
    for code in included:
        assert CHART[code]["parent"] in included or CHART[code]["parent"] is None, code
    for pair in ("opening", "period", "closing"):
        assert totals[pair + "_debit"] == totals[pair + "_credit"], (first_month, last_month, pair, totals)
    return {"from": "%d-%02d" % (YEAR, first_month), "to": "%d-%02d" % (YEAR, last_month), "rows": rows,
            "totals": {k: money(x) for k, x in totals.items()}}, totals
