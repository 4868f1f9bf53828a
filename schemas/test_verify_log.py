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

    def run_verifier(self, lines, tb=None, raw=None):
        path = os.path.join(self.tmp.name, "log.jsonl")
        with open(path, "wb") as f:
            f.write(raw if raw is not None else b"".join(line + b"\n" for line in lines))
        args = [sys.executable, VERIFIER, path]
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
