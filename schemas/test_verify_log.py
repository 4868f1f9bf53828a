"""Tests of the reference verifier against the test vectors and tampered copies of them.

Run from the repository root: python3 -m unittest schemas/test_verify_log.py
Standard library only, except one cross-check of the ECDSA code that is skipped without the
`cryptography` package. The verifier runs as a subprocess, exactly as an auditor would run it.
"""
import base64, hashlib, json, os, re, subprocess, sys, tempfile, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
VERIFIER = os.path.join(HERE, "verify_log.py")
VECTORS = os.path.join(HERE, "test-vectors")


def read_vectors():
    with open(os.path.join(VECTORS, "log.jsonl"), "rb") as f:
        lines = f.read().split(b"\n")[:-1]
    with open(os.path.join(VECTORS, "expected.json"), encoding="utf-8") as f:
        return lines, json.load(f)


def canonical(obj):
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def rechain(entries):
    """Gives dict entries fresh seq and prev values, so that only the rule under test is broken."""
    lines, prev = [], "0" * 64
    for seq, e in enumerate(entries):
        e = dict(e, seq=seq, prev=prev)
        lines.append(canonical(e))
        prev = hashlib.sha256(lines[-1]).hexdigest()
    return lines


class VerifierTestCase(unittest.TestCase):
    def setUp(self):
        self.lines, self.expected = read_vectors()
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def run_verifier(self, lines, tb=None, raw=None, options=()):
        path = os.path.join(self.tmp.name, "log.jsonl")
        with open(path, "wb") as f:
            f.write(raw if raw is not None else b"".join(line + b"\n" for line in lines))
        args = [sys.executable, VERIFIER, *options, path]
        if tb is not None:
            tb_path = os.path.join(self.tmp.name, "tb.json")
            with open(tb_path, "w", encoding="utf-8") as f:
                json.dump(tb, f, ensure_ascii=False)
            args += ["--trial-balance", tb_path]
        result = subprocess.run(args, capture_output=True, encoding="utf-8")
        self.assertNotIn("Traceback", result.stdout + result.stderr)
        return result

    def assertFailsAt(self, lines, seq, fragment, raw=None):
        result = self.run_verifier(lines, raw=raw)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertRegex(result.stdout, rf"PROBLEM: line \d+ \(seq {seq}\): .*{re.escape(fragment)}")
        self.assertTrue(result.stdout.rstrip().endswith("FAILED"))

    def entries(self):
        return [json.loads(line) for line in self.lines]


class TestVectors(VerifierTestCase):
    def test_vectors_pass_with_the_expected_head_root_and_balances(self):
        result = self.run_verifier(self.lines)

        self.assertEqual(result.returncode, 0, result.stdout)
        out = result.stdout
        self.assertIn(f"entries: {self.expected['entries']}\n", out)
        self.assertIn(f"head: {self.expected['head']}\n", out)
        root_hex = base64.b64decode(self.expected["roots"][str(self.expected["entries"])]).hex()
        self.assertIn(f"root: {root_hex}\n", out)
        printed = dict(re.findall(r"^ +(\d+) +(-?\d+\.\d\d)$", out, re.M))
        for code, amount in self.expected["balances"].items():
            self.assertEqual(printed[code], amount, code)
        self.assertTrue(out.rstrip().endswith("OK"))

    def test_every_prefix_has_the_expected_root(self):
        for n in range(1, len(self.lines) + 1):
            result = self.run_verifier(self.lines[:n])

            self.assertEqual(result.returncode, 0, result.stdout)
            root_hex = base64.b64decode(self.expected["roots"][str(n)]).hex()
            self.assertIn(f"root: {root_hex}\n", result.stdout)

    def test_vectors_are_canonical_and_pin_the_escaping_of_quote_and_backslash(self):
        for line in self.lines:
            self.assertEqual(canonical(json.loads(line)), line)
        self.assertIn(rb'\"', self.lines[4])
        self.assertIn(rb'\\', self.lines[4])

    def test_the_spec_shows_every_vector_byte_exactly_with_its_hash(self):
        with open(os.path.join(HERE, "audit-log.md"), encoding="utf-8") as f:
            spec = f.read()
        for line in self.lines:
            self.assertIn(line.decode("utf-8"), spec)
            self.assertIn(hashlib.sha256(line).hexdigest(), spec)
        for root in self.expected["roots"].values():
            self.assertIn(root, spec)
            self.assertIn(base64.b64decode(root).hex(), spec)


    def test_the_verifier_knows_the_chart_of_appendix_a(self):
        with open(os.path.join(HERE, "audit-log.md"), encoding="utf-8") as f:
            appendix = f.read().split("## Appendix A")[1].split("## Appendix B")[0]
        sys.dont_write_bytecode = True
        sys.path.insert(0, HERE)
        try:
            import verify_log
        finally:
            sys.path.remove(HERE)

        self.assertEqual(set(re.findall(r"^\| (\d{3}) \|", appendix, re.M)), verify_log.LEVEL1)
        self.assertEqual(len(verify_log.LEVEL1), 42)


class TamperedCopies(VerifierTestCase):
    def test_one_changed_character_in_a_summary_breaks_the_chain_at_the_next_entry(self):
        lines = list(self.lines)
        lines[4] = lines[4].replace("草场承包费".encode(), "草场承包金".encode())

        self.assertFailsAt(lines, 5, "prev must be")

    def test_two_swapped_lines_fail(self):
        lines = list(self.lines)
        lines[2], lines[3] = lines[3], lines[2]

        self.assertFailsAt(lines, 3, "seq must be 2")

    def test_removing_the_last_line_still_verifies_but_changes_the_head(self):
        result = self.run_verifier(self.lines[:-1])

        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("entries: 5\n", result.stdout)
        self.assertNotIn(self.expected["head"], result.stdout)

    def test_removing_a_middle_line_fails(self):
        self.assertFailsAt(self.lines[:2] + self.lines[3:], 3, "seq must be 2")

    def test_non_canonical_whitespace_fails(self):
        lines = list(self.lines)
        lines[1] = lines[1].replace(b'"kind":', b'"kind": ')

        self.assertFailsAt(lines, 1, "canonical")

    def test_a_float_amount_fails(self):
        lines = list(self.lines)
        lines[4] = lines[4].replace(b'"debit":"15000.00"', b'"debit":15000.00')

        self.assertFailsAt(lines, 4, "not an integer")

    def test_a_changed_prev_fails(self):
        lines = list(self.lines)
        lines[3] = lines[3].replace(b'"prev":"8', b'"prev":"9')

        self.assertFailsAt(lines, 3, "prev must be")

    def test_a_missing_final_newline_and_crlf_fail(self):
        raw = b"".join(line + b"\n" for line in self.lines)
        self.assertEqual(self.run_verifier(None, raw=raw[:-1]).returncode, 1)
        self.assertEqual(self.run_verifier(None, raw=raw.replace(b"\n", b"\r\n")).returncode, 1)

    def test_a_byte_order_mark_fails(self):
        raw = b"\xef\xbb\xbf" + b"".join(line + b"\n" for line in self.lines)

        self.assertEqual(self.run_verifier(None, raw=raw).returncode, 1)

    def test_an_uppercase_unicode_escape_is_not_canonical(self):
        lines = list(self.lines)
        lines[3] = lines[3].replace("巴特尔".encode(), b"\\u5DF4\\u7279\\u5C14")

        self.assertFailsAt(lines, 3, "canonical")


class LedgerRules(VerifierTestCase):
    """Rechained logs: each breaks one rule of audit-log.md but keeps a valid chain."""

    def voucher(self, **changes):
        entries = self.entries()
        entries[4]["data"].update(changes)
        return entries

    def test_an_unbalanced_voucher_fails(self):
        entries = self.entries()
        entries[4]["data"]["lines"][0]["debit"] = "15000.01"

        self.assertFailsAt(rechain(entries), 4, "debits do not equal credits")

    def test_an_amount_with_one_decimal_fails(self):
        entries = self.entries()
        entries[4]["data"]["lines"][2]["credit"] = "3000.0"

        self.assertFailsAt(rechain(entries), 4, "bad amount")

    def test_a_line_with_both_sides_fails(self):
        entries = self.entries()
        entries[4]["data"]["lines"][0].update(debit="15000.00", credit="1.00")
        entries[4]["data"]["lines"][1]["credit"] = "12001.00"

        self.assertFailsAt(rechain(entries), 4, "exactly one side")

    def test_posting_to_a_parent_account_fails(self):
        entries = self.entries()
        entries[4]["data"]["lines"][0]["account"] = "102"

        self.assertFailsAt(rechain(entries), 4, "not an existing leaf account")

    def attachment(self, **changes):
        """The vectors with an attachment.added entry (audit-log.md 7.22) for the voucher of entry 4 appended."""
        entries = self.entries()
        voucher = entries[4]["data"]
        data = {"file_name": "发票.jpg", "media_type": "image/jpeg", "number": voucher["number"], "pages": 1,
                "period": voucher["period"], "sha256": "ab" * 32, "size_bytes": 2048}
        data.update(changes)
        entries.append(dict(entries[4], kind="attachment.added", data=data))
        return entries

    def test_an_attachment_recorded_by_its_hash_verifies_and_one_of_another_type_or_on_no_voucher_fails(self):
        seq = len(self.entries())

        self.assertEqual(self.run_verifier(rechain(self.attachment())).returncode, 0)
        self.assertFailsAt(rechain(self.attachment(media_type="image/gif")), seq, "media_type must be")
        self.assertFailsAt(rechain(self.attachment(number=99)), seq, "no such voucher")
        self.assertFailsAt(rechain(self.attachment(pages=2)), seq, "pages: 1 for an image")

    def test_a_number_gap_fails(self):
        self.assertFailsAt(rechain(self.voucher(number=2)), 4, "gapless")

    def test_a_voucher_in_a_closed_period_fails(self):
        entries = self.entries()
        entries.append(dict(entries[4]))

        self.assertFailsAt(rechain(entries), 6, "closed")

    def test_months_close_in_order(self):
        entries = self.entries()
        entries[5]["data"]["period"] = "2026-02"

        self.assertFailsAt(rechain(entries), 5, "first open one is 2026-01")

    def test_a_blank_summary_fails(self):
        self.assertFailsAt(rechain(self.voucher(summary=" ")), 4, "non-blank")

    def with_attachments_rule(self, value, **changes):  # audit-log.md 7.5 "Attachments": the setting at entry 1, then the cash voucher
        entries = self.voucher(**changes)
        entries.insert(1, dict(entries[1], kind="setting.changed", data={"key": "vouchers.attachments_required", "value": value}))
        return entries

    def test_a_cash_voucher_without_attachments_fails_while_the_rule_is_on_unless_it_says_why(self):
        self.assertFailsAt(rechain(self.with_attachments_rule("true", attachments=0)), 5, "attachments_reason")
        self.assertEqual(self.run_verifier(rechain(self.with_attachments_rule("true", attachments=0, attachments_reason="收据随后补"))).returncode, 0)
        self.assertEqual(self.run_verifier(rechain(self.with_attachments_rule("false", attachments=0))).returncode, 0)
        self.assertEqual(self.run_verifier(rechain(self.voucher(attachments=0))).returncode, 0, "logs from before the setting")
        self.assertFailsAt(rechain(self.with_attachments_rule("true", attachments=0, attachments_reason=" ")), 5, "1..100 characters")
        self.assertFailsAt(rechain(self.with_attachments_rule("yes")), 1, "true or false")

    def test_ledger_created_must_be_entry_zero(self):
        entries = self.entries()

        self.assertFailsAt(rechain(entries[1:]), 0, "ledger.created")

    def test_a_correct_red_ink_reversal_passes_and_nets_to_zero(self):
        entries = self.entries()[:5]
        reversal = json.loads(json.dumps(entries[4]))
        reversal["data"].update(number=2, date="2026-01-20", ref=None, summary="冲销 2026年01月 记-0001号",
                                reverses={"period": "2026-01", "number": 1})
        for line in reversal["data"]["lines"]:
            line.update({k: "-" + v if v != "0.00" else v for k, v in line.items() if k in ("debit", "credit")})
        entries.append(reversal)

        result = self.run_verifier(rechain(entries))

        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertRegex(result.stdout, r"\n  102 +0\.00\n")

    def test_a_red_ink_reversal_dated_in_the_next_year_fails(self):
        entries = self.entries()[:5]
        opened = json.loads(json.dumps(entries[4]))
        opened.update(kind="year.opened", data={"year": 2027})
        reversal = json.loads(json.dumps(entries[4]))
        reversal["data"].update(number=1, date="2027-01-20", period="2027-01", ref=None, summary="冲销 2026年1月 记-0001号",
                                reverses={"period": "2026-01", "number": 1})
        for line in reversal["data"]["lines"]:
            line.update({k: "-" + v if v != "0.00" else v for k, v in line.items() if k in ("debit", "credit")})
        entries += [opened, reversal]

        self.assertFailsAt(rechain(entries), 6, "same year")

    def test_a_reversal_with_positive_amounts_fails(self):
        entries = self.entries()[:5]
        reversal = json.loads(json.dumps(entries[4]))
        reversal["data"].update(number=2, ref=None, reverses={"period": "2026-01", "number": 1})
        entries.append(reversal)

        self.assertFailsAt(rechain(entries), 5, "negative")

    def test_an_unknown_kind_is_a_problem_but_the_chain_is_still_checked(self):
        entries = self.entries()
        entries.append(dict(entries[5], kind="notice.posted", data={"sha256": "00" * 32}))
        lines = rechain(entries)

        self.assertFailsAt(lines, 6, "unknown kind 'notice.posted'")
        lines[3] = lines[3].replace(b'"prev":"8', b'"prev":"9')
        self.assertFailsAt(lines, 3, "prev must be")  # the other entries are still checked
        self.assertIn(f"root: {base64.b64decode(self.expected['roots']['6']).hex()}", self.run_verifier(self.lines).stdout)


class Credentials(VerifierTestCase):
    """audit-log.md 7.21: who created a credential; an enrolment uses a code issued before, once."""

    def log(self, *extra):
        entries = self.entries()
        base = dict(entries[-1], kind="setting.changed", actor="乌云", data={"key": "role.administrator", "value": "管理员"})
        entries.append(base)
        for actor, kind, data in extra:
            entries.append(dict(base, actor=actor, kind=kind, data=data))
        return rechain(entries)

    def issued(self, by="管理员", user="新会计"):
        return (by, "user.enrolment_issued", {"by": by, "user": user})

    def credential(self, by, via, user="新会计"):
        return (by, "user.credential_set", {"by": by, "user": user, "via": via})

    def test_a_code_issued_then_used_and_passwords_set_on_the_server_or_by_oneself_pass(self):
        lines = self.log(self.issued(), self.credential("新会计", "enrolment"), self.credential("乌云", "server", user="巴特尔"),
                         self.credential("新会计", "self"), self.issued(user="巴特尔"), self.credential("运维", "server", user="巴特尔"))
        result = self.run_verifier(lines)
        self.assertEqual(result.returncode, 0, result.stdout)

    def test_an_enrolment_without_a_code_or_with_a_code_used_or_ended_fails(self):
        n = len(self.lines)
        self.assertFailsAt(self.log(self.credential("新会计", "enrolment")), n + 1, "no enrolment code issued and not yet used")
        self.assertFailsAt(self.log(self.issued(), self.credential("新会计", "enrolment"), self.credential("新会计", "enrolment")),
                           n + 3, "no enrolment code issued and not yet used")
        self.assertFailsAt(self.log(self.issued(), self.credential("乌云", "server"), self.credential("新会计", "enrolment")),
                           n + 3, "no enrolment code issued and not yet used")

    def test_a_credential_or_code_in_someone_elses_name_fails(self):
        n = len(self.lines)
        wrong_actor = ("出纳", "user.credential_set", {"by": "管理员", "user": "新会计", "via": "server"})
        self.assertFailsAt(self.log(wrong_actor), n + 1, "the entry's actor")
        self.assertFailsAt(self.log(self.credential("管理员", "self")), n + 1, "only 新会计 sets their own password")
        self.assertFailsAt(self.log(self.issued(by="会计")), n + 1, "does not hold role.administrator")
        self.assertFailsAt(self.log(self.issued(user="管理员")), n + 1, "issued for someone else")
        self.assertFailsAt(self.log(self.credential("乌云", "web")), n + 1, "via must be")
        self.assertFailsAt(self.log(self.credential("乌云", "server", user="甲、乙")), n + 1, "user: one name")


def stub(line, kind=None):
    """The public log's stand-in for an entry it withholds (audit-log.md 14), computed here from the line itself."""
    e = json.loads(line)
    return canonical({"hash": hashlib.sha256(line).hexdigest(), "kind": kind or e["kind"],
                      "leaf": hashlib.sha256(b"\x00" + line).hexdigest(), "seq": e["seq"]})


class PublicLog(VerifierTestCase):
    """audit-log.md 14: a public log withholds entries as stubs; the chain and the root still check, the balances leave withheld vouchers out."""

    def test_a_withheld_member_keeps_the_head_root_and_balances_and_the_voucher_naming_it_passes(self):
        lines = list(self.lines)
        lines[3] = stub(lines[3])

        result = self.run_verifier(lines, options=["--public"])

        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn(f"head: {self.expected['head']}\n", result.stdout)
        root_hex = base64.b64decode(self.expected["roots"][str(self.expected["entries"])]).hex()
        self.assertIn(f"root: {root_hex}\n", result.stdout)
        self.assertIn("withheld: 1 entries holding personal data, as hashes (member.added 1); 0 vouchers withheld", result.stdout)
        printed = dict(re.findall(r"^ +(\d+) +(-?\d+\.\d\d)$", result.stdout, re.M))
        for code, amount in self.expected["balances"].items():
            self.assertEqual(printed[code], amount, code)

    def test_a_stub_is_refused_without_public(self):
        lines = list(self.lines)
        lines[3] = stub(lines[3])
        self.assertFailsAt(lines, 3, "this is a public log, verify it with --public")

    def test_a_withheld_voucher_is_left_out_of_the_balances_and_said(self):
        lines = list(self.lines)
        lines[4] = stub(lines[4])

        result = self.run_verifier(lines, options=["--public"])

        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn("1 vouchers withheld, which the balances below leave out", result.stdout)
        self.assertNotRegex(result.stdout, r"(?m)^ +10201 ")

    def test_a_stub_with_another_hash_breaks_the_chain_at_the_next_entry(self):
        lines = list(self.lines)
        forged = json.loads(stub(lines[3]))
        forged["hash"] = hashlib.sha256(b"another member").hexdigest()
        lines[3] = canonical(forged)
        result = self.run_verifier(lines, options=["--public"])
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertRegex(result.stdout, r"PROBLEM: line 5 \(seq 4\): prev must be")

    def test_a_stub_with_another_leaf_changes_the_root(self):
        lines = list(self.lines)
        forged = json.loads(stub(lines[3]))
        forged["leaf"] = hashlib.sha256(b"another leaf").hexdigest()
        lines[3] = canonical(forged)
        result = self.run_verifier(lines, options=["--public"])
        root_hex = base64.b64decode(self.expected["roots"][str(self.expected["entries"])]).hex()
        self.assertNotIn(f"root: {root_hex}\n", result.stdout)

    def test_a_stub_not_canonical_or_with_other_keys_fails(self):
        lines = list(self.lines)
        lines[3] = stub(lines[3]).replace(b",", b", ", 1)
        result = self.run_verifier(lines, options=["--public"])
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("the stub is not canonical JSON", result.stdout)
        extra = json.loads(self.lines[3])
        lines[3] = canonical(dict(json.loads(stub(self.lines[3])), data=extra["data"]))
        result = self.run_verifier(lines, options=["--public"])
        self.assertIn("a stub has exactly the keys hash kind leaf seq", result.stdout)

    def test_a_salt_of_32_lowercase_hex_digits_is_accepted_and_any_other_refused(self):
        entries = self.entries()
        entries[3]["data"]["salt"] = "00112233445566778899aabbccddeeff"
        self.assertEqual(self.run_verifier(rechain(entries)).returncode, 0)
        entries[3]["data"]["salt"] = "00112233445566778899AABBCCDDEEFF"
        self.assertFailsAt(rechain(entries), 3, "salt must be 32 lowercase hex digits")


class Herds(VerifierTestCase):
    """audit-log.md 7.14: rearing into 131, maturity from 131 to 132, deaths written off through 181 at the dead head's share."""

    def log(self, *extra):
        entries = self.entries()
        base = entries[-1]
        asset = {"acquired": "2026-01-10", "depreciation_account": None, "expense_account": None, "fund": None, "life_months": 0,
                 "location": None, "opening_depreciation": "0.00", "opening_months": 0, "paid_from": None, "residual": "0.00", "species": "sheep"}
        entries.append(dict(base, kind="asset.added", data=dict(asset, account="132", category="breeding_herd", code="SC1", cost="6000.00", head=20,
                                                                 name="基础母羊群", life_months=60, residual="600.00", depreciation_account="133",
                                                                 expense_account="513")))
        entries.append(dict(base, kind="asset.added", data=dict(asset, account="131", category="fattening_stock", code="LAMBS", cost="100.00", head=0,
                                                                 name="春羔")))
        for kind, data in extra:
            entries.append(dict(base, kind=kind, data=data))
        return rechain(entries)

    def herd(self, asset, change, head, **write_off):
        return ("herd.changed", dict({"asset": asset, "change": change, "date": "2026-01-20", "head": head, "note": None}, **write_off))

    def test_births_rearing_maturity_and_deaths_at_their_shares_pass(self):
        lines = self.log(self.herd("LAMBS", "births", 7),
                         ("asset.reared", {"amount": "500.00", "asset": "LAMBS", "date": "2026-01-31", "from": "121"}),
                         ("herd.matured", {"amount": "257.14", "date": "2026-01-31", "from": "LAMBS", "head": 3, "to": "SC1"}),
                         self.herd("LAMBS", "deaths", 1, cost="85.72", depreciation="0.00", loss_account="181"),
                         self.herd("SC1", "deaths", 23, cost="6257.14", depreciation="0.00", loss_account="181"))

        result = self.run_verifier(lines)

        self.assertNotIn("PROBLEM", result.stdout)

    def test_a_write_off_that_is_not_the_dead_heads_share_fails(self):
        lines = self.log(self.herd("SC1", "deaths", 3, cost="800.00", depreciation="0.00", loss_account="181"))

        self.assertFailsAt(lines, len(lines) - 1, "the write-off is not the dead animals' share")

    def test_a_write_off_to_an_account_outside_181_fails(self):
        lines = self.log(self.herd("SC1", "deaths", 3, cost="900.00", depreciation="0.00", loss_account="515"))

        self.assertFailsAt(lines, len(lines) - 1, "loss_account is below 181")

    def test_a_computed_maturity_amount_that_is_not_the_heads_share_fails(self):
        lines = self.log(self.herd("LAMBS", "births", 7),
                         ("herd.matured", {"amount": "50.00", "date": "2026-01-31", "from": "LAMBS", "head": 3, "to": "SC1"}))

        self.assertFailsAt(lines, len(lines) - 1, "the head's share of the young stock's cost")

    def test_rearing_a_breeding_herd_fails(self):
        lines = self.log(("asset.reared", {"amount": "500.00", "asset": "SC1", "date": "2026-01-31", "from": "121"}))

        self.assertFailsAt(lines, len(lines) - 1, "rearing cost goes into an asset on 131")


class TrialBalance(VerifierTestCase):
    def trial_balance(self, cash_closing_debit):
        row = lambda code, level, dr, cr: {
            "code": code, "name": "", "level": level, "leaf": level > 1, "opening_debit": "0.00",
            "opening_credit": "0.00", "period_debit": dr, "period_credit": cr, "closing_debit": dr, "closing_credit": cr}
        return {"ledger": "3f6d2a4e-8b1c-4e7a-9c5d-2b7f0e1a6c93", "org": "巴音塔拉嘎查股份经济合作社", "currency": "CNY",
                "from": "2026-01", "to": "2026-01",
                "rows": [row("102", 1, cash_closing_debit, "0.00"), row("10201", 2, "15000.00", "0.00"),
                         row("241", 1, "0.00", "3000.00"), row("501", 1, "0.00", "12000.00")]}

    def test_a_matching_trial_balance_passes(self):
        result = self.run_verifier(self.lines, tb=self.trial_balance("15000.00"))

        self.assertEqual(result.returncode, 0, result.stdout)

    def test_a_differing_trial_balance_fails_and_names_the_account(self):
        result = self.run_verifier(self.lines, tb=self.trial_balance("14000.00"))

        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("trial balance, account 102: closing 14000.00, the log gives 15000.00", result.stdout)

    def test_a_level1_account_missing_from_the_trial_balance_fails(self):
        tb = self.trial_balance("15000.00")
        tb["rows"] = [r for r in tb["rows"] if r["code"] != "241"]

        result = self.run_verifier(self.lines, tb=tb)

        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("account 241", result.stdout)


def read_checkpoint_vectors():
    with open(os.path.join(VECTORS, "checkpoint-log.jsonl"), "rb") as f:
        lines = f.read().split(b"\n")[:-1]
    with open(os.path.join(VECTORS, "checkpoint-expected.json"), encoding="utf-8") as f:
        return lines, json.load(f)


class CheckpointVectors(VerifierTestCase):
    """The ten-entry log with settings, a signing key and two notices (audit-log.md section 13)."""

    def setUp(self):
        super().setUp()
        self.lines, self.expected = read_checkpoint_vectors()

    def changed(self, seq, **data):
        entries = self.entries()
        entries[seq]["data"].update(data)
        return entries

    def test_the_vectors_pass_with_the_expected_head_and_root(self):
        result = self.run_verifier(self.lines)

        self.assertEqual(result.returncode, 0, result.stdout)
        self.assertIn(f"entries: 10\nhead: {self.expected['head']}\n", result.stdout)
        self.assertIn(f"root: {base64.b64decode(self.expected['root']).hex()}\n", result.stdout)

    def test_they_extend_the_six_entry_vectors_and_the_spec_shows_them_byte_exactly(self):
        six, _ = read_vectors()
        self.assertEqual(self.lines[:6], six)
        with open(os.path.join(HERE, "audit-log.md"), encoding="utf-8") as f:
            spec = f.read()
        for line in self.lines[6:]:
            self.assertEqual(canonical(json.loads(line)), line)
            self.assertIn(line.decode("utf-8"), spec)
            self.assertIn(hashlib.sha256(line).hexdigest(), spec)
        self.assertIn(self.expected["checkpoint_of_six_entries"], spec)
        self.assertIn(self.expected["checkpoint"]["signed_note"], spec)
        self.assertIn(self.expected["key"]["public_key"], spec)

    def test_the_checkpoint_covers_the_log_up_to_its_last_entry_that_is_not_a_notice(self):
        entries = self.entries()
        body = self.expected["checkpoint"]["body"]
        size = self.expected["checkpoint"]["size"]

        self.assertEqual([e["kind"] for e in entries[size - 1:]], ["key.registered", "disclosure.published", "disclosure.published"])
        self.assertEqual(entries[8]["data"]["checkpoint"], entries[9]["data"]["checkpoint"])  # unchanged books, same checkpoint
        self.assertTrue(body.startswith("collectiveledger.local/N2152522MF0000001X/3f6d2a4e-8b1c-4e7a-9c5d-2b7f0e1a6c93\n8\n"))
        self.assertEqual(self.expected["key"]["key_id"], hashlib.sha256(base64.b64decode(self.expected["key"]["public_key"])).hexdigest()[:8])

    def test_an_unsigned_checkpoint_body_is_accepted(self):
        self.assertEqual(self.run_verifier(rechain(self.changed(8, checkpoint=self.expected["checkpoint"]["body"]))).returncode, 0)

    def test_settings(self):
        for value in ("1", "90", "+10", "010"):  # stored as typed; parsed as a decimal integer
            self.assertEqual(self.run_verifier(rechain(self.changed(6, value=value)[:8])).returncode, 0, value)
        contact = self.changed(6, key="disclosure.contact", value="村务监督委员会 电话 0479-1234567")[:8]
        self.assertEqual(self.run_verifier(rechain(contact)).returncode, 0)
        self.assertFailsAt(rechain(self.changed(6, value="91")), 6, "1..90")
        self.assertFailsAt(rechain(self.changed(6, value="ten")), 6, "1..90")
        self.assertFailsAt(rechain(self.changed(6, key="disclosure.color")), 6, "unknown setting")
        self.assertFailsAt(rechain(self.changed(6, key="signatory.accountant", value=" 乌云其其格")), 6, "trimmed")

    def test_a_key_with_a_wrong_key_id_fails(self):
        self.assertFailsAt(rechain(self.changed(7, key_id="e9922941")), 7, "key_id must be e9922940")

    def test_other_wrong_keys_fail(self):
        spki = base64.b64decode(self.expected["key"]["public_key"])
        off_curve = spki[:-1] + bytes([spki[-1] ^ 1])
        self.assertFailsAt(rechain(self.changed(7, public_key=base64.b64encode(off_curve).decode(),
                                                key_id=hashlib.sha256(off_curve).hexdigest()[:8])), 7, "not a point of P-256")
        self.assertFailsAt(rechain(self.changed(7, name="村 监委会")), 7, "no space")
        self.assertFailsAt(rechain(self.changed(7, algorithm="ed25519")), 7, "algorithm")
        self.assertFailsAt(rechain(self.changed(7, public_key=self.expected["key"]["public_key"].rstrip("="))), 7, "base64")
        entries = self.entries()
        entries.insert(8, json.loads(json.dumps(entries[7])))
        self.assertFailsAt(rechain(entries), 8, "registered already")

    def test_wrong_notices_fail(self):
        file = {"format": "pdf", "name": "2026-01.pdf", "sha256": "e0" * 32}
        for files, fragment in [([dict(file, sha256="E0" * 32)], "64 lowercase hex"), ([dict(file, sha256="e0" * 31)], "64 lowercase hex"),
                                ([dict(file, format="docx")], "format pdf"), ([], "at least one file"), ([dict(file, size=1)], "keys must be")]:
            self.assertFailsAt(rechain(self.changed(8, files=files)), 8, fragment)
        self.assertFailsAt(rechain(self.changed(8, scope="quarter")), 8, "scope")
        self.assertFailsAt(rechain(self.changed(8, date="2026-01-30")), 8, "on or after 2026-01-31")
        self.assertFailsAt(rechain(self.changed(8, **{"from": "2025-12", "to": "2025-12"})), 8, "before the ledger starts")
        self.assertEqual(self.run_verifier(rechain(self.changed(8, files=[file, dict(file, format="csv", name="2026-01.csv")]))).returncode, 0)

    def test_a_rewritten_history_no_longer_matches_the_published_checkpoint(self):
        self.assertFailsAt(rechain(self.changed(6, value="15")), 8, "its root is not that of the first 8 entries")

    def test_a_checkpoint_beyond_its_own_entry_or_of_another_ledger_fails(self):
        body = self.expected["checkpoint"]["body"]
        self.assertFailsAt(rechain(self.changed(8, checkpoint=body.replace("\n8\n", "\n9\n"))), 8, "checkpoint of 9 entries")
        self.assertFailsAt(rechain(self.changed(8, checkpoint=body.replace("N2152522MF0000001X", "N2152522MF0000002X"))), 8, "origin must be")
        self.assertFailsAt(rechain(self.changed(8, checkpoint=body.replace("\n8\n", "\n08\n"))), 8, "origin, size and root lines")

    def test_a_forged_or_unknown_signature_fails(self):
        note = self.expected["checkpoint"]["signed_note"]
        name, blob = note.rsplit("\n", 2)[-2].split(" ")[1:]
        forged = base64.b64decode(blob)
        forged = base64.b64encode(forged[:-1] + bytes([forged[-1] ^ 1])).decode()
        self.assertFailsAt(rechain(self.changed(8, checkpoint=note.replace(blob, forged))), 8, "does not verify")
        self.assertFailsAt(rechain(self.changed(8, checkpoint=note.replace(name, "someone-else"))), 8, "not a registered key")
        self.assertFailsAt(rechain(self.changed(8, checkpoint=note.replace("\u2014 ", "-- "))), 8, "not a signature line")


try:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
except ImportError:  # pragma: no cover
    ec = None


@unittest.skipIf(ec is None, "the cryptography package is not installed")
class MerkleProofs(unittest.TestCase):
    """Proofs (audit-log.md section 15): the RFC 6962 / transparency-dev/merkle vectors, seeded random trees, and the
    command line on the checkpoint vectors: two checkpoints held against each other, an entry in a checkpoint's tree."""

    def setUp(self):
        sys.path.insert(0, HERE)
        import verify_log
        self.v = verify_log
        with open(os.path.join(VECTORS, "merkle-proofs.json"), encoding="utf-8") as f:
            self.vectors = json.load(f)
        self.leaves = [hashlib.sha256(b"\x00" + bytes.fromhex(x)).digest() for x in self.vectors["leaves"]]
        self.roots = {r["size"]: base64.b64decode(r["root"]) for r in self.vectors["roots"]}
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def hashes(self, p):
        return [base64.b64decode(h) for h in p["hashes"]]

    def test_the_roots_of_the_eight_leaf_tree_are_the_published_ones(self):
        self.assertEqual(self.v.merkle_root([]), base64.b64decode(self.vectors["empty_root"]))
        for size, root in self.roots.items():
            self.assertEqual(self.v.merkle_root(self.leaves[:size]), root, size)

    def test_the_published_inclusion_proofs_are_made_and_verified_and_no_corruption_verifies(self):
        for p in self.vectors["inclusion"]:
            seq, size, leaf, proof, root = p["seq"], p["size"], base64.b64decode(p["leaf_hash"]), self.hashes(p), self.roots[p["size"]]
            self.assertEqual(leaf, self.leaves[seq])
            self.assertEqual(self.v.inclusion_proof(self.leaves, seq, size), proof, p)
            self.assertTrue(self.v.verify_inclusion(seq, size, leaf, proof, root), p)
            wrong = [(seq - 1, size, leaf, proof, root), (seq + 1, size, leaf, proof, root), (seq ^ 2, size, leaf, proof, root),
                     (seq, size * 2, leaf, proof, root), (seq, size // 2, leaf, proof, root), (seq, size, hashlib.sha256(b"WrongLeaf").digest(), proof, root),
                     (seq, size, leaf, proof, base64.b64decode(self.vectors["empty_root"])), (seq, size, leaf, proof + [root], root), (seq, size, leaf, [root] + proof, root)]
            wrong += [(seq, size, leaf, proof[:i] + [bytes([proof[i][0] ^ 8]) + proof[i][1:]] + proof[i + 1:], root) for i in range(len(proof))]
            wrong += [(seq, size, leaf, proof[:-1], root)] if proof else []
            for w in wrong:
                if w[:2] != (seq, size) or w[2:] != (leaf, proof, root):
                    self.assertFalse(self.v.verify_inclusion(*w), (p, w[:2]))

    def test_the_published_consistency_proofs_are_made_and_verified_and_no_corruption_verifies(self):
        for p in self.vectors["consistency"]:
            m, n, proof = p["old_size"], p["new_size"], self.hashes(p)
            r1, r2 = self.roots[m], self.roots[n]
            self.assertEqual(self.v.consistency_proof(self.leaves, m, n), proof, p)
            self.assertTrue(self.v.verify_consistency(m, n, r1, r2, proof), p)
            if not proof:
                continue
            wrong = [(m - 1, n, r1, r2, proof), (m + 1, n, r1, r2, proof), (m ^ 2, n, r1, r2, proof), (m, n * 2, r1, r2, proof), (m, n // 2, r1, r2, proof),
                     (m, n, r2, r1, proof), (m, n, r1, r2, []), (m, n, r1, r2, proof + [r1]), (m, n, r1, r2, [r2] + proof), (m, n, r1, r2, proof[:-1])]
            wrong += [(m, n, r1, r2, proof[:i] + [bytes([proof[i][0] ^ 16]) + proof[i][1:]] + proof[i + 1:]) for i in range(len(proof))]
            for w in wrong:
                self.assertFalse(self.v.verify_consistency(*w), (p, w[:2]))

    def test_seeded_random_trees_prove_every_inclusion_and_consistency_and_a_fork_breaks_them(self):
        import random
        rng = random.Random(20261203)
        leaves = [hashlib.sha256(b"\x00" + bytes([i % 256, i // 256])).digest() for i in range(300)]
        for _ in range(200):
            n = rng.randint(1, len(leaves))
            m, i = rng.randint(0, n), rng.randrange(n)
            root = self.v.merkle_root(leaves[:n])
            self.assertTrue(self.v.verify_inclusion(i, n, leaves[i], self.v.inclusion_proof(leaves, i, n), root), (i, n))
            proof = self.v.consistency_proof(leaves, m, n)
            self.assertTrue(self.v.verify_consistency(m, n, self.v.merkle_root(leaves[:m]), root, proof), (m, n))
            if 0 < m < n:
                forked = leaves[:m - 1] + [hashlib.sha256(b"rewritten").digest()] + leaves[m:]
                self.assertFalse(self.v.verify_consistency(m, n, self.v.merkle_root(forked[:m]), root, proof), (m, n))
                self.assertFalse(self.v.verify_consistency(m, n, self.v.merkle_root(leaves[:m]), self.v.merkle_root(forked[:n]), proof), (m, n))

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    def run_verifier(self, *args):
        r = subprocess.run([sys.executable, VERIFIER, *args], capture_output=True, text=True, encoding="utf-8")
        return r.returncode, r.stdout + r.stderr

    def checkpoint_log(self):
        with open(os.path.join(VECTORS, "checkpoint-log.jsonl"), "rb") as f:
            lines = f.read().split(b"\n")[:-1]
        with open(os.path.join(VECTORS, "checkpoint-expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        return lines, expected

    def proof_json(self, old, new, hashes):
        return json.dumps({"old_size": old, "new_size": new, "hashes": [base64.b64encode(h).decode() for h in hashes]})

    def test_the_command_line_holds_two_checkpoints_against_each_other_and_catches_a_fork(self):
        lines, expected = self.checkpoint_log()
        leaves = [hashlib.sha256(b"\x00" + b).digest() for b in lines]
        origin = expected["checkpoint"]["body"].split("\n")[0]
        body = lambda n, ls: f"{origin}\n{n}\n{base64.b64encode(self.v.merkle_root(ls[:n])).decode()}\n"
        old = self.write("old.txt", expected["checkpoint_of_six_entries"] + "\n")  # as a scanner gives it
        new = self.write("new.txt", expected["checkpoint"]["signed_note"])
        proof = self.write("p.json", self.proof_json(6, 8, self.v.consistency_proof(leaves, 6, 8)))
        code, out = self.run_verifier("--consistency-proof", proof, "--old", old, "--new", new)
        self.assertEqual((code, out.splitlines()[-1]), (0, "OK (signatures unchecked)"), out)
        # Entry 4 rewritten after the six-entry checkpoint was published: the proof of the rewritten log does not reach it.
        forked = leaves[:4] + [hashlib.sha256(b"\x00rewritten").digest()] + leaves[5:]
        forged = self.write("forged.txt", body(8, forked))
        forged_proof = self.write("fp.json", self.proof_json(6, 8, self.v.consistency_proof(forked, 6, 8)))
        code, out = self.run_verifier("--consistency-proof", forged_proof, "--old", old, "--new", forged)
        self.assertEqual(code, 1, out)
        self.assertIn("fork: the consistency proof does not lead from the old root to the new one", out)
        self.assertIn(expected["checkpoint_of_six_entries"].split("\n")[2], out, "the evidence names both roots")
        self.assertIn(body(8, forked).split("\n")[2], out)
        # Fewer entries, or the same size with another root, are forks without any proof.
        self.assertEqual(self.run_verifier("--old", new, "--new", old)[0], 1)
        code, out = self.run_verifier("--old", old, "--new", self.write("six.txt", body(6, forked)))
        self.assertEqual(code, 1)
        self.assertIn("two checkpoints of the same 6 entries with different roots", out)
        # A proof of other sizes is not usable: exit 2.
        self.assertEqual(self.run_verifier("--consistency-proof", self.write("q.json", self.proof_json(5, 8, self.v.consistency_proof(leaves, 5, 8))),
                                           "--old", old, "--new", new)[0], 2)

    def test_signatures_are_checked_with_the_given_key(self):
        _, expected = self.checkpoint_log()
        key = self.write("key.json", json.dumps([expected["key"]]))
        bare = self.write("key.txt", expected["key"]["public_key"] + "\n")
        note = self.write("note.txt", expected["checkpoint"]["signed_note"])
        for k in (key, bare):
            code, out = self.run_verifier("--old", note, "--new", note, "--key", k)
            self.assertEqual((code, out.splitlines()[-1]), (0, "OK"), out)
            self.assertIn("signed by bayintala-supervision (e9922940)", out)
        signed = expected["checkpoint"]["signed_note"]
        at = signed.index("\u2014") + len("\u2014 bayintala-supervision ") + 12
        altered = self.write("altered.txt", signed[:at] + ("A" if signed[at] != "A" else "B") + signed[at + 1:])
        code, out = self.run_verifier("--old", note, "--new", altered, "--key", key)
        self.assertEqual(code, 1, out)
        self.assertIn("does not verify", out)
        unsigned = self.write("unsigned.txt", expected["checkpoint"]["body"])
        code, out = self.run_verifier("--old", unsigned, "--new", note, "--key", key)
        self.assertEqual(code, 1)
        self.assertIn("old checkpoint: none of the given keys signed it", out)

    def test_the_command_line_checks_an_entry_in_a_checkpoints_tree(self):
        lines, expected = self.checkpoint_log()
        leaves = [hashlib.sha256(b"\x00" + b).digest() for b in lines]
        note = self.write("note.txt", expected["checkpoint"]["signed_note"])
        proof = {"seq": 3, "size": 8, "leaf_hash": base64.b64encode(leaves[3]).decode(),
                 "hashes": [base64.b64encode(h).decode() for h in self.v.inclusion_proof(leaves, 3, 8)]}
        path = self.write("i.json", json.dumps(proof))
        entry = self.write("e.txt", lines[3].decode("utf-8") + "\n")
        other = self.write("o.txt", lines[2].decode("utf-8") + "\n")
        self.assertEqual(self.run_verifier("--inclusion-proof", path, "--checkpoint", note, "--entry", entry)[0], 0)
        code, out = self.run_verifier("--inclusion-proof", path, "--checkpoint", note, "--entry", other)
        self.assertEqual(code, 1)
        self.assertIn("is not the proof's leaf_hash", out)
        proof["seq"] = 4
        self.assertEqual(self.run_verifier("--inclusion-proof", self.write("j.json", json.dumps(proof)), "--checkpoint", note)[0], 1)
        self.assertEqual(self.run_verifier("--inclusion-proof", self.write("k.json", '{"seq":3}'), "--checkpoint", note)[0], 2)


class IndependentEcdsa(unittest.TestCase):
    """Cross-checks the verifier's pure-Python ECDSA against OpenSSL (through `cryptography`)."""

    def test_the_vector_signature_and_fresh_signatures_verify_and_altered_ones_do_not(self):
        sys.dont_write_bytecode = True
        sys.path.insert(0, HERE)
        try:
            import verify_log
        finally:
            sys.path.remove(HERE)
        _, expected = read_checkpoint_vectors()
        public_key = base64.b64decode(expected["key"]["public_key"])
        signature, body = bytes.fromhex(expected["checkpoint"]["signature_der_hex"]), expected["checkpoint"]["body"].encode()
        serialization.load_der_public_key(public_key).verify(signature, body, ec.ECDSA(hashes.SHA256()))
        self.assertTrue(verify_log.ecdsa_verifies(verify_log.p256_point(public_key), body, signature))
        for i in range(5):
            key = ec.generate_private_key(ec.SECP256R1())
            spki = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
            message = f"collectiveledger.local/x/y\n{i}\nroot\n".encode()
            signature = key.sign(message, ec.ECDSA(hashes.SHA256()))
            point = verify_log.p256_point(spki)
            self.assertTrue(verify_log.ecdsa_verifies(point, message, signature))
            self.assertFalse(verify_log.ecdsa_verifies(point, message + b"\n", signature))
            self.assertFalse(verify_log.ecdsa_verifies(point, message, signature[:-1] + bytes([signature[-1] ^ 1])))


class Cosignatures(unittest.TestCase):
    """Witness cosignatures (C2SP tlog-cosignature/v1, audit-log.md 12.4): Ed25519 in pure Python."""

    # RFC 8032 section 7.1, TEST 1 to 3: (public key, message, signature).
    RFC8032 = [
        ("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
         "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        ("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
         "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        ("fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82",
         "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
    ]

    def setUp(self):
        sys.dont_write_bytecode = True
        sys.path.insert(0, HERE)
        try:
            import verify_log
        finally:
            sys.path.remove(HERE)
        self.v = verify_log
        with open(os.path.join(VECTORS, "cosigned-checkpoint.txt"), encoding="utf-8") as f:
            self.note = f.read()
        with open(os.path.join(VECTORS, "witness.vkey"), encoding="utf-8") as f:
            self.vkey = f.read().strip()
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def run_verifier(self, note, *vkeys):
        path = os.path.join(self.tmp.name, "note.txt")
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(note)
        args = [sys.executable, VERIFIER, "--checkpoint", path]
        for k in vkeys:
            args += ["--witness-key", k]
        return subprocess.run(args, capture_output=True, text=True)

    def test_the_rfc_8032_vectors_verify_and_altered_ones_do_not(self):
        for key, message, signature in self.RFC8032:
            key, message, signature = bytes.fromhex(key), bytes.fromhex(message), bytes.fromhex(signature)
            self.assertTrue(self.v.ed25519_verifies(key, message, signature))
            self.assertFalse(self.v.ed25519_verifies(key, message + b"x", signature))
            self.assertFalse(self.v.ed25519_verifies(key, message, signature[:-1] + bytes([signature[-1] ^ 1])))

    def test_a_cosignature_made_by_cledger_verifies_also_as_scanned(self):
        self.assertEqual(self.run_verifier(self.note, self.vkey).returncode, 0)
        scanned = self.run_verifier(self.note.replace("\n", "\r\n") + "\n", self.vkey)
        self.assertEqual(scanned.returncode, 0, scanned.stdout)
        self.assertIn("cosigned by township.example/w1", scanned.stdout)

    def test_another_root_or_a_missing_or_forged_cosignature_fails(self):
        lines = self.note.split("\n")
        other_root = "\n".join([lines[0], lines[1], base64.b64encode(bytes(32)).decode()] + lines[3:])
        self.assertEqual(self.run_verifier(other_root, self.vkey).returncode, 1)
        unsigned = self.note[:self.note.rfind("\u2014 township")]
        self.assertEqual(self.run_verifier(unsigned, self.vkey).returncode, 1)
        line = [l for l in lines if l.startswith("\u2014 township")][0]
        blob = bytearray(base64.b64decode(line.split(" ")[2]))
        blob[20] ^= 1
        forged = self.note.replace(line, "\u2014 township.example/w1 " + base64.b64encode(bytes(blob)).decode())
        self.assertEqual(self.run_verifier(forged, self.vkey).returncode, 1)

    def test_a_key_id_that_is_not_the_name_and_key_s_is_refused(self):
        name, key_id, key = self.vkey.split("+", 2)
        other_name = self.run_verifier(self.note, "someone.else/w+" + key_id + "+" + key)
        self.assertEqual(other_name.returncode, 1)
        self.assertIn("key ID", other_name.stdout)


if __name__ == "__main__":
    unittest.main()
