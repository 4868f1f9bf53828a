"""Checks the JSON Schemas in this folder against examples and counter-examples.

Run from the repository root: python3 -m unittest schemas/test_schemas.py
Needs the `jsonschema` package (draft 2020-12); the tests are skipped when it is not installed,
so that the standard-library-only verifier tests never depend on it.
"""
import copy, json, os, sys, unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import jsonschema
except ImportError:  # pragma: no cover
    jsonschema = None

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = ["voucher", "accounts", "dimension", "trial-balance", "verify", "audit-entry", "disclosure", "balance-sheet", "income-statement", "project-notice", "report-notes", "bank-map"]


def load_schema(name):
    with open(os.path.join(HERE, f"{name}.schema.json"), encoding="utf-8") as f:
        return json.load(f)


def row(code, level, leaf, closing_debit="0.00", closing_credit="0.00", period_debit="0.00", period_credit="0.00"):
    return {"code": code, "name": "银行存款", "level": level, "leaf": leaf, "opening_debit": "0.00", "opening_credit": "0.00",
            "period_debit": period_debit, "period_credit": period_credit,
            "closing_debit": closing_debit, "closing_credit": closing_credit}


@unittest.skipIf(jsonschema is None, "jsonschema is not installed")
class SchemaTestCase(unittest.TestCase):
    def validator(self, name):
        schema = load_schema(name)
        jsonschema.Draft202012Validator.check_schema(schema)
        return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    def assertValid(self, name, instance):
        errors = [e.message for e in self.validator(name).iter_errors(instance)]
        self.assertEqual(errors, [], json.dumps(instance, ensure_ascii=False))

    def assertInvalid(self, name, instance):
        self.assertFalse(self.validator(name).is_valid(instance), json.dumps(instance, ensure_ascii=False))


class EverySchema(SchemaTestCase):
    def test_every_schema_is_a_valid_draft_2020_12_schema_and_its_examples_validate(self):
        for name in SCHEMAS:
            schema = load_schema(name)
            self.assertEqual(schema["$schema"], "https://json-schema.org/draft/2020-12/schema")
            for example in schema.get("examples", []):
                self.assertValid(name, example)


class BankMap(SchemaTestCase):
    def test_a_map_has_income_and_payment_or_one_amount_never_both(self):
        base = {"date": "交易日期", "balance": "余额"}
        self.assertValid("bank-map", {"columns": dict(base, income="收入", payment="支出")})
        self.assertValid("bank-map", {"columns": dict(base, amount="发生额")})
        self.assertInvalid("bank-map", {"columns": dict(base, income="收入")})
        self.assertInvalid("bank-map", {"columns": dict(base, income="收入", payment="支出", amount="发生额")})
        self.assertInvalid("bank-map", {"columns": {"date": "交易日期", "amount": "发生额"}})
        self.assertInvalid("bank-map", {"columns": dict(base, amount="发生额", colour="红")})


class VoucherFile(SchemaTestCase):
    def voucher(self):
        return {"ref": "2026-10-0007", "date": "2026-10-05", "summary": "收取2026年草场承包费", "attachments": 2,
                "kind": "normal", "lines": [{"account": "10201", "debit": "12000.00", "summary": "巴特尔 草场承包费"},
                                            {"account": "501", "credit": "12000", "member": "M023"}]}

    def test_an_array_and_a_single_voucher_json_lines_line_are_valid(self):
        self.assertValid("voucher", [self.voucher()])
        self.assertValid("voucher", self.voucher())
        self.assertValid("voucher", {"date": "2026-10-05", "summary": "摘要", "lines": self.voucher()["lines"]})

    def test_wrong_vouchers_are_invalid(self):
        def changed(f):
            v = self.voucher()
            f(v)
            return v
        cases = [
            changed(lambda v: v["lines"][0].update(credit="1.00")),  # both sides
            changed(lambda v: v["lines"][0].pop("debit")),  # no side
            changed(lambda v: v["lines"][0].update(debit="0.00")),  # not positive
            changed(lambda v: v["lines"][0].update(debit="-5.00")),
            changed(lambda v: v["lines"][0].update(debit="12000.001")),
            changed(lambda v: v["lines"][0].update(debit=12000)),  # a JSON number
            changed(lambda v: v["lines"][0].update(debit="12,000.00")),
            changed(lambda v: v["lines"].pop()),  # one line
            changed(lambda v: v.update(kind="reversal")),
            changed(lambda v: v.update(date="2026-13-01")),
            changed(lambda v: v.update(summary="长" * 201)),
            changed(lambda v: v.update(summary="a\tb")),  # control character
            changed(lambda v: v.update(extra=1)),
            changed(lambda v: v.pop("summary")),  # SummaryRequired
            changed(lambda v: v.update(summary="  ")),
            changed(lambda v: v.update(attachments=10000)),
            changed(lambda v: v.update(ref="2026-10-0007 ")),
            changed(lambda v: v.update(summary="a\u2028b")),
            changed(lambda v: v["lines"][1].update(member="巴特尔")),  # codes are ASCII
            changed(lambda v: v["lines"][1].update(member="M" * 33)),
        ]
        for case in cases:
            self.assertInvalid("voucher", [case])


class AccountsAndDimensions(SchemaTestCase):
    def test_accounts_need_parent_plus_two_digits_shape(self):
        self.assertValid("accounts", [{"code": "10201", "name": "信用社基本户", "parent": "102"}])
        self.assertInvalid("accounts", [{"code": "102", "name": "银行存款", "parent": "1"}])
        self.assertInvalid("accounts", [{"code": "1020", "name": "x", "parent": "102"}])
        self.assertInvalid("accounts", [{"code": "10201", "name": "", "parent": "102"}])

    def test_dimensions(self):
        self.assertValid("dimension", [{"code": "XJ2026", "name": "2026年衔接推进乡村振兴补助资金"}])
        self.assertInvalid("dimension", [{"code": "", "name": "巴特尔"}])
        self.assertInvalid("dimension", [{"code": "M023"}])


class TrialBalanceAndVerify(SchemaTestCase):
    def trial_balance(self):
        totals = {k: "15000.00" if k in ("period_debit", "period_credit", "closing_debit", "closing_credit") else "0.00"
                  for k in ("opening_debit", "opening_credit", "period_debit", "period_credit", "closing_debit", "closing_credit")}
        return {"ledger": "3f6d2a4e-8b1c-4e7a-9c5d-2b7f0e1a6c93", "org": "巴音塔拉嘎查股份经济合作社", "currency": "CNY",
                "from": "2026-01", "to": "2026-01",
                "rows": [row("102", 1, False, "15000.00", period_debit="15000.00"), row("10201", 2, True, "15000.00", period_debit="15000.00"),
                         row("241", 1, True, closing_credit="3000.00", period_credit="3000.00"),
                         row("501", 1, True, closing_credit="12000.00", period_credit="12000.00")],
                "totals": totals}

    def test_trial_balance(self):
        tb = self.trial_balance()
        self.assertValid("trial-balance", tb)
        tb["rows"][0]["period_debit"] = "-120.00"  # red-ink turnover can be negative
        self.assertValid("trial-balance", tb)
        for column, value in [("closing_debit", "-1.00"), ("closing_debit", 15000), ("period_debit", "-0.00"), ("opening_credit", "1.5")]:
            bad = copy.deepcopy(tb)
            bad["rows"][0][column] = value
            self.assertInvalid("trial-balance", bad)

    def test_verify_output(self):
        ok = {"ok": True, "entries": 6, "head": {"seq": 5, "hash": "d464b9cdb717908d162eda2a7817cc2c8eac1cd5cef00dd48b1ceb3cf947af66"},
              "root": "zwjJxg814hwelONxhpngD9XiJQEwjQKF4Z0ar9r4cYQ=", "problems": []}
        self.assertValid("verify", ok)
        problem = {"kind": "replay", "seq": 4, "table": "voucher_lines", "key": "2026-01/1/2", "column": "credit",
                   "expected": "12000.00", "actual": "1200.00", "message": "科目 501 贷方金额与日志不符"}
        self.assertValid("verify", dict(ok, ok=False, problems=[problem]))
        self.assertValid("verify", dict(ok, ok=False, problems=[{"kind": "chain", "message": "prev mismatch"}]))
        self.assertInvalid("verify", dict(ok, problems=[problem]))  # ok with problems
        self.assertInvalid("verify", dict(ok, ok=False))  # not ok without problems
        self.assertInvalid("verify", dict(ok, root="zwjJxg814hwelONxhpngD9XiJQEwjQKF4Z0ar9r4cYQ"))
        self.assertInvalid("verify", dict(ok, problems=[dict(problem, kind="other")]))

    def test_verify_output_splits_integrity_from_reconciliation(self):
        base = {"entries": 7, "head": {"seq": 6, "hash": "d464b9cdb717908d162eda2a7817cc2c8eac1cd5cef00dd48b1ceb3cf947af66"},
                "root": "zwjJxg814hwelONxhpngD9XiJQEwjQKF4Z0ar9r4cYQ="}
        def counts(integrity, reconciliation):
            return {"integrity": {"ok": integrity == 0, "problems": integrity}, "reconciliation": {"ok": reconciliation == 0, "problems": reconciliation}}
        register = {"kind": "register", "category": "reconciliation", "seq": 6, "table": "asset_register", "key": "151", "column": None,
                    "expected": "8000.00", "actual": "5000.00", "message": "the log's asset register holds 5000.00 on 151, the ledger's balance is 8000.00"}
        replay = {"kind": "replay", "category": "integrity", "seq": 4, "table": "voucher_lines", "key": "4|1", "column": "debit_fen",
                  "expected": "8000.00", "actual": "9000.00", "message": "voucher_lines 4|1: debit_fen differs from what the log says"}
        self.assertValid("verify", dict(base, ok=True, status="ok", problems=[], **counts(0, 0)))
        self.assertValid("verify", dict(base, ok=False, status="reconciliation", problems=[register], **counts(0, 1)))
        self.assertValid("verify", dict(base, ok=False, status="integrity", problems=[replay, register], **counts(1, 1)))
        self.assertValid("verify", dict(base, ok=False, problems=[{k: v for k, v in register.items() if k != "category"}]))  # as older versions wrote it
        self.assertInvalid("verify", dict(base, ok=True, status="integrity", problems=[], **counts(0, 0)))  # ok yet not ok
        self.assertInvalid("verify", dict(base, ok=False, status="ok", problems=[replay], **counts(1, 0)))
        self.assertInvalid("verify", dict(base, ok=False, status="reconciliation", problems=[replay, register], **counts(1, 1)))  # integrity comes first
        self.assertInvalid("verify", dict(base, ok=False, status="integrity", problems=[register], **counts(0, 1)))
        self.assertInvalid("verify", dict(base, ok=False, status="reconciliation", problems=[dict(register, category="integrity")], **counts(0, 1)))
        self.assertInvalid("verify", dict(base, ok=False, status="integrity", problems=[dict(replay, category="reconciliation")], **counts(1, 0)))
        self.assertInvalid("verify", dict(base, ok=False, status="other", problems=[replay], **counts(1, 0)))
        self.assertInvalid("verify", dict(base, ok=False, status="integrity", problems=[replay], integrity={"ok": False, "problems": -1},
                                          reconciliation={"ok": True, "problems": 0}))
        self.assertInvalid("verify", dict(base, ok=True, problems=[], **counts(0, 1)))  # ok with a reconciliation problem counted
        self.assertInvalid("verify", dict(base, ok=False, status="integrity", problems=[replay], integrity={"ok": True, "problems": 1},
                                          reconciliation={"ok": True, "problems": 0}))  # a category's ok is its count being 0

    def test_verify_output_with_checkpoints(self):
        ok = {"ok": True, "entries": 10, "head": {"seq": 9, "hash": "22250ddeaa24b83251156ce6d735c3c14643847304d76d4569af2ee1403c3a17"},
              "root": "2NijzMErn2k3wOweFErrXXnECpVBN3uwzkSxNs6Hy6Y=", "problems": []}
        checkpoint = {"size": 8, "root": "1rAOovtVlHe1R+Wyp8yPQghSmC6Pm/Q8z4asX5J4WT0=", "status": "consistent",
                      "signed_by": ["bayintala-supervision (e9922940)"]}
        problem = {"kind": "checkpoint", "seq": 7, "expected": checkpoint["root"], "actual": "zwjJxg814hwelONxhpngD9XiJQEwjQKF4Z0ar9r4cYQ=",
                   "message": "history rewritten within the first 8 entries: their root is not the one the checkpoint carries"}
        self.assertValid("verify", dict(ok, checkpoints=[checkpoint]))
        self.assertValid("verify", dict(ok, ok=False, checkpoints=[dict(checkpoint, status="rewritten")], problems=[problem]))
        self.assertValid("verify", dict(ok, ok=False, checkpoints=[{"size": 0, "root": "", "status": "bad-signature", "signed_by": []}],
                                        problems=[dict(problem, seq=None, message="the note is not a checkpoint")]))
        for bad in [dict(checkpoint, status="ok"), dict(checkpoint, root=""), dict(checkpoint, signed_by=[]),
                    dict(checkpoint, signed_by=["bayintala-supervision"]), dict(checkpoint, size=-1), dict(checkpoint, extra=1)]:
            self.assertInvalid("verify", dict(ok, checkpoints=[bad]))
        self.assertInvalid("verify", dict(ok, checkpoints=[]))


class AuditEntries(SchemaTestCase):
    def entries(self):
        with open(os.path.join(HERE, "test-vectors", "log.jsonl"), encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def test_every_test_vector_entry_is_valid(self):
        for e in self.entries():
            self.assertValid("audit-entry", e)

    def test_every_entry_of_the_vector_logs_and_of_the_logs_named_in_CLEDGER_LOGS_is_valid(self):
        # The test vectors' logs always; logs the program wrote when named (.ci/run names the demo's
        # exported log), which the vectors may not cover.
        import validate_entries
        vectors = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test-vectors")
        paths = [os.path.join(vectors, name) for name in ("log.jsonl", "checkpoint-log.jsonl")]
        paths += [p for p in os.environ.get("CLEDGER_LOGS", "").split(os.pathsep) if p]
        validator = validate_entries.entry_validator()
        for path in paths:
            self.assertEqual(list(validate_entries.problems(validator, path)), [], path)

    def test_a_contracts_voucher_entry_is_valid(self):
        entry = copy.deepcopy(next(e for e in self.entries() if e["kind"] == "voucher.posted"))
        entry["data"]["source"] = "contracts"
        self.assertValid("audit-entry", entry)

    def test_a_reversal_entry_with_negated_amounts_is_valid_and_positive_ones_are_not(self):
        reversal = self.entries()[4]
        reversal["data"].update(number=2, ref=None, reverses={"period": "2026-01", "number": 1})
        for line in reversal["data"]["lines"]:
            for side in ("debit", "credit"):
                line[side] = line[side] if line[side] == "0.00" else "-" + line[side]
        self.assertValid("audit-entry", reversal)
        self.assertInvalid("audit-entry", dict(self.entries()[4], data=dict(self.entries()[4]["data"], reverses=reversal["data"]["reverses"])))

    def test_wrong_entries_are_invalid(self):
        e = self.entries()
        voucher = e[4]
        bad_line = copy.deepcopy(voucher)
        bad_line["data"]["lines"][0]["credit"] = "1.00"
        no_member_key = copy.deepcopy(voucher)
        del no_member_key["data"]["lines"][1]["member"]
        float_like = copy.deepcopy(voucher)
        float_like["data"]["lines"][0]["debit"] = 15000.0
        for bad in [dict(e[1], seq=0), dict(e[0], seq=1), dict(e[0], v=2), dict(e[1], extra=1),
                    dict(e[1], prev="A" * 64), dict(e[1], time="2026-01-05 01:31:07"),
                    dict(e[5], data={"period": "2026-1"}), dict(e[2], data={"code": "XJ2026"}),
                    bad_line, no_member_key, float_like]:
            self.assertInvalid("audit-entry", bad)

    def test_every_checkpoint_vector_entry_is_valid(self):
        with open(os.path.join(HERE, "test-vectors", "checkpoint-log.jsonl"), encoding="utf-8") as f:
            entries = [json.loads(line) for line in f]
        for e in entries:
            self.assertValid("audit-entry", e)
        setting, key, notice = entries[6], entries[7], entries[8]
        self.assertValid("audit-entry", dict(setting, data={"key": "signatory.accountant", "value": ""}))
        self.assertValid("audit-entry", dict(setting, data={"key": "disclosure.objection_days", "value": "+010"}))
        file = notice["data"]["files"][0]
        for bad in [dict(setting, data={"key": "disclosure.color", "value": "red"}),
                    dict(setting, data={"key": "disclosure.objection_days", "value": "91"}),
                    dict(setting, data={"key": "disclosure.contact", "value": " 村务监督委员会"}),
                    dict(setting, data={"key": "disclosure.contact", "value": "长" * 101}),
                    dict(key, data=dict(key["data"], key_id="E9922940")), dict(key, data=dict(key["data"], key_id="e992294")),
                    dict(key, data=dict(key["data"], algorithm="ed25519")), dict(key, data=dict(key["data"], name="a b")),
                    dict(key, data=dict(key["data"], name="a+b")), dict(key, data=dict(key["data"], public_key="MFkw")),
                    dict(notice, data=dict(notice["data"], files=[dict(file, sha256=file["sha256"][1:])])),
                    dict(notice, data=dict(notice["data"], files=[dict(file, sha256=file["sha256"].upper())])),
                    dict(notice, data=dict(notice["data"], files=[dict(file, format="docx")])),
                    dict(notice, data=dict(notice["data"], files=[])),
                    dict(notice, data=dict(notice["data"], scope="week")),
                    dict(notice, data=dict(notice["data"], scope="quarter", **{"from": "2026-02", "to": "2026-04"})),
                    dict(notice, data=dict(notice["data"], checkpoint=notice["data"]["checkpoint"].rstrip("\n"))),
                    dict(notice, data=dict(notice["data"], checkpoint=notice["data"]["checkpoint"].replace("\n8\n", "\n08\n")))]:
            self.assertInvalid("audit-entry", bad)

    def test_an_unknown_kind_is_valid_with_any_object_data(self):
        self.assertValid("audit-entry", dict(self.entries()[5], kind="notice.published", data={"sha256": "00"}))


class DisclosureNotice(SchemaTestCase):
    def notice(self):
        with open(os.path.join(HERE, "test-vectors", "notice-2026-01.json"), encoding="utf-8") as f:
            return json.load(f)

    def test_the_vector_notice_and_negative_amounts_are_valid(self):
        n = self.notice()
        self.assertValid("disclosure", n)
        n["income_items"].append(dict(n["income_items"][0], amount="-12000.00", reversal=True, number=2))
        n["summary"].update(income=[], income_total="0.00", income_total_in_words="人民币零元整", cash_and_bank_closing="-0.05",
                            cash_and_bank_closing_in_words="人民币负伍分")
        n["funds"][0].update(spent_to_date="100.00", balance="-100.00")
        n["verification"].update(keys=[], signed_note=n["verification"]["signed_note"].split("\n\n")[0] + "\n")  # unsigned
        self.assertValid("disclosure", n)

    def sections(self):  # the asset and resource sections, as cledger disclose writes them since they were added
        n = self.notice()
        amounts = lambda *values: dict(zip(["net_at_start", "increase", "depreciation", "decrease", "cost_at_end", "depreciated_at_end", "net_at_end"], values))
        n["assets"] = {"rows": [dict(code="W1", name="1号机井", category="well", location="第一牧场", acquired="2025-01-10",
                                     **amounts("117600.00", "0.00", "3600.00", "0.00", "120000.00", "6000.00", "114000.00"), disposed=None),
                                dict(code="T1", name="拖拉机", category="machinery", location=None, acquired="2025-01-20",
                                     **amounts("58200.00", "0.00", "900.00", "57300.00", "0.00", "0.00", "0.00"), disposed="2025-05-20")],
                       "totals": amounts("175800.00", "0.00", "4500.00", "57300.00", "120000.00", "6000.00", "114000.00")}
        n["herds"] = [dict(code="H1", name="基础母羊群", species="sheep", head_at_start=140, registered=0, births=30, purchases=0, sales=20,
                           deaths=3, disposed=0, head_at_end=147)]
        n["contracts"] = {"rows": [dict(number="K2", party="道尔吉 139****5678", resource="farmland", area="300.00", rent="3000.00",
                                        **{"from": "2025-03-01", "to": "2026-02-28"}, received_in_period="0.00", received_to_date="0.00", overdue="3000.00")],
                          "totals": dict(area="300.00", rent="3000.00", received_in_period="0.00", received_to_date="0.00", overdue="3000.00")}
        return n

    def test_the_asset_and_resource_sections_are_valid_and_optional(self):
        self.assertValid("disclosure", self.sections())
        empty = self.sections()
        empty["assets"]["rows"], empty["herds"], empty["contracts"]["rows"] = [], [], []
        self.assertValid("disclosure", empty)

    def test_wrong_asset_and_resource_sections_are_invalid(self):
        def changed(f):
            n = self.sections()
            f(n)
            return n
        cases = [
            changed(lambda n: n["assets"]["rows"][0].update(net_at_end=114000)),  # a JSON number
            changed(lambda n: n["assets"]["rows"][0].pop("disposed")),
            changed(lambda n: n["assets"]["rows"][0].update(category="tractor")),
            changed(lambda n: n["assets"]["totals"].update(extra="1.00")),
            changed(lambda n: n["herds"][0].update(births="30")),
            changed(lambda n: n["herds"][0].update(deaths=-3)),
            changed(lambda n: n["herds"][0].update(species="pigs")),
            changed(lambda n: n["contracts"]["rows"][0].update(area="300")),
            changed(lambda n: n["contracts"]["rows"][0].update(resource="forest")),
            changed(lambda n: n["contracts"]["totals"].pop("overdue")),
            changed(lambda n: n["contracts"].update(rows={})),
        ]
        for case in cases:
            self.assertInvalid("disclosure", case)

    def details(self):  # the parts added for issue 11, as cledger disclose writes them since then
        n = self.sections()
        n.update(receivables=[], receivables_total="0.00", payables_total="3500.00",
                 payables=[dict(code="11302", name="内部往来—第二小组", amount="3500.00")])
        n["funds"][0].update(still_payable="29320.00", available="3800.00")
        n["asset_overview"] = {"lines": [dict(code="153", name="在建工程", amount="275720.00",
                                              parts=[dict(code="15301", name="机井工程", amount="185720.00"), dict(code="15302", name="道路硬化工程", amount="90000.00")]),
                                         dict(code="register", name="", amount="114000.00", parts=[])],
                               "total": "389720.00"}
        n["contracts"]["rows"][0]["area_unit"] = "mu"
        n["contracts"]["totals"].pop("area")
        n["contracts"]["totals"]["areas"] = [dict(unit="mu", area="300.00")]
        n["resources"] = [dict(resource="building", unit="square_metre", area="180.00", contracts=1, parties=["巴特尔"])]
        item = dict(n["income_items"][0])
        item.pop("amount")
        n["one_matter"] = {"items": [dict(item, account="23101", raised="100.00", used="0.00")], "raised_total": "100.00", "used_total": "0.00"}
        n["cadre_pay"] = {"rows": [dict(person="巴特尔", accrued="3200.00", paid="3200.00"), dict(person="", accrued="1600.00", paid="0.00")],
                          "accrued_total": "4800.00", "paid_total": "3200.00"}
        return n

    def test_the_issue_11_parts_are_valid_and_notices_without_them_stay_valid(self):
        self.assertValid("disclosure", self.details())
        self.assertValid("disclosure", self.sections())  # written before: total area across units, no unit, no annexes

    def test_wrong_issue_11_parts_are_invalid(self):
        def changed(f):
            n = self.details()
            f(n)
            return n
        cases = [
            changed(lambda n: n["funds"][0].update(available=3800)),
            changed(lambda n: n["asset_overview"]["lines"][0].update(code="15301")),  # first-level lines, sub-accounts as parts
            changed(lambda n: n["asset_overview"].pop("total")),
            changed(lambda n: n["contracts"]["rows"][0].update(area_unit="hectare")),
            changed(lambda n: n["contracts"]["totals"]["areas"][0].update(unit="亩")),
            changed(lambda n: n["resources"][0].update(contracts=0)),
            changed(lambda n: n["resources"][0].update(area="180")),
            changed(lambda n: n["one_matter"]["items"][0].update(amount="100.00")),
            changed(lambda n: n["cadre_pay"]["rows"][0].pop("paid")),
            changed(lambda n: n.update(payables_total=3500)),
        ]
        for case in cases:
            self.assertInvalid("disclosure", case)

    def test_wrong_notices_are_invalid(self):
        def changed(f):
            n = self.notice()
            f(n)
            return n
        cases = [
            changed(lambda n: n["summary"].update(income_total=12000)),  # a JSON number
            changed(lambda n: n["summary"].update(income_total="-0.00")),
            changed(lambda n: n["summary"].update(income_total="12000.0")),
            changed(lambda n: n["summary"]["income"][0].update(amount="0.00")),  # zero categories are left out
            changed(lambda n: n["summary"].update(income_total_in_words="壹万贰仟元整")),
            changed(lambda n: n["summary"].pop("cash_and_bank_closing")),
            changed(lambda n: n.update(extra=1)),
            changed(lambda n: n.update(label="2026-01")),
            changed(lambda n: n.update(scope="week")),
            changed(lambda n: n["income_items"][0].update(reversal="false")),
            changed(lambda n: n["income_items"][0].update(number=0)),
            changed(lambda n: n["review"].update(objection_days=0)),
            changed(lambda n: n["review"].update(objection_days="10")),
            changed(lambda n: n["verification"].update(root=n["verification"]["root"].upper())),
            changed(lambda n: n["verification"]["keys"][0].update(fingerprint="e9922940")),
            changed(lambda n: n["verification"].update(signed_note="not a checkpoint\n")),
        ]
        for case in cases:
            self.assertInvalid("disclosure", case)


class ProjectNoticeJson(SchemaTestCase):
    def notice(self):  # cledger disclose --fund F01 --format json, unsigned
        return json.loads('{"org": "测试嘎查股份经济合作社", "org_code": "N2TEST", "currency": "CNY", "publication_date": "2025-03-15", "fund_code": "F01", "fund_name": "衔接资金", "project": "嘎查机井建设项目", "location": "巴音宝力格嘎查", "tasks": "新建机井4眼", "standard": "每眼9万元", "kind": "衔接推进乡村振兴补助资金", "agency": "旗财政局", "document": "旗财农〔2025〕12号", "granted": "360000.00", "granted_in_words": "人民币叁拾陆万元整", "valid_from": "2025-03-01", "valid_to": "2025-12-31", "implementer": "巴音宝力格嘎查股份经济合作社", "responsible": "巴特尔 139****5678", "targets": "解决120户饮水", "beneficiaries": "务工带动", "received": "30000.00", "spent": "8000.00", "balance": "22000.00", "payments": [{"date": "2025-03-09", "period": "2025-03", "number": 2, "summary": "机井工程款", "charged_to": "153 在建工程", "amount": "8000.00", "reversal": false}], "posting": {"from": "2025-03-15", "to": "2025-03-24", "days": 10, "hotline": "12317"}, "review": {"accountant": "", "committee_chair": "", "supervision_chair": "", "objection_days": 7, "contact": "村务监督委员会"}, "verification": {"entries": 7, "root": "00fca898dad190190f5eec89fde4e0a4c00697ba915a96417302bb14018fca43", "head_seq": 6, "head_hash": "584d1338db6e1f4d40b3bad6a4f5da3f2eb0c732b311976a15697d56d7fc7538", "keys": [], "signed_note": "collectiveledger.local/N2TEST/19d65fba-7f0d-4845-b6d7-511cd0f06d3d\\n7\\nAPyomNrRkBkPXuyJ/eTgpMAGl7qRWpZBcwK7FAGPykM=\\n"}}')

    def test_a_project_notice_is_valid_with_and_without_payments(self):
        n = self.notice()
        self.assertValid("project-notice", n)
        n.update(payments=[], spent="0.00", balance="30000.00")
        self.assertValid("project-notice", n)

    def test_wrong_project_notices_are_invalid(self):
        def changed(f):
            n = self.notice()
            f(n)
            return n
        for case in [
            changed(lambda n: n["posting"].update(days=7)),  # posted at least 10 days
            changed(lambda n: n["posting"].update(hotline="12345")),
            changed(lambda n: n.update(granted=360000)),
            changed(lambda n: n.pop("responsible")),
            changed(lambda n: n.update(project="")),
            changed(lambda n: n["payments"][0].update(reversal="false")),
            changed(lambda n: n.update(extra=1)),
        ]:
            self.assertInvalid("project-notice", case)


if __name__ == "__main__":
    unittest.main()


class AnnualStatements(SchemaTestCase):
    """The sample village's expected statements (samples/gacha/expected), with the ledger fields the program adds."""

    def expected(self, name):
        with open(os.path.join(HERE, "..", "samples", "gacha", "expected", f"{name}-2025.json"), encoding="utf-8") as f:
            doc = json.load(f)
        return dict(doc, ledger="0f8fad5b-d9cb-469f-a165-70867728950e", org="巴音宝力格嘎查股份经济合作社", currency="CNY")

    def test_the_sample_statements_are_valid_and_a_number_amount_or_a_missing_line_is_not(self):
        for schema, name, column in (("balance-sheet", "balance-sheet", "end"), ("income-statement", "income", "amount")):
            doc = self.expected(name)
            self.assertValid(schema, doc)
            number = json.loads(json.dumps(doc))
            number["lines"][0][column] = 1.5
            self.assertInvalid(schema, number)
            short = json.loads(json.dumps(doc))
            short["lines"].pop()
            self.assertInvalid(schema, short)


class ReportNotes(SchemaTestCase):
    def notes(self):
        return load_schema("report-notes")["examples"][0]

    def test_the_sections_come_in_their_order_and_amounts_are_strings(self):
        self.assertValid("report-notes", self.notes())
        swapped = json.loads(json.dumps(self.notes()))
        swapped["sections"][0], swapped["sections"][1] = swapped["sections"][1], swapped["sections"][0]
        self.assertInvalid("report-notes", swapped)
        number = json.loads(json.dumps(self.notes()))
        number["sections"][4]["items"][0]["amount"] = 449.24
        self.assertInvalid("report-notes", number)

