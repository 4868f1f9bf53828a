"""Where the files go: next to generate.py, in samples/gacha."""

import json
import os

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_bytes(name, data):
    path = os.path.join(HERE, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_json(name, obj):
    write_bytes(name, (json.dumps(obj, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
