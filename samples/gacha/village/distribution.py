"""Expected income distribution of 2025."""

from . import profile
from .books import NET_321
from .dates import YEAR
from .members import DETAILS, MEMBERS
from .money import money

# The 2025 income distribution, planned, approved, posted and paid in 2026 (the demo runs the
# commands). Expected: 322 收益分配's balance after year close (= 年末未分配收益) is distributable;
# the reserve is RESERVE_PERCENT of the year's surplus (what year close carried from 321 into 322,
# not the undistributed surplus brought forward, which bore its reserve in its own year; 0 for a
# loss, at most the distributable), rounded half up to the fen; the per-share amount is rounded
# down to the fen; each household gets shares x per-share; the rest stays undistributed.
DISTRIBUTION = {"year": YEAR, "reserve_percent": 20, "planner": "乌云其其格", "notice_date": "%d-03-01" % (YEAR + 1), "approver": "巴特尔",
                "resolution": profile.VILLAGE + "股份经济合作社成员大会决议〔2026〕1号", "post_date": "2026-03-20",
                "payable_account": "21104", "pay_date": "2026-03-25", "pay_account": "10201"}


def mask(value):
    """As the program masks a private number: a mobile keeps 3 + 4 digits, anything of 12 or more characters 4 + 4."""
    if len(value) == 11 and value.startswith("1"):
        return value[:3] + "*" * 4 + value[-4:]
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def distribution(undistributed_at_year_end):
    distributable = undistributed_at_year_end
    reserve_base = min(max(-NET_321, 0), distributable)  # NET_321: 321's net (debit positive) carried into 322
    reserve = (reserve_base * DISTRIBUTION["reserve_percent"] + 50) // 100
    to_share = distributable - reserve
    total_shares = sum(DETAILS[c]["shares"] for c, _ in MEMBERS)
    per_share = to_share // total_shares
    households = [{"member": c, "name": n, "head": DETAILS[c]["head"], "household_size": DETAILS[c]["household_size"],
                   "shares": DETAILS[c]["shares"], "amount": money(DETAILS[c]["shares"] * per_share),
                   "id_card": mask(DETAILS[c]["id_card"]), "bank_account": mask(DETAILS[c]["bank_account"]),
                   "phone": mask(DETAILS[c]["phone"])} for c, n in MEMBERS]
    distributed = per_share * total_shares
    return {"year": YEAR, "status": "paid", "resolution": DISTRIBUTION["resolution"], "distributable": money(distributable),
            "reserve_base": money(reserve_base), "reserve_percent": DISTRIBUTION["reserve_percent"], "reserve": money(reserve), "to_share": money(to_share),
            "total_shares": total_shares, "per_share": money(per_share), "distributed": money(distributed),
            "undistributed": money(to_share - distributed),
            "rounding": "per-share amount rounded down to the fen; each household receives shares x per-share amount; the remainder stays undistributed",
            "households": households}
