#!/usr/bin/env python3
"""Regenerates log.jsonl and expected.json in this folder (Python 3 standard library only).

The entries are written here as Python values and serialized with the canonical form of
schemas/audit-log.md section 2; the hashes, Merkle roots and balances are then computed
independently of the C# code. Run from anywhere: python3 schemas/test-vectors/make_vectors.py
It also prints the Markdown of the test-vector section of audit-log.md.
"""
import base64, hashlib, json, os

HERE = os.path.dirname(os.path.abspath(__file__))


def canonical(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sha(b):
    return hashlib.sha256(b).digest()


def root(entries):  # RFC 6962 section 2.1
    if not entries:
        return sha(b"")
    if len(entries) == 1:
        return sha(b"\x00" + entries[0])
    k = 1
    while k * 2 < len(entries):
        k *= 2
    return sha(b"\x01" + root(entries[:k]) + root(entries[k:]))


ACTOR = "乌云其其格"
events = [
    ("2026-01-05T01:30:00Z", "ledger.created", {
        "ledger_id": "3f6d2a4e-8b1c-4e7a-9c5d-2b7f0e1a6c93",
        "org": "巴音塔拉嘎查股份经济合作社", "org_code": "N2152522MF0000001X",
        "currency": "CNY", "chart": "standard-2023", "start_period": "2026-01",
        "format_version": 1}),
    ("2026-01-05T01:31:07Z", "account.added",
     {"code": "10201", "name": "农村信用社基本户", "parent": "102"}),
    ("2026-01-05T01:32:15Z", "fund.added",
     {"code": "XJ2026", "name": "2026年衔接推进乡村振兴补助资金"}),
    ("2026-01-05T01:33:40Z", "member.added", {"code": "M023", "name": "巴特尔"}),
    ("2026-01-12T02:05:09Z", "voucher.posted", {
        "number": 1, "period": "2026-01", "date": "2026-01-10", "kind": "normal",
        "ref": "2026-01-0001",
        "summary": '收取草场承包费及衔接资金（合同"草-2026-007"号）',
        "attachments": 3, "reverses": None,
        "lines": [
            {"account": "10201", "debit": "15000.00", "credit": "0.00",
             "fund": None, "member": None, "counterparty": None, "summary": None},
            {"account": "501", "debit": "0.00", "credit": "12000.00",
             "fund": None, "member": "M023", "counterparty": None,
             "summary": "巴特尔 草场承包费 收据NO.2026\\017"},
            {"account": "241", "debit": "0.00", "credit": "3000.00",
             "fund": "XJ2026", "member": None, "counterparty": None,
             "summary": "镇财政所拨付衔接资金"},
        ]}),
    ("2026-02-03T08:00:00Z", "period.closed", {"period": "2026-01"}),
]

entries, prev = [], "0" * 64
for seq, (time, kind, data) in enumerate(events):
    b = canonical({"v": 1, "seq": seq, "prev": prev, "time": time, "actor": ACTOR,
                   "kind": kind, "data": data})
    entries.append(b)
    prev = hashlib.sha256(b).hexdigest()

balances = {}
for b in entries:
    e = json.loads(b)
    if e["kind"] == "voucher.posted":
        for line in e["data"]["lines"]:
            fen = int(line["debit"].replace(".", "")) - int(line["credit"].replace(".", ""))
            balances[line["account"]] = balances.get(line["account"], 0) + fen


def amount(fen):
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


with open(os.path.join(HERE, "log.jsonl"), "wb") as f:
    f.write(b"".join(b + b"\n" for b in entries))
expected = {
    "entries": len(entries),
    "head": prev,
    "roots": {str(n): base64.b64encode(root(entries[:n])).decode() for n in range(1, len(entries) + 1)},
    "balances": {a: amount(v) for a, v in sorted(balances.items())},
}
with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=2)
    f.write("\n")

for seq, b in enumerate(entries):
    kind = json.loads(b)["kind"]
    print(f"Entry {seq}, `{kind}`, {len(b)} bytes, SHA-256 `{hashlib.sha256(b).hexdigest()}`:\n")
    print("```json\n" + b.decode("utf-8") + "\n```\n")
print("Merkle roots of the first N entries (N = 0 is the empty tree):\n")
print("| N | root (hex) | root (base64) |\n|---|---|---|")
for n in range(0, len(entries) + 1):
    r = root(entries[:n])
    print(f"| {n} | `{r.hex()}` | `{base64.b64encode(r).decode()}` |")
