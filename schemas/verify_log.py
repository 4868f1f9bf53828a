#!/usr/bin/env python3
"""Reference verifier for an exported CollectiveLedger audit log (spec: schemas/audit-log.md).

Usage: python3 verify_log.py [--public] LOG.jsonl [--trial-balance TB.json]
       python3 verify_log.py --consistency-proof P.json --old CHECKPOINT --new CHECKPOINT [--key FILE]...
       python3 verify_log.py --inclusion-proof P.json --checkpoint CHECKPOINT [--entry FILE]
       python3 verify_log.py --checkpoint NOTE --witness-key VKEY...
       python3 verify_log.py --receipt FILE
Exit 0: every check holds. 1: integrity problems found (PROBLEM lines), each naming its line and seq. 2: a file
cannot be read. 3: reconciliation problems only (RECONCILIATION lines: the asset register does not cover its
accounts; the books need an accountant, nothing points to tampering), as `cledger verify` exits.
Checks the chain, the canonical form, the data of every kind and the ledger rules, and every checkpoint a
disclosure.published entry carries: its root against the log's first N entries, its ECDSA P-256 signatures
against the keys registered before it. An entry of an unknown kind is a problem. With --public the file is a public log
(audit-log.md 14): an entry withheld as a stub {"hash","kind","leaf","seq"} gives the chain its hash and the Merkle root its
leaf; the balances leave out the vouchers withheld, and the rules that depend on a withheld entry are checked as far as the
public entries allow. Python 3 standard library only.
"""
import argparse, base64, datetime, hashlib, html, json, re, sys

LEVEL1 = set("""101 102 111 112 113 121 131 132 133 134 141 151 152 153 154 161 162 171 181 201 211 212 213
214 221 231 241 301 311 321 322 401 501 502 503 504 511 512 513 514 515 521""".split())  # audit-log.md, appendix A
KEYS = {"ledger.created": "chart currency format_version ledger_id org org_code start_period",
        "account.added": "code name parent", "fund.added": "code name", "member.added": "code name",
        "counterparty.added": "code name", "period.closed": "period",
        "voucher.posted": "attachments date kind lines number period ref reverses summary",
        "voucher.drafted": "cashier draft preparer voucher", "voucher.carried_forward": "by date draft",
        "period.reopen_requested": "by period reason", "period.reopened": "by period role",
        "setting.changed": "key value", "key.registered": "algorithm key_id name public_key",
        "disclosure.published": "checkpoint date files from scope to", "year.closed": "year", "year.opened": "year",
        "asset.added": "account acquired category code cost depreciation_account expense_account fund head life_months location name "
                       "opening_depreciation opening_months paid_from residual species",
        "asset.depreciated": "lines period", "asset.disposed": "asset date gain_loss_account proceeds proceeds_account reason",
        "herd.changed": "asset change date head note", "asset.reared": "amount asset date from",
        "herd.matured": "amount date from head to",
        "distribution.planned": "by distributable distributed households per_share reserve reserve_percent total_shares undistributed year",
        "distribution.approved": "by resolution role year", "distribution.posted": "by date payable_account year",
        "distribution.paid": "account by date year",
        "contract.added": "area from income_account number party prepaid_account rent resource schedule to",
        "contract.received": "account amount contract date", "contract.recognized": "lines year",
        "feedback.received": "contact date from item number question scope to", "feedback.answered": "answer by date feedback",
        "notice.prepared": "by checkpoint content_sha256 date from number scope to", "notice.reviewed": "by content_sha256 date notice opinion",
        "role.change_requested": "by key value", "role.change_approved": "by key role value",
        "user.enrolment_issued": "by user", "user.credential_set": "by user via",
        "attachment.added": "file_name media_type number pages period sha256 size_bytes",
        "bank.statement_imported": "account bank file lines sha256", "bank.matched": "account by method pairs",
        "bank.unmatched": "by line number period voucher_line"}
PRIVATE = ("member.added", "feedback.received", "user.enrolment_issued", "user.credential_set")  # kinds that hold personal data (audit-log.md 14)
# The asset register's level-1 accounts: cost on 131 132 134 151, accumulated depreciation on 133 152 (audit-log.md 7.9).
REGISTER = {"131": "cost", "132": "cost", "133": "depreciated", "134": "cost", "151": "cost", "152": "depreciated"}
for step in ("submitted", "reviewed", "approved", "rejected", "withdrawn"):
    KEYS["voucher." + step] = "by draft note role"
OPTIONAL = {"voucher.posted": {"attachments_reason", "cashier", "draft", "source"}, "distribution.planned": {"plan", "reserve_base", "to_share"}, "distribution.approved": {"plan"}, "distribution.posted": {"reserve_account"}, "fund.added": {"terms"}, "member.added": {"details"}, "period.closed": {"balances_sha256"},
            "disclosure.published": {"notice"}, "asset.added": {"attachments", "nominal"}, "asset.disposed": {"attachments"},
            "contract.received": {"attachments"}, "herd.changed": {"cost", "depreciation", "loss_account"},
            "asset.reared": {"attachments"}, "herd.matured": {"attachments", "stated"}}  # added in format 1's later versions
for k in PRIVATE:  # audit-log.md 14: a random salt in every entry of a kind that holds personal data, written since the public log
    OPTIONAL[k] = OPTIONAL.get(k, set()) | {"salt"}
STUB = "hash kind leaf seq".split()
SETTINGS = """signatory.accountant signatory.committee_chair signatory.supervision_chair disclosure.objection_days disclosure.contact org.type disclosure.public_url
disclosure.project_posting_days disclosure.distribution_posting_days disclosure.due_days role.reviewer role.finance_lead role.committee_chair role.supervisor role.cashier role.accountant role.auditor role.administrator approval.finance_lead_limit approval.committee_limit
vouchers.attachments_required bank.match_days""".split()
GUARDED = ("role.reviewer", "role.finance_lead", "role.committee_chair", "role.supervisor")  # audit-log.md 7.20
NAME_SEPARATORS = "、,;，；"  # what separates the names of a role setting (ApprovalPolicy.SplitNames)
FILE, FORMATS = "format name sha256".split(), ("pdf", "html", "csv", "json", "xlsx")
TOP, LINE = "actor data kind prev seq time v".split(), "account counterparty credit debit fund member summary".split()
AMOUNT, KEY = re.compile(r"-?(0|[1-9][0-9]*)\.[0-9]{2}"), re.compile(r"[a-z][a-z0-9_]*")
PERIOD, TIME = re.compile(r"\d{4}-(0[1-9]|1[0-2])"), re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
TEXT, KEY_NAME = re.compile(r"[^\x00-\x1f\x7f-\x9f\u2028\u2029]*"), re.compile(r"[^\s+\x00-\x1f\x7f-\x9f]{1,100}")
# ECDSA P-256 (FIPS 186-4): the curve y^2 = x^3 - 3x + B over GF(P), base point G of prime order N
P, N = 2**256 - 2**224 + 2**192 + 2**96 - 1, 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551
B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b
G = (0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296,
     0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5)
SPKI = bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d03010703420004")  # DER SubjectPublicKeyInfo up to 04 || X || Y

def need(condition, message):  # every problem found in an entry is raised as a ValueError
    if not condition:
        raise ValueError(message)

def holders(settings, role):  # the names a role setting holds (7.7)
    return {n.strip() for n in re.split("[" + NAME_SEPARATORS + "]", settings.get("role." + role, ""))} - {""}

def consenting(settings):  # someone could approve a role change (7.20)
    return bool(holders(settings, "committee_chair") or holders(settings, "supervisor"))

def fen(s):  # "-120.50" -> -12050 fen; zero is always written "0.00"
    need(isinstance(s, str) and AMOUNT.fullmatch(s) and s != "-0.00", f"bad amount {s!r}")
    return int(s.replace(".", ""))

def is_int(x):  # JSON true/false are not integers, although Python's bool is an int
    return type(x) is int

def is_date(s):  # YYYY-MM-DD, a real calendar day
    try:
        return bool(re.fullmatch(r"\d{4}-\d\d-\d\d", s) and datetime.date.fromisoformat(s))
    except (TypeError, ValueError):
        return False

def china_day(t):  # "2026-03-04T17:30:00Z" -> "2026-03-05": the day in China (UTC+8) when the entry was written
    return (datetime.datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ") + datetime.timedelta(hours=8)).date().isoformat()

def notice_months(d, s):  # disclosure.published, notice.prepared: a month, quarter or year of the ledger, dated on or after its end
    f, t = d["from"], d["to"]
    need(isinstance(f, str) and isinstance(t, str) and PERIOD.fullmatch(f) and PERIOD.fullmatch(t), "from and to must be periods")
    span = {"month": f == t, "quarter": f[5:] in ("01", "04", "07", "10") and t == next_month(next_month(f)),
            "year": f[5:] == "01" and t == f[:5] + "12"}
    need(span.get(d["scope"]), "scope must be month, quarter or year, and from ... to exactly one of those")
    need(f >= s["start"], f"the notice begins in {f}, before the ledger starts")
    last_day = datetime.date.fromisoformat(next_month(t) + "-01") - datetime.timedelta(days=1)
    need(is_date(d["date"]) and d["date"] >= last_day.isoformat(), f"date must be a day on or after {last_day}, when {t} ends")

def share(total, head, of):  # head's share of a herd's amount, half up to the fen; all of it with the last head (7.14)
    return total if head == of else (total * head * 2 + of) // (of * 2)


def next_month(p):  # "2026-12" -> "2027-01"
    y, m = int(p[:4]), int(p[5:])
    return f"{y + m // 12:04d}-{m % 12 + 1:02d}"

def yuan(f):
    return f"{'-' if f < 0 else ''}{abs(f) // 100}.{abs(f) % 100:02d}"

def no_float(s):
    raise ValueError(f"number {s} is not an integer (amounts are strings)")

def b64(s, what):  # strict standard base64 with padding
    need(isinstance(s, str) and re.fullmatch(r"([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?", s), f"{what} is not base64")
    b = base64.b64decode(s)
    need(base64.b64encode(b).decode() == s, f"{what} is not canonical base64")
    return b

def ec_add(a, b):  # affine points; None is the point at infinity
    if a is None or b is None:
        return a or b
    if a[0] == b[0] and (a[1] + b[1]) % P == 0:
        return None
    m = (3 * a[0] * a[0] - 3) * pow(2 * a[1], -1, P) if a == b else (b[1] - a[1]) * pow(b[0] - a[0], -1, P)
    x = (m * m - a[0] - b[0]) % P
    return x, (m * (a[0] - x) - a[1]) % P

def ec_mul(k, a):  # k * a by double-and-add (verification only: no secret is involved, timing does not matter)
    r = None
    while k:
        r, a, k = ec_add(r, a) if k & 1 else r, ec_add(a, a), k >> 1
    return r

def p256_point(spki):  # the public point of a DER SubjectPublicKeyInfo of a P-256 key, uncompressed as the program writes it
    need(len(spki) == 91 and spki.startswith(SPKI), "public_key must be the DER SubjectPublicKeyInfo of an ECDSA P-256 key")
    x, y = int.from_bytes(spki[27:59], "big"), int.from_bytes(spki[59:], "big")
    need(x < P and y < P and (y * y - x ** 3 + 3 * x - B) % P == 0, "public_key is not a point of P-256")
    return x, y

def ecdsa_verifies(q, message, sig):  # ECDSA P-256 with SHA-256; sig is DER: SEQUENCE { INTEGER r, INTEGER s }
    if len(sig) < 8 or sig[0] != 0x30 or sig[1] != len(sig) - 2 or sig[2] != 2:
        return False
    e = 4 + sig[3]  # where r ends and the INTEGER s begins
    if len(sig) < e + 3 or sig[e] != 2 or e + 2 + sig[e + 1] != len(sig):
        return False
    r, s = int.from_bytes(sig[4:e], "big"), int.from_bytes(sig[e + 2:], "big")
    if not (0 < r < N and 0 < s < N):
        return False
    w, z = pow(s, -1, N), int.from_bytes(hashlib.sha256(message).digest(), "big")
    x = ec_add(ec_mul(z * w % N, G), ec_mul(r * w % N, q))
    return x is not None and x[0] % N == r

ED_P = 2 ** 255 - 19  # Ed25519 (RFC 8032 section 5.1), for witness cosignatures (audit-log.md section 12.4)
ED_L = 2 ** 252 + 27742317777372353535851937790883648493
ED_D = -121665 * pow(121666, -1, ED_P) % ED_P
ED_I = pow(2, (ED_P - 1) // 4, ED_P)  # a square root of -1

def ed_add(a, b):  # extended coordinates (X, Y, Z, T), RFC 8032 5.1.4
    a_, b_ = (a[1] - a[0]) * (b[1] - b[0]) % ED_P, (a[1] + a[0]) * (b[1] + b[0]) % ED_P
    c, d = a[3] * 2 * ED_D * b[3] % ED_P, a[2] * 2 * b[2] % ED_P
    e, f, g, h = b_ - a_, d - c, d + c, b_ + a_
    return e * f % ED_P, g * h % ED_P, f * g % ED_P, e * h % ED_P

def ed_mul(k, a):  # verification only: no secret is involved, timing does not matter
    r = (0, 1, 1, 0)
    while k:
        r, a, k = ed_add(r, a) if k & 1 else r, ed_add(a, a), k >> 1
    return r

def ed_decode(b):  # RFC 8032 5.1.3; None when b is no point
    if len(b) != 32:
        return None
    y = int.from_bytes(b, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    if y >= ED_P:
        return None
    x2 = (y * y - 1) * pow(ED_D * y * y + 1, -1, ED_P) % ED_P
    x = pow(x2, (ED_P + 3) // 8, ED_P)
    if (x * x - x2) % ED_P:
        x = x * ED_I % ED_P
    if (x * x - x2) % ED_P or (x == 0 and sign):
        return None
    x = ED_P - x if x & 1 != sign else x
    return x, y, 1, x * y % ED_P

ED_B = ed_decode((4 * pow(5, -1, ED_P) % ED_P).to_bytes(32, "little"))

def ed25519_verifies(public_key, message, sig):  # RFC 8032 5.1.7: [S]B = R + [k]A
    a, r = ed_decode(public_key), ed_decode(sig[:32]) if len(sig) == 64 else None
    if a is None or r is None or int.from_bytes(sig[32:], "little") >= ED_L:
        return False
    k = int.from_bytes(hashlib.sha512(sig[:32] + public_key + message).digest(), "little") % ED_L
    p, q = ed_mul(int.from_bytes(sig[32:], "little"), ED_B), ed_add(r, ed_mul(k, a))
    return (p[0] * q[2] - q[0] * p[2]) % ED_P == 0 and (p[1] * q[2] - q[1] * p[2]) % ED_P == 0

def witness_key(vkey):  # "name+hex key ID+base64(0x04 || Ed25519 key)" (C2SP tlog-cosignature) -> (name, key ID, key)
    name, key_id, encoded = (vkey.strip().split("+", 2) + ["", ""])[:3]
    raw = b64(encoded, "witness key")
    need(name and len(raw) == 33 and raw[0] == 4, "a witness key is NAME+KEYID+base64(0x04 || Ed25519 public key)")
    need(hashlib.sha256(name.encode() + b"\n\x04" + raw[1:]).digest()[:4].hex() == key_id.lower(), f"witness key {name}: its key ID is not that of its name and key")
    return name, bytes.fromhex(key_id), raw[1:]

def cosignatures(text, vkeys):  # the checkpoint's valid cosignature/v1 timestamp for each witness key; lines of other keys are ignored
    text = text.replace("\r\n", "\n").rstrip(" \t\r\n") + "\n"  # as a scanner gives it (audit-log.md 12.2)
    split = text.rfind("\n\n")
    need(split >= 0, "the checkpoint is not a signed note")
    body, found = text[:split + 1], {}
    for name, key_id, key in map(witness_key, vkeys):
        for line in text[split + 2:].split("\n"):
            m = re.fullmatch(r"\u2014 ([^ ]+) ([A-Za-z0-9+/=]+)", line)
            blob = base64.b64decode(m[2]) if m and m[1] == name else b""
            if len(blob) == 76 and blob[:4] == key_id:
                t = int.from_bytes(blob[4:12], "big")
                if ed25519_verifies(key, b"cosignature/v1\ntime %d\n" % t + body.encode(), blob[12:]):
                    found[name] = t
    return found

def check_cosignatures(path, vkeys):  # --checkpoint NOTE --witness-key VKEY...: every witness named has cosigned the note
    found = cosignatures(open(path, encoding="utf-8").read(), vkeys)
    missing = [witness_key(v)[0] for v in vkeys if witness_key(v)[0] not in found]
    for name, t in sorted(found.items()):
        print(f"cosigned by {name} at {datetime.datetime.fromtimestamp(t, datetime.timezone.utc):%Y-%m-%dT%H:%M:%SZ}")
    for name in missing:
        print(f"PROBLEM: no valid cosignature of {name}")
    print("FAILED" if missing else "OK")
    return 1 if missing else 0

def check_checkpoint(text, seq, s):  # disclosure.published: a checkpoint body, alone or as a signed note (audit-log.md section 12)
    need(isinstance(text, str), "checkpoint must be a string")
    split = text.rfind("\n\n")
    body, signatures = (text[:split + 1], text[split + 2:].split("\n")) if split >= 0 else (text, [""])
    lines = body.split("\n")
    need(len(lines) == 4 and re.fullmatch(r"0|[1-9][0-9]*", lines[1]), "checkpoint: origin, size and root lines, each ending in a newline")
    need(lines[0] == s["origin"], f"checkpoint: origin must be {s['origin']}")
    size, root = int(lines[1]), b64(lines[2], "checkpoint root")
    need(0 < size <= seq, f"checkpoint of {size} entries: a notice can only cover entries before it, 1 ... {seq}")
    if size not in s["roots"]:  # notices of unchanged books share one checkpoint
        s["roots"][size] = merkle_root(s["leaves"][:size])
    need(root == s["roots"][size], f"checkpoint of {size} entries: its root is not that of the first {size} entries of this log")
    need(signatures[-1] == "" and len(signatures) <= 17 and (split < 0 or len(signatures) > 1), "checkpoint: bad signature lines")
    for line in signatures[:-1]:
        m = re.fullmatch(r"\u2014 ([^ ]+) ([A-Za-z0-9+/=]+)", line)
        need(m, f"checkpoint: {line!r} is not a signature line (\u2014 name base64)")
        blob = b64(m[2], "signature")
        key = s["keys"].get((m[1], blob[:4].hex()))
        need(key, f"checkpoint: signed by {m[1]} ({blob[:4].hex()}), which is not a registered key")
        need(ecdsa_verifies(key, body.encode(), blob[4:]), f"checkpoint: the signature of {m[1]} ({blob[:4].hex()}) does not verify")

def check_values(x):  # keys ASCII snake_case; integers within I-JSON's exact range
    for k, v in (x.items() if isinstance(x, dict) else enumerate(x) if isinstance(x, list) else []):
        need(isinstance(k, int) or KEY.fullmatch(k), f"key {k!r} is not ASCII snake_case")
        check_values(v)
    need(not is_int(x) or abs(x) <= 2**53 - 1, f"integer {x} out of range")

def merkle_root(leaves):  # RFC 6962 section 2.1, over leaf hashes SHA-256(0x00 || entry)
    if len(leaves) <= 1:
        return leaves[0] if leaves else hashlib.sha256(b"").digest()
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + merkle_root(leaves[:k]) + merkle_root(leaves[k:])).digest()

def split_at(n):  # the largest power of two smaller than n (n > 1), where RFC 6962 splits a tree
    k = 1
    while k * 2 < n:
        k *= 2
    return k

def inclusion_proof(leaves, m, n):  # PATH(m, D[0:n]) of RFC 6962 section 2.1.1, over leaf hashes
    if n <= 1:
        return []
    k = split_at(n)
    return inclusion_proof(leaves[:k], m, k) + [merkle_root(leaves[k:n])] if m < k else \
        inclusion_proof(leaves[k:n], m - k, n - k) + [merkle_root(leaves[:k])]

def consistency_proof(leaves, m, n, whole=True):  # PROOF(m, D[0:n]) of RFC 6962 section 2.1.2 (SUBPROOF with b = whole)
    if m == 0 or m == n:
        return [] if whole or m == 0 else [merkle_root(leaves[:n])]
    k = split_at(n)
    return consistency_proof(leaves[:k], m, k, whole) + [merkle_root(leaves[k:n])] if m <= k else \
        consistency_proof(leaves[k:n], m - k, n - k, False) + [merkle_root(leaves[:k])]

def node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()

def verify_inclusion(index, size, leaf_hash, proof, root):  # RFC 9162 section 2.1.3.2
    if not 0 <= index < size or len(leaf_hash) != 32:
        return False
    fn, sn, r = index, size - 1, leaf_hash
    for p in proof:
        if sn == 0 or len(p) != 32:
            return False
        if fn & 1 or fn == sn:
            r = node(p, r)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            r = node(r, p)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and r == root

def verify_consistency(m, n, old_root, new_root, proof):  # RFC 9162 section 2.1.4.2
    if not 0 <= m <= n or len(old_root) != 32 or len(new_root) != 32 or any(len(p) != 32 for p in proof):
        return False
    if m == n:
        return not proof and old_root == new_root
    if m == 0:
        return not proof
    if not proof:
        return False
    hashes = [old_root] + proof if m & (m - 1) == 0 else list(proof)
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn, sn = fn >> 1, sn >> 1
    fr = sr = hashes[0]
    for c in hashes[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node(c, fr), node(c, sr)
            while not fn & 1 and fn:
                fn, sn = fn >> 1, sn >> 1
        else:
            sr = node(sr, c)
        fn, sn = fn >> 1, sn >> 1
    return sn == 0 and fr == old_root and sr == new_root

def read_proof(text, keys):  # the JSON of `cledger prove` (audit-log.md section 15.1): exactly these keys, hashes base64 of 32 bytes
    p = json.loads(text, parse_float=no_float, parse_constant=no_float)
    need(isinstance(p, dict) and sorted(p) == sorted(keys.split()), f"a proof has exactly the keys {keys}")
    for k in ("seq", "size", "old_size", "new_size"):
        need(k not in p or is_int(p[k]) and 0 <= p[k] <= 2**53 - 1, f"{k} is not a whole number of zero or more")
    need(isinstance(p["hashes"], list), "hashes is not an array")
    p["hashes"] = [b64(h, "a proof hash") for h in p["hashes"]]
    need(all(len(h) == 32 for h in p["hashes"] + ([b64(p["leaf_hash"], "leaf_hash")] if "leaf_hash" in p else [])), "a proof hash is not 32 bytes")
    if "leaf_hash" in p:
        p["leaf_hash"] = base64.b64decode(p["leaf_hash"])
    return p

def read_note(text):  # a checkpoint as scanned (audit-log.md 12.2): normalized, then body and signature lines
    text = text.replace("\r\n", "\n").rstrip(" \t\r\n") + "\n"
    split = text.rfind("\n\n")
    body, signatures = (text[:split + 1], text[split + 2:].split("\n")[:-1]) if split >= 0 else (text, [])
    lines = body.split("\n")
    need(len(lines) >= 4 and re.fullmatch(r"0|[1-9][0-9]*", lines[1]), "not a checkpoint: origin, size and root lines, each ending in a newline")
    return dict(origin=lines[0], size=int(lines[1]), root=b64(lines[2], "checkpoint root"), body=body, signatures=signatures)

def read_keys(text):  # a --key file: `cledger keys list --format json` (an array, or one object) or the base64 DER SubjectPublicKeyInfo alone
    text = text.strip()
    items = json.loads(text) if text[:1] in "[{" else [{"public_key": text}]
    items = items if isinstance(items, list) else [items]
    keys = []
    for k in items:
        spki = b64(k.get("public_key"), "public_key")
        p256_point(spki)
        kid = hashlib.sha256(spki).digest()[:4].hex()
        need(k.get("key_id", kid) == kid, f"key_id {k.get('key_id')} is not the ID of the public key ({kid})")
        keys.append((k.get("name"), kid, p256_point(spki)))
    need(keys, "the key file holds no key")
    return keys

def signers(note, keys, which):  # the given keys that signed the note; a ValueError when one does not verify or none signed
    found = []
    for line in note["signatures"]:
        m = re.fullmatch(r"\u2014 ([^ ]+) ([A-Za-z0-9+/=]+)", line)
        need(m, f"{which} checkpoint: {line!r} is not a signature line")
        blob = b64(m[2], "signature")
        for name, kid, q in keys:
            if kid == blob[:4].hex() and name in (None, m[1]):
                need(ecdsa_verifies(q, note["body"].encode(), blob[4:]), f"{which} checkpoint: the signature of {m[1]} ({kid}) does not verify: forged or altered")
                found.append(f"{m[1]} ({kid})")
    need(found, f"{which} checkpoint: none of the given keys signed it")
    return found

def check_consistency(proof_path, old_path, new_path, key_paths):  # verify --checkpoint OLD --against NEW, offline (audit-log.md 15.3)
    old, new = read_note(open(old_path, encoding="utf-8").read()), read_note(open(new_path, encoding="utf-8").read())
    problems, keys = [], [k for path in key_paths for k in read_keys(open(path, encoding="utf-8").read())]
    for note, which in ((old, "old"), (new, "new")):
        print(f"{which} checkpoint: {note['origin']}, {note['size']} entries, root {base64.b64encode(note['root']).decode()}")
        try:
            if keys:
                print(f"  signed by {', '.join(signers(note, keys, which))}")
        except ValueError as x:
            problems.append(str(x))
    if not keys:
        print("signatures: unchecked (no --key given)")
    if old["origin"] != new["origin"]:
        problems.append(f"the two checkpoints are of different logs: {old['origin']}, {new['origin']}")
    evidence = f"old root {base64.b64encode(old['root']).decode()} ({old['size']} entries), new root {base64.b64encode(new['root']).decode()} ({new['size']} entries)"
    if new["size"] < old["size"]:
        problems.append(f"fork: the new checkpoint has fewer entries than the old one ({evidence})")
    elif new["size"] == old["size"] and old["root"] != new["root"]:
        problems.append(f"fork: two checkpoints of the same {old['size']} entries with different roots ({evidence})")
    elif new["size"] > old["size"]:
        need(proof_path, f"a proof is needed from {old['size']} to {new['size']} entries")
        p = read_proof(open(proof_path, encoding="utf-8").read(), "old_size new_size hashes")
        need((p["old_size"], p["new_size"]) == (old["size"], new["size"]),
             f"the proof is of {p['old_size']} -> {p['new_size']} entries, the checkpoints have {old['size']} and {new['size']}")
        if not verify_consistency(old["size"], new["size"], old["root"], new["root"], p["hashes"]):
            problems.append(f"fork: the consistency proof does not lead from the old root to the new one: history rewritten within the first {old['size']} entries ({evidence})")
    for x in problems:
        print(f"PROBLEM: {x}")
    print("FAILED" if problems else "OK" if keys else "OK (signatures unchecked)")
    return 1 if problems else 0

def check_inclusion(proof_path, checkpoint_path, entry_path):  # an entry (or its leaf hash) in a checkpoint's tree (audit-log.md 15.2)
    cp = read_note(open(checkpoint_path, encoding="utf-8").read())
    p = read_proof(open(proof_path, encoding="utf-8").read(), "seq size leaf_hash hashes")
    need(p["size"] == cp["size"], f"the proof is of a tree of {p['size']} entries, the checkpoint has {cp['size']}")
    problems = []
    if entry_path:
        entry = open(entry_path, "rb").read().rstrip(b"\n")
        if hashlib.sha256(b"\x00" + entry).digest() != p["leaf_hash"]:
            problems.append("the entry's leaf hash SHA-256(0x00 || entry) is not the proof's leaf_hash")
    if not verify_inclusion(p["seq"], p["size"], p["leaf_hash"], p["hashes"], cp["root"]):
        problems.append(f"the inclusion proof does not lead from entry {p['seq']} to the checkpoint's root")
    print(f"entry {p['seq']} in the checkpoint of {cp['size']} entries ({cp['origin']})")
    for x in problems:
        print(f"PROBLEM: {x}")
    print("FAILED" if problems else "OK")
    return 1 if problems else 0

def check_receipt(path):  # a receipt (audit-log.md 16): its entry in its checkpoint's tree, signed by a key it names
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<pre id="receipt">(.*?)</pre>', text, re.S)  # the printable page carries the receipt's JSON
    r = json.loads(html.unescape(m[1]) if m else text)
    need(isinstance(r, dict) and r.get("receipt") == "collectiveledger-receipt/v1", "not a receipt: \"receipt\" is not \"collectiveledger-receipt/v1\"")
    cp = read_note(r["checkpoint"])
    p = read_proof(json.dumps(r["inclusion"]), "seq size leaf_hash hashes")
    entry = r["entry"].encode("utf-8")
    e = json.loads(entry, parse_float=no_float, parse_constant=no_float)
    need(isinstance(e, dict) and json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() == entry, "the entry is not in canonical form")
    leaf = bytes.fromhex(e["leaf"]) if sorted(e) == STUB else hashlib.sha256(b"\x00" + entry).digest()
    for line in r["about"]:
        print(line)
    problems = []
    if e.get("seq") != p["seq"] or leaf != p["leaf_hash"] or p["size"] != cp["size"] \
            or not verify_inclusion(p["seq"], p["size"], leaf, p["hashes"], cp["root"]):
        problems.append(f"entry {e.get('seq')} is not in the checkpoint's tree of {cp['size']} entries: the receipt or the log was changed")
    keys = [(k["name"], hashlib.sha256(b64(k["public_key"], "public_key")).digest()[:4].hex(), p256_point(b64(k["public_key"], "public_key"))) for k in r["keys"]]
    if not problems and cp["signatures"]:
        try:
            print(f"signed by {', '.join(signers(cp, keys, 'the receipt'))}")
        except ValueError as x:
            problems.append(str(x))
    elif not problems:
        print("unsigned: the entry is in the checkpoint's tree, but nothing proves who issued the checkpoint")
    for x in problems:
        print(f"PROBLEM: {x}")
    print("FAILED" if problems else "OK")
    return 1 if problems else 0

def negates(x, y):  # line x is line y in red ink: same account and dimensions, same side, negated amount
    return all(x[k] == y[k] for k in ("account", "fund", "member", "counterparty")) \
        and fen(x["debit"]) == -fen(y["debit"]) and fen(x["credit"]) == -fen(y["credit"])

def attachments_ok(d, s):  # audit-log.md 7.5 "Attachments": a cash or bank voucher has attachments or says why, while the setting is on
    reason = d.get("attachments_reason")
    need(reason is None or (isinstance(reason, str) and TEXT.fullmatch(reason) and 1 <= len(reason) <= 100 and reason == reason.strip()),
         "attachments_reason must be text of 1..100 characters")
    cash = any(l["account"][:3] in ("101", "102") for l in d["lines"] if isinstance(l, dict) and isinstance(l.get("account"), str))
    need(s["settings"].get("vouchers.attachments_required") != "true" or d["kind"] != "normal" or d.get("reverses") is not None
         or not cash or d["attachments"] != 0 or reason is not None,
         "a cash or bank voucher with 0 attachments must give attachments_reason while vouchers.attachments_required is true")

def post_voucher(d, s):  # checks one voucher.posted against the state s, then adds its lines to s["net"]
    p, date, rev, lines = d["period"], d["date"], d["reverses"], d["lines"]
    need(d["kind"] in ("normal", "opening", "closing"), "kind must be normal, opening or closing")
    need(isinstance(d["summary"], str) and d["summary"].strip(), "summary must be a non-blank string")
    need(is_int(d["attachments"]) and 0 <= d["attachments"] <= 9999, "attachments must be an integer 0..9999")
    attachments_ok(d, s)
    need(is_date(date) and date[:7] == p, "date must be a YYYY-MM-DD day in period")
    need(p >= s["start"] and p not in s["closed"], f"period {p} is closed or before the start")
    need(d["kind"] != "opening" or date == s["start"] + "-01", "an opening voucher is dated on the ledger's first day")
    year = int(date[:4])
    need(year - 1 < int(s["start"][:4]) or year - 1 in s["years_closed"] or year in s["years_opened"],
         f"year {year - 1} is neither closed nor is the opening of {year} declared")
    if d["kind"] == "closing":  # only year close makes them: 31 December, no ref, only 5xx, 321 and 322 (or below 322)
        need(date[5:] == "12-31" and d["ref"] is None and rev is None and s["closing"] in (None, year),
             "a closing voucher is dated 31 December, has no ref, reverses nothing, and belongs to one year close")
        need(all(l["account"][0] == "5" or l["account"] == "321" or l["account"].startswith("322") for l in lines),
             "a closing voucher moves only 5xx, 321 and 322 (or its 未分配收益 sub-account)")
        s["closing"] = year
    need(is_int(d["number"]) and (d["number"] == s["numbers"].get(p, 0) + 1 or s["withheld"].get("voucher.posted") and d["number"] > s["numbers"].get(p, 0)),
         f"number {d['number']} is not the next in {p} (gapless from 1)")
    need(d["ref"] is None or (isinstance(d["ref"], str) and d["ref"] not in s["refs"]), "ref must be null or unused")
    need(isinstance(lines, list) and 2 <= len(lines) <= 500, "a voucher has 2..500 lines")
    sign, total = (1 if rev is None else -1), 0
    for i, l in enumerate(lines, 1):
        need(isinstance(l, dict) and sorted(l) == LINE, f"line {i}: keys must be {' '.join(LINE)}")
        dr, cr = fen(l["debit"]), fen(l["credit"])
        need(l["account"] in s["accounts"] and l["account"] not in s["parents"], f"line {i}: {l['account']!r} is not an existing leaf account")
        for dim in ("fund", "member", "counterparty"):  # a member's registration is withheld from a public log
            need(l[dim] is None or l[dim] in s[dim] or dim == "member" and s["withheld"].get("member.added"), f"line {i}: unknown {dim} {l[dim]!r}")
        need((dr == 0) != (cr == 0) and 0 < (dr + cr) * sign <= 10**13,
             f"line {i}: exactly one side is non-zero, {'negative (reversal)' if rev else 'positive'}, at most 100000000000.00")
        need(l["summary"] is None or isinstance(l["summary"], str), f"line {i}: summary must be a string or null")
        total += dr - cr
    need(total == 0, "debits do not equal credits")
    if rev is not None:
        need(isinstance(rev, dict) and sorted(rev) == ["number", "period"], "reverses must be null or {period, number}")
        key = (rev["period"], rev["number"]) if is_int(rev["number"]) else None
        o = s["vouchers"].get(key)
        if o is None and s["withheld"].get("voucher.posted"):  # the voucher reversed may be one the public log withholds
            o = dict(d, reverses=None, lines=[dict(l, debit=yuan(-fen(l["debit"])), credit=yuan(-fen(l["credit"]))) for l in lines], date=rev["period"] + "-01")
        need(o and o["reverses"] is None and key not in s["reversed"], f"reverses {key}: no such voucher, or it is a reversal or reversed already")
        need(o["kind"] == d["kind"] and o["date"] <= date and len(o["lines"]) == len(lines)
             and all(map(negates, lines, o["lines"])), "a reversal repeats the original's kind and lines, amounts negated")
        need(o["date"][:4] == date[:4], "a red-ink reversal is dated in the same year as the voucher it reverses "
             "(an earlier year's error is corrected by a blue-ink voucher, section 7.5)")
        s["reversed"].add(key)
    month = s["monthly"].setdefault(p, {})
    for l in lines:
        s["net"][l["account"]] = s["net"].get(l["account"], 0) + fen(l["debit"]) - fen(l["credit"])
        month[l["account"]] = month.get(l["account"], 0) + fen(l["debit"]) - fen(l["credit"])
        by_year = s["net_by_year"].setdefault(year, {})
        by_year[l["account"]] = by_year.get(l["account"], 0) + fen(l["debit"]) - fen(l["credit"])
        if d["kind"] == "closing" and l["account"].startswith("322"):  # the year's surplus, carried from 321 into 322
            s["surplus"][year] = s["surplus"].get(year, 0) + fen(l["credit"]) - fen(l["debit"])
    s["vouchers"][(p, d["number"])], s["numbers"][p] = d, d["number"]
    s["refs"].add(d["ref"])

def check_entry(e, b, prev, seq, s):  # seq: the expected seq
    need(isinstance(e, dict) and sorted(e) == TOP, "top-level keys must be exactly " + " ".join(TOP))
    need(json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() == b,
         "bytes differ from the canonical serialization (audit-log.md section 2)")
    need(is_int(e["v"]) and e["v"] == 1, "v must be 1")
    need(is_int(e["seq"]) and e["seq"] == seq, f"seq must be {seq}: entries are numbered 0, 1, 2 ... without gaps")
    need(e["prev"] == prev, f"prev must be {prev}, the SHA-256 of the previous line")
    need(isinstance(e["time"], str) and TIME.fullmatch(e["time"]), "time must be YYYY-MM-DDTHH:MM:SSZ")
    kind, d = e["kind"], e["data"]
    need(isinstance(e["actor"], str) and isinstance(kind, str) and isinstance(d, dict), "bad actor, kind or data")
    need((seq == 0) == (kind == "ledger.created"), "ledger.created is always and only entry 0")
    need(kind in KEYS, f"unknown kind {kind!r}: chain checked, data not, balances leave it out")
    need(set(KEYS[kind].split()) <= set(d) <= set(KEYS[kind].split()) | OPTIONAL.get(kind, set()),
         f"data of {kind} must have exactly the keys {KEYS[kind]} (and optionally {' '.join(sorted(OPTIONAL.get(kind, [])))})")
    need("salt" not in d or (isinstance(d["salt"], str) and re.fullmatch(r"[0-9a-f]{32}", d["salt"])), "salt must be 32 lowercase hex digits")
    if kind == "ledger.created":
        need(is_int(d["format_version"]) and d["format_version"] == 1 and d["chart"] == "standard-2023", "unsupported format_version or chart")
        need(isinstance(d["start_period"], str) and PERIOD.fullmatch(d["start_period"]), "bad start_period")
        s["start"], s["accounts"] = d["start_period"], set(LEVEL1)
        s["origin"] = f"collectiveledger.local/{d['org_code']}/{d['ledger_id']}"
    elif kind == "account.added":
        c, p = d["code"], d["parent"]
        need(p in s["accounts"] and p not in s["net"] and isinstance(c, str) and re.fullmatch(re.escape(p) + r"\d\d", c)
             and c not in s["accounts"], f"account {c!r} must be new, parent {p!r} + 2 digits, parent without postings")
        s["accounts"].add(c), s["parents"].add(p)
    elif kind == "period.closed":
        p = d["period"]
        first_open = next_month(max(s["closed"])) if s["closed"] else s["start"]
        need(p == first_open, f"cannot close {p!r}: months close in order, the first open one is {first_open}")
        need(not p.endswith("-12") or s["closing"] in (None, int(p[:4])), f"{p} closes with its year, after that year's closing vouchers")
        if p.endswith("-12"):
            s["closing"] = int(p[:4])
        # audit-log.md: net balance per account at the end of the month, canonical JSON (unknown with vouchers withheld)
        if "balances_sha256" in d and not s["withheld"].get("voucher.posted"):
            net = {}
            for month, accounts in s["monthly"].items():
                if month <= p:
                    for a, f in accounts.items():
                        net[a] = net.get(a, 0) + f
            text = json.dumps({a: yuan(f) for a, f in net.items() if f}, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            need(d["balances_sha256"] == hashlib.sha256(text.encode()).hexdigest(), f"balances_sha256 is not the hash of {p}'s closing balances")
        s["closed"].add(p)
    elif kind == "period.reopened":
        p = d["period"]
        need(s["closed"] and p == max(s["closed"]), f"only the last closed month can be reopened, not {p!r}")
        s["closed"].discard(p)
    elif kind != "voucher.posted" and kind.startswith("voucher.") or kind == "period.reopen_requested":  # approval steps: no balance changes
        need(d["by"] == e["actor"] if "by" in d else d["preparer"] == e["actor"], "the person named must be the entry's actor")
        if kind == "voucher.drafted":
            need(isinstance(d["voucher"], dict) and isinstance(d["voucher"].get("lines"), list), "voucher must be an object with lines")
            attachments_ok(d["voucher"], s)
    elif kind == "voucher.posted":
        post_voucher(d, s)
        for i, l in enumerate(d["lines"], 1):  # postings on 102 and below, which bank statement lines are matched with (7.23)
            if l["account"].startswith("102") and d["kind"] != "opening":
                s["bank_postings"][(d["period"], d["number"], i)] = (l["account"], fen(l["debit"]) - fen(l["credit"]))
    elif kind == "bank.statement_imported":  # audit-log.md 7.23: lines numbered on, one side each, a serial once per account
        account, lines = d["account"], d["lines"]
        need(isinstance(account, str) and account.startswith("102") and account in s["accounts"], f"{account!r} is not a bank deposit account")
        need(isinstance(lines, list) and len(lines) > 0, "a statement has at least one line")
        for l in lines:
            need(isinstance(l, dict) and sorted(l) == ["balance", "counterparty", "date", "id", "income", "payment", "row", "serial", "summary"], "bad statement line keys")
            need(is_int(l["id"]) and l["id"] == len(s["bank_lines"]) + 1, f"statement line {l['id']!r} must be {len(s['bank_lines']) + 1}")
            income, payment = fen(l["income"]), fen(l["payment"])
            need(income >= 0 and payment >= 0 and (income > 0) != (payment > 0), f"statement line {l['id']}: exactly one of income and payment above zero")
            need(is_date(l["date"]) and isinstance(l["serial"], str) and 1 <= len(l["serial"]) <= 64, f"statement line {l['id']}: bad date or serial")
            need((account, l["serial"]) not in s["bank_serials"], f"statement line {l['id']}: serial {l['serial']!r} was imported before")
            fen(l["balance"])
            s["bank_serials"].add((account, l["serial"]))
            s["bank_lines"][l["id"]] = (account, income - payment)
    elif kind == "bank.matched":  # one to one, equal amounts, postings on the account or below it
        need(d["by"] == e["actor"] and d["method"] in ("auto", "manual"), "by must be the actor; method auto or manual")
        for p in d["pairs"]:
            key, line = (p["period"], p["number"], p["voucher_line"]), p["line"]
            need(line in s["bank_lines"] and s["bank_lines"][line][0] == d["account"], f"statement line {line!r} of {d['account']} does not exist")
            need(key in s["bank_postings"] and s["bank_postings"][key][0].startswith(d["account"]), f"voucher line {key} is no posting on {d['account']}")
            need(s["bank_lines"][line][1] == fen(p["amount"]) == s["bank_postings"][key][1], f"statement line {line} and voucher line {key} differ in amount")
            need(line not in s["bank_matched"] and key not in s["bank_matched"].values(), f"statement line {line} or voucher line {key} is matched already")
            s["bank_matched"][line] = key
    elif kind == "bank.unmatched":
        key = (d["period"], d["number"], d["voucher_line"])
        need(d["by"] == e["actor"] and s["bank_matched"].get(d["line"]) == key, f"statement line {d['line']!r} is not matched with {key}")
        s["bank_matched"].pop(d["line"], None)
    elif kind == "setting.changed":
        k, v = d["key"], d["value"]
        need(k in SETTINGS, f"unknown setting {k!r}")
        need(isinstance(v, str) and TEXT.fullmatch(v) and v == v.strip() and len(v) <= 100, "value: text of 0..100 characters, trimmed")
        need(k not in ("disclosure.objection_days", "disclosure.due_days") or (re.fullmatch(r"\+?[0-9]{1,9}", v) and 1 <= int(v) <= 90), "objection days and notice due days must be 1..90")
        need(k not in ("disclosure.project_posting_days", "disclosure.distribution_posting_days") or (re.fullmatch(r"\+?[0-9]{1,9}", v) and 10 <= int(v) <= 90),
             "project notice and distribution plan posting days must be 10..90")
        need(k != "vouchers.attachments_required" or v in ("true", "false"), "vouchers.attachments_required must be true or false")
        need(k != "bank.match_days" or re.fullmatch(r"0|[1-9]|[12][0-9]|3[01]", v), "bank.match_days must be 0..31")
        need(k != "disclosure.public_url" or re.fullmatch(r"(https?://[^\s/?#]+(/[^\s?#]*[^\s?#/])?)?", v), "disclosure.public_url must be an http(s) address without query, fragment or trailing slash")
        need(k not in GUARDED or not consenting(s["settings"]), f"{k} changes by role.change_requested and role.change_approved (7.20) once a committee chair or supervisor exists")
        s["settings"][k] = v
    elif kind in ("role.change_requested", "role.change_approved"):  # audit-log.md 7.20: a second person consents
        k, v = d["key"], d["value"]
        need(d["by"] == e["actor"], "the person named must be the entry's actor")
        need(k in GUARDED, f"key must be one of {', '.join(GUARDED)}")
        need(isinstance(v, str) and TEXT.fullmatch(v) and v == v.strip() and len(v) <= 100, "value: text of 0..100 characters, trimmed")
        need(not consenting(s["settings"]) or consenting(dict(s["settings"], **{k: v})), "a role change may not leave the books with neither a committee chair nor a supervisor")
        if kind == "role.change_requested":
            need(v != s["settings"].get(k, ""), f"{k} is {v!r} already")
            s["role_requests"][k] = d
        else:
            r = s["role_requests"].pop(k, None)
            need(r is not None and r["value"] == v, f"no pending request to set {k} to {v!r}")
            need(r is None or r["by"] != d["by"], "the requester does not approve their own request")
            need(d["role"] in ("committee_chair", "supervisor") and d["by"] in holders(s["settings"], d["role"]), f"{d['by']} does not hold role.{d['role']}")
            need(d["role"] == "committee_chair" or d["by"] not in holders(s["settings"], "committee_chair"), "role: committee_chair when the approver holds it")
            s["settings"][k] = v
    elif kind == "key.registered":
        need(d["algorithm"] == "ecdsa-p256-sha256", "algorithm must be ecdsa-p256-sha256")
        need(isinstance(d["name"], str) and KEY_NAME.fullmatch(d["name"]), "name: 1..100 characters, no space, no '+'")
        spki = b64(d["public_key"], "public_key")
        key = (d["name"], hashlib.sha256(spki).hexdigest()[:8])
        need(d["key_id"] == key[1], f"key_id must be {key[1]}, the first 4 bytes of SHA-256 of public_key")
        need(key not in s["keys"], f"key {key[0]} ({key[1]}) is registered already")
        s["keys"][key] = p256_point(spki)
    elif kind == "disclosure.published":
        f, t, files = d["from"], d["to"], d["files"]
        notice_months(d, s)
        need(isinstance(files, list) and files, "files must list at least one file")
        for i, x in enumerate(files, 1):
            need(isinstance(x, dict) and sorted(x) == FILE, f"file {i}: keys must be {' '.join(FILE)}")
            need(x["format"] in FORMATS and isinstance(x["name"], str) and x["name"] and "/" not in x["name"],
                 f"file {i}: format pdf, html, csv or json, and a file name")
            need(isinstance(x["sha256"], str) and re.fullmatch(r"[0-9a-f]{64}", x["sha256"]), f"file {i}: sha256 must be 64 lowercase hex digits")
        check_checkpoint(d["checkpoint"], seq, s)
        need("notice" in d or not s["prepared"], "once the log holds a prepared notice (7.18), a publication names the notice it publishes")
        if "notice" in d:  # audit-log.md 7.9: a prepared notice (7.18), reviewed (7.19), published once, as prepared
            n = s["prepared"].get(d["notice"]) if is_int(d["notice"]) else None
            need(n is not None and n["reviewed"] and not n["published"], f"notice {d['notice']!r} must be prepared, reviewed and not yet published")
            need(all(d[k] == n[k] for k in ("scope", "from", "to", "date", "checkpoint")), "scope, from, to, date and checkpoint must be the prepared notice's")
            need(e["actor"] != n["reviewed_by"], "the reviewer does not publish the notice they reviewed")
            n["published"] = True
        s["notices"].add((d["scope"], f, t))
    elif kind == "notice.prepared":  # audit-log.md 7.18: numbered 1, 2, 3 ..., content fixed by its checkpoint and SHA-256
        notice_months(d, s)
        need(d["by"] == e["actor"], "the person named must be the entry's actor")
        need(is_int(d["number"]) and d["number"] == len(s["prepared"]) + 1, f"number must be {len(s['prepared']) + 1}")
        need(isinstance(d["content_sha256"], str) and re.fullmatch(r"[0-9a-f]{64}", d["content_sha256"]), "content_sha256 must be 64 lowercase hex digits")
        need(d["date"] <= china_day(e["time"]) and d["to"] < china_day(e["time"])[:7], "the months must have ended and the date must not be in the future")
        check_checkpoint(d["checkpoint"], seq, s)
        s["prepared"][d["number"]] = dict(d, reviewed=False, published=False)
    elif kind == "notice.reviewed":  # audit-log.md 7.19: by a supervisor who did not prepare it, of the content prepared
        n = s["prepared"].get(d["notice"]) if is_int(d["notice"]) else None
        need(d["by"] == e["actor"], "the person named must be the entry's actor")
        need(n is not None and not n["reviewed"], f"notice {d['notice']!r} must be prepared and not reviewed yet")
        need(d["by"] != n["by"], "the preparer does not review their own notice")
        need(d["content_sha256"] == n["content_sha256"], "content_sha256 must be the prepared notice's")
        need(d["by"] in holders(s["settings"], "supervisor"), f"{d['by']} does not hold role.supervisor")
        need(d["date"] == china_day(e["time"]), "date must be the day the entry was written, in China (UTC+8)")
        need(isinstance(d["opinion"], str) and TEXT.fullmatch(d["opinion"]) and d["opinion"] == d["opinion"].strip() and 1 <= len(d["opinion"]) <= 200,
             "opinion: text of 1..200 characters, trimmed")
        n["reviewed"], n["reviewed_by"] = True, d["by"]
    elif kind == "feedback.received":  # audit-log.md 7.17: on a published notice, from the public page, numbered 1, 2, 3 ...
        need(e["actor"] == "public", "feedback.received is written by the public page: its actor is public")
        need((d["scope"], d["from"], d["to"]) in s["notices"], f"no notice of {d['scope']} {d['from']}..{d['to']} was published before")
        need(is_int(d["number"]) and d["number"] == len(s["feedback"]) + 1, f"number must be {len(s['feedback']) + 1}")
        need(d["date"] == china_day(e["time"]), "date must be the day the entry was written, in China (UTC+8)")
        for k, most in (("item", 200), ("question", 1000)):
            need(isinstance(d[k], str) and TEXT.fullmatch(d[k]) and d[k] == d[k].strip() and 1 <= len(d[k]) <= most, f"{k}: text of 1..{most} characters, trimmed")
        need(d["contact"] is None or isinstance(d["contact"], str) and re.fullmatch(r"\+?[0-9][0-9 -]*", d["contact"]) and len(d["contact"]) <= 50 and d["contact"] == d["contact"].strip()
             and 5 <= sum(c.isdigit() for c in d["contact"]) <= 15, "contact: null or a telephone number of 5..15 digits, trimmed")
        s["feedback"][d["number"]] = False
    elif kind == "feedback.answered":
        n = d["feedback"]
        need(d["by"] == e["actor"], "the person named must be the entry's actor")
        need(is_int(n) and s["feedback"].get(n) is False, f"feedback {n!r} must have been received and not answered yet")
        answerers = set().union(*(holders(s["settings"], r) for r in ("accountant", "committee_chair", "supervisor")))
        need(d["by"] in answerers, f"{d['by']} holds none of role.accountant, role.committee_chair, role.supervisor")
        need(d["date"] == china_day(e["time"]), "date must be the day the entry was written, in China (UTC+8)")
        need(isinstance(d["answer"], str) and TEXT.fullmatch(d["answer"]) and d["answer"] == d["answer"].strip() and 1 <= len(d["answer"]) <= 1000,
             "answer: text of 1..1000 characters, trimmed")
        s["feedback"][n] = True
    elif kind.startswith("user."):  # audit-log.md 7.21: who created every credential; names only, never a password, code or hash
        u = d["user"]
        need(d["by"] == e["actor"], "the person named must be the entry's actor")
        need(isinstance(u, str) and TEXT.fullmatch(u) is not None and 1 <= len(u) <= 100 and u == u.strip() and not set(u) & set(NAME_SEPARATORS),
             "user: one name of 1..100 characters, trimmed, without control characters or 、,;")
        if kind == "user.enrolment_issued":
            need(d["by"] != u, "an enrolment code is issued for someone else")
            admins = holders(s["settings"], "administrator")
            need(d["by"] in admins, f"{d['by']} does not hold role.administrator")
            s["enrolments"].add(u)
        else:
            need(d["via"] in ("server", "enrolment", "self"), "via must be server, enrolment or self")
            need(d["via"] == "server" or d["by"] == u, f"via {d['via']}: only {u} sets their own password")
            need(d["via"] != "enrolment" or u in s["enrolments"] or s["withheld"].get("user.enrolment_issued"), f"{u} has no enrolment code issued and not yet used")
            s["enrolments"].discard(u)
    elif kind == "attachment.added":  # audit-log.md 7.22: a file of a voucher's 原始凭证, recorded by its hash (the bytes are not in the log)
        key = (d["period"], d["number"]) if is_int(d["number"]) else None
        need(key in s["vouchers"] or s["withheld"].get("voucher.posted") and key and d["number"] <= s["numbers"].get(d["period"], 0),
             f"attachment of {key}: no such voucher")
        need(key not in s["reversed"], f"attachment of {key}: the voucher was reversed")
        need(d["media_type"] in ("image/jpeg", "image/png", "application/pdf"), "media_type must be image/jpeg, image/png or application/pdf")
        need(isinstance(d["sha256"], str) and re.fullmatch("[0-9a-f]{64}", d["sha256"]), "sha256 must be 64 lowercase hex digits")
        need(is_int(d["size_bytes"]) and 1 <= d["size_bytes"] <= 10485760, "size_bytes must be 1..10485760")
        need(is_int(d["pages"]) and 1 <= d["pages"] <= 10000 and (d["pages"] == 1 or d["media_type"] == "application/pdf"), "pages: 1 for an image, 1..10000 for a PDF")
        need(isinstance(d["file_name"], str) and TEXT.fullmatch(d["file_name"]) and d["file_name"] == d["file_name"].strip() and 1 <= len(d["file_name"]) <= 100,
             "file_name: text of 1..100 characters, trimmed")
        kept = s["attachments"].setdefault(key, [])
        need(d["sha256"] not in kept and len(kept) < 20, f"attachment of {key}: the same file twice, or more than 20 files")
        kept.append(d["sha256"])
    elif kind == "year.closed":  # December closed just before it; 5xx and 321 at zero on 31 December
        y = d["year"]
        need(is_int(y) and s["closing"] == y and f"{y:04d}-12" in s["closed"] and y not in s["years_closed"],
             "year.closed follows its year's closing vouchers and December's close, once")
        end = {}
        for year, nets in s["net_by_year"].items():
            for a, n in nets.items():
                end[a] = end.get(a, 0) + (n if year <= y else 0)
        need(all(n == 0 for a, n in end.items() if a[0] == "5" or a == "321"), "after year close every 5xx account and 321 are zero")
        s["years_closed"].add(y)
        s["closing"] = None
    elif kind == "asset.added":
        need("attachments" not in d or (is_int(d["attachments"]) and 0 <= d["attachments"] <= 9999 and d["paid_from"] is not None),
             "attachments must be an integer 0..9999, and only with paid_from")
        c = d["code"]
        need(isinstance(c, str) and c not in s["assets"], f"asset {c!r} exists already")
        need(d["account"] in s["accounts"] and d["account"][:3] in ("131", "132", "134", "151"), "an asset's account is below 131, 132, 134 or 151")
        need(fen(d["cost"]) > 0 and 0 <= fen(d["residual"]) < fen(d["cost"]) and 0 <= fen(d["opening_depreciation"]), "cost, residual or opening_depreciation out of range")
        need("nominal" not in d or (d["nominal"] is True and fen(d["cost"]) == 100 and fen(d["residual"]) == 0 and d["life_months"] == 0
                                    and d["depreciation_account"] is None and d["expense_account"] is None),
             "nominal is only true, for an asset at 1.00 (名义金额) that is not depreciated")
        s["assets"][c] = dict(d, depreciated=fen(d["opening_depreciation"]), disposed=False, head_now=d["head"], cost_now=fen(d["cost"]))
    elif kind == "asset.depreciated":
        need(isinstance(d["period"], str) and PERIOD.fullmatch(d["period"]) and d["period"] not in s["depreciated"], "a month is depreciated once")
        s["depreciated"].add(d["period"])
        for l in d["lines"]:
            a = s["assets"].get(l["asset"])
            need(a and not a["disposed"] and a["depreciation_account"], f"asset {l['asset']!r} cannot be depreciated")
            a["depreciated"] += fen(l["amount"])
            need(0 <= a["depreciated"] <= a["cost_now"] - fen(a["residual"]), f"asset {l['asset']!r} depreciated below its residual value")
    elif kind == "asset.disposed":
        need("attachments" not in d or (is_int(d["attachments"]) and 0 <= d["attachments"] <= 9999), "attachments must be an integer 0..9999")
        a = s["assets"].get(d["asset"])
        need(a and not a["disposed"], f"asset {d['asset']!r} is not in use")
        a["disposed"] = True
    elif kind == "herd.changed":
        a = s["assets"].get(d["asset"])
        need(a and not a["disposed"] and d["change"] in ("births", "purchases", "sales", "deaths") and is_int(d["head"]) and d["head"] > 0, "bad herd change")
        keys = {"cost", "depreciation", "loss_account"} & set(d)
        need(not keys or (keys == {"cost", "depreciation", "loss_account"} and d["change"] == "deaths" and str(d["loss_account"]).startswith("181")),
             "cost, depreciation and loss_account come together, only with deaths, and loss_account is below 181")
        if keys:  # 7.14: the dead animals' share of cost and accumulated depreciation, written off to 181; the voucher follows
            need(d["head"] <= a["head_now"], f"herd {d['asset']!r} below zero head")
            need(fen(d["cost"]) == share(a["cost_now"], d["head"], a["head_now"]) and fen(d["depreciation"]) == share(a["depreciated"], d["head"], a["head_now"]),
                 f"herd {d['asset']!r}: the write-off is not the dead animals' share of cost and depreciation")
            a["cost_now"] -= fen(d["cost"])
            a["depreciated"] -= fen(d["depreciation"])
        a["head_now"] += d["head"] if d["change"] in ("births", "purchases") else -d["head"]
        need(a["head_now"] >= 0, f"herd {d['asset']!r} below zero head")
    elif kind == "asset.reared":  # 7.14: rearing cost into young or fattening stock on 131; the voucher follows
        need("attachments" not in d or (is_int(d["attachments"]) and 0 <= d["attachments"] <= 9999), "attachments must be an integer 0..9999")
        a = s["assets"].get(d["asset"])
        need(a and not a["disposed"] and a["category"] == "fattening_stock" and fen(d["amount"]) > 0 and is_date(d["date"]),
             f"rearing cost goes into an asset on 131 in use, positive: {d['asset']!r}")
        a["cost_now"] += fen(d["amount"])
    elif kind == "herd.matured":  # 7.14: young stock on 131 join a breeding herd on 132 with their carrying amount; the voucher follows
        need("attachments" not in d or (is_int(d["attachments"]) and 0 <= d["attachments"] <= 9999), "attachments must be an integer 0..9999")
        need("stated" not in d or d["stated"] is True, "stated is only true")
        f, t = s["assets"].get(d["from"]), s["assets"].get(d["to"])
        need(f and t and not f["disposed"] and not t["disposed"] and f["category"] == "fattening_stock" and t["category"] == "breeding_herd",
             "maturity moves young stock on 131 into a breeding herd on 132, both in use")
        need(is_int(d["head"]) and 0 < d["head"] <= f["head_now"], f"herd {d['from']!r} below zero head")
        amount = fen(d["amount"])
        need(0 < amount <= f["cost_now"] and (d["head"] < f["head_now"] or amount == f["cost_now"]), "the amount is within the young stock's cost, all of it with the last head")
        need("stated" in d or amount == share(f["cost_now"], d["head"], f["head_now"]), "the amount is the head's share of the young stock's cost")
        f["cost_now"] -= amount
        f["head_now"] -= d["head"]
        t["cost_now"] += amount
        t["head_now"] += d["head"]
    elif kind == "contract.added":  # audit-log.md 7.16; the voucher that follows a receipt or recognition is checked as any other
        c = d["number"]
        need(isinstance(c, str) and c not in s["contracts"], f"contract {c!r} exists already")
        need(d["resource"] in ("grassland", "farmland", "water_surface", "building") and d["schedule"] in ("annual", "once"), "bad resource or schedule")
        need(fen(d["area"]) > 0 and fen(d["rent"]) > 0 and is_date(d["from"]) and is_date(d["to"]) and d["from"] <= d["to"], "area, rent or term out of range")
        need(d["income_account"] in s["accounts"] and d["income_account"][:3] == "501" and d["prepaid_account"] in s["accounts"]
             and d["prepaid_account"][:3] == "211", "income_account below 501, prepaid_account below 211")
        need(d["party"] in s["member"] or d["party"] in s["counterparty"] or s["withheld"].get("member.added"), f"party {d['party']!r} is not a registered member or counterparty")
        start, end = datetime.date.fromisoformat(d["from"]), datetime.date.fromisoformat(d["to"])
        years = 1  # contract years begin on from + k years (29 February + 1 year is 28 February)
        while years <= 100 and start.replace(year=start.year + years, day=28 if (start.month, start.day) == (2, 29) else start.day) <= end:
            years += 1
        need(years <= 100, "at most 100 contract years")
        s["contracts"][c] = {"total": years * fen(d["rent"]), "received": 0}
    elif kind == "contract.received":
        need("attachments" not in d or (is_int(d["attachments"]) and 0 <= d["attachments"] <= 9999), "attachments must be an integer 0..9999")
        c = s["contracts"].get(d["contract"])
        need(c is not None and is_date(d["date"]) and isinstance(d["account"], str) and d["account"][:3] in ("101", "102"), "unknown contract, bad date or account")
        c["received"] += fen(d["amount"])
        need(fen(d["amount"]) > 0 and c["received"] <= c["total"], f"contract {d['contract']!r}: receipts exceed the whole term's rent")
    elif kind == "contract.recognized":
        y, lines = d["year"], d["lines"]
        need(is_int(y) and y not in s["recognized"], f"the prepaid rent of {y} is recognized once")
        s["recognized"].add(y)
        numbers = [l["contract"] for l in lines]
        need(numbers and numbers == sorted(numbers) and len(set(numbers)) == len(numbers) and all(n in s["contracts"] for n in numbers)
             and all(fen(l["amount"]) > 0 for l in lines), "lines: registered contracts in ascending order, positive amounts")
    elif kind == "year.opened":
        y = d["year"]
        need(is_int(y) and y - 1 >= int(s["start"][:4]) and y - 1 not in s["years_closed"] and y not in s["years_opened"],
             "year.opened only while the year before is open, once")
        s["years_opened"].add(y)
    elif kind.startswith("distribution."):  # audit-log.md 7.15: once per closed year, in order; the plan's sums exact
        y, step = d["year"], kind.split(".")[1]
        need(d["by"] == e["actor"], "the person named must be the entry's actor")
        done = s["distributions"].setdefault(y, []) if step == "planned" else s["distributions"].get(y, [])
        order = ["planned", "approved", "posted", "paid"]
        plan = d.get("plan", 1)  # plans numbered 1, 2, ... per year; 1 is never written
        need("plan" not in d or (is_int(plan) and plan >= 2), "plan is written only from 2 on")
        if step == "planned" and done == ["planned"]:  # made again before approval: the next plan supersedes the last
            need(plan == s["plans"][y] + 1, f"plan {plan} of {y} is not the next plan ({s['plans'][y] + 1})")
            done.clear()
        need(is_int(y) and y in s["years_closed"] and done == order[:order.index(step)], f"{kind} {y}: after year close, once (a plan again only before approval), after {' '.join(done) or 'nothing'}")
        if step == "planned":
            need(plan == s["plans"].get(y, 0) + 1, f"plan {plan} of {y} is not the next plan")
            s["plans"][y] = plan
            per, hh = fen(d["per_share"]), d["households"]
            need(all(is_int(h["shares"]) and h["shares"] >= 0 and fen(h["amount"]) == h["shares"] * per for h in hh), "each household gets shares x per_share")
            need(sum(h["shares"] for h in hh) == d["total_shares"] and sum(fen(h["amount"]) for h in hh) == fen(d["distributed"]), "totals are the households' sums")
            total, base = fen(d["distributable"]), fen(d.get("reserve_base", d["distributable"]))
            need(0 <= base <= total and fen(d["reserve"]) == (base * d["reserve_percent"] + 50) // 100,
                 "reserve = reserve_base (the year's surplus, 0 .. distributable; absent: distributable) x reserve_percent / 100, half up")
            if "reserve_base" in d:  # the year's surplus as year close carried it into 322, at least 0 and at most distributable
                need(base == min(max(s["surplus"].get(y, 0), 0), total), f"reserve_base is the year's surplus {s['surplus'].get(y, 0)} fen, within 0 .. distributable")
            shared = fen(d["to_share"]) if "to_share" in d else total - fen(d["reserve"])
            need(0 <= shared <= total - fen(d["reserve"]) and fen(d["per_share"]) == shared // d["total_shares"],
                 "per_share = to_share (absent: distributable - reserve) div total_shares, to_share within 0 .. distributable - reserve")
            need(fen(d["reserve"]) + fen(d["distributed"]) + fen(d["undistributed"]) == total and fen(d["undistributed"]) >= 0,
                 "distributable = reserve + distributed + undistributed")
            s["planners"][y] = d["by"]
        if step == "approved":
            need(d["by"] != s["planners"].get(y), "the planner does not approve the plan")
            need(plan == s["plans"].get(y), f"the approval names plan {plan}, but the current plan of {y} is {s['plans'].get(y)} (a superseded plan is never approved)")
        if step == "posted" and "reserve_account" in d:  # optional: the reserve's account when 311 has sub-accounts
            need(isinstance(d["reserve_account"], str) and d["reserve_account"].startswith("311"), "reserve_account is 311 or an account below it")
        done.append(step)
    else:  # fund.added, member.added, counterparty.added
        dim = kind.split(".")[0]
        need(isinstance(d["code"], str) and d["code"] not in s[dim], f"{dim} code {d['code']!r} exists already")
        s[dim].add(d["code"])

def check_stub(e, b, seq, s):  # audit-log.md 14: an entry the public log withholds; returns its hash and its leaf hash
    need(sorted(e) == STUB, "a stub has exactly the keys " + " ".join(STUB))
    need(json.dumps(e, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() == b, "the stub is not canonical JSON")
    need(all(isinstance(e[k], str) and re.fullmatch(r"[0-9a-f]{64}", e[k]) for k in ("hash", "leaf")), "a stub's hash and leaf are 64 lowercase hex digits")
    need(is_int(e["seq"]) and e["seq"] == seq, f"seq must be {seq}: entries are numbered 0, 1, 2 ... without gaps")
    need(seq > 0 and isinstance(e["kind"], str), "entry 0 (ledger.created) is never withheld")
    s["withheld"][e["kind"]] = s["withheld"].get(e["kind"], 0) + 1
    if e["kind"] == "feedback.received":  # numbered without gaps: the withheld question is the next number, unanswered
        s["feedback"][len(s["feedback"]) + 1] = False
    return e["hash"], bytes.fromhex(e["leaf"])

def verify(log_path, tb_path=None, public=False):
    lines, problems = open(log_path, "rb").read().split(b"\n"), []
    if lines.pop() != b"":
        problems.append("end of file: the last line does not end with a newline")
    s = dict(notices=set(), prepared={}, feedback={}, start="9999-99", accounts=set(), parents=set(), fund=set(), member=set(), counterparty=set(), contracts={}, recognized=set(),
             closed=set(), numbers={}, refs=set(), vouchers={}, reversed=set(), attachments={}, net={}, monthly={}, origin=None, settings={}, role_requests={}, keys={}, leaves=[], roots={},
             years_closed=set(), years_opened=set(), closing=None, net_by_year={}, assets={}, depreciated=set(), distributions={}, plans={}, planners={}, surplus={},
             enrolments=set(), withheld={}, bank_lines={}, bank_serials=set(), bank_matched={}, bank_postings={})
    prev, expected = "0" * 64, 0
    for n, b in enumerate(lines, 1):
        seq = expected  # named in messages: the entry's own seq once it is known
        h, leaf = hashlib.sha256(b).hexdigest(), hashlib.sha256(b"\x00" + b).digest()
        try:
            e = json.loads(b.decode("utf-8"), parse_float=no_float, parse_constant=no_float)
            seq = e["seq"] if isinstance(e, dict) and is_int(e.get("seq")) else seq
            if isinstance(e, dict) and "leaf" in e:
                need(public, "a stub of a withheld entry: this is a public log, verify it with --public")
                h, leaf = check_stub(e, b, expected, s)
            else:
                check_values(e)
                check_entry(e, b, prev, expected, s)
        except (ValueError, KeyError, TypeError) as x:  # JSON and UTF-8 decoding errors are ValueErrors too
            why = "not UTF-8" if isinstance(x, UnicodeDecodeError) else "not JSON" if isinstance(x, json.JSONDecodeError) else ""
            problems.append(f"line {n} (seq {seq}): {why + ': ' if why else ''}{x}")
        prev, expected = h, seq + 1
        s["leaves"].append(leaf)
    problems += [] if lines else ["the log is empty (a ledger always has entry 0)"]
    level1 = {}
    for a, f in s["net"].items():
        level1[a[:3]] = level1.get(a[:3], 0) + f
    print(f"entries: {len(lines)}\nhead: {prev if lines else '-'}\nroot: {merkle_root(s['leaves']).hex()}")
    if public:
        vouchers = s["withheld"].get("voucher.posted", 0)
        print(f"withheld: {sum(s['withheld'].values())} entries holding personal data, as hashes "
              f"({', '.join(f'{k} {v}' for k, v in sorted(s['withheld'].items())) or 'none'}); "
              f"{vouchers} vouchers withheld, which the balances below leave out")
    print("balances, debit minus credit (level-1 accounts; their posting sub-accounts indented):")
    for c in sorted(level1):
        print(f"  {c:<10}{yuan(level1[c]):>20}")
        for a in sorted(a for a in s["net"] if a[:3] == c and a != c):
            print(f"    {a:<8}{yuan(s['net'][a]):>20}")
    reconciliation = []  # the books disagree with themselves, not with their log: cledger verify's category reconciliation
    for c, field in REGISTER.items():  # the register equals the books on every register account it uses
        acct = "account" if field == "cost" else "depreciation_account"
        used = [a for a in s["assets"].values() if (a[acct] or "")[:3] == c]
        held = sum(a["cost_now"] if field == "cost" else a["depreciated"] for a in used if not a["disposed"])
        if used and not s["withheld"].get("voucher.posted") and held != level1.get(c, 0) * (1 if field == "cost" else -1):
            reconciliation.append(f"asset register: {c} holds {yuan(held)} in the register, the books {yuan(level1.get(c, 0))}")
    if tb_path:
        try:
            tb = json.load(open(tb_path, encoding="utf-8"))
            rows = {r["code"]: fen(r["closing_debit"]) - fen(r["closing_credit"]) for r in tb["rows"] if r["level"] == 1}
            problems += [f"trial balance, account {c}: closing {yuan(rows.get(c, 0))}, the log gives {yuan(level1.get(c, 0))}"
                         for c in sorted(set(rows) | set(level1)) if rows.get(c, 0) != level1.get(c, 0)]
        except (ValueError, KeyError, TypeError) as x:
            problems.append(f"trial balance {tb_path}: not a trial-balance JSON file ({x!r})")
    for p in problems:
        print(f"PROBLEM: {p}")
    for p in reconciliation:
        print(f"RECONCILIATION: {p}")
    print("FAILED" if problems else "RECONCILIATION NEEDED" if reconciliation else "OK")
    return 1 if problems else 3 if reconciliation else 0

def cosigned(checkpoint, witness_keys):  # the witnesses' cosignatures (audit-log.md 12.6); a malformed key or note is a failed check
    try:
        return check_cosignatures(checkpoint, witness_keys)
    except ValueError as x:
        print(f"PROBLEM: {x}\nFAILED")
        return 1


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description="Verify an exported CollectiveLedger audit log (schemas/audit-log.md), or a proof (section 15).")
    ap.add_argument("log", nargs="?")
    ap.add_argument("--public", action="store_true", help="the file is a public log (audit-log.md 14): withheld entries are stubs")
    ap.add_argument("--trial-balance", metavar="TB.json", help="trial-balance JSON over the whole history to compare")
    ap.add_argument("--consistency-proof", metavar="P.json", help="with --old and --new: the two checkpoints against each other, no log needed")
    ap.add_argument("--old", metavar="CHECKPOINT", help="the older checkpoint (a signed note or a bare body)")
    ap.add_argument("--new", metavar="CHECKPOINT", help="the newer checkpoint")
    ap.add_argument("--key", metavar="FILE", action="append", default=[], help="a public key to check the checkpoints' signatures with (may repeat)")
    ap.add_argument("--inclusion-proof", metavar="P.json", help="with --checkpoint: an entry in the checkpoint's tree")
    ap.add_argument("--checkpoint", metavar="CHECKPOINT", help="the checkpoint an inclusion proof leads to, or whose witness cosignatures to check (with --witness-key)")
    ap.add_argument("--entry", metavar="FILE", help="the entry's bytes (one line of the exported log), to check its leaf hash")
    ap.add_argument("--witness-key", metavar="VKEY", action="append", default=[], help="a witness's verifier key whose cosignature the checkpoint must carry (may repeat)")
    ap.add_argument("--receipt", metavar="FILE", help="a receipt (.html or .json): its entry in its signed checkpoint, nothing else needed")
    args = ap.parse_args()
    try:
        if args.consistency_proof or args.old or args.new:
            if not (args.old and args.new):
                ap.error("--old and --new name the two checkpoints")
            sys.exit(check_consistency(args.consistency_proof, args.old, args.new, args.key))
        if args.inclusion_proof:
            if not args.checkpoint:
                ap.error("--inclusion-proof needs --checkpoint")
            sys.exit(check_inclusion(args.inclusion_proof, args.checkpoint, args.entry))
        if args.receipt:
            sys.exit(check_receipt(args.receipt))
        if not args.log and not (args.checkpoint and args.witness_key):
            ap.error("give LOG.jsonl, a --checkpoint with --witness-key, a receipt, or a proof with its checkpoints")
        code = cosigned(args.checkpoint, args.witness_key) if args.checkpoint else 0
        sys.exit(max(code, verify(args.log, args.trial_balance, args.public)) if args.log else code)
    except OSError as x:
        print(f"cannot read: {x}", file=sys.stderr)
        sys.exit(2)
    except ValueError as x:  # a proof, checkpoint or key file that is not one
        print(f"not usable: {x}", file=sys.stderr)
        sys.exit(2)
