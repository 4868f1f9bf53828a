"""The sample bank statement (银行对账单, issue 17): May 2025 of 10201 农村信用社基本户, as the rural credit
cooperative exports it (the rcc layout of `cledger bank import`: title rows, then 交易日期, 流水号, 摘要,
借方发生额 (paid out), 贷方发生额 (received), 余额, 对方户名, and a 合计 row), saved in GB18030.

Every posting of the month on 10201 is on the statement, on its own date, except one: the cheque for the
lambs bought on 26 May, booked but not yet cleared by the bank (企业已付银行未付). The statement has one line
the books lack: the SMS service fee the bank took on 31 May (银行已付企业未付). So the month reconciles with
exactly one unmatched item on each side. The opening balance is the books' at the end of April: every earlier
item had cleared."""

from .books import POSTING_ORDER
from .dates import d
from .money import money
from .profile import VILLAGE

ACCOUNT = "10201"
MONTH = 5
PERIOD = "2025-%02d" % MONTH
FILE = "bank-statement-2025-05-rcc-gb18030.csv"
# Booked on 26 May, not on the statement: the cheque is not cleared by the month's end.
UNCLEARED = (d(MONTH, 26), 2700000)
# On the statement, not in the books: the bank's fee, known only when the statement arrives.
BANK_FEE = (d(MONTH, 31), 300, "短信服务费")


def _postings():
    """The month's postings on the account, in posting order: (date, signed fen, summary)."""
    rows = []
    for v in POSTING_ORDER:
        for l in v.lines:
            if l["account"] == ACCOUNT and v.kind != "opening":
                rows.append((v.date, l["fen"] if l["side"] == "debit" else -l["fen"], l["summary"] or v.summary))
    return rows


def _opening_balance():
    return sum(fen for date, fen, _ in _postings() if date.month < MONTH) + sum(
        l["fen"] if l["side"] == "debit" else -l["fen"] for v in POSTING_ORDER if v.kind == "opening" for l in v.lines if l["account"] == ACCOUNT)


def _amount(fen):
    """As the bank prints it: thousands separators, empty when zero."""
    if fen == 0:
        return ""
    whole, cents = money(fen).split(".")
    return "{:,}".format(int(whole)) + "." + cents


def statement_lines():
    """The statement's lines: (date, serial, summary, paid fen, received fen, balance fen)."""
    month = [p for p in _postings() if p[0].month == MONTH]
    uncleared = [p for p in month if (p[0], -p[1]) == UNCLEARED]
    assert len(uncleared) == 1, "the uncleared cheque is one posting of the month"
    cleared = sorted((p for p in month if p is not uncleared[0]), key=lambda p: p[0])  # stable: posting order within a day
    items = [(date, fen, summary) for date, fen, summary in cleared] + [(BANK_FEE[0], -BANK_FEE[1], BANK_FEE[2])]
    balance = _opening_balance()
    lines = []
    for n, (date, fen, summary) in enumerate(items, start=1):
        balance += fen
        lines.append((date, "0525%04d" % n, summary, -fen if fen < 0 else 0, fen if fen > 0 else 0, balance))
    return lines


def bank_statement_csv():
    lines = statement_lines()
    out = ["%s农村信用合作社 对公账户交易明细" % VILLAGE,
           "户名：%s股份经济合作社,账号：1501****0828" % VILLAGE,
           "起止日期：%s 至 %s" % (d(MONTH, 1).isoformat(), d(MONTH, 31).isoformat()),
           "交易日期,流水号,摘要,借方发生额,贷方发生额,余额,对方户名"]
    for date, serial, summary, paid, received, balance in lines:
        out.append('%s,%s,%s,"%s","%s","%s",' % (date.isoformat(), serial, summary.replace(",", "，"), _amount(paid), _amount(received), _amount(balance)))
    out.append('合计,,,"%s","%s",,' % (_amount(sum(l[3] for l in lines)), _amount(sum(l[4] for l in lines))))
    return "\r\n".join(out) + "\r\n"


def expected_reconciliation():
    """What `cledger bank reconcile` must show, computed here by plain sums (an independent model)."""
    lines = statement_lines()
    books = _opening_balance() + sum(fen for date, fen, _ in _postings() if date.month == MONTH)
    bank = lines[-1][5]
    adjusted_books = books - BANK_FEE[1]
    adjusted_bank = bank - UNCLEARED[1]
    assert adjusted_books == adjusted_bank, "the sample statement reconciles"
    return {"account": ACCOUNT, "period": PERIOD, "book_balance": money(books), "statement_balance": money(bank),
            "bank_paid_not_booked": money(BANK_FEE[1]), "booked_paid_not_on_statement": money(UNCLEARED[1]),
            "adjusted_balance": money(adjusted_books)}
