"""Expected notice summaries (一、收支总表)."""

import datetime

from .books import ALL_NORMAL, signed
from .chart import CHART
from .dates import YEAR, month_end
from .money import money
from .opening import OPENING

# Expected notice summaries (一、收支总表): the naive model of a notice's figures. Income and
# expenditure are the months' business (never the year-end closing vouchers), and every other
# movement of cash and bank stands on a line of its own, so that the printed lines add up.

MOVEMENT_GROUPS = [
    ("grants", ["241"]), ("one_matter", ["231"]), ("construction", ["153"]), ("fixed_assets", ["151", "152", "154"]),
    ("biological_assets", ["131", "132", "133", "134"]), ("inventory", ["121", "401"]),
    ("intangible_assets", ["161", "162", "171"]), ("investments", ["111", "141"]), ("receivables", ["112"]), ("internal", ["113"]),
    ("payables", ["211"]), ("wages", ["212", "213"]), ("taxes", ["214"]), ("loans", ["201", "221"]), ("pending", ["181"]),
    ("capital", ["301", "311"]), ("distribution", ["321", "322"]),
]


def category(code):
    while len(code) > 5:
        code = CHART[code]["parent"]
    return code


def notice_summary(first_month, last_month, year=YEAR):
    start, end = datetime.date(year, first_month, 1), month_end(last_month)
    cash = lambda a: a[:3] in ("101", "102")
    opening = sum(signed(l) for v in [OPENING] + [v for v in ALL_NORMAL if v.date < start] for l in v.lines if cash(l["account"]))
    closing = sum(signed(l) for v in [OPENING] + [v for v in ALL_NORMAL if v.date <= end] for l in v.lines if cash(l["account"]))
    income, expenditure, moved = {}, {}, {}
    for v in ALL_NORMAL:  # the closing vouchers are not among them
        if not start <= v.date <= end:
            continue
        moves_cash = any(cash(l["account"]) for l in v.lines)
        non_cash = 0  # a voucher that moves no cash: what its lines outside income and expenditure net to
        for l in v.lines:
            a = l["account"]
            if cash(a):
                continue
            if a.startswith("50"):
                income[category(a)] = income.get(category(a), 0) - signed(l)
            elif a[:2] in ("51", "52"):
                expenditure[category(a)] = expenditure.get(category(a), 0) + signed(l)
            elif moves_cash:
                group = next((g for g, roots in MOVEMENT_GROUPS if a[:3] in roots), "other")
                moved[group] = moved.get(group, 0) - signed(l)
            else:
                non_cash -= signed(l)
        if non_cash:
            group = "noncash_income" if non_cash < 0 else "noncash_expenditure"
            moved[group] = moved.get(group, 0) + non_cash
    assert opening + sum(income.values()) - sum(expenditure.values()) + sum(moved.values()) == closing, (first_month, last_month)
    cats = lambda sums: [{"code": c, "name": CHART[c]["name"], "amount": money(f)} for c, f in sorted(sums.items()) if f]
    order = ["noncash_expenditure", "noncash_income"] + [g for g, _ in MOVEMENT_GROUPS] + ["other"]
    return {
        "cash_and_bank_opening": money(opening),
        "income": cats(income), "income_total": money(sum(income.values())),
        "expenditure": cats(expenditure), "expenditure_total": money(sum(expenditure.values())),
        "movements": [{"group": g, "amount": money(moved[g])} for g in order if moved.get(g)],
        "cash_and_bank_closing": money(closing),
    }
