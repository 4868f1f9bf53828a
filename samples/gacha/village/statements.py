"""Expected annual statements: 资产负债表 and 收益及收益分配表."""

from .books import ALL_NORMAL, CLOSING, POSTING_ORDER, net_balances, signed
from .dates import YEAR
from .money import money
from .opening import OPENING

# Expected annual statements, from the same naive sums. Layout (this project's, see
# src/CollectiveLedger.Core/Reporting/BalanceSheet.cs and IncomeStatement.cs for where it comes
# from): each line lists the level-1 accounts it adds up; "113+" / "113-" are the sub-accounts of
# 内部往来 with a debit / credit balance; "5" is every income and expense account not yet closed.

BS_ITEMS = [
    ("cash", "货币资金", "assets", ["101", "102"]),
    ("short_term_investments", "短期投资", "assets", ["111"]),
    ("receivables", "应收款项", "assets", ["112", "113+"]),
    ("inventories", "存货", "assets", ["121", "401"]),
    ("consumable_biological_assets", "消耗性生物资产", "assets", ["131"]),
    ("current_assets_total", "流动资产合计", "assets", None),
    ("long_term_investments", "长期投资", "assets", ["141"]),
    ("productive_biological_assets_cost", "生产性生物资产原值", "assets", ["132"]),
    ("productive_biological_assets_depreciation", "减：生产性生物资产累计折旧", "assets", ["133"]),
    ("productive_biological_assets_net", "生产性生物资产净值", "assets", None),
    ("public_welfare_biological_assets", "公益性生物资产", "assets", ["134"]),
    ("fixed_assets_cost", "固定资产原值", "assets", ["151"]),
    ("accumulated_depreciation", "减：累计折旧", "assets", ["152"]),
    ("fixed_assets_net", "固定资产净值", "assets", None),
    ("construction_in_progress", "在建工程", "assets", ["153"]),
    ("fixed_assets_disposal", "固定资产清理", "assets", ["154"]),
    ("fixed_assets_subtotal", "固定资产小计", "assets", None),
    ("intangible_assets_cost", "无形资产原值", "assets", ["161"]),
    ("accumulated_amortization", "减：累计摊销", "assets", ["162"]),
    ("intangible_assets_net", "无形资产净值", "assets", None),
    ("long_term_deferred_expenses", "长期待摊费用", "assets", ["171"]),
    ("property_losses_pending", "待处理财产损溢", "assets", ["181"]),
    ("non_current_assets_total", "非流动资产合计", "assets", None),
    ("assets_total", "资产总计", "assets", None),
    ("short_term_borrowings", "短期借款", "liabilities", ["201"]),
    ("payables", "应付款项", "liabilities", ["211", "113-"]),
    ("wages_payable", "应付工资", "liabilities", ["212"]),
    ("labour_payable", "应付劳务费", "liabilities", ["213"]),
    ("taxes_payable", "应交税费", "liabilities", ["214"]),
    ("current_liabilities_total", "流动负债合计", "liabilities", None),
    ("long_term_borrowings_and_payables", "长期借款及应付款", "liabilities", ["221"]),
    ("one_matter_one_discussion_funds", "一事一议资金", "liabilities", ["231"]),
    ("special_payables", "专项应付款", "liabilities", ["241"]),
    ("non_current_liabilities_total", "非流动负债合计", "liabilities", None),
    ("liabilities_total", "负债合计", "liabilities", None),
    ("capital", "资本", "ownership", ["301"]),
    ("accumulation_and_public_welfare_fund", "公积公益金", "ownership", ["311"]),
    ("undistributed_surplus", "未分配收益", "ownership", ["321", "322", "5"]),
    ("ownership_total", "所有者权益合计", "ownership", None),
    ("liabilities_and_ownership_total", "负债和所有者权益总计", "ownership", None),
]
BS_SUMS = {
    "fixed_assets_subtotal": ["fixed_assets_net", "construction_in_progress", "fixed_assets_disposal"],
    "current_assets_total": ["cash", "short_term_investments", "receivables", "inventories", "consumable_biological_assets"],
    "non_current_assets_total": ["long_term_investments", "productive_biological_assets_net", "public_welfare_biological_assets",
                                 "fixed_assets_subtotal", "intangible_assets_net", "long_term_deferred_expenses",
                                 "property_losses_pending"],
    "assets_total": ["current_assets_total", "non_current_assets_total"],
    "current_liabilities_total": ["short_term_borrowings", "payables", "wages_payable", "labour_payable", "taxes_payable"],
    "non_current_liabilities_total": ["long_term_borrowings_and_payables", "one_matter_one_discussion_funds", "special_payables"],
    "liabilities_total": ["current_liabilities_total", "non_current_liabilities_total"],
    "ownership_total": ["capital", "accumulation_and_public_welfare_fund", "undistributed_surplus"],
    "liabilities_and_ownership_total": ["liabilities_total", "ownership_total"],
}
BS_NETS = {"productive_biological_assets_net": ("productive_biological_assets_cost", "productive_biological_assets_depreciation"),
           "fixed_assets_net": ("fixed_assets_cost", "accumulated_depreciation"),
           "intangible_assets_net": ("intangible_assets_cost", "accumulated_amortization")}
CONTRA = {"productive_biological_assets_depreciation", "accumulated_depreciation", "accumulated_amortization"}


def slot(account, net):
    root = account[:3]
    if root == "113":
        return "113-" if net < 0 else "113+"
    return "5" if root.startswith("5") else root


def bs_column(net):
    by_slot = {}
    for account, n in net.items():
        by_slot[slot(account, n)] = by_slot.get(slot(account, n), 0) + n
    value = {}
    for key, _, section, roots in BS_ITEMS:
        if roots is None:
            continue
        total = sum(by_slot.pop(r, 0) for r in roots)
        value[key] = total if section == "assets" else -total
        if key in CONTRA:
            value[key] = -value[key]
    assert not by_slot, by_slot
    for key, (cost, less) in BS_NETS.items():
        value[key] = value[cost] - value[less]
    for key, parts in BS_SUMS.items():  # in dependency order
        value[key] = sum(value[p] for p in parts)
    assert value["assets_total"] == value["liabilities_and_ownership_total"]
    return value


def balance_sheet():
    start = bs_column(net_balances([OPENING]))
    end = bs_column(net_balances(POSTING_ORDER + CLOSING))
    lines = [{"line": i + 1, "key": key, "name": name, "section": section, "total": roots is None,
              "year_start": money(start[key]), "end": money(end[key])}
             for i, (key, name, section, roots) in enumerate(BS_ITEMS)]
    return {"year_start": "%d-01-01" % YEAR, "date": "%d-12-31" % YEAR, "lines": lines}, end


IS_ITEMS = [
    ("operating_income", "一、经营收入", "501", -1), ("investment_income", "加：投资收益", "502", -1),
    ("operating_expenses", "减：经营支出", "511", 1),
    ("taxes_and_surcharges", "税金及附加", "512", 1), ("administrative_expenses", "管理费用", "513", 1),
    ("operating_surplus", "二、经营收益", None, 0),
    ("subsidy_income", "加：补助收入", "503", -1), ("other_income", "其他收入", "504", -1),
    ("public_welfare_expenses", "减：公益支出", "514", 1), ("other_expenses", "其他支出", "515", 1),
    ("total_surplus", "三、收益总额", None, 0), ("income_tax", "减：所得税费用", "521", 1),
    ("net_surplus", "四、净收益（本年收益）", None, 0), ("undistributed_at_year_start", "加：年初未分配收益", None, 0),
    ("other_transfers_in", "其他转入", None, 0), ("distributable_surplus", "五、可分配收益", None, 0),
    ("distributions", "减：各项分配", None, 0), ("prior_year_distributions", "其中：分配上年收益", None, 0),
    ("reserve_appropriation", "提取公积公益金", None, 0), ("member_distributions", "成员分配", None, 0),
    ("other_distributions", "其他", None, 0), ("undistributed_at_year_end", "六、年末未分配收益", None, 0),
]
IS_TOTALS = {"operating_surplus", "total_surplus", "net_surplus", "distributable_surplus", "undistributed_at_year_end"}


def income_statement(bs_end):
    """The year's normal vouchers only (not the opening voucher, not the closing vouchers)."""
    value = {}
    transfers = distributions = 0
    for v in ALL_NORMAL:
        # 各项分配 itemised: a voucher's debit to 321/322 goes to its 311 credits first (提取公积公益金),
        # then to its 211/101/102 credits (成员分配), the rest is 其他. The 2025 books distribute
        # nothing (the 2025 plan is posted in 2026, a distribution of the previous year's surplus).
        debit = sum(l["fen"] for l in v.lines if l["account"][:3] in ("321", "322") and l["side"] == "debit")
        if debit:
            reserve = min(debit, sum(l["fen"] for l in v.lines if l["account"][:3] == "311" and l["side"] == "credit"))
            members = min(debit - reserve, sum(l["fen"] for l in v.lines if l["account"][:3] in ("211", "101", "102") and l["side"] == "credit"))
            value["reserve_appropriation"] = value.get("reserve_appropriation", 0) + reserve
            value["member_distributions"] = value.get("member_distributions", 0) + members
            value["other_distributions"] = value.get("other_distributions", 0) + debit - reserve - members
        for l in v.lines:
            root = l["account"][:3]
            if root in ("321", "322"):
                if l["side"] == "credit":
                    transfers += l["fen"]
                else:
                    distributions += l["fen"]
            for key, _, r, sign in IS_ITEMS:
                if r == root:
                    value[key] = value.get(key, 0) + sign * signed(l)
    start = -sum(n for a, n in net_balances([OPENING]).items() if a[:3] in ("321", "322") or a.startswith("5"))
    g = lambda k: value.get(k, 0)
    value["operating_surplus"] = g("operating_income") - g("operating_expenses") - g("taxes_and_surcharges") \
        - g("administrative_expenses") + g("investment_income")
    value["total_surplus"] = g("operating_surplus") + g("subsidy_income") + g("other_income") - g("public_welfare_expenses") - g("other_expenses")
    value["net_surplus"] = g("total_surplus") - g("income_tax")
    value["undistributed_at_year_start"] = start
    value["other_transfers_in"] = transfers
    value["distributable_surplus"] = g("net_surplus") + start + transfers
    value["distributions"] = distributions
    value["undistributed_at_year_end"] = g("distributable_surplus") - distributions
    assert value["undistributed_at_year_end"] == bs_end["undistributed_surplus"], "the two statements agree"
    assert g("reserve_appropriation") + g("member_distributions") + g("other_distributions") == distributions
    # 上年金额 is blank: 2024 is not in these books.
    lines = [{"line": i + 1, "key": key, "name": name, "total": key in IS_TOTALS, "amount": money(g(key)), "prior_year_amount": None}
             for i, (key, name, _, _) in enumerate(IS_ITEMS)]
    return {"year": YEAR, "from": "%d-01-01" % YEAR, "to": "%d-12-31" % YEAR, "year_closed": True, "lines": lines}
