"""The members register: 40 herder households, their household facts and private details."""

import datetime
import random

from .draws import SEED, rng

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
# and private numbers, all fictional. A separate generator, so that the books (story.py) draw exactly
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
