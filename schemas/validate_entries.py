"""Validates every entry of exported logs (cledger log export) against audit-entry.schema.json.

Usage: python3 schemas/validate_entries.py LOG.jsonl [LOG.jsonl ...]
Prints one line per invalid entry (file, line, seq, kind, the schema's complaint) and exits 1 when
there is any, 0 when every entry is valid, 3 when the `jsonschema` package (draft 2020-12) is not
installed. The chain and the rules are verify_log.py's business; this checks only the documented shape.
"""
import json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))


def entry_validator():
    import jsonschema
    with open(os.path.join(HERE, "audit-entry.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def problems(validator, path):
    """(line number, seq, kind, message) of every schema error in the log at path."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            entry = json.loads(line)
            for error in validator.iter_errors(entry):
                where = "/".join(str(p) for p in error.absolute_path)
                yield number, entry.get("seq"), entry.get("kind"), f"{where}: {error.message}"


def main(paths):
    try:
        validator = entry_validator()
    except ImportError:
        print("jsonschema is not installed", file=sys.stderr)
        return 3
    bad = 0
    for path in paths:
        count = 0
        for number, seq, kind, message in problems(validator, path):
            print(f"{path}:{number}: seq {seq} {kind}: {message}")
            bad += 1
        with open(path, encoding="utf-8") as f:
            count = sum(1 for line in f if line.strip())
        print(f"{path}: {count} entries checked")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
