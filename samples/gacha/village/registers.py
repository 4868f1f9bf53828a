"""The ledger's header and the registers other than members: funds with their grant terms, counterparties."""

from . import profile

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


ORG_BODY = profile.ORG_BODY
ORG_CODE = uscc("N2" + "152525" + ORG_BODY + org_code_check(ORG_BODY))
assert len(ORG_CODE) == 18 and ORG_CODE.startswith("N2")
assert all(ch in USCC_CHARSET for ch in ORG_CODE)

LEDGER = {
    "org": profile.VILLAGE + "股份经济合作社",
    "org_code": ORG_CODE,
    "currency": "CNY",
    "chart": "standard-2023",
    "start": "2025-01",
}


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
            "accounts": ["151", "153"], "project": profile.VILLAGE + "牧区机井建设项目",
            "valid_from": "2025-04-01", "valid_to": "2025-12-31", "location": profile.VILLAGE + "第一、二、三小组夏营地",
            "tasks": "新打机井4眼，每眼配套光伏提水设备1套及饮水槽", "standard": "每眼机井补助约14.9万元，按实际结算",
            "implementer": profile.VILLAGE + "股份经济合作社", "responsible": "巴特尔（嘎查委员会主任）",
            "targets": "解决约120户牧户、2.6万头只牲畜饮水；工程验收合格率100%",
            "beneficiaries": "机井归嘎查集体所有，牧户按小组轮换取水，不收水费；施工优先雇用本嘎查牧户"},
    "F02": {"kind": "一事一议财政奖补资金", "agency": "旗财政局", "document": "东财农〔2025〕26号",
            "granted": "180000.00", "purpose": "嘎查至苏木公路3.2公里道路硬化", "accounts": ["153"],
            "project": profile.VILLAGE + "道路硬化一事一议项目", "valid_from": "2025-05-01", "valid_to": "2025-12-31",
            "location": "嘎查部至苏木公路", "tasks": "硬化道路3.2公里", "standard": "财政奖补18万元，其余由村民筹资筹劳和社会捐赠",
            "implementer": profile.VILLAGE + "股份经济合作社", "responsible": "巴特尔（嘎查委员会主任）",
            "targets": "全年通行，雨季不断路", "beneficiaries": "全嘎查牧户出行、运草运畜"},
    "F03": {"kind": "村级组织运转经费", "agency": "苏木财政所", "document": "巴苏财〔2025〕3号",
            "granted": "124000.00", "purpose": "嘎查干部报酬、办公费和水电费", "accounts": ["513"],
            "valid_from": "2025-01-01", "valid_to": "2025-12-31"},
    "F04": {"kind": "草原防火专项资金", "agency": "旗农牧局", "document": "东农牧发〔2025〕41号",
            "granted": "40000.00", "purpose": "购置草原防火设备", "accounts": ["151"],
            "project": "嘎查草原防火设备购置", "valid_from": "2025-05-01", "valid_to": "2025-10-31",
            "implementer": profile.VILLAGE + "股份经济合作社", "responsible": "额尔敦（嘎查护林防火员）"},
}

COUNTERPARTIES = [
    ("C01", profile.SUMU + "苏木财政所"),
    ("C02", "旗农牧局"),
    ("C03", "旗财政局"),
    ("C04", "锡林郭勒盟草原建筑工程有限公司"),
    ("C05", "牧丰农牧机械有限公司"),
    ("C06", "农村信用社" + profile.SUMU + "分社"),
    ("C07", "锡林浩特市草原肉业有限公司"),
    ("C08", "旗水利勘测设计院"),
    ("C09", "宏源矿业有限公司"),
    ("C10", "苏木供电所"),
    ("C11", "苏木加油站"),
    ("C12", "兴牧维修部"),
    ("C13", "锡林郭勒绿源牧业专业合作社"),
]
