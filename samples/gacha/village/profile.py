"""Which village the model builds: its name, its sumu, its organization code's body, the seed of its draws and
where its files go. The defaults are the sample gacha's; samples/township/generate.py sets another village's
with use() before importing any other module of the package (they build the books as they are imported)."""

import os

VILLAGE = "巴音宝力格嘎查"  # the village's short name; the organization is VILLAGE + "股份经济合作社"
SUMU = "巴音宝力格"  # the sumu (township) the village belongs to, without 苏木
ORG_BODY = "MF3K7Q2D"  # 8 characters of the organization code (its check character is computed)
SEED = 20250101
OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def use(village, sumu, org_body, seed, out):
    global VILLAGE, SUMU, ORG_BODY, SEED, OUT
    VILLAGE, SUMU, ORG_BODY, SEED, OUT = village, sumu, org_body, seed, out
