"""The opening voucher (期初余额)."""

from .asset_register import OPENING_DEPRECIATION
from .dates import d
from .vouchers import Cr, Dr, Voucher

# Opening balances on 2025-01-01.

OPENING_LINES = [
    Dr("101", 835000),
    Dr("10201", 41268035),
    Dr("10202", 8356000),
    Dr("11201", 3800000, summary="2024年11月赊销羯羊款", cp="C07"),
    Dr("11202", 640000, summary="欠缴2024年草场承包费", member="M003"),
    Dr("11301", 800000, summary="垫付第一小组饮水点维修款"),
    Cr("11302", 350000, summary="代管第二小组集体草场收入"),
    Dr("121", 1560000, summary="青干草、饲料"),
    Dr("131", 8640000, summary="育肥羯羊186只"),
    Dr("15101", 64000000),
    Dr("15102", 128000000),
    Dr("15103", 36000000),
    Dr("15104", 24500000),
    Cr("152", OPENING_DEPRECIATION),
    Cr("21101", 4500000, summary="2023年道路工程质保金", cp="C04"),
    Cr("21102", 1280000, summary="2024年水泵配件款", cp="C05"),
    Cr("21201", 960000, summary="2024年12月干部报酬"),
    Cr("301", 82000000),
    Cr("32202", 2631850, summary="年初未分配收益"),
]
_od = sum(l["fen"] for l in OPENING_LINES if l["side"] == "debit")
_oc = sum(l["fen"] for l in OPENING_LINES if l["side"] == "credit")
assert _od - _oc > 0
# 公积公益金 closes the opening voucher: what the collective owns beyond capital and undistributed surplus.
OPENING_LINES.insert(len(OPENING_LINES) - 1, Cr("311", _od - _oc))
OPENING = Voucher(d(1, 1), "2025年期初余额", OPENING_LINES, 1, "opening", 0, 0)
