#!/usr/bin/env python3
"""Generate the sample pastoral village (gacha) for 2025 and its expected trial balances.

Run from anywhere:  python3 samples/gacha/generate.py

Python 3 standard library only. A fixed seed makes every output byte-identical from run to run.
The script is also the independent model of the books: it computes the expected trial balances
itself by naive summing of voucher lines, never by running CollectiveLedger. Money is an integer
number of fen throughout; floats never touch an amount.

The model is the package village/ (see its __init__.py for which module does what); this file only
writes what it computes.
"""

import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ among the sample's files

from village.approvals import APPROVAL_STEPS, APPROVED, CASHIER  # noqa: E402 (after the line above)
from village.asset_register import ASSETS  # noqa: E402
from village.asset_vouchers import HERD_STEPS, LOSS_CLEARING  # noqa: E402
from village.bank_statement import FILE as BANK_STATEMENT, bank_statement_csv, expected_reconciliation  # noqa: E402
from village.books import CLOSING_NUMBERS, NET_INCOME_AND_EXPENSE  # noqa: E402
from village.chart import ACCOUNTS  # noqa: E402
from village.chart2004 import LEDGER_2004, balances_2004_csv  # noqa: E402
from village.contracts import CONTRACTS, contract_due_obj, contract_obj  # noqa: E402
from village.dates import YEAR, d  # noqa: E402
from village.distribution import DISTRIBUTION, distribution  # noqa: E402
from village.fund_usage import fund_usage  # noqa: E402
from village.members import DETAILS, MEMBERS  # noqa: E402
from village.money import money  # noqa: E402
from village.notice_summary import notice_summary  # noqa: E402
from village import profile  # noqa: E402
from village.opening import OPENING  # noqa: E402
from village.output import write_bytes, write_json  # noqa: E402
from village.register_formats import asset_obj, asset_register_obj  # noqa: E402
from village.registers import COUNTERPARTIES, FUND_TERMS, FUNDS, LEDGER  # noqa: E402
from village.statements import balance_sheet, income_statement  # noqa: E402
from village.story import ERRONEOUS  # noqa: E402
from village.trial_balance import trial_balance  # noqa: E402
from village.voucher_files import (CORRECTION, ERRONEOUS_NUMBER, PRIOR_YEAR_CORRECTION, QUARTERS,  # noqa: E402
                                   REVERSAL_DATE, REVERSAL_REASON, by_file, counter)
from village.voucher_formats import csv_text, jsonl_text, read_back, voucher_obj  # noqa: E402
from village.xlsx_book import book_bytes  # noqa: E402
from village import profile  # noqa: E402

# The opening and the first quarter once more, as a village accountant's spreadsheet (the same vouchers and refs as
# opening.json and vouchers-2025-q1.json): imported into fresh books it must give the same trial balance.
XLSX_BOOK = "voucher-book-2025-q1.xlsx"


def main():
    write_json("ledger.json", LEDGER)
    write_json("accounts.json", [{"code": c, "name": n, "parent": p} for c, n, p in ACCOUNTS])
    write_json("funds.json", [dict({"code": c, "name": n}, **FUND_TERMS[c]) for c, n in FUNDS])
    first_drafts = [dict(voucher_obj(v), cashier=CASHIER) for v in APPROVED]
    # Drafted before the acceptance form was signed, saying so (a cash voucher without attachments gives its
    # reason, issue 13); sent back for the missing form, then drafted again with it attached.
    first_drafts[1]["attachments"] = 0
    first_drafts[1]["attachments_reason"] = "验收单待补，先报审核"
    write_json("approvals.json", first_drafts)
    write_json("approvals-revised.json", [dict(voucher_obj(APPROVED[1]), cashier=CASHIER)])
    write_json("approval-steps.json", [{"actor": actor, "command": command} for actor, command in APPROVAL_STEPS])
    write_json("members.json", [dict({"code": c, "name": n}, **DETAILS[c]) for c, n in MEMBERS])
    write_json("distribution.json", DISTRIBUTION)
    write_json("counterparties.json", [{"code": c, "name": n} for c, n in COUNTERPARTIES])
    write_json("opening.json", [voucher_obj(OPENING)])
    write_json(QUARTERS[1], [voucher_obj(v) for v in by_file[1]])
    write_bytes(QUARTERS[2], csv_text(by_file[2]).encode("utf-8-sig"))
    write_bytes(QUARTERS[3], jsonl_text(by_file[3]).encode("utf-8"))
    write_bytes(QUARTERS[4], csv_text(by_file[4]).encode("gb18030"))
    write_bytes(XLSX_BOOK, book_bytes("%s股份经济合作社 %d年第一季度记账凭证" % (profile.VILLAGE, YEAR), [OPENING] + by_file[1]))
    write_json("reversals.json", [{"ref": ERRONEOUS.ref, "date": REVERSAL_DATE.isoformat(), "reason": REVERSAL_REASON}])
    write_json("corrections.json", [voucher_obj(CORRECTION)])
    write_json("prior-year-corrections.json", [voucher_obj(PRIOR_YEAR_CORRECTION)])
    for m in range(1, 13):
        tb, _ = trial_balance(m, m)
        write_json("expected/trial-balance-%d-%02d.json" % (YEAR, m), tb)
    tb, totals = trial_balance(1, 12)
    write_json("expected/trial-balance-%d.json" % YEAR, tb)
    bs, bs_end = balance_sheet()
    write_json("expected/balance-sheet-%d.json" % YEAR, bs)
    write_json("expected/income-%d.json" % YEAR, income_statement(bs_end))
    for name, months in (("06", (6, 6)), ("12", (12, 12)), ("Q2", (4, 6)), ("Q4", (10, 12)), ("", (1, 12))):
        summary = notice_summary(*months)
        write_json("expected/notice-summary-%d%s.json" % (YEAR, "-" + name if name else ""), summary)
    year_summary = notice_summary(1, 12)
    assert money(sum(int(notice_summary(m, m)["income_total"].replace(".", "")) for m in range(1, 13))) == year_summary["income_total"]
    write_json("expected/funds-%d.json" % YEAR, fund_usage())
    write_json("assets.json", [asset_obj(a) for a in ASSETS])
    write_json("contracts.json", [contract_obj(c) for c in CONTRACTS])
    write_json("expected/contracts-%d.json" % YEAR, {"as_of": d(12, 31).isoformat(), "contracts": [contract_due_obj(c, d(12, 31)) for c in CONTRACTS]})
    write_json("herds.json", [{"date": date.isoformat(), "command": words} for date, words in HERD_STEPS])
    write_json("losses.json", [voucher_obj(v) for v in LOSS_CLEARING])
    write_json("expected/assets-%d.json" % YEAR, [asset_register_obj(a) for a in sorted(ASSETS, key=lambda a: a["code"])])
    write_json("expected/distribution-%d.json" % YEAR, distribution(bs_end["undistributed_surplus"]))
    write_bytes("balances-2004.csv", balances_2004_csv().encode("gb18030"))
    write_json("ledger-2004.json", LEDGER_2004)
    if profile.OUT == os.path.dirname(os.path.abspath(__file__)):
        # The sample statement is this gacha's only: samples/township's villages draw other amounts (no cheque of 26 May).
        write_bytes(BANK_STATEMENT, bank_statement_csv().encode("gb18030"))
        write_json("expected/bank-reconciliation-2025-05.json", expected_reconciliation())
    read_back()

    print("vouchers: opening 1, " + ", ".join("%s %d" % (QUARTERS[q], len(by_file[q])) for q in QUARTERS)
          + ", corrections 1; June: %s is 记-%04d, its reversal 记-%04d, the correction 记-%04d"
          % (ERRONEOUS.ref, ERRONEOUS_NUMBER, counter[6] + 1, counter[6] + 2))
    print("year totals: " + ", ".join("%s %s" % (k, money(x)) for k, x in totals.items()))
    print("year close: December 记-%s; net surplus %s; undistributed at year end %s"
          % (", 记-".join("%04d" % n for n in CLOSING_NUMBERS), money(-NET_INCOME_AND_EXPENSE), money(bs_end["undistributed_surplus"])))


if __name__ == "__main__":
    main()
