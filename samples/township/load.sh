#!/usr/bin/env bash
# Loads the sample township's three villages into a PostgreSQL database:
#   samples/township/load.sh postgres://user:password@host:5432/db     (or Npgsql's "Host=...;Database=...")
# For each village: builds its SQLite books with `cledger demo` in a temporary folder, exports their full
# log, registers the village (name, township, county), restores its books from the log into DB with
# --village CODE (the same head hash), verifies them there and prints the village's head.
# CLEDGER is the command to run (default: dotnet run from this clone); the villages' signing keys are
# written to $CLEDGER_KEYS, else the current folder (village-CODE.key).
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "用法 usage: $0 DB   (DB: postgres://user:password@host:5432/db or Host=...;Database=...)" >&2
  exit 2
fi
db=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
read -r -a cledger <<< "${CLEDGER:-dotnet run --project $here/../../src/CollectiveLedger.Cli --}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# code (the folder under samples/township and --village), then the organization's name from its ledger.json
township=巴音宝力格苏木
county=东乌珠穆沁旗
for code in bayanbaolige hargentu wulantaolegai; do
  name=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["org"])' "$here/$code/ledger.json")
  "${cledger[@]}" demo --samples "$here/$code" --out "$work/$code" > "$work/$code.demo.log" \
    || { cat "$work/$code.demo.log" >&2; echo "demo failed for $code" >&2; exit 1; }
  "${cledger[@]}" --db "$work/$code/ledger.db" log export --out "$work/$code.jsonl" > /dev/null
  "${cledger[@]}" --db "$db" villages add "$code" --name "$name" --township "$township" --county "$county" > /dev/null
  "${cledger[@]}" --db "$db" --village "$code" restore --from-log "$work/$code.jsonl" > /dev/null
  "${cledger[@]}" --db "$db" --village "$code" verify > /dev/null
  head=$("${cledger[@]}" --db "$db" --village "$code" verify --format json \
    | python3 -c 'import json, sys; h = json.load(sys.stdin)["head"]; print(h["seq"], h["hash"])')
  echo "$code $name head $head"
done
