#!/usr/bin/env bash
# idemlint against Squawk on equal work: real revisions for idemlint, and for Squawk exactly the
# DDL/DML those revisions send to PostgreSQL.
#
#   bench/equal-work/run.sh [--runs N] [--copies K] [--idemlint CMD] VERSIONS_DIR...
#
# For each VERSIONS_DIR (a real project's Alembic versions directory, extracted outside this
# repository) Debian's Alembic renders the chain offline (`alembic upgrade heads --sql`, env.py here)
# into SQL; split.py cuts it into one file per revision without Alembic's own statements (BEGIN,
# COMMIT, alembic_version). Offline rendering stops at the first revision that needs a live
# connection; only the revisions rendered completely before it are used, on both sides, so idemlint lints a
# sub-chain from the base whose SQL Squawk gets in full. The set is copied K times (default 1) into
# $TMPDIR/idemlint-equal-work/ to reach a size; each copy is its own versions tree. The two tools then
# run alternately (N runs, default 7) under /usr/bin/time, both writing JSON to /dev/null:
# `idemlint lint --format json --fail-on never` (CMD, default ./idemlint) and Squawk's binary with
# `--reporter json` (bench/run.sh installs it). Prints medians of wall and user+sys CPU.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(dirname "$here")"
root="$(dirname "$bench")"
runs=7 copies=1 idemlint="$root/idemlint" dirs=()
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --idemlint) idemlint="$2"; shift 2 ;;
    -h|--help) sed -n 2,17p "$0"; exit 0 ;;
    *) dirs+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
((${#dirs[@]})) || { echo "run.sh: give one or more versions directories" >&2; exit 2; }
squawk="$bench/.tools/node_modules/@squawk-cli/linux-x64/bin/squawk"
[[ -x "$squawk" ]] || npm install --silent --prefix "$bench/.tools" squawk-cli >&2

# Outside this repository: with no pin file beside a versions tree, idemlint looks for one up to the
# repository root, and this one holds bench/.data and target/ (a 3,700-file run here spent 1.5 s of
# CPU listing them), which is not what linting a project costs.
data="${TMPDIR:-/tmp}/idemlint-equal-work"
rm -rf "$data"
mkdir -p "$data/one/py" "$data/one/sql" "$data/py" "$data/sql"
for v in "${dirs[@]}"; do
  name=$(echo "$v" | tr '/' '_' | tail -c 60)
  work="$data/render/$name"
  mkdir -p "$work"
  cp "$here/env.py" "$work/env.py"
  : > "$work/script.py.mako"
  printf '[alembic]\nscript_location = %s\nversion_locations = %s\n' "$work" "$v" > "$work/alembic.ini"
  complete=1
  (cd "$work" && PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -m alembic -c alembic.ini upgrade heads --sql \
    > offline.sql 2> offline.err) || complete=0
  read -r revisions statements < <(/usr/bin/python3 "$here/split.py" "$work/offline.sql" "$work/sql" "$complete")
  mkdir -p "$data/one/py/$name/versions"
  for f in "$work"/sql/*.sql; do
    rev="${f##*/}"; rev="${rev#*_}"; rev="${rev%.sql}"
    py=$(grep -lE "^revision(: *str)? *= *['\"]$rev['\"]" "$v"/*.py | head -n 1)
    [[ -n "$py" ]] || { echo "run.sh: no file declares revision $rev in $v" >&2; exit 1; }
    cp "$py" "$data/one/py/$name/versions/"
    cp "$f" "$data/one/sql/${name}_${f##*/}"
  done
  echo "$v: $revisions revisions rendered, $statements statements ($(tail -n 1 "$work/offline.err" | cut -c1-100))" >&2
done
for ((k = 1; k <= copies; k++)); do
  for p in "$data"/one/py/*; do cp -r "$p" "$data/py/${p##*/}_$k"; done
  for s in "$data"/one/sql/*.sql; do cp "$s" "$data/sql/${k}_${s##*/}"; done
done
n_py=$(find "$data/py" -name '*.py' | wc -l)
n_sql=$(find "$data/sql" -name '*.sql' | wc -l)
py_mb=$(du -cb "$data"/py/*/versions/*.py | tail -n 1 | cut -f1)
sql_mb=$(du -cb "$data"/sql/*.sql | tail -n 1 | cut -f1)
echo "$n_py revision files ($((py_mb / 1024)) KB) and $n_sql SQL files ($((sql_mb / 1024)) KB, $(cat "$data"/sql/*.sql | grep -c ';$') statements)"

log="$data/times.tsv"
: > "$log"
"$idemlint" lint --format json --fail-on never "$data"/py/*/versions > /dev/null
"$squawk" --reporter json "$data/sql/*.sql" > /dev/null || true
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= runs; r++)); do
  /usr/bin/time -o "$log.t" -f '%e\t%U\t%S' "$idemlint" lint --format json --fail-on never "$data"/py/*/versions > /dev/null
  printf 'idemlint\t%s\n' "$(tail -n 1 "$log.t")" >> "$log"
  /usr/bin/time -o "$log.t" -f '%e\t%U\t%S' "$squawk" --reporter json "$data/sql/*.sql" > /dev/null || true
  printf 'squawk\t%s\n' "$(tail -n 1 "$log.t")" >> "$log"
done
echo "$runs alternating runs each; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
/usr/bin/python3 - "$log" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    tool, wall, user, sys_ = line.split("\t")
    rows.setdefault(tool, []).append((float(wall), float(user) + float(sys_)))
print("| tool | wall s, median (min-max) | CPU s, median |")
print("|---|---|---:|")
for tool, v in rows.items():
    w = [a for a, _ in v]
    print("| %s | %.2f (%.2f-%.2f) | %.2f |" % (tool, statistics.median(w), min(w), max(w), statistics.median([c for _, c in v])))
PY
