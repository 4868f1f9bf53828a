#!/usr/bin/env python3
"""Generate the sample pastoral village (gacha) for 2025 and its expected trial balances.

Run from anywhere:  python3 samples/gacha/generate.py

Python 3 standard library only. A fixed seed makes every output byte-identical from run to run.
The script is also the independent model of the books: it computes the expected trial balances
itself by naive summing of voucher lines, never by running CollectiveLedger. Money is an integer
number of fen throughout; floats never touch an amount.
"""

import csv
import datetime
import io
import json
import os
import random

SEED = 20250101
YEAR = 2025
HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(SEED)

# ---------------------------------------------------------------------------------------------
# The standard-2023 level-1 chart (code, name, normal side), 《农村集体经济组织会计制度》(财会〔2023〕14号).
# The names are needed for the trial balance rows; the normal side is informative only here.
STANDARD_CHART = [
    ("101", "库存现金", "Dr"), ("102", "银行存款", "Dr"), ("111", "短期投资", "Dr"),
    ("112", "应收款", "Dr"), ("113", "内部往来", "Dr"), ("121", "库存物资", "Dr"),
    ("131", "消耗性生物资产", "Dr"), ("132", "生产性生物资产", "Dr"),
    ("133", "生产性生物资产累计折旧", "Cr"), ("134", "公益性生物资产", "Dr"),
    ("141", "长期投资", "Dr"), ("151", "固定资产", "Dr"), ("152", "累计折旧", "Cr"),
    ("153", "在建工程", "Dr"), ("154", "固定资产清理", "Dr"), ("161", "无形资产", "Dr"),
    ("162", "累计摊销", "Cr"), ("171", "长期待摊费用", "Dr"), ("181", "待处理财产损溢", "Dr"),
    ("201", "短期借款", "Cr"), ("211", "应付款", "Cr"), ("212", "应付工资", "Cr"),
    ("213", "应付劳务费", "Cr"), ("214", "应交税费", "Cr"), ("221", "长期借款及应付款", "Cr"),
    ("231", "一事一议资金", "Cr"), ("241", "专项应付款", "Cr"), ("301", "资本", "Cr"),
    ("311", "公积公益金", "Cr"), ("321", "本年收益", "Cr"), ("322", "收益分配", "Cr"),
    ("401", "生产(劳务)成本", "Dr"), ("501", "经营收入", "Cr"), ("502", "投资收益", "Cr"),
    ("503", "补助收入", "Cr"), ("504", "其他收入", "Cr"), ("511", "经营支出", "Dr"),
    ("512", "税金及附加", "Dr"), ("513", "管理费用", "Dr"), ("514", "公益支出", "Dr"),
    ("515", "其他支出", "Dr"), ("521", "所得税费用", "Dr"),
]

# ---------------------------------------------------------------------------------------------
# Organization. The unified social credit code is fictional but well formed: N2 (agriculture
# authority, rural collective economic organization), a region code, a 9-character organization
# code with its GB 11714 check character, and the GB 32100-2015 check character.

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def org_code_check(body8):
    weights = [3, 7, 9, 10, 5, 8, 4, 2]
    value = lambda ch: int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10
    c = 11 - sum(value(ch) * w for ch, w in zip(body8, weights)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc(first17):
    total = sum(USCC_CHARSET.index(ch) * pow(3, i, 31) for i, ch in enumerate(first17))
    return first17 + USCC_CHARSET[(31 - total % 31) % 31]


ORG_BODY = "MF3K7Q2D"
ORG_CODE = uscc("N2" + "152525" + ORG_BODY + org_code_check(ORG_BODY))
assert len(ORG_CODE) == 18 and ORG_CODE.startswith("N2")
assert all(ch in USCC_CHARSET for ch in ORG_CODE)

LEDGER = {
    "org": "巴音宝力格嘎查股份经济合作社",
    "org_code": ORG_CODE,
    "currency": "CNY",
    "chart": "standard-2023",
    "start": "2025-01",
}

# ---------------------------------------------------------------------------------------------
# Sub-accounts (明细科目). A parent is listed before its children.
ACCOUNTS = [
    ("10201", "农村信用社基本户", "102"),
    ("10202", "中国农业银行一般户", "102"),
    ("11201", "锡林浩特市草原肉业有限公司", "112"),
    ("11202", "牧户乌力吉", "112"),
    ("11203", "牧户道尔吉", "112"),
    ("11301", "第一小组", "113"),
    ("11302", "第二小组", "113"),
    ("11303", "第三小组", "113"),
    ("15101", "机井", "151"),
    ("15102", "道路", "151"),
    ("15103", "办公用房", "151"),
    ("15104", "机械", "151"),
    ("15301", "机井工程", "153"),
    ("15302", "道路硬化工程", "153"),
    ("21101", "草原建筑工程有限公司", "211"),
    ("21102", "牧丰农牧机械有限公司", "211"),
    ("21103", "代收代付草原生态补奖", "211"),
    ("21104", "应付成员股份分红", "211"),
    ("21105", "预收资源承包费", "211"),
    ("21201", "嘎查干部报酬", "212"),
    # 放牧员 and the seasonal machine operators are temporary workers: 213 应付劳务费 (季节性用工等临时性
    # 工作人员), not 212 应付工资 (管理人员、固定员工), as the cooperative system (财会〔2021〕37号) puts it.
    ("21301", "临时用工劳务费", "213"),
    ("23101", "村民筹资", "231"),
    ("23102", "村民筹劳", "231"),
    ("23103", "社会捐赠", "231"),
    ("23104", "财政奖补", "231"),
    ("24101", "衔接推进乡村振兴补助资金", "241"),
    ("2410101", "机井项目", "24101"),
    ("24102", "草原防火专项资金", "241"),
    # 收益分配's standard split (农村集体经济组织会计制度): what is distributed, what stays, and the
    # corrections of earlier years' errors (以前年度损益调整), which year close carries into 未分配收益.
    ("32201", "各项分配", "322"),
    ("32202", "未分配收益", "322"),
    ("32203", "以前年度损益调整", "322"),
    ("50101", "草场承包费", "501"),
    ("50102", "牲畜销售收入", "501"),
    ("50103", "机械作业收入", "501"),
    ("50104", "房屋水面发包收入", "501"),
    ("50301", "村级组织运转经费", "503"),
    ("50302", "其他补助", "503"),
    ("51101", "牲畜销售成本", "511"),
    ("51102", "机械作业支出", "511"),
    ("5110201", "燃油费", "51102"),
    ("5110202", "机械维修费", "51102"),
    ("5110203", "操作手工资", "51102"),
    ("5110204", "机械折旧费", "51102"),
    ("51103", "种畜折旧费", "511"),
    ("51301", "干部报酬", "513"),
    ("51302", "办公费", "513"),
    ("51303", "差旅费", "513"),
    ("51304", "维修费", "513"),
    ("51305", "折旧费", "513"),
    ("51306", "水电费", "513"),
    ("51307", "会议费", "513"),
    ("51401", "困难户慰问", "514"),
    ("51402", "环境卫生整治", "514"),
    ("51403", "文化体育活动", "514"),
    ("51404", "牲畜防疫消毒", "514"),
    ("51405", "草原防火巡护", "514"),
    ("51406", "公益设施折旧费", "514"),
    ("51501", "牲畜死亡损失", "515"),
    ("51502", "银行手续费", "515"),
]

FUNDS = [
    ("F01", "衔接推进乡村振兴补助资金—机井项目"),
    ("F02", "一事一议财政奖补—道路硬化"),
    ("F03", "村级组织运转经费"),
    ("F04", "草原防火专项资金"),
]

# The grants' terms (document numbers are made up). "accounts" are where each fund's money may be
# charged (CollectiveLedger's FundPurposeViolation); liabilities such as 241 and 212 need no listing.
FUND_TERMS = {
    "F01": {"kind": "衔接推进乡村振兴补助资金", "agency": "旗财政局、旗农牧局", "document": "东财农〔2025〕18号",
            "granted": "600000.00", "purpose": "新建牧区机井4眼并配套光伏提水设备，解决牧户人畜饮水",
            "accounts": ["151", "153"], "project": "巴音宝力格嘎查牧区机井建设项目",
            "valid_from": "2025-04-01", "valid_to": "2025-12-31", "location": "巴音宝力格嘎查第一、二、三小组夏营地",
            "tasks": "新打机井4眼，每眼配套光伏提水设备1套及饮水槽", "standard": "每眼机井补助约14.9万元，按实际结算",
            "implementer": "巴音宝力格嘎查股份经济合作社", "responsible": "巴特尔（嘎查委员会主任）",
            "targets": "解决约120户牧户、2.6万头只牲畜饮水；工程验收合格率100%",
            "beneficiaries": "机井归嘎查集体所有，牧户按小组轮换取水，不收水费；施工优先雇用本嘎查牧户"},
    "F02": {"kind": "一事一议财政奖补资金", "agency": "旗财政局", "document": "东财农〔2025〕26号",
            "granted": "180000.00", "purpose": "嘎查至苏木公路3.2公里道路硬化", "accounts": ["153"],
            "project": "巴音宝力格嘎查道路硬化一事一议项目", "valid_from": "2025-05-01", "valid_to": "2025-12-31",
            "location": "嘎查部至苏木公路", "tasks": "硬化道路3.2公里", "standard": "财政奖补18万元，其余由村民筹资筹劳和社会捐赠",
            "implementer": "巴音宝力格嘎查股份经济合作社", "responsible": "巴特尔（嘎查委员会主任）",
            "targets": "全年通行，雨季不断路", "beneficiaries": "全嘎查牧户出行、运草运畜"},
    "F03": {"kind": "村级组织运转经费", "agency": "苏木财政所", "document": "巴苏财〔2025〕3号",
            "granted": "124000.00", "purpose": "嘎查干部报酬、办公费和水电费", "accounts": ["513"],
            "valid_from": "2025-01-01", "valid_to": "2025-12-31"},
    "F04": {"kind": "草原防火专项资金", "agency": "旗农牧局", "document": "东农牧发〔2025〕41号",
            "granted": "40000.00", "purpose": "购置草原防火设备", "accounts": ["151"],
            "project": "嘎查草原防火设备购置", "valid_from": "2025-05-01", "valid_to": "2025-10-31",
            "implementer": "巴音宝力格嘎查股份经济合作社", "responsible": "额尔敦（嘎查护林防火员）"},
}

COUNTERPARTIES = [
    ("C01", "巴音宝力格苏木财政所"),
    ("C02", "旗农牧局"),
    ("C03", "旗财政局"),
    ("C04", "锡林郭勒盟草原建筑工程有限公司"),
    ("C05", "牧丰农牧机械有限公司"),
    ("C06", "农村信用社巴音宝力格分社"),
    ("C07", "锡林浩特市草原肉业有限公司"),
    ("C08", "旗水利勘测设计院"),
    ("C09", "宏源矿业有限公司"),
    ("C10", "苏木供电所"),
    ("C11", "苏木加油站"),
    ("C12", "兴牧维修部"),
    ("C13", "锡林郭勒绿源牧业专业合作社"),
]

MEMBER_NAMES = [
    "巴特尔", "其其格", "乌力吉", "斯琴", "额尔敦", "巴雅尔", "苏和", "朝鲁", "孟和", "图雅",
    "萨仁高娃", "乌云毕力格", "宝音德力格尔", "达来", "哈斯额尔敦", "那仁满都拉", "阿拉坦仓",
    "格日勒图", "呼和巴特尔", "吉日嘎拉", "敖其尔", "毕力格", "查干夫", "道尔吉", "额日德木图",
    "嘎日迪", "金花", "朝格图", "莫日根", "娜仁花", "斯日古楞", "特木尔巴根", "乌兰图雅", "希日莫",
    "伊德日", "扎那", "王建国", "李桂兰", "巴特尔·额尔敦", "包·那顺",
]
MEMBERS = [("M%03d" % (i + 1), name) for i, name in enumerate(MEMBER_NAMES)]
MEMBER_NAME = dict(MEMBERS)
assert len(set(MEMBER_NAMES)) == len(MEMBER_NAMES)


def group_of(member_code):
    n = int(member_code[1:])
    return 1 if n <= 14 else 2 if n <= 27 else 3


# Household facts drawn once, in member order: persons, contracted household grassland (mu).
HOUSEHOLD = {}
for code, _ in MEMBERS:
    HOUSEHOLD[code] = {"persons": rng.randint(2, 6), "grassland_mu": rng.randint(180, 960) * 10}

# Household details for the members register: the head (the member's name), the household size,
# shares (one per person counted at the shareholding reform; M038 moved in later and holds none)
# and private numbers, all fictional. A separate generator, so that the books above draw exactly
# the same numbers as before the register had details.
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17):
    """GB 11643-1999, ISO 7064 MOD 11-2: the weighted sum of the first 17 digits mod 11 indexes "10X98765432"."""
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


details_rng = random.Random(SEED + 1)
DETAILS = {}
for code, name in MEMBERS:
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=details_rng.randint(0, 365 * 50))
    first17 = "152525" + born.strftime("%Y%m%d") + "%03d" % details_rng.randint(1, 999)
    DETAILS[code] = {
        "head": name, "household_size": HOUSEHOLD[code]["persons"],
        "shares": 0 if code == "M038" else HOUSEHOLD[code]["persons"],
        "id_card": first17 + id_check(first17),
        "bank_account": "62294" + "".join(str(details_rng.randint(0, 9)) for _ in range(14)),
        "phone": "1" + details_rng.choice("3578") + "".join(str(details_rng.randint(0, 9)) for _ in range(9)),
    }
assert id_check("11010519491231002") == "X", "the standard's worked example"

# ---------------------------------------------------------------------------------------------
# Money and dates.


def yuan(n):
    """Whole yuan to fen."""
    return n * 100


def money(fen):
    assert isinstance(fen, int)
    sign = "-" if fen < 0 else ""
    a = abs(fen)
    return "%s%d.%02d" % (sign, a // 100, a % 100)


def d(month, day):
    return datetime.date(YEAR, month, day)


def month_end(month):
    nxt = datetime.date(YEAR + 1, 1, 1) if month == 12 else datetime.date(YEAR, month + 1, 1)
    return nxt - datetime.timedelta(days=1)


def _days(first, last):
    return {first + datetime.timedelta(days=i) for i in range((last - first).days + 1)}


# Public holidays of 2025 (国务院办公厅 2025年部分节假日安排); make-up working weekends are ignored.
HOLIDAYS = (_days(d(1, 1), d(1, 1)) | _days(d(1, 28), d(2, 4)) | _days(d(4, 4), d(4, 6))
            | _days(d(5, 1), d(5, 5)) | _days(d(5, 31), d(6, 2)) | _days(d(10, 1), d(10, 8)))


def workday(date):
    """The first working day from date on; the last one before it if that leaves the month."""
    for step in (1, -1):
        day = date
        while day.weekday() >= 5 or day in HOLIDAYS:
            day += datetime.timedelta(days=step)
        if day.month == date.month:
            return day
    raise AssertionError(date)


def rand_day(month, lo=1, hi=None):
    hi = hi or month_end(month).day
    return workday(d(month, rng.randint(lo, hi)))


def cents(lo_yuan, hi_yuan):
    return rng.randint(lo_yuan * 100, hi_yuan * 100)


def hundreds(lo_yuan, hi_yuan):
    return rng.randint(lo_yuan // 100, hi_yuan // 100) * 10000


# ---------------------------------------------------------------------------------------------
# Vouchers. A line is a dict: account, side ("debit"/"credit"), fen, and optional summary, fund,
# member, counterparty. Vouchers are sorted by (date, prio, seq) inside each file.


class Voucher:
    def __init__(self, date, summary, lines, attachments, kind, prio, seq):
        self.date = date
        self.summary = summary
        self.lines = lines
        self.attachments = attachments
        self.kind = kind
        self.prio = prio
        self.seq = seq
        self.ref = None

    def key(self):
        return (self.date, self.prio, self.seq)


def line(account, side, fen, summary=None, fund=None, member=None, cp=None):
    return {"account": account, "side": side, "fen": fen, "summary": summary, "fund": fund,
            "member": member, "counterparty": cp}


def Dr(account, fen, **kw):
    return line(account, "debit", fen, **kw)


def Cr(account, fen, **kw):
    return line(account, "credit", fen, **kw)


_seq = [0]
NORMAL = []


def post(date, summary, lines, att=1, prio=1, into=NORMAL):
    _seq[0] += 1
    v = Voucher(date, summary, lines, att, "normal", prio, _seq[0])
    into.append(v)
    return v


def simple(date, summary, dr_account, cr_account, fen, att=1, cp=None, dr_kw=None, cr_kw=None):
    """Two-line voucher; a payee counterparty goes on the paying (credit) line."""
    ck = dict(cr_kw or {})
    if cp:
        ck["cp"] = cp
    return post(date, summary, [Dr(dr_account, fen, **(dr_kw or {})), Cr(cr_account, fen, **ck)], att)


# ---------------------------------------------------------------------------------------------
# The asset register (资产登记簿). Assets already in the books on 2025-01-01 come with the months
# and the depreciation accumulated by then, computed here by the same straight-line rule as every
# month of 2025: monthly = (cost - residual) // life (fen, rounded down), depreciation from the
# month after acquisition, the last month of the life taking exactly what is left down to the
# residual value. Fixed assets depreciate into 152, the breeding flock into 133. The demo registers
# every asset from assets.json (taken over from the books, or paid from the bank) and runs
# `assets depreciate` for each month; its vouchers are modelled below, independently.

ASSETS = []


def asset(code, name, category, account, acquired, cost, life, residual, expense, location, fund=None,
          species=None, head=None, paid_from=None, taken_over=True, attachments=None):
    dep = None if category in ("fattening_stock", "shelter_forest") else ("133" if category == "breeding_herd" else "152")
    # Public-welfare assets (roads, wells) named without an expense account depreciate to 公益支出: the
    # program takes 514's only leaf whose name says 折旧, 51406 公益设施折旧费 (财会〔2023〕14号).
    expense_given = expense is not None
    if expense is None and dep is not None:
        assert category in ("road", "well")
        expense = "51406"
    a = {"code": code, "name": name, "category": category, "account": account, "acquired": acquired, "cost": cost,
         "life": life, "residual": residual, "expense": expense, "dep": dep, "location": location, "fund": fund,
         "species": species, "head": head, "paid_from": paid_from, "months": 0, "depreciated": 0, "attachments": attachments,
         "expense_given": expense_given, "registered_cost": cost, "head_now": head, "moved": False}
    if taken_over and acquired < d(1, 1):
        # Months from the month after acquisition to December 2024, each at the monthly amount.
        months = (YEAR - 1 - acquired.year) * 12 + 12 - acquired.month
        assert 0 < months < life
        a["months"] = months
        a["depreciated"] = months * ((cost - residual) // life)
    a["opening_months"], a["opening_depreciation"] = a["months"], a["depreciated"]
    ASSETS.append(a)
    return a


def depreciation_amount(a, month):
    """What asset a depreciates in month (of YEAR); None when it does not depreciate then."""
    left = a["cost"] - a["residual"] - a["depreciated"]
    if a["dep"] is None or (a["acquired"].year, a["acquired"].month) >= (YEAR, month) or a["months"] >= a["life"] or left <= 0:
        return None
    # A herd whose cost moved after registration (young stock matured into it, deaths written off)
    # spreads what is left over the months left (AssetRules.MonthlyAmount).
    monthly = left // (a["life"] - a["months"]) if a["moved"] else (a["cost"] - a["residual"]) // a["life"]
    return left if a["months"] + 1 == a["life"] or monthly > left else monthly


asset("GD-001", "嘎查办公用房", "building", "15103", datetime.date(2014, 12, 18), yuan(360000), 360, yuan(18000), "51305", "嘎查委员会院内")
asset("GD-002", "机井（2018年建，6眼）", "well", "15101", datetime.date(2018, 9, 26), yuan(640000), 240, 0, None, "第一、二小组草场")
asset("GD-003", "嘎查通苏木砂石路（2016年建）", "road", "15102", datetime.date(2016, 10, 31), yuan(1280000), 360, 0, None, "嘎查至苏木")
asset("GD-004", "拖拉机及配套农具", "machinery", "15104", datetime.date(2020, 4, 10), yuan(158000), 120, yuan(7900), "5110204", "嘎查农机库")
asset("GD-005", "割草机、搂草机、打捆机", "machinery", "15104", datetime.date(2022, 6, 15), yuan(87000), 120, yuan(4350), "5110204", "嘎查农机库")
OPENING_DEPRECIATION = sum(a["depreciated"] for a in ASSETS)

# ---------------------------------------------------------------------------------------------
# Opening balances on 2025-01-01.

OPENING_LINES = [
    Dr("101", 835000),
    Dr("10201", 41268035),
    Dr("10202", 8356000),
    Dr("11201", 3800000, summary="2024年11月赊销羯羊款", cp="C07"),
    Dr("11202", 640000, summary="欠缴2024年草场承包费", member="M003"),
    Dr("11301", 800000, summary="垫付第一小组饮水点维修款"),
    Cr("11302", 350000, summary="代管第二小组集体草场收入"),
    Dr("121", 1560000, summary="青干草、饲料"),
    Dr("131", 8640000, summary="育肥羯羊186只"),
    Dr("15101", 64000000),
    Dr("15102", 128000000),
    Dr("15103", 36000000),
    Dr("15104", 24500000),
    Cr("152", OPENING_DEPRECIATION),
    Cr("21101", 4500000, summary="2023年道路工程质保金", cp="C04"),
    Cr("21102", 1280000, summary="2024年水泵配件款", cp="C05"),
    Cr("21201", 960000, summary="2024年12月干部报酬"),
    Cr("301", 82000000),
    Cr("32202", 2631850, summary="年初未分配收益"),
]
_od = sum(l["fen"] for l in OPENING_LINES if l["side"] == "debit")
_oc = sum(l["fen"] for l in OPENING_LINES if l["side"] == "credit")
assert _od - _oc > 0
# 公积公益金 closes the opening voucher: what the collective owns beyond capital and undistributed surplus.
OPENING_LINES.insert(len(OPENING_LINES) - 1, Cr("311", _od - _oc))
OPENING = Voucher(d(1, 1), "2025年期初余额", OPENING_LINES, 1, "opening", 0, 0)

# ---------------------------------------------------------------------------------------------
# The year's story. Each block adds its vouchers; the order of blocks fixes the random draws.

# Monthly routine: cadre pay accrued at month end and paid on the 10th of the next month; bank
# fees; electricity. (Depreciation is posted by the asset register, below.)
CADRE_MONTHLY = yuan(9600)  # 嘎查达 3200, 书记 3000 (兼任补贴), 会计 1800, 委员 2 x 800

for m in range(1, 13):
    # Pay last month's cadre allowances (F03 tag decided later, see running-cost fund block).
    post(workday(d(m, 10)), "发放%d年%d月嘎查干部报酬" % (YEAR - 1 if m == 1 else YEAR, 12 if m == 1 else m - 1),
         [Dr("21201", CADRE_MONTHLY), Cr("10201", CADRE_MONTHLY)], att=2)
    post(month_end(m), "计提%d月嘎查干部报酬" % m,
         [Dr("51301", CADRE_MONTHLY), Cr("21201", CADRE_MONTHLY)], att=1)
    fee = cents(8, 46)
    simple(workday(month_end(m)), "信用社%d月账户管理费及转账手续费" % m, "51502", "10201", fee, cp="C06")
    winter = m in (1, 2, 3, 11, 12)
    elec = cents(1400, 2300) if winter else cents(600, 1300)
    simple(rand_day(m, 3, 9), "缴纳%d月嘎查办公室及机井用电电费" % m, "51306", "10201", elec, att=1, cp="C10")
    simple(rand_day(m, 12, 16), "缴纳%d月办公室宽带及电话费" % m, "51302", "10201", yuan(120), att=1)

# Quarterly bank interest on both accounts.
for m in (3, 6, 9, 12):
    a, b = cents(180, 320), cents(30, 75)
    post(workday(d(m, 21)), "收到第%d季度存款利息" % (m // 3),
         [Dr("10201", a, cp="C06"), Dr("10202", b), Cr("504", a + b, summary="存款利息")], att=2)

# Office supplies, travel and meetings (cash or bank).
OFFICE_ITEMS = ["购买A4打印纸、墨盒", "购买办公桌椅", "购买档案盒、凭证封皮", "打印村务公开栏资料",
                "购买打印机硒鼓", "购买取暖用煤", "订阅《内蒙古日报》等报刊", "购买党建活动宣传板",
                "维护村务公开栏", "购买饮用水及茶叶", "复印、装订会计档案", "购买电脑配件"]
TRAVEL_ITEMS = ["赴旗里参加农牧局项目培训", "赴苏木报送月度报表", "赴盟里参加集体经济培训",
                "赴旗财政局办理项目资金手续", "赴旗里参加草原防火会议", "赴苏木参加经管站年审",
                "赴旗里办理机井项目验收手续", "嘎查达赴苏木开会"]
for m in range(1, 13):
    for _ in range(rng.randint(3, 4)):
        item = rng.choice(OFFICE_ITEMS)
        if item == "购买取暖用煤" and m not in (1, 2, 10, 11, 12):
            item = "购买A4打印纸、墨盒"
        amt = hundreds(300, 3600) + rng.choice([0, 0, 5000])
        if amt <= yuan(800):
            simple(rand_day(m), item, "51302", "101", amt, att=rng.randint(1, 3))
        else:
            simple(rand_day(m), item, "51302", "10201", amt, att=rng.randint(1, 3))
    for _ in range(rng.randint(2, 3)):
        item = rng.choice(TRAVEL_ITEMS)
        amt = rng.randint(18, 240) * 1000
        simple(rand_day(m), "报销" + item + "差旅费", "51303", "101", amt, att=rng.randint(2, 5),
               dr_kw={"summary": "车费、住宿费、伙食补助"})
for m in (1, 4, 7, 12):
    label = {1: "年度成员代表大会", 4: "一事一议成员代表会议", 7: "机井项目村民议事会", 12: "年终财务公开民主评议会"}[m]
    simple(rand_day(m, 5, 25), "召开%s茶水、资料费" % label, "51307", "101", hundreds(800, 2600), att=3)

# Livestock: the 2024 wethers are sold in January and March, a snowstorm kills six, new lambs are
# bought from members in May and June, fattened on summer pasture and sold in the autumn.
herd = {"heads": 186, "cost": 8640000}
hay_stock = {"cost": 1560000}


def feed(date, amount, text):
    assert amount <= hay_stock["cost"]
    hay_stock["cost"] -= amount
    herd["cost"] += amount
    post(date, text, [Dr("131", amount), Cr("121", amount)], att=1)


def cost_out(date, heads, text, debit_account="51101"):
    cost = herd["cost"] * heads // herd["heads"]
    herd["cost"] -= cost
    herd["heads"] -= heads
    post(date, text, [Dr(debit_account, cost, summary="%d只" % heads), Cr("131", cost, summary="%d只" % heads)], att=1)


feed(month_end(1), 420000, "结转1月育肥羊耗用饲草料")
amount = 120 * yuan(1080)
post(workday(d(1, 15)), "销售育肥羯羊120只", [Dr("10201", amount, cp="C07"), Cr("50102", amount, cp="C07", summary="120只×1080元")], att=3)
cost_out(month_end(1), 120, "结转1月羯羊销售成本")
feed(month_end(2), 380000, "结转2月育肥羊耗用饲草料")
cost_out(workday(d(3, 6)), 6, "3月初白灾死亡羯羊6只，经嘎查两委确认核销", "51501")
amount = 60 * yuan(1020)
post(workday(d(3, 18)), "销售育肥羯羊60只", [Dr("10201", amount, cp="C07"), Cr("50102", amount, cp="C07", summary="60只×1020元")], att=3)
feed(month_end(3), 310000, "结转3月育肥羊耗用饲草料")
cost_out(month_end(3), 60, "结转3月羯羊销售成本")
assert herd["heads"] == 0
lamb_sellers = ["M005", "M012", "M019", "M031", "M036"]
for i, mem in enumerate(lamb_sellers):
    heads = rng.randint(50, 62)
    price = rng.choice([500, 510, 520, 530])
    amount = heads * yuan(price)
    herd["heads"] += heads
    herd["cost"] += amount
    post(rand_day(5 if i < 3 else 6, 5, 25), "从%s户购入育肥羔羊%d只" % (MEMBER_NAME[mem], heads),
         [Dr("131", amount, member=mem, summary="%d只×%d元" % (heads, price)), Cr("10201", amount)], att=2)
SHEPHERD = yuan(3500)


def shepherd(m):
    """The hired shepherd of the collective flock, a temporary worker (213 应付劳务费): the pay is part of the flock's cost (131)."""
    herd["cost"] += SHEPHERD
    post(month_end(m), "计提%d月集体羊群放牧员劳务费" % m, [Dr("131", SHEPHERD, summary="放牧员1人"), Cr("21301", SHEPHERD)], att=1)
    if m < 12:
        post(workday(d(m + 1, 5)), "发放%d月集体羊群放牧员劳务费" % m, [Dr("21301", SHEPHERD), Cr("10201", SHEPHERD)], att=2)


for m in (6, 7, 8, 9):
    shepherd(m)
hay = 160 * yuan(180)
hay_stock["cost"] += hay
post(workday(d(8, 28)), "从孟和户购入冬春储备青干草160吨",
     [Dr("121", hay, member="M009", summary="160吨×180元"), Cr("10201", hay)], att=3)
# Autumn sales.
sales = [(d(10, 13), 80, 1150, "bank"), (d(11, 5), 90, 1120, "credit"), (d(11, 25), 60, 1100, "bank")]
for date, heads, price, how in sales:
    amount = heads * yuan(price)
    debit = Dr("10201", amount, cp="C07") if how == "bank" else Dr("11201", amount, cp="C07", summary="赊销，约定12月付款")
    post(workday(date), "销售育肥羯羊%d只" % heads, [debit, Cr("50102", amount, cp="C07", summary="%d只×%d元" % (heads, price))], att=3)
feed(month_end(10), 520000, "结转10月育肥羊补饲草料")
shepherd(10)
cost_out(month_end(10), 80, "结转10月羯羊销售成本")
feed(month_end(11), 760000, "结转11月育肥羊补饲草料")
shepherd(11)
cost_out(month_end(11), 150, "结转11月羯羊销售成本")
feed(month_end(12), 480000, "结转12月留存羊只补饲草料")
shepherd(12)
assert herd["heads"] > 0 and herd["cost"] > 0
simple(workday(d(1, 9)), "收回草原肉业公司2024年羯羊欠款", "10201", "11201", 3800000, att=2,
       dr_kw={"cp": "C07"}, cr_kw={"cp": "C07"})
simple(workday(d(12, 19)), "收回草原肉业公司11月赊销羯羊部分货款", "10201", "11201", yuan(60000), att=2,
       dr_kw={"cp": "C07"}, cr_kw={"cp": "C07"})

# Grassland contract fees (草场承包费) for the collective reserve pasture, 4.50 yuan per mu.
RATE_FEN = 450
lessees = [code for code, _ in MEMBERS if code != "M024"]
rng.shuffle(lessees)
lessees = sorted(lessees[:35] + ["M024"])
for mem in lessees:
    area = rng.randint(8, 48) * 50
    fee = area * RATE_FEN
    name = MEMBER_NAME[mem]
    if mem == "M024":
        # 道尔吉 does not pay this year: the fee is accrued as a receivable in December.
        post(workday(d(12, 22)), "确认道尔吉户2025年草场承包费（未缴）",
             [Dr("11203", fee, member=mem), Cr("50101", fee, member=mem, summary="%s %d亩×4.50元" % (name, area))], att=1)
        continue
    month = rng.choice([3, 3, 4, 4, 4, 5])
    cash = rng.randint(1, 10) <= 3
    debit_account = "101" if cash else "10201"
    if rng.randint(1, 10) <= 3:
        first = fee // 2
        post(rand_day(month), "收取%s户2025年草场承包费（首期）" % name,
             [Dr(debit_account, first), Cr("50101", first, member=mem, summary="%s %d亩 首期50%%" % (name, area))], att=1)
        post(rand_day(rng.choice([9, 10]), 5, 28), "收取%s户2025年草场承包费（尾款）" % name,
             [Dr("10201", fee - first), Cr("50101", fee - first, member=mem, summary="%s %d亩 尾款" % (name, area))], att=1)
    else:
        post(rand_day(month), "收取%s户2025年草场承包费" % name,
             [Dr(debit_account, fee), Cr("50101", fee, member=mem, summary="%s %d亩×4.50元" % (name, area))], att=1)
post(workday(d(4, 8)), "收回乌力吉户欠缴2024年草场承包费",
     [Dr("10201", 640000), Cr("11202", 640000, member="M003")], att=1)

# Machinery services (mowing, raking and baling; hauling hay) for members, summer and autumn.
served = [code for code, _ in MEMBERS]
rng.shuffle(served)
for mem in served[:34]:
    mu = rng.randint(8, 50) * 10
    amount = mu * yuan(12)
    day = workday(datetime.date(YEAR, 7, 20) + datetime.timedelta(days=rng.randint(0, 56)))
    debit_account = "101" if rng.randint(1, 10) <= 5 else "10201"
    post(day, "为%s户打草搂草打捆%d亩" % (MEMBER_NAME[mem], mu),
         [Dr(debit_account, amount), Cr("50103", amount, member=mem, summary="%d亩×12元" % mu)], att=1)
for mem in sorted(served[14:32]):
    trips = rng.randint(3, 10)
    amount = trips * yuan(180)
    post(rand_day(rng.choice([10, 11])), "为%s户拉运饲草%d车" % (MEMBER_NAME[mem], trips),
         [Dr("101", amount), Cr("50103", amount, member=mem, summary="%d车×180元" % trips)], att=1)
# Spring: hauling manure out of the pens; winter: clearing snow from pasture tracks and pens.
spring = [code for code, _ in MEMBERS]
rng.shuffle(spring)
for mem in spring[:16]:
    trips = rng.randint(4, 14)
    amount = trips * yuan(150)
    post(rand_day(rng.choice([4, 5])), "为%s户清运棚圈粪肥%d车" % (MEMBER_NAME[mem], trips),
         [Dr(rng.choice(["101", "101", "10201"]), amount), Cr("50103", amount, member=mem, summary="%d车×150元" % trips)], att=1)
for mem in spring[16:30]:
    hours = rng.randint(3, 12)
    amount = hours * yuan(220)
    post(rand_day(rng.choice([1, 2, 2, 12])), "为%s户清理棚圈及牧道积雪%d小时" % (MEMBER_NAME[mem], hours),
         [Dr("101", amount), Cr("50103", amount, member=mem, summary="装载机%d小时×220元" % hours)], att=1)
for date in (d(1, 6), d(2, 10), d(4, 22), d(5, 19), d(12, 8)):
    amount = cents(2600, 5400)
    post(workday(date), "购买装载机、拖拉机用柴油", [Dr("5110201", amount, summary="柴油"), Cr("10201", amount, cp="C11")], att=2)
# Grassland fire patrols in the spring and autumn fire seasons, paid in cash at month end.
for m in (3, 4, 5, 9, 10, 11):
    amount = yuan(rng.choice([2400, 3000, 3600]))
    post(workday(month_end(m)), "支付%d月草原防火巡护人员补贴" % m,
         [Dr("51405", amount, summary="巡护员%d人×600元" % (amount // yuan(600))), Cr("101", amount)], att=2)

post(workday(d(7, 8)), "打草机、搂草机作业前检修及更换刀片",
     [Dr("5110202", yuan(6850)), Cr("10201", yuan(6850), cp="C05")], att=3)
for date in (d(7, 21), d(8, 6), d(8, 22), d(9, 8), d(10, 20)):
    amount = cents(5200, 11800)
    post(workday(date), "购买农机作业用柴油", [Dr("5110201", amount, summary="柴油"), Cr("10201", amount, cp="C11")], att=2)
for m in (7, 8, 9):
    post(month_end(m), "计提%d月农机操作手临时用工劳务费" % m,
         [Dr("5110203", yuan(9000), summary="操作手2人×4500元"), Cr("21301", yuan(9000))], att=1)
    pay_day = workday(d(m + 1, 5))
    post(pay_day, "发放%d月农机操作手劳务费" % m, [Dr("21301", yuan(9000)), Cr("10201", yuan(9000))], att=2)
post(workday(d(9, 24)), "打捆机链条断裂维修", [Dr("5110202", yuan(2380)), Cr("101", yuan(2380), cp="C12")], att=2)

# Repairs. The June duplicate (ref 2025-06-0099) repeats the pump repair of June 12.
PUMP_REPAIR = yuan(4800)
ROOF_REPAIR = yuan(2350)
post(workday(d(2, 17)), "偿还牧丰公司2024年水泵配件款", [Dr("21102", 1280000, cp="C05"), Cr("10201", 1280000)], att=2)
for date, text, amount, cp in [
    (d(3, 12), "三号机井潜水泵电机维修", yuan(3260), "C05"),
    (d(5, 14), "嘎查办公室门窗维修", yuan(1880), "C12"),
    (d(6, 12), "支付机井水泵维修费", PUMP_REPAIR, "C05"),
    (d(8, 13), "五号机井管道更换", yuan(5640), "C05"),
    (d(10, 16), "办公室暖气管道检修", yuan(2150), "C12"),
    (d(11, 12), "机井井房保温维修", yuan(3980), "C12"),
]:
    post(workday(date), text, [Dr("51304", amount, summary=text), Cr("10201", amount, cp=cp)], att=2)
ERRONEOUS = post(d(6, 18), "支付机井水泵维修费",
                 [Dr("51304", PUMP_REPAIR, summary="支付机井水泵维修费"), Cr("10201", PUMP_REPAIR, cp="C05")], att=2)

# Two hand-typed summaries with half-width punctuation, so that the CSV files need RFC 4180 quoting.
for date in (d(5, 9), d(11, 7)):
    simple(workday(date), '购买"两委"工作手册, 会议记录本', "51302", "101", yuan(386), att=1,
           dr_kw={"summary": '工作手册20本, "民主理财"记录本10本'})

# Internal accounts with the three herding groups (内部往来).
simple(workday(d(3, 20)), "第一小组归还垫付的饮水点维修款", "10201", "11301", 800000, att=1)
simple(workday(d(6, 9)), "垫付第三小组牲畜防疫药品款", "11303", "10201", yuan(6000), att=2)
simple(workday(d(11, 20)), "第三小组归还垫付的防疫药品款", "10201", "11303", yuan(4500), att=1)
simple(workday(d(12, 15)), "付第二小组代管集体草场收入", "11302", "10201", 350000, att=1)

# Public welfare.
needy = ["M011", "M027", "M030", "M038", "M021", "M040"]
lines = [Dr("51401", yuan(600), member=m, summary="%s 春节慰问金" % MEMBER_NAME[m]) for m in needy]
post(workday(d(1, 22)), "春节走访慰问困难户、五保户", lines + [Cr("101", yuan(600) * len(needy))], att=2)
post(workday(d(4, 16)), "春季牲畜口蹄疫防疫消毒药品", [Dr("51404", yuan(3480)), Cr("10201", yuan(3480))], att=2)
post(workday(d(5, 20)), "春季嘎查环境卫生整治雇工费", [Dr("51402", yuan(3600)), Cr("101", yuan(3600))], att=3)
post(workday(d(7, 15)), "举办嘎查那达慕大会场地及奖品费用",
     [Dr("51403", yuan(16800), summary="场地搭建、奖品"), Cr("10201", yuan(16800))], att=5)
post(workday(d(7, 16)), "那达慕搏克、赛马现金奖励", [Dr("51403", yuan(6000), summary="搏克、赛马、射箭奖金"), Cr("101", yuan(6000))], att=4)
post(workday(d(10, 10)), "秋季牲畜布病防疫消毒药品", [Dr("51404", yuan(4260)), Cr("10201", yuan(4260))], att=2)
coal = [Dr("51401", yuan(1400), member=m, summary="%s 冬季取暖煤2吨" % MEMBER_NAME[m]) for m in needy]
post(workday(d(12, 5)), "为困难户购买冬季取暖用煤", coal + [Cr("10201", yuan(1400) * len(needy))], att=3)

# Grassland ecological protection subsidy, passed through to households (never income).
eco = [(m, HOUSEHOLD[m]["grassland_mu"] * 250) for m, _ in MEMBERS]
eco_total = sum(a for _, a in eco)
post(workday(d(7, 8)), "收到2025年草畜平衡奖励资金（代发）",
     [Dr("10201", eco_total), Cr("21103", eco_total, cp="C01")], att=2)
post(workday(d(7, 11)), "代发2025年草畜平衡奖励资金",
     [Dr("21103", a, member=m, summary="%s %d亩×2.50元" % (MEMBER_NAME[m], HOUSEHOLD[m]["grassland_mu"]))
      for m, a in eco] + [Cr("10201", eco_total, summary="批量代发")], att=3)

# Other subsidy.
post(workday(d(11, 18)), "收到旗级集体经济发展奖励资金", [Dr("10201", yuan(20000), cp="C03"), Cr("50302", yuan(20000), cp="C03")], att=2)

# Earmarked fund F01: the well project (4 new wells with solar pumps). Receipt Dr 102 / Cr 241,
# spending Dr 153 / Cr 102, asset formed Dr 151 / Cr 153 and Dr 241 / Cr 311.
F01 = "F01"
post(workday(d(4, 18)), "收到衔接推进乡村振兴补助资金（机井项目第一批）",
     [Dr("10202", yuan(360000), fund=F01, cp="C02"), Cr("2410101", yuan(360000), fund=F01, cp="C02")], att=2)
WELL_CONTRACT = yuan(586400)
well_advance = WELL_CONTRACT * 30 // 100
well_progress = WELL_CONTRACT * 40 // 100
well_retention = WELL_CONTRACT * 5 // 100
well_final_cash = WELL_CONTRACT - well_advance - well_progress - well_retention
post(workday(d(5, 22)), "支付机井工程预付款（合同价30%）",
     [Dr("15301", well_advance, fund=F01), Cr("10202", well_advance, fund=F01, cp="C04")], att=3)
post(workday(d(6, 3)), "支付机井工程勘测设计及监理费",
     [Dr("15301", yuan(9800), fund=F01), Cr("10202", yuan(9800), fund=F01, cp="C08")], att=3)
post(workday(d(7, 9)), "收到衔接推进乡村振兴补助资金（机井项目第二批）",
     [Dr("10202", yuan(240000), fund=F01, cp="C02"), Cr("2410101", yuan(240000), fund=F01, cp="C02")], att=2)
post(workday(d(7, 18)), "支付机井工程进度款（合同价40%）",
     [Dr("15301", well_progress, fund=F01), Cr("10202", well_progress, fund=F01, cp="C04")], att=3)
post(workday(d(8, 26)), "机井工程竣工验收，支付至合同价95%，留5%质保金",
     [Dr("15301", WELL_CONTRACT - well_advance - well_progress, fund=F01),
      Cr("10202", well_final_cash, fund=F01, cp="C04"),
      Cr("21101", well_retention, fund=F01, cp="C04", summary="质保金，质保期一年")], att=5)
well_total = WELL_CONTRACT + yuan(9800)
post(workday(d(8, 29)), "机井工程交付使用，转入固定资产",
     [Dr("15101", well_total, summary="新建机井4眼（含光伏提水设备）"), Cr("15301", well_total)], att=2)
post(workday(d(8, 29)), "机井项目形成集体资产，专项应付款转入公积公益金",
     [Dr("2410101", well_total, fund=F01), Cr("311", well_total, fund=F01)], att=1)

# F04: grassland fire prevention equipment.
F04 = "F04"
post(workday(d(5, 8)), "收到草原防火专项资金", [Dr("10202", yuan(40000), fund=F04, cp="C02"), Cr("24102", yuan(40000), fund=F04, cp="C02")], att=2)
post(workday(d(6, 25)), "购置风力灭火机、巡护摩托车等草原防火设备",
     [Dr("15104", yuan(37600), fund=F04, summary="风力灭火机10台、巡护摩托车2辆"), Cr("10202", yuan(37600), fund=F04, cp="C05")], att=4)
post(month_end(6), "草原防火设备形成集体资产，专项应付款转入公积公益金",
     [Dr("24102", yuan(37600), fund=F04), Cr("311", yuan(37600), fund=F04)], att=1)

# F02 and 231: the one-matter-one-discussion road (3.2 km hardened road to the sumu highway).
F02 = "F02"
chou_zi = {}
for g in (1, 2, 3):
    mems = [m for m, _ in MEMBERS if group_of(m) == g]
    lines = []
    for m in mems:
        amt = HOUSEHOLD[m]["persons"] * yuan(20)
        chou_zi[m] = amt
        lines.append(Cr("23101", amt, member=m, summary="%s %d人×20元" % (MEMBER_NAME[m], HOUSEHOLD[m]["persons"])))
    total = sum(l["fen"] for l in lines)
    post(workday(d(4, 24 + g)), "收取第%s小组一事一议道路硬化筹资款" % "一二三"[g - 1],
         [Dr("101", total)] + lines, att=2)
chou_zi_total = sum(chou_zi.values())
post(workday(d(5, 12)), "收到宏源矿业公司捐赠道路硬化款", [Dr("10201", yuan(50000), cp="C09"), Cr("23103", yuan(50000), cp="C09")], att=2)
post(workday(d(6, 6)), "收到一事一议财政奖补资金（道路硬化）",
     [Dr("10202", yuan(180000), fund=F02, cp="C03"), Cr("23104", yuan(180000), fund=F02, cp="C03")], att=2)
post(workday(d(6, 16)), "支付道路硬化工程预付款",
     [Dr("15302", yuan(90000), fund=F02), Cr("10202", yuan(90000), fund=F02, cp="C04")], att=3)
LABOUR = 96 * yuan(120)
post(workday(d(7, 25)), "村民投工投劳折资（96个工日）",
     [Dr("15302", LABOUR, summary="路基平整、排水沟清理"), Cr("23102", LABOUR, summary="96工日×120元")], att=2)
post(workday(d(8, 20)), "支付道路硬化工程进度款",
     [Dr("15302", yuan(90000), fund=F02, summary="财政奖补资金支付"), Dr("15302", yuan(40000), summary="捐赠及自筹资金支付"),
      Cr("10202", yuan(90000), fund=F02, cp="C04"), Cr("10201", yuan(40000), cp="C04")], att=3)
ROAD_CONTRACT = yuan(236800)
road_retention = ROAD_CONTRACT * 5 // 100
road_rest = ROAD_CONTRACT - yuan(180000) - yuan(40000)
post(workday(d(10, 14)), "道路硬化工程竣工验收，支付结算款，留5%质保金",
     [Dr("15302", road_rest), Cr("10201", road_rest - road_retention, cp="C04"),
      Cr("21101", road_retention, cp="C04", summary="质保金，质保期一年")], att=5)
road_total = ROAD_CONTRACT + LABOUR
post(workday(d(10, 21)), "道路硬化工程交付使用，转入固定资产",
     [Dr("15102", road_total, summary="硬化道路3.2公里"), Cr("15302", road_total)], att=2)
post(workday(d(10, 21)), "一事一议道路项目形成集体资产，转入公积公益金",
     [Dr("23101", chou_zi_total), Dr("23102", LABOUR), Dr("23103", yuan(50000)), Dr("23104", yuan(180000), fund=F02),
      Cr("311", yuan(180000), fund=F02, summary="财政奖补形成"),
      Cr("311", chou_zi_total + LABOUR + yuan(50000), summary="筹资筹劳及捐赠形成")], att=2)
simple(workday(d(1, 20)), "支付2023年道路工程质保金", "21101", "10201", 4500000, att=2,
       dr_kw={"cp": "C04"}, cr_kw={"cp": "C04"})

# F03: running-cost subsidy, received as income (503) and spent on cadre pay and office costs.
F03 = "F03"
post(workday(d(3, 27)), "收到2025年上半年村级组织运转经费",
     [Dr("10201", yuan(62000), fund=F03, cp="C01"), Cr("50301", yuan(62000), fund=F03, cp="C01")], att=2)
post(workday(d(9, 26)), "收到2025年下半年村级组织运转经费",
     [Dr("10201", yuan(62000), fund=F03, cp="C01"), Cr("50301", yuan(62000), fund=F03, cp="C01")], att=2)

# ---------------------------------------------------------------------------------------------
# Tag running-cost spending with F03 while the fund has money: cadre pay and bank-paid office,
# electricity and telephone costs, in date order.
NORMAL.sort(key=Voucher.key)
f03_left = 0
for v in NORMAL:
    accounts = [l["account"] for l in v.lines]
    if v.lines[1]["account"] == "50301" and v.lines[1]["fund"] == F03:
        f03_left += v.lines[1]["fen"]
        continue
    spend = accounts in (["21201", "10201"], ["51302", "10201"], ["51306", "10201"])
    if spend and v is not ERRONEOUS and v.lines[0]["fen"] <= f03_left:
        f03_left -= v.lines[0]["fen"]
        for l in v.lines:
            l["fund"] = F03
        v.summary += "（运转经费列支）"
assert f03_left >= 0

# ---------------------------------------------------------------------------------------------
# Cash management: withdraw petty cash (at least 5000 yuan) from the credit union on the morning
# of a day whose cash payments would drain the till, and bank the till down to 2000 yuan at the
# end of a day when it holds more than 10000 yuan (cash receipts are banked, not spent: 不得坐支).


def day_flows(vouchers, account):
    flows = {}
    for v in vouchers:
        for l in v.lines:
            if l["account"] == account:
                f = flows.setdefault(v.date, [0, 0])
                f[0 if l["side"] == "debit" else 1] += l["fen"]
    return flows


cash = sum(l["fen"] if l["side"] == "debit" else -l["fen"] for l in OPENING.lines if l["account"] == "101")
flows = day_flows(NORMAL, "101")
added = []
date = d(1, 1)
while date.year == YEAR:
    inflow, outflow = flows.get(date, (0, 0))
    if outflow and cash - outflow < yuan(1000):
        need = outflow - cash + yuan(3000)
        amount = max(yuan(5000), -(-need // yuan(1000)) * yuan(1000))
        post(date, "从信用社基本户提取备用金", [Dr("101", amount), Cr("10201", amount, cp="C06")], att=1, prio=0, into=added)
        cash += amount
    cash += inflow - outflow
    if cash > yuan(10000):
        amount = (cash - yuan(2000)) // yuan(100) * yuan(100)
        post(date, "将库存现金存入信用社基本户", [Dr("10201", amount, cp="C06"), Cr("101", amount)], att=1, prio=2, into=added)
        cash -= amount
    date += datetime.timedelta(days=1)
NORMAL.extend(added)
NORMAL.sort(key=Voucher.key)

# ---------------------------------------------------------------------------------------------
# Files, refs, the reversal and the correction.

QUARTERS = {1: "vouchers-2025-q1.json", 2: "vouchers-2025-q2.csv", 3: "vouchers-2025-q3.jsonl",
            4: "vouchers-2025-q4-gb18030.csv"}
by_file = {q: [v for v in NORMAL if (v.date.month - 1) // 3 + 1 == q] for q in QUARTERS}

# Refs equal the voucher numbers the program assigns (per month, in posting order), except the
# erroneous voucher's, which is fixed at 2025-06-0099. January starts at 2: the opening voucher,
# imported first, is 记-0001.
OPENING.ref = "2025-01-0001"
counter = {m: 0 for m in range(1, 13)}
counter[1] = 1
NUMBER = {}
for q in (1, 2, 3, 4):
    for v in by_file[q]:
        counter[v.date.month] += 1
        NUMBER[id(v)] = counter[v.date.month]
        v.ref = "%d-%02d-%04d" % (YEAR, v.date.month, counter[v.date.month])
ERRONEOUS.ref = "2025-06-0099"
assert counter[6] + 2 < 99, "June must stay below the fixed refs 0099/0100"
ERRONEOUS_NUMBER = NUMBER[id(ERRONEOUS)]

REVERSAL_DATE = d(6, 20)
REVERSAL_REASON = "重复记账，红字冲销"
REVERSAL = Voucher(REVERSAL_DATE, "冲销 2025年06月 记-%04d号" % ERRONEOUS_NUMBER,
                   [dict(l, fen=-l["fen"]) for l in ERRONEOUS.lines], 0, "normal", 9, 10 ** 6)
CORRECTION = Voucher(REVERSAL_DATE, "支付办公用房屋顶维修费（更正6月18日误记凭证）",
                     [Dr("51304", ROOF_REPAIR, summary="办公用房屋顶防水维修"), Cr("10201", ROOF_REPAIR, cp="C12")],
                     2, "normal", 9, 10 ** 6 + 1)
CORRECTION.ref = "2025-06-0100"

# An error of 2025 found in 2026, after the year closed: a travel claim paid 300.00 too much, which
# the cadre pays back. A closed year's statements stay as they were, so it is not reversed in red ink
# (refused across years, 会计基础工作规范 §51) but corrected by a blue-ink voucher of 2026 through
# 以前年度损益调整 (32203), not through 2026's 管理费用. The demo imports it after year close.
_overpaid = next(v for q in (1, 2, 3, 4) for v in by_file[q] if v.lines[0]["account"] == "51303" and v.lines[0]["fen"] > yuan(300))
PRIOR_YEAR_CORRECTION = Voucher(datetime.date(YEAR + 1, 2, 10), "收回%d年多报销差旅费（原%d年%d月记-%04d，以前年度损益调整）"
                                % (YEAR, YEAR, _overpaid.date.month, NUMBER[id(_overpaid)]),
                                [Dr("101", yuan(300), summary="退回多报销款"), Cr("32203", yuan(300), summary="调整%d年差旅费" % YEAR)],
                                1, "normal", 9, 3 * 10 ** 6)
PRIOR_YEAR_CORRECTION.ref = "%d-02-0001" % (YEAR + 1)

# ---------------------------------------------------------------------------------------------
# December's vouchers that go through approval (制单 → 审核 → 审批) instead of import: an office
# purchase the finance lead approves alone, a repair sent back once for its acceptance form, and a
# fence repair above the committees' limit that needs a villagers' representative meeting
# resolution. The demo runs approval-steps.json; the people and limits are in settings.json.
PREPARER, REVIEWER, CHAIR, SUPERVISOR = "乌云其其格", "苏和", "巴特尔", "额尔敦"
CASHIER = "萨仁"
APPROVED = [
    Voucher(d(12, 5), "购买打印纸、墨盒等办公用品", [Dr("51302", yuan(860)), Cr("10201", yuan(860))], 2, "normal", 9, 2 * 10 ** 6),
    Voucher(d(12, 8), "机井水泵维修配件及人工费", [Dr("51304", yuan(6800), summary="3号机井水泵维修"), Cr("10201", yuan(6800), cp="C12")],
            3, "normal", 9, 2 * 10 ** 6 + 1),
    Voucher(d(12, 15), "嘎查集体草场围栏修缮工程款", [Dr("51304", yuan(24000), summary="围栏修缮2.4公里"), Cr("10201", yuan(24000), cp="C04")],
            4, "normal", 9, 2 * 10 ** 6 + 2),
]
for i, v in enumerate(APPROVED, 1):
    v.ref = "2025-12-A%02d" % i
APPROVAL_RESOLUTION = "巴音宝力格嘎查村民代表会议决议〔2025〕第7号"
APPROVAL_STEPS = [
    (PREPARER, ["vouchers", "draft", "approvals.json"]),
    (PREPARER, ["vouchers", "submit", "1"]), (REVIEWER, ["vouchers", "review", "1"]), (CHAIR, ["vouchers", "approve", "1"]),
    (PREPARER, ["vouchers", "submit", "2"]), (REVIEWER, ["vouchers", "reject", "2", "--reason", "缺少维修验收单，请补附件后重新提交"]),
    (PREPARER, ["vouchers", "draft", "approvals-revised.json"]),
    (PREPARER, ["vouchers", "submit", "2"]), (REVIEWER, ["vouchers", "review", "2"]),
    (CHAIR, ["vouchers", "approve", "2"]), (SUPERVISOR, ["vouchers", "approve", "2"]),
    (PREPARER, ["vouchers", "submit", "3"]), (REVIEWER, ["vouchers", "review", "3"]), (SUPERVISOR, ["vouchers", "approve", "3"]),
    (CHAIR, ["vouchers", "approve", "3", "--resolution", APPROVAL_RESOLUTION]),
]

# ---------------------------------------------------------------------------------------------
# The assets of 2025, registered by the demo after December's approvals and before the months
# close: the fire-fighting equipment (F04), the new wells (F01) and the road (F02, 一事一议) are
# already in 151 through the files' vouchers, so they are taken over from the books; the breeding
# flock is bought through the register (`--paid-from 10201`), whose voucher comes after April's
# imported ones. Then `assets depreciate` runs for each month: one voucher per month, after all
# of that month's other vouchers, debiting each expense account and crediting 152 / 133.

asset("GD-006", "风力灭火机、巡护摩托车", "equipment", "15104", workday(d(6, 25)), yuan(37600), 60, yuan(1880), "51405", "嘎查防火站", fund=F04)
asset("GD-007", "新建机井4眼（含光伏提水设备）", "well", "15101", workday(d(8, 29)), well_total, 240, 0, None, "第三小组草场", fund=F01)
asset("GD-008", "硬化道路3.2公里", "road", "15102", workday(d(10, 21)), road_total, 360, 0, None, "嘎查至苏木公路", fund=F02)
BREEDING = asset("SC-001", "基础母羊群（乌珠穆沁羊）", "breeding_herd", "132", workday(d(4, 16)), 60 * yuan(1150) + 3 * yuan(2600), 60,
                 yuan(7680), "51103", "第二小组冬营盘", species="sheep", head=63, paid_from="10201",
                 attachments=3)  # the invoice, the quarantine certificates (检疫证明), the acceptance form
# The collective's fattening flock (131), kept by vouchers through the year, is taken into the
# register at its year-end cost and head, so that the register holds all of 131 before the young
# stock are registered on it: from then on 131 moves only through the register.
FATTENING = asset("FL-001", "集体育肥羊群", "fattening_stock", "131", d(12, 31), herd["cost"], 0, 0, None, "第二小组夏营盘",
                  species="sheep", head=herd["heads"])
# The breeding flock's lambs of 2025 are young stock on 131 (财会〔2023〕14号): registered at lambing
# with the lambing season's feed, born there, reared on hay (饲养成本 capitalised from 121), and the
# twelve best ewe lambs join the breeding flock (132) in November with their share of the cost.
LAMBS = asset("LB-2025", "2025年春羔（基础母羊群所产）", "fattening_stock", "131", workday(d(5, 20)), yuan(900), 0, 0, None,
              "第二小组冬营盘", species="sheep", head=0, paid_from="121", attachments=1)  # the feed requisition (领料单)
for a in ASSETS:
    assert a["residual"] < a["cost"] and a["opening_depreciation"] <= a["cost"] - a["residual"]


def share(total, head, of):
    """head's share of a herd's amount, rounded half up to the fen; the last head takes all (AssetRules.Share)."""
    return total if head == of else (total * head * 2 + of) // (of * 2)


LOSS_CLEARING = []  # the approved clearing of 181 (Dr 51501 / Cr 181), imported by the demo from losses.json
HERD_VOUCHERS = []
# Each step is a command the demo runs in its month, before that month's depreciation, in this order.
HERD_STEPS = [
    (workday(d(5, 20)), ["assets", "herd", LAMBS["code"], "--date", workday(d(5, 20)).isoformat(), "--change", "births", "--head", "18",
                         "--note", "春季接羔18只"]),
    (d(6, 30), ["assets", "rear", LAMBS["code"], "--date", d(6, 30).isoformat(), "--amount", money(yuan(1260)), "--from", "121", "--attachments", "1"]),
    (workday(d(8, 4)), ["assets", "herd", BREEDING["code"], "--date", workday(d(8, 4)).isoformat(), "--change", "deaths", "--head", "1",
                        "--note", "母羊病死，经嘎查两委确认"]),
    (workday(d(8, 12)), ["vouchers", "import", "losses.json"]),
    (d(9, 30), ["assets", "rear", LAMBS["code"], "--date", d(9, 30).isoformat(), "--amount", money(yuan(1540)), "--from", "121", "--attachments", "1"]),
    (workday(d(11, 28)), ["assets", "mature", LAMBS["code"], "--to", BREEDING["code"], "--date", workday(d(11, 28)).isoformat(), "--head", "12"]),
]


def herd_step(date, words):
    """The model of one step: the register's amounts as AssetRules computes them, and the voucher that follows."""
    option = lambda name: words[words.index(name) + 1]
    if words[:2] == ["vouchers", "import"]:
        return
    a = next(x for x in ASSETS if x["code"] == words[2])
    if words[1] == "herd":
        heads = int(option("--head"))
        if option("--change") == "births":
            assert a["category"] == "fattening_stock"  # never at zero cost into a breeding herd
            a["head_now"] += heads
            return
        assert option("--change") == "deaths"
        cost, dep = share(a["cost"], heads, a["head_now"]), share(a["depreciated"], heads, a["head_now"])
        a["cost"] -= cost
        a["depreciated"] -= dep
        a["head_now"] -= heads
        a["moved"] = True
        label = "%s %s %d头（只）" % (a["code"], a["name"], heads)
        lines = [Dr("181", cost - dep, summary="死亡损失 " + label)] + ([Dr(a["dep"], dep)] if dep else []) + [Cr(a["account"], cost, summary=label)]
        HERD_VOUCHERS.append(Voucher(date, "畜群死亡转入待处理财产损溢：%s" % a["name"], lines, 0, "normal", 9, 5 * 10 ** 6 + len(HERD_VOUCHERS)))
        v = Voucher(workday(d(8, 12)), "经嘎查两委批准，核销基础母羊病死损失", [Dr("51501", cost - dep, summary="母羊1只"), Cr("181", cost - dep)], 1, "normal", 9,
                    5 * 10 ** 6 + 100)
        v.ref = "%d-08-L01" % YEAR
        LOSS_CLEARING.append(v)
        HERD_VOUCHERS.append(v)
    elif words[1] == "rear":
        amount = int(option("--amount").replace(".", ""))
        a["cost"] += amount
        a["moved"] = True
        HERD_VOUCHERS.append(Voucher(date, "饲养成本计入消耗性生物资产：%s" % a["name"],
                                     [Dr(a["account"], amount, summary="%s %s" % (a["code"], a["name"])), Cr(option("--from"), amount)],
                                     int(option("--attachments")), "normal", 9, 5 * 10 ** 6 + len(HERD_VOUCHERS)))
    else:
        to = next(x for x in ASSETS if x["code"] == option("--to"))
        heads = int(option("--head"))
        amount = share(a["cost"], heads, a["head_now"])
        a["cost"] -= amount
        a["head_now"] -= heads
        to["cost"] += amount
        to["head_now"] += heads
        a["moved"] = to["moved"] = True
        HERD_VOUCHERS.append(Voucher(date, "幼畜成龄转入生产性生物资产：%s" % to["name"],
                                     [Dr(to["account"], amount, summary="%s %s %d头（只）" % (to["code"], to["name"], heads)),
                                      Cr(a["account"], amount, summary="%s %s" % (a["code"], a["name"]))], 0, "normal", 9, 5 * 10 ** 6 + len(HERD_VOUCHERS)))


ASSET_VOUCHERS = [Voucher(a["acquired"], "购入资产：%s" % a["name"], [Dr(a["account"], a["registered_cost"]), Cr(a["paid_from"], a["registered_cost"])],
                          a["attachments"], "normal", 9, 3 * 10 ** 6) for a in (BREEDING, LAMBS)]
for m in range(1, 13):
    for date, words in HERD_STEPS:
        if date.month == m:
            herd_step(date, words)
    debit, credit = {}, {}
    for a in ASSETS:
        amount = depreciation_amount(a, m)
        if amount is None:
            continue
        a["months"] += 1
        a["depreciated"] += amount
        debit[a["expense"]] = debit.get(a["expense"], 0) + amount
        credit[a["dep"]] = credit.get(a["dep"], 0) + amount
    lines = [Dr(acc, fen) for acc, fen in sorted(debit.items()) if fen] + [Cr(acc, fen) for acc, fen in sorted(credit.items()) if fen]
    ASSET_VOUCHERS.append(Voucher(month_end(m), "计提%d年%d月折旧" % (YEAR, m), lines, 0, "normal", 9, 3 * 10 ** 6 + m))
ASSET_VOUCHERS += HERD_VOUCHERS

# ---------------------------------------------------------------------------------------------
# Resource contracts (资源发包合同) kept in the contract register, apart from the members' yearly
# grassland fees above (imported as plain vouchers): the reserve pasture let to a cooperative for
# three years, paid in one sum at signing; the old school building let to a member, paid yearly;
# the lake's water surface let to a member, whose 2025 rent is still unpaid at the year's end.
# Contract year k starts on the start date plus k years and its rent belongs to the calendar year
# it starts in. A receipt pays the contract years in order: a year begun by the receipt's calendar
# year is income at once (Cr the income account), a later one waits on 21105 (Cr) and is moved into
# income on 1 January of its year by `contracts recognize`. The demo registers the contracts and
# their receipts from contracts.json before the months close; its vouchers are modelled here.
# An area is in hundredths of its resource's unit: 亩 for grassland, farmland and water surface,
# 平方米 for a building (the old school building: 180 平方米, not 180 亩); the notice never adds the two.

CONTRACTS = [
    {"number": "HT-2025-001", "party": "C13", "resource": "grassland", "area": 240000, "rent": yuan(10800),
     "from": d(5, 1), "to": datetime.date(YEAR + 3, 4, 30), "schedule": "once", "income_account": "50101",
     "prepaid_account": "21105", "receipts": [(workday(d(5, 12)), yuan(32400), "10201", 2)]},
    {"number": "HT-2025-002", "party": "M012", "resource": "building", "area": 18000, "rent": yuan(6000),
     "from": d(3, 1), "to": datetime.date(YEAR + 5, 2, 28), "schedule": "annual", "income_account": "50104",
     "prepaid_account": "21105", "receipts": [(workday(d(3, 10)), yuan(6000), "101", 1)]},
    {"number": "HT-2025-003", "party": "M029", "resource": "water_surface", "area": 15000, "rent": yuan(12000),
     "from": d(7, 1), "to": datetime.date(YEAR + 3, 6, 30), "schedule": "annual", "income_account": "50104",
     "prepaid_account": "21105", "receipts": []},
]


def add_years(date, n):
    return date.replace(year=date.year + n)


def contract_years(c):
    """(calendar year, due date, rent) per contract year."""
    n = 1
    while add_years(c["from"], n) <= c["to"]:
        n += 1
    return [(add_years(c["from"], k).year, c["from"] if c["schedule"] == "once" else add_years(c["from"], k), c["rent"])
            for k in range(n)]


CONTRACT_VOUCHERS = []
PREPAID = {}  # calendar year -> rent received for it in an earlier year
for c in CONTRACTS:
    owed = [rent for _, _, rent in contract_years(c)]  # per contract year, still to receive
    party = {"member": c["party"]} if c["party"].startswith("M") else {"cp": c["party"]}
    for date, amount, account, attachments in c["receipts"]:
        income, prepaid, left = 0, 0, amount
        for k, (year, _, _) in enumerate(contract_years(c)):
            share = min(left, owed[k])
            owed[k] -= share
            left -= share
            if year <= date.year:
                income += share
            else:
                prepaid += share
                PREPAID[year] = PREPAID.get(year, 0) + share
        assert left == 0
        lines = [Dr(account, amount, summary=c["number"])]
        if income:
            lines.append(Cr(c["income_account"], income, **party))
        if prepaid:
            lines.append(Cr(c["prepaid_account"], prepaid, summary="预收以后年度承包费", **party))
        CONTRACT_VOUCHERS.append(Voucher(date, "收取承包费：%s" % c["number"], lines, attachments, "normal", 9, 4 * 10 ** 6 + len(CONTRACT_VOUCHERS)))


def contract_due_obj(c, as_of):
    """One contract as `contracts due --as-of` prints it."""
    due = sum(rent for _, when, rent in contract_years(c) if when <= as_of)
    received = sum(amount for date, amount, _, _ in c["receipts"] if date <= as_of)
    return {"number": c["number"], "party": c["party"], "resource": c["resource"], "area": money(c["area"]),
            "rent": money(c["rent"]), "from": c["from"].isoformat(), "to": c["to"].isoformat(), "schedule": c["schedule"],
            "due": money(due), "received": money(received), "overdue": money(max(due - received, 0))}


def contract_obj(c):
    """One contract as the demo's contracts.json gives it to `contracts add` and `contracts receive`."""
    o = {k: c[k] for k in ("number", "party", "resource", "schedule", "income_account", "prepaid_account")}
    o.update({"area": money(c["area"]), "rent": money(c["rent"]), "from": c["from"].isoformat(), "to": c["to"].isoformat(),
              "receipts": [{"date": date.isoformat(), "amount": money(amount), "account": account, "attachments": attachments}
                           for date, amount, account, attachments in c["receipts"]]})
    return o


POSTING_ORDER = [OPENING] + by_file[1] + by_file[2] + by_file[3] + by_file[4] + [REVERSAL, CORRECTION] + APPROVED + ASSET_VOUCHERS + CONTRACT_VOUCHERS
ALL_NORMAL = [v for v in POSTING_ORDER if v.kind == "normal"]

# ---------------------------------------------------------------------------------------------
# Validation of the model itself.

CHART = {code: {"name": name, "parent": None} for code, name, _ in STANDARD_CHART}
for code, name, parent in ACCOUNTS:
    assert code not in CHART, code
    assert parent in CHART and code.startswith(parent) and len(code) == len(parent) + 2, code
    assert len(code) in (5, 7)
    CHART[code] = {"name": name, "parent": parent}
HAS_CHILDREN = {a["parent"] for a in CHART.values() if a["parent"]}
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

# ---------------------------------------------------------------------------------------------
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
_moved = sum(n for a, n in YEAR_END.items() if a.startswith("5"))
if _moved:
    _closing_lines.append(signed_line("321", _moved))
_surplus = YEAR_END.get("321", 0) + _moved
CLOSING = [Voucher(d(12, 31), "结转%d年收入和支出到本年收益" % YEAR, _closing_lines, 0, "closing", 99, 2 * 10 ** 6)]
if _surplus:
    CLOSING.append(Voucher(d(12, 31), "结转%d年本年收益到收益分配" % YEAR, [signed_line("321", -_surplus), signed_line("32202", _surplus)],
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

# ---------------------------------------------------------------------------------------------
# Expected trial balances: the naive model.


def ancestors(code):
    out = []
    while code:
        out.append(code)
        code = CHART[code]["parent"]
    return out


def trial_balance(first_month, last_month):
    start = d(first_month, 1)
    end = month_end(last_month)
    acc = {}

    def add(code, column, fen):
        for a in ancestors(code):
            acc.setdefault(a, {"opening": 0, "pd": 0, "pc": 0})[column] += fen

    for l in OPENING.lines:
        add(l["account"], "opening", signed(l))
    touched = set()
    for v in ALL_NORMAL + CLOSING:
        for l in v.lines:
            if v.date < start:
                add(l["account"], "opening", signed(l))
            elif v.date <= end:
                add(l["account"], "pd" if l["side"] == "debit" else "pc", l["fen"])
                touched.update(ancestors(l["account"]))
    rows = []
    totals = {k: 0 for k in ("opening_debit", "opening_credit", "period_debit", "period_credit",
                             "closing_debit", "closing_credit")}
    included = set()
    for code in sorted(acc):
        a = acc[code]
        closing = a["opening"] + a["pd"] - a["pc"]
        if not (a["opening"] or closing or a["pd"] or a["pc"]):
            # An account with lines in the range that all cancel would make "has turnover" ambiguous.
            assert code not in touched, (first_month, last_month, code)
            continue
        included.add(code)
        row = {"code": code, "name": CHART[code]["name"], "level": {3: 1, 5: 2, 7: 3}[len(code)],
               "leaf": code not in HAS_CHILDREN}
        cols = {
            "opening_debit": max(a["opening"], 0), "opening_credit": max(-a["opening"], 0),
            "period_debit": a["pd"], "period_credit": a["pc"],
            "closing_debit": max(closing, 0), "closing_credit": max(-closing, 0),
        }
        row.update({k: money(x) for k, x in cols.items()})
        rows.append(row)
        if row["level"] == 1:
            for k in totals:
                totals[k] += cols[k]
    for code in included:
        assert CHART[code]["parent"] in included or CHART[code]["parent"] is None, code
    for pair in ("opening", "period", "closing"):
        assert totals[pair + "_debit"] == totals[pair + "_credit"], (first_month, last_month, pair, totals)
    return {"from": "%d-%02d" % (YEAR, first_month), "to": "%d-%02d" % (YEAR, last_month), "rows": rows,
            "totals": {k: money(x) for k, x in totals.items()}}, totals


# ---------------------------------------------------------------------------------------------
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


# ---------------------------------------------------------------------------------------------
# Expected fund usage for the year, by naive sums: money received is a cash or bank debit naming
# the fund, money spent a cash or bank credit; each voucher paying money out is one payment.


def fund_usage():
    funds = []
    for code, name in FUNDS:
        received = spent = 0
        payments = []
        for v in POSTING_ORDER:
            paid = 0  # a red-ink reversal's lines carry negative amounts already
            for l in v.lines:
                if l["fund"] == code and l["account"] in CASH_BANK:
                    if l["side"] == "debit":
                        received += l["fen"]
                    else:
                        spent += l["fen"]
                        paid += l["fen"]
            if paid:
                payments.append({"date": v.date.isoformat(), "summary": v.summary, "amount": money(paid)})
        payments.sort(key=lambda p: p["date"])
        granted = int(FUND_TERMS[code]["granted"].replace(".", ""))
        funds.append({"code": code, "granted": money(granted), "received_to_date": money(received), "spent_to_date": money(spent),
                      "balance": money(received - spent), "outstanding": money(max(granted - received, 0)), "payments": payments})
        assert 0 <= spent <= received, code
    return {"from": "%d-01" % YEAR, "to": "%d-12" % YEAR, "funds": funds}


# ---------------------------------------------------------------------------------------------
# Writers.


# ---------------------------------------------------------------------------------------------
# Expected notice summaries (一、收支总表): the naive model of a notice's figures. Income and
# expenditure are the months' business (never the year-end closing vouchers), and every other
# movement of cash and bank stands on a line of its own, so that the printed lines add up.

MOVEMENT_GROUPS = [
    ("grants", ["241"]), ("one_matter", ["231"]), ("construction", ["153"]), ("fixed_assets", ["151", "152", "154"]),
    ("biological_assets", ["131", "132", "133", "134"]), ("inventory", ["121", "401"]),
    ("intangible_assets", ["161", "162", "171"]), ("investments", ["111", "141"]), ("receivables", ["112"]), ("internal", ["113"]),
    ("payables", ["211"]), ("wages", ["212", "213"]), ("taxes", ["214"]), ("loans", ["201", "221"]), ("pending", ["181"]),
    ("capital", ["301", "311"]), ("distribution", ["321", "322"]),
]


def category(code):
    while len(code) > 5:
        code = CHART[code]["parent"]
    return code


def notice_summary(first_month, last_month, year=YEAR):
    start, end = datetime.date(year, first_month, 1), month_end(last_month)
    cash = lambda a: a[:3] in ("101", "102")
    opening = sum(signed(l) for v in [OPENING] + [v for v in ALL_NORMAL if v.date < start] for l in v.lines if cash(l["account"]))
    closing = sum(signed(l) for v in [OPENING] + [v for v in ALL_NORMAL if v.date <= end] for l in v.lines if cash(l["account"]))
    income, expenditure, moved = {}, {}, {}
    for v in ALL_NORMAL:  # the closing vouchers are not among them
        if not start <= v.date <= end:
            continue
        moves_cash = any(cash(l["account"]) for l in v.lines)
        non_cash = 0  # a voucher that moves no cash: what its lines outside income and expenditure net to
        for l in v.lines:
            a = l["account"]
            if cash(a):
                continue
            if a.startswith("50"):
                income[category(a)] = income.get(category(a), 0) - signed(l)
            elif a[:2] in ("51", "52"):
                expenditure[category(a)] = expenditure.get(category(a), 0) + signed(l)
            elif moves_cash:
                group = next((g for g, roots in MOVEMENT_GROUPS if a[:3] in roots), "other")
                moved[group] = moved.get(group, 0) - signed(l)
            else:
                non_cash -= signed(l)
        if non_cash:
            group = "noncash_income" if non_cash < 0 else "noncash_expenditure"
            moved[group] = moved.get(group, 0) + non_cash
    assert opening + sum(income.values()) - sum(expenditure.values()) + sum(moved.values()) == closing, (first_month, last_month)
    cats = lambda sums: [{"code": c, "name": CHART[c]["name"], "amount": money(f)} for c, f in sorted(sums.items()) if f]
    order = ["noncash_expenditure", "noncash_income"] + [g for g, _ in MOVEMENT_GROUPS] + ["other"]
    return {
        "cash_and_bank_opening": money(opening),
        "income": cats(income), "income_total": money(sum(income.values())),
        "expenditure": cats(expenditure), "expenditure_total": money(sum(expenditure.values())),
        "movements": [{"group": g, "amount": money(moved[g])} for g in order if moved.get(g)],
        "cash_and_bank_closing": money(closing),
    }


def write_bytes(name, data):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_json(name, obj):
    write_bytes(name, (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


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
        with open(os.path.join(HERE, name), "rb") as f:
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


def asset_obj(a):
    """One asset as `assets add` takes it: option names without the dashes, amounts as strings."""
    o = {"code": a["code"], "name": a["name"], "category": a["category"], "location": a["location"],
         "acquired": a["acquired"].isoformat(), "cost": money(a["registered_cost"]), "account": a["account"]}
    if a["fund"]:
        o["fund"] = a["fund"]
    if a["dep"]:
        o.update({"life_months": a["life"], "residual": money(a["residual"]), "depreciation_account": a["dep"]})
        if a["expense_given"]:
            o["expense_account"] = a["expense"]
    if a["species"]:
        o.update({"species": a["species"], "head": a["head"]})
    if a["opening_months"]:
        o.update({"opening_depreciation": money(a["opening_depreciation"]), "opening_months": a["opening_months"]})
    if a["paid_from"]:
        o["paid_from"] = a["paid_from"]
    if a["attachments"] is not None:
        o["attachments"] = a["attachments"]
    return o


def asset_register_obj(a):
    """The register at the end of the year, as `assets list --format json` prints it."""
    return {"code": a["code"], "name": a["name"], "category": a["category"], "location": a["location"],
            "acquired": a["acquired"].isoformat(), "cost": money(a["cost"]), "fund": a["fund"],
            "life_months": a["life"] if a["dep"] else 0, "residual": money(a["residual"]), "account": a["account"],
            "depreciation_account": a["dep"], "expense_account": a["expense"] if a["dep"] else None,
            "depreciated": money(a["depreciated"]), "months": a["months"], "book_value": money(a["cost"] - a["depreciated"]),
            "species": a["species"], "head": a["head_now"] if a["species"] else None, "status": "active", "disposed": None,
            "nominal": False}


# ---------------------------------------------------------------------------------------------
# The 2025 income distribution, planned, approved, posted and paid in 2026 (the demo runs the
# commands). Expected: 322 收益分配's balance after year close (= 年末未分配收益) is distributable;
# the reserve is RESERVE_PERCENT of the year's surplus (what year close carried from 321 into 322,
# not the undistributed surplus brought forward, which bore its reserve in its own year; 0 for a
# loss, at most the distributable), rounded half up to the fen; the per-share amount is rounded
# down to the fen; each household gets shares x per-share; the rest stays undistributed.
DISTRIBUTION = {"year": YEAR, "reserve_percent": 20, "planner": "乌云其其格", "notice_date": "%d-03-01" % (YEAR + 1), "approver": "巴特尔",
                "resolution": "巴音宝力格嘎查股份经济合作社成员大会决议〔2026〕1号", "post_date": "2026-03-20",
                "payable_account": "21104", "pay_date": "2026-03-25", "pay_account": "10201"}


def mask(value):
    """As the program masks a private number: a mobile keeps 3 + 4 digits, anything of 12 or more characters 4 + 4."""
    if len(value) == 11 and value.startswith("1"):
        return value[:3] + "*" * 4 + value[-4:]
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def distribution(undistributed_at_year_end):
    distributable = undistributed_at_year_end
    reserve_base = min(max(-_surplus, 0), distributable)  # _surplus: 321's net (debit positive) carried into 322
    reserve = (reserve_base * DISTRIBUTION["reserve_percent"] + 50) // 100
    to_share = distributable - reserve
    total_shares = sum(DETAILS[c]["shares"] for c, _ in MEMBERS)
    per_share = to_share // total_shares
    households = [{"member": c, "name": n, "head": DETAILS[c]["head"], "household_size": DETAILS[c]["household_size"],
                   "shares": DETAILS[c]["shares"], "amount": money(DETAILS[c]["shares"] * per_share),
                   "id_card": mask(DETAILS[c]["id_card"]), "bank_account": mask(DETAILS[c]["bank_account"]),
                   "phone": mask(DETAILS[c]["phone"])} for c, n in MEMBERS]
    distributed = per_share * total_shares
    return {"year": YEAR, "status": "paid", "resolution": DISTRIBUTION["resolution"], "distributable": money(distributable),
            "reserve_base": money(reserve_base), "reserve_percent": DISTRIBUTION["reserve_percent"], "reserve": money(reserve), "to_share": money(to_share),
            "total_shares": total_shares, "per_share": money(per_share), "distributed": money(distributed),
            "undistributed": money(to_share - distributed),
            "rounding": "per-share amount rounded down to the fen; each household receives shares x per-share amount; the remainder stays undistributed",
            "households": households}


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
    write_bytes(QUARTERS[3], "".join(json.dumps(voucher_obj(v), ensure_ascii=False) + "\n"
                                     for v in by_file[3]).encode("utf-8"))
    write_bytes(QUARTERS[4], csv_text(by_file[4]).encode("gb18030"))
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
    read_back()

    print("vouchers: opening 1, " + ", ".join("%s %d" % (QUARTERS[q], len(by_file[q])) for q in QUARTERS)
          + ", corrections 1; June: %s is 记-%04d, its reversal 记-%04d, the correction 记-%04d"
          % (ERRONEOUS.ref, ERRONEOUS_NUMBER, counter[6] + 1, counter[6] + 2))
    print("year totals: " + ", ".join("%s %s" % (k, money(x)) for k, x in totals.items()))
    print("year close: December 记-%s; net surplus %s; undistributed at year end %s"
          % (", 记-".join("%04d" % n for n in CLOSING_NUMBERS), money(-_moved), money(bs_end["undistributed_surplus"])))


if __name__ == "__main__":
    main()
