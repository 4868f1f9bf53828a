"""Where the files go: next to generate.py, in samples/gacha (or where profile.py says)."""

import json
import os

from . import profile


def write_bytes(name, data):
    path = os.path.join(profile.OUT, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_json(name, obj):
    write_bytes(name, (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
