"""The asset register's model: an asset, its straight-line depreciation, a herd's share; the assets
taken over from the books on 2025-01-01."""

import datetime

from .dates import YEAR, d
from .money import yuan

# The asset register (资产登记簿). Assets already in the books on 2025-01-01 come with the months
# and the depreciation accumulated by then, computed here by the same straight-line rule as every
# month of 2025: monthly = (cost - residual) // life (fen, rounded down), depreciation from the
# month after acquisition, the last month of the life taking exactly what is left down to the
# residual value. Fixed assets depreciate into 152, the breeding flock into 133. The demo registers
# every asset from assets.json (taken over from the books, or paid from the bank) and runs
# `assets depreciate` for each month; its vouchers are modelled in asset_vouchers.py, independently.

ASSETS = []


def asset(code, name, category, account, acquired, cost, life, residual, expense, location, fund=None,
          species=None, head=None, paid_from=None, taken_over=True, attachments=None):
    dep = None if category in ("fattening_stock", "shelter_forest") else ("133" if category == "breeding_herd" else "152")
    # Public-welfare assets (roads, wells) named without an expense account depreciate to 公益支出: the
    # program takes 514's only leaf whose name says 折旧, 51406 公益设施折旧费 (财会〔2023〕14号).
    expense_given = expense is not None
    if expense is None and dep is not None:
        assert category in ("road", "well")
        expense = "51406"
    a = {"code": code, "name": name, "category": category, "account": account, "acquired": acquired, "cost": cost,
         "life": life, "residual": residual, "expense": expense, "dep": dep, "location": location, "fund": fund,
         "species": species, "head": head, "paid_from": paid_from, "months": 0, "depreciated": 0, "attachments": attachments,
         "expense_given": expense_given, "registered_cost": cost, "head_now": head, "moved": False}
    if taken_over and acquired < d(1, 1):
        # Months from the month after acquisition to December 2024, each at the monthly amount.
        months = (YEAR - 1 - acquired.year) * 12 + 12 - acquired.month
        assert 0 < months < life
        a["months"] = months
        a["depreciated"] = months * ((cost - residual) // life)
    a["opening_months"], a["opening_depreciation"] = a["months"], a["depreciated"]
    ASSETS.append(a)
    return a


def depreciation_amount(a, month):
    """What asset a depreciates in month (of YEAR); None when it does not depreciate then."""
    left = a["cost"] - a["residual"] - a["depreciated"]
    if a["dep"] is None or (a["acquired"].year, a["acquired"].month) >= (YEAR, month) or a["months"] >= a["life"] or left <= 0:
        return None
    # A herd whose cost moved after registration (young stock matured into it, deaths written off)
    # spreads what is left over the months left (AssetRules.MonthlyAmount).
    monthly = left // (a["life"] - a["months"]) if a["moved"] else (a["cost"] - a["residual"]) // a["life"]
    return left if a["months"] + 1 == a["life"] or monthly > left else monthly


asset("GD-001", "嘎查办公用房", "building", "15103", datetime.date(2014, 12, 18), yuan(360000), 360, yuan(18000), "51305", "嘎查委员会院内")
asset("GD-002", "机井（2018年建，6眼）", "well", "15101", datetime.date(2018, 9, 26), yuan(640000), 240, 0, None, "第一、二小组草场")
asset("GD-003", "嘎查通苏木砂石路（2016年建）", "road", "15102", datetime.date(2016, 10, 31), yuan(1280000), 360, 0, None, "嘎查至苏木")
asset("GD-004", "拖拉机及配套农具", "machinery", "15104", datetime.date(2020, 4, 10), yuan(158000), 120, yuan(7900), "5110204", "嘎查农机库")
asset("GD-005", "割草机、搂草机、打捆机", "machinery", "15104", datetime.date(2022, 6, 15), yuan(87000), 120, yuan(4350), "5110204", "嘎查农机库")
OPENING_DEPRECIATION = sum(a["depreciated"] for a in ASSETS)
