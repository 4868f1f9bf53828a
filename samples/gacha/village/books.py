"""The ledger model: every voucher in posting order, checked against the registers and for cash
and funds that never go negative, and the year close computed by adding up every posted line."""

from .approvals import APPROVED
from .asset_register import ASSETS
from .asset_vouchers import ASSET_VOUCHERS
from .chart import CHART, HAS_CHILDREN
from .contracts import CONTRACT_VOUCHERS
from .dates import YEAR, d
from .members import MEMBERS
from .opening import OPENING
from .registers import COUNTERPARTIES, FUNDS
from .voucher_files import CORRECTION, REVERSAL, by_file
from .vouchers import Cr, Dr, Voucher

# The order in which the demo posts: the files' vouchers, the reversal and the correction, December's
# approvals, the asset register's vouchers, the contracts' receipts.
POSTING_ORDER = [OPENING] + by_file[1] + by_file[2] + by_file[3] + by_file[4] + [REVERSAL, CORRECTION] + APPROVED + ASSET_VOUCHERS + CONTRACT_VOUCHERS
ALL_NORMAL = [v for v in POSTING_ORDER if v.kind == "normal"]

# Validation of the model itself.
FUND_CODES = {c for c, _ in FUNDS}
MEMBER_CODES = {c for c, _ in MEMBERS}
CP_CODES = {c for c, _ in COUNTERPARTIES}
CASH_BANK = ("101", "10201", "10202")
FUND_SOURCES = ("231", "241", "503")


def check_text(text):
    assert text and len(text) < 200, text
    assert all(ord(ch) >= 0x20 and not 0x7F <= ord(ch) < 0xA0 for ch in text), text


refs = set()
for v in POSTING_ORDER:
    assert v.date.year == YEAR
    check_text(v.summary)
    assert len(v.lines) >= 2
    if v is not REVERSAL and v not in ASSET_VOUCHERS + CONTRACT_VOUCHERS:
        assert v.ref not in refs, v.ref
        refs.add(v.ref)
        assert all(l["fen"] > 0 for l in v.lines), v.summary
    dsum = sum(l["fen"] for l in v.lines if l["side"] == "debit")
    csum = sum(l["fen"] for l in v.lines if l["side"] == "credit")
    assert dsum == csum, (v.ref, dsum, csum)
    for l in v.lines:
        assert l["account"] in CHART and l["account"] not in HAS_CHILDREN, (v.ref, l["account"])
        assert l["fund"] is None or l["fund"] in FUND_CODES
        assert l["member"] is None or l["member"] in MEMBER_CODES
        assert l["counterparty"] is None or l["counterparty"] in CP_CODES
        if l["summary"] is not None:
            check_text(l["summary"])
for q, vs in by_file.items():
    assert [v.key() for v in vs] == sorted(v.key() for v in vs)


def signed(l):
    return l["fen"] if l["side"] == "debit" else -l["fen"]


def check_prefixes():
    """After every voucher in posting order, replay the posted vouchers in date order: cash, bank,
    inventory and livestock never go negative, and no fund is ever overspent (under three readings
    of "spent": bank money out, the source account's balance, and uses charged to the fund)."""
    index = {id(v): i for i, v in enumerate(POSTING_ORDER)}
    for n in range(1, len(POSTING_ORDER) + 1):
        posted = sorted(POSTING_ORDER[:n], key=lambda v: (v.date, index[id(v)]))
        bal = {}
        fund = {}
        for v in posted:
            for l in v.lines:
                if l["account"] in CASH_BANK + ("121", "131"):
                    bal[l["account"]] = bal.get(l["account"], 0) + signed(l)
                if l["fund"]:
                    f = fund.setdefault(l["fund"], {"bank": 0, "source": 0, "received": 0, "used": 0})
                    if l["account"] in CASH_BANK:
                        f["bank"] += signed(l)
                    elif l["account"][:3] in FUND_SOURCES:
                        f["source"] -= signed(l)
                        if l["side"] == "credit":
                            f["received"] += l["fen"]
                    elif l["side"] == "debit":
                        f["used"] += l["fen"]
            for acc, b in bal.items():
                assert b >= 0, (acc, v.date, v.ref, b)
            for code, f in fund.items():
                assert f["bank"] >= 0 and f["source"] >= 0 and f["used"] <= f["received"], (code, v.date, f)


check_prefixes()

# Year close, the naive way: add up every posted line of 2025 per account; each income and
# expense account (5xx) with a balance is zeroed against 321 本年收益 in one voucher (accounts in code
# order, then one 321 line for the net); then 321 is zeroed against 322 收益分配. Both dated
# 2025-12-31, kind closing, numbered after December's last voucher; they count as December turnover.


def net_balances(vouchers):
    net = {}
    for v in vouchers:
        for l in v.lines:
            net[l["account"]] = net.get(l["account"], 0) + signed(l)
    return net


def signed_line(account, fen):
    return Dr(account, fen) if fen > 0 else Cr(account, -fen)


YEAR_END = net_balances(POSTING_ORDER)
_closing_lines = [signed_line(a, -n) for a, n in sorted(YEAR_END.items()) if a.startswith("5") and n != 0]
NET_INCOME_AND_EXPENSE = sum(n for a, n in YEAR_END.items() if a.startswith("5"))
if NET_INCOME_AND_EXPENSE:
    _closing_lines.append(signed_line("321", NET_INCOME_AND_EXPENSE))
NET_321 = YEAR_END.get("321", 0) + NET_INCOME_AND_EXPENSE
CLOSING = [Voucher(d(12, 31), "结转%d年收入和支出到本年收益" % YEAR, _closing_lines, 0, "closing", 99, 2 * 10 ** 6)]
if NET_321:
    CLOSING.append(Voucher(d(12, 31), "结转%d年本年收益到收益分配" % YEAR, [signed_line("321", -NET_321), signed_line("32202", NET_321)],
                           0, "closing", 99, 2 * 10 ** 6 + 1))
for v in CLOSING:
    assert sum(signed(l) for l in v.lines) == 0 and len(v.lines) >= 2
_after = net_balances(POSTING_ORDER + CLOSING)
assert all(n == 0 for a, n in _after.items() if a.startswith("5") or a == "321"), "year close leaves 5xx and 321 at zero"
_december = sum(1 for v in POSTING_ORDER if (v.date.year, v.date.month) == (YEAR, 12))  # imported and approved
CLOSING_NUMBERS = [_december + i + 1 for i in range(len(CLOSING))]

# The register equals the books: cost on 151 and 132, accumulated depreciation on 152 and 133.
for prefix, field in (("131", "cost"), ("151", "cost"), ("132", "cost"), ("152", "depreciated"), ("133", "depreciated")):
    booked = sum(n for acc, n in YEAR_END.items() if acc.startswith(prefix))
    held = sum(a[field] for a in ASSETS if (a["account"] if field == "cost" else a["dep"] or "").startswith(prefix))
    assert booked == (held if field == "cost" else -held), (prefix, booked, held)
