"""The contract register: resource contracts, their receipts' vouchers and what is due."""

import datetime

from .dates import YEAR, d, workday
from .money import money, yuan
from .vouchers import Cr, Dr, Voucher

# Resource contracts (资源发包合同) kept in the contract register, apart from the members' yearly
# grassland fees (story.py, imported as plain vouchers): the reserve pasture let to a cooperative for
# three years, paid in one sum at signing; the old school building let to a member, paid yearly;
# the lake's water surface let to a member, whose 2025 rent is still unpaid at the year's end.
# Contract year k starts on the start date plus k years and its rent belongs to the calendar year
# it starts in. A receipt pays the contract years in order: a year begun by the receipt's calendar
# year is income at once (Cr the income account), a later one waits on 21105 (Cr) and is moved into
# income on 1 January of its year by `contracts recognize`. The demo registers the contracts and
# their receipts from contracts.json before the months close; its vouchers are modelled here.
# An area is in hundredths of its resource's unit: 亩 for grassland, farmland and water surface,
# 平方米 for a building (the old school building: 180 平方米, not 180 亩); the notice never adds the two.

CONTRACTS = [
    {"number": "HT-2025-001", "party": "C13", "resource": "grassland", "area": 240000, "rent": yuan(10800),
     "from": d(5, 1), "to": datetime.date(YEAR + 3, 4, 30), "schedule": "once", "income_account": "50101",
     "prepaid_account": "21105", "receipts": [(workday(d(5, 12)), yuan(32400), "10201", 2)]},
    {"number": "HT-2025-002", "party": "M012", "resource": "building", "area": 18000, "rent": yuan(6000),
     "from": d(3, 1), "to": datetime.date(YEAR + 5, 2, 28), "schedule": "annual", "income_account": "50104",
     "prepaid_account": "21105", "receipts": [(workday(d(3, 10)), yuan(6000), "101", 1)]},
    {"number": "HT-2025-003", "party": "M029", "resource": "water_surface", "area": 15000, "rent": yuan(12000),
     "from": d(7, 1), "to": datetime.date(YEAR + 3, 6, 30), "schedule": "annual", "income_account": "50104",
     "prepaid_account": "21105", "receipts": []},
]


def add_years(date, n):
    return date.replace(year=date.year + n)


def contract_years(c):
    """(calendar year, due date, rent) per contract year."""
    n = 1
    while add_years(c["from"], n) <= c["to"]:
        n += 1
    return [(add_years(c["from"], k).year, c["from"] if c["schedule"] == "once" else add_years(c["from"], k), c["rent"])
            for k in range(n)]


CONTRACT_VOUCHERS = []
PREPAID = {}  # calendar year -> rent received for it in an earlier year
for c in CONTRACTS:
    owed = [rent for _, _, rent in contract_years(c)]  # per contract year, still to receive
    party = {"member": c["party"]} if c["party"].startswith("M") else {"cp": c["party"]}
    for date, amount, account, attachments in c["receipts"]:
        income, prepaid, left = 0, 0, amount
        for k, (year, _, _) in enumerate(contract_years(c)):
            share = min(left, owed[k])
            owed[k] -= share
            left -= share
            if year <= date.year:
                income += share
            else:
                prepaid += share
                PREPAID[year] = PREPAID.get(year, 0) + share
        assert left == 0
        lines = [Dr(account, amount, summary=c["number"])]
        if income:
            lines.append(Cr(c["income_account"], income, **party))
        if prepaid:
            lines.append(Cr(c["prepaid_account"], prepaid, summary="预收以后年度承包费", **party))
        CONTRACT_VOUCHERS.append(Voucher(date, "收取承包费：%s" % c["number"], lines, attachments, "normal", 9, 4 * 10 ** 6 + len(CONTRACT_VOUCHERS)))


def contract_due_obj(c, as_of):
    """One contract as `contracts due --as-of` prints it."""
    due = sum(rent for _, when, rent in contract_years(c) if when <= as_of)
    received = sum(amount for date, amount, _, _ in c["receipts"] if date <= as_of)
    return {"number": c["number"], "party": c["party"], "resource": c["resource"], "area": money(c["area"]),
            "rent": money(c["rent"]), "from": c["from"].isoformat(), "to": c["to"].isoformat(), "schedule": c["schedule"],
            "due": money(due), "received": money(received), "overdue": money(max(due - received, 0))}


def contract_obj(c):
    """One contract as the demo's contracts.json gives it to `contracts add` and `contracts receive`."""
    o = {k: c[k] for k in ("number", "party", "resource", "schedule", "income_account", "prepaid_account")}
    o.update({"area": money(c["area"]), "rent": money(c["rent"]), "from": c["from"].isoformat(), "to": c["to"].isoformat(),
              "receipts": [{"date": date.isoformat(), "amount": money(amount), "account": account, "attachments": attachments}
                           for date, amount, account, attachments in c["receipts"]]})
    return o
