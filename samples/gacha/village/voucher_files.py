"""The imported files' vouchers split by quarter, their refs, the red-ink reversal, the correction
and the prior-year correction of 2026."""

import datetime

from . import cash  # noqa: F401 (the petty-cash vouchers are in NORMAL before the files are split)
from .dates import YEAR, d
from .money import yuan
from .opening import OPENING
from .story import ERRONEOUS, ROOF_REPAIR
from .vouchers import NORMAL, Cr, Dr, Voucher

# Files, refs, the reversal and the correction.

QUARTERS = {1: "vouchers-2025-q1.json", 2: "vouchers-2025-q2.csv", 3: "vouchers-2025-q3.jsonl",
            4: "vouchers-2025-q4-gb18030.csv"}
by_file = {q: [v for v in NORMAL if (v.date.month - 1) // 3 + 1 == q] for q in QUARTERS}

# Refs equal the voucher numbers the program assigns (per month, in posting order), except the
# erroneous voucher's, which is fixed at 2025-06-0099. January starts at 2: the opening voucher,
# imported first, is 记-0001.
OPENING.ref = "2025-01-0001"
counter = {m: 0 for m in range(1, 13)}
counter[1] = 1
NUMBER = {}
for q in (1, 2, 3, 4):
    for v in by_file[q]:
        counter[v.date.month] += 1
        NUMBER[id(v)] = counter[v.date.month]
        v.ref = "%d-%02d-%04d" % (YEAR, v.date.month, counter[v.date.month])
ERRONEOUS.ref = "2025-06-0099"
assert counter[6] + 2 < 99, "June must stay below the fixed refs 0099/0100"
ERRONEOUS_NUMBER = NUMBER[id(ERRONEOUS)]

REVERSAL_DATE = d(6, 20)
REVERSAL_REASON = "重复记账，红字冲销"
REVERSAL = Voucher(REVERSAL_DATE, "冲销 2025年06月 记-%04d号" % ERRONEOUS_NUMBER,
                   [dict(l, fen=-l["fen"]) for l in ERRONEOUS.lines], 0, "normal", 9, 10 ** 6)
CORRECTION = Voucher(REVERSAL_DATE, "支付办公用房屋顶维修费（更正6月18日误记凭证）",
                     [Dr("51304", ROOF_REPAIR, summary="办公用房屋顶防水维修"), Cr("10201", ROOF_REPAIR, cp="C12")],
                     2, "normal", 9, 10 ** 6 + 1)
CORRECTION.ref = "2025-06-0100"

# An error of 2025 found in 2026, after the year closed: a travel claim paid 300.00 too much, which
# the cadre pays back. A closed year's statements stay as they were, so it is not reversed in red ink
# (refused across years, 会计基础工作规范 §51) but corrected by a blue-ink voucher of 2026 through
# 以前年度损益调整 (32203), not through 2026's 管理费用. The demo imports it after year close.
_overpaid = next(v for q in (1, 2, 3, 4) for v in by_file[q] if v.lines[0]["account"] == "51303" and v.lines[0]["fen"] > yuan(300))
PRIOR_YEAR_CORRECTION = Voucher(datetime.date(YEAR + 1, 2, 10), "收回%d年多报销差旅费（原%d年%d月记-%04d，以前年度损益调整）"
                                % (YEAR, YEAR, _overpaid.date.month, NUMBER[id(_overpaid)]),
                                [Dr("101", yuan(300), summary="退回多报销款"), Cr("32203", yuan(300), summary="调整%d年差旅费" % YEAR)],
                                1, "normal", 9, 3 * 10 ** 6)
PRIOR_YEAR_CORRECTION.ref = "%d-02-0001" % (YEAR + 1)
