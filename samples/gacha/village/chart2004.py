"""The smaller village kept in the 2004 chart, which the demo converts (accounts convert-2004)."""

from .money import money
from .registers import org_code_check, uscc

# A 科目余额表 at 2023-12-31 kept in the 2004 chart (财会〔2004〕12号), after the year-end close:
# the input of `cledger accounts convert-2004` (新旧科目对照, 财会〔2023〕20号). A separate, smaller
# village book, not the sample ledger (which starts in 2025): 牲畜(禽)资产 is listed with its
# sub-accounts so that it can be split into 消耗性 and 生产性生物资产; every income and expense
# account is closed (zero).
BALANCES_2004 = [
    ("101", "现金", 125000, 0),
    ("102", "银行存款", 18640000, 0),
    ("112", "应收款", 1200000, 0),
    ("113", "内部往来", 300000, 0),
    ("121", "库存物资", 860000, 0),
    ("131", "牲畜（禽）资产", 9600000, 0),
    ("13101", "幼畜及育肥畜", 3600000, 0),
    ("13102", "产役畜", 6000000, 0),
    ("132", "林木资产", 0, 0),
    ("141", "长期投资", 5000000, 0),
    ("151", "固定资产", 42000000, 0),
    ("152", "累计折旧", 0, 12600000),
    ("153", "固定资产清理", 0, 0),
    ("154", "在建工程", 3500000, 0),
    ("201", "短期借款", 0, 0),
    ("202", "应付款", 0, 1850000),
    ("211", "应付工资", 0, 600000),
    ("212", "应付福利费", 0, 0),
    ("221", "长期借款及应付款", 0, 0),
    ("231", "一事一议资金", 0, 2000000),
    ("301", "资本", 0, 50000000),
    ("311", "公积公益金", 0, 9575000),
    ("321", "本年收益", 0, 0),
    ("322", "收益分配", 0, 4600000),
    ("401", "生产(劳务)成本", 0, 0),
    ("501", "经营收入", 0, 0),
    ("502", "经营支出", 0, 0),
    ("511", "发包及上交收入", 0, 0),
    ("522", "补助收入", 0, 0),
    ("531", "其他收入", 0, 0),
    ("541", "管理费用", 0, 0),
    ("551", "其他支出", 0, 0),
    ("561", "投资收益", 0, 0),
]

# The smaller village whose books balances-2004.csv holds: the demo converts them and opens its own
# ledger in the 2023 chart from 2024-01 (新旧科目对照, 财会〔2023〕20号).
ORG_BODY_2004 = "MA7XR3KB"
LEDGER_2004 = {
    "org": "阿拉坦敖包嘎查股份经济合作社",
    "org_code": uscc("N2" + "152525" + ORG_BODY_2004 + org_code_check(ORG_BODY_2004)),
    "currency": "CNY",
    "chart": "standard-2023",
    "start": "2024-01",
}


def balances_2004_csv():
    level1 = [r for r in BALANCES_2004 if len(r[0]) == 3]
    assert sum(r[2] for r in level1) == sum(r[3] for r in level1), "the 2004 balance list balances"
    rows = ["科目编码,科目名称,借方余额,贷方余额"]
    rows += ["%s,%s,%s,%s" % (c, n, money(dr) if dr else "", money(cr) if cr else "") for c, n, dr, cr in BALANCES_2004]
    return "\r\n".join(rows) + "\r\n"
