"""Cash management: the petty-cash withdrawals and bank deposits that keep the till in bounds."""

import datetime

from . import story  # noqa: F401 (the till follows the story's vouchers, so they come first)
from .dates import YEAR, d
from .money import yuan
from .opening import OPENING
from .vouchers import NORMAL, Cr, Dr, Voucher, post

# Cash management: withdraw petty cash (at least 5000 yuan) from the credit union on the morning
# of a day whose cash payments would drain the till, and bank the till down to 2000 yuan at the
# end of a day when it holds more than 10000 yuan (cash receipts are banked, not spent: 不得坐支).


def day_flows(vouchers, account):
    flows = {}
    for v in vouchers:
        for l in v.lines:
            if l["account"] == account:
                f = flows.setdefault(v.date, [0, 0])
                f[0 if l["side"] == "debit" else 1] += l["fen"]
    return flows


cash = sum(l["fen"] if l["side"] == "debit" else -l["fen"] for l in OPENING.lines if l["account"] == "101")
flows = day_flows(NORMAL, "101")
added = []
date = d(1, 1)
while date.year == YEAR:
    inflow, outflow = flows.get(date, (0, 0))
    if outflow and cash - outflow < yuan(1000):
        need = outflow - cash + yuan(3000)
        amount = max(yuan(5000), -(-need // yuan(1000)) * yuan(1000))
        post(date, "从信用社基本户提取备用金", [Dr("101", amount), Cr("10201", amount, cp="C06")], att=1, prio=0, into=added)
        cash += amount
    cash += inflow - outflow
    if cash > yuan(10000):
        amount = (cash - yuan(2000)) // yuan(100) * yuan(100)
        post(date, "将库存现金存入信用社基本户", [Dr("10201", amount, cp="C06"), Cr("101", amount)], att=1, prio=2, into=added)
        cash -= amount
    date += datetime.timedelta(days=1)
NORMAL.extend(added)
NORMAL.sort(key=Voucher.key)
