"""Expected fund usage for the year."""

from .books import CASH_BANK, POSTING_ORDER
from .dates import YEAR
from .money import money
from .registers import FUND_TERMS, FUNDS

# Expected fund usage for the year, by naive sums: money received is a cash or bank debit naming
# the fund, money spent a cash or bank credit; each voucher paying money out is one payment.


def fund_usage():
    funds = []
    for code, name in FUNDS:
        received = spent = 0
        payments = []
        for v in POSTING_ORDER:
            paid = 0  # a red-ink reversal's lines carry negative amounts already
            for l in v.lines:
                if l["fund"] == code and l["account"] in CASH_BANK:
                    if l["side"] == "debit":
                        received += l["fen"]
                    else:
                        spent += l["fen"]
                        paid += l["fen"]
            if paid:
                payments.append({"date": v.date.isoformat(), "summary": v.summary, "amount": money(paid)})
        payments.sort(key=lambda p: p["date"])
        granted = int(FUND_TERMS[code]["granted"].replace(".", ""))
        funds.append({"code": code, "granted": money(granted), "received_to_date": money(received), "spent_to_date": money(spent),
                      "balance": money(received - spent), "outstanding": money(max(granted - received, 0)), "payments": payments})
        assert 0 <= spent <= received, code
    return {"from": "%d-01" % YEAR, "to": "%d-12" % YEAR, "funds": funds}
