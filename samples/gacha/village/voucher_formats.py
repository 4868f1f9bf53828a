"""The voucher file formats (JSON, JSON Lines, CSV in UTF-8 with BOM or GB18030), and reading the
written files back the way an importer would."""

import csv
import io
import json
import os

from .money import money
from . import profile
from .voucher_files import QUARTERS, by_file


def voucher_obj(v):
    lines = []
    for l in v.lines:
        o = {"account": l["account"], l["side"]: money(l["fen"])}
        for key in ("summary", "fund", "member", "counterparty"):
            if l[key] is not None:
                o[key] = l[key]
        lines.append(o)
    return {"ref": v.ref, "date": v.date.isoformat(), "summary": v.summary, "attachments": v.attachments,
            "kind": v.kind, "lines": lines}


CSV_HEADER = ["ref", "date", "summary", "attachments", "kind", "account", "debit", "credit", "fund",
              "member", "counterparty", "line_summary"]


def csv_text(vouchers):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(CSV_HEADER)
    for v in vouchers:
        for l in v.lines:
            w.writerow([v.ref, v.date.isoformat(), v.summary, str(v.attachments), v.kind, l["account"],
                        money(l["fen"]) if l["side"] == "debit" else "",
                        money(l["fen"]) if l["side"] == "credit" else "",
                        l["fund"] or "", l["member"] or "", l["counterparty"] or "", l["summary"] or ""])
    return buf.getvalue()


def jsonl_text(vouchers):
    return "".join(json.dumps(voucher_obj(v), ensure_ascii=False) + "\n" for v in vouchers)


def read_back():
    """Parse every written voucher file the way an importer would and compare with the model."""
    def from_csv(text):
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        assert list(rows[0].keys()) == CSV_HEADER
        out = []
        for r in rows:
            if not out or out[-1]["ref"] != r["ref"]:
                out.append({"ref": r["ref"], "date": r["date"], "summary": r["summary"],
                            "attachments": int(r["attachments"]), "kind": r["kind"], "lines": []})
            ln = {"account": r["account"]}
            ln.update({k: r[k] for k in ("debit", "credit") if r[k]})
            for key, col in (("summary", "line_summary"), ("fund", "fund"), ("member", "member"),
                             ("counterparty", "counterparty")):
                if r[col]:
                    ln[key] = r[col]
            out[-1]["lines"].append(ln)
        return out

    def raw(name):
        with open(os.path.join(profile.OUT, name), "rb") as f:
            return f.read()

    q2 = raw(QUARTERS[2])
    q4 = raw(QUARTERS[4])
    assert q2.startswith(b"\xef\xbb\xbf") and not q4.startswith(b"\xef\xbb\xbf")
    for data in (q2, q4):
        assert data.count(b"\n") == data.count(b"\r\n")
    try:
        q4.decode("utf-8")
        raise AssertionError("the GB18030 file must not be valid UTF-8")
    except UnicodeDecodeError:
        pass
    parsed = {
        1: json.loads(raw(QUARTERS[1]).decode("utf-8")),
        2: from_csv(q2.decode("utf-8-sig")),
        3: [json.loads(s) for s in raw(QUARTERS[3]).decode("utf-8").splitlines()],
        4: from_csv(q4.decode("gb18030")),
    }
    for q in QUARTERS:
        assert parsed[q] == [voucher_obj(v) for v in by_file[q]], QUARTERS[q]
