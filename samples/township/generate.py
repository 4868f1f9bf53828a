#!/usr/bin/env python3
"""Generate the sample township: three gachas of one sumu, each a village of samples/gacha's model.

Run from anywhere:  python3 samples/township/generate.py

Python 3 standard library only. Each village is samples/gacha's package village/ run with that
village's profile (name, organization code, seed; see village/profile.py), writing
samples/township/<code>/ in the files `cledger demo --samples` reads. A fixed seed per village makes
every output byte-identical from run to run. The package builds its books as it is imported, so each
village is generated in a process of its own.
"""

import os
import shutil
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ among the sample's files

HERE = os.path.dirname(os.path.abspath(__file__))
GACHA = os.path.join(os.path.dirname(HERE), "gacha")

SUMU = "巴音宝力格"
COUNTY = "东乌珠穆沁旗"
# code (cledger's --village and the folder's name), short name, organization code body, seed. The first is
# samples/gacha itself (same profile, so the same books); the other two draw their own amounts.
VILLAGES = [
    ("bayanbaolige", "巴音宝力格嘎查", "MF3K7Q2D", 20250101),
    ("hargentu", "哈日根图嘎查", "MH5T8R1C", 20250202),
    ("wulantaolegai", "乌兰陶勒盖嘎查", "MJ2W6N4E", 20250303),
]


def one(code):
    _, name, org_body, seed = next(v for v in VILLAGES if v[0] == code)
    sys.path.insert(0, GACHA)
    from village import profile
    profile.use(name, SUMU, org_body, seed, os.path.join(HERE, code))
    import generate  # samples/gacha/generate.py, which builds the books as it imports the package
    generate.main()
    # The roles and limits are the demo's settings, not the model's: gacha's own (its people serve each village).
    shutil.copyfile(os.path.join(GACHA, "settings.json"), os.path.join(HERE, code, "settings.json"))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--village":
        one(sys.argv[2])
        return
    for code, name, _, _ in VILLAGES:
        print("%s %s股份经济合作社" % (code, name), flush=True)
        subprocess.run([sys.executable, "-B", os.path.abspath(__file__), "--village", code], check=True)


if __name__ == "__main__":
    main()
