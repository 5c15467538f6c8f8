#!/usr/bin/env bash
# Times `idemlint plan` on a 300-revision chain against a database with 1,000 tables.
#
#   bench/plan.sh [--runs N] [--revisions N] [--tables N]
#
# Uses the cluster named by IDEMLINT_PG_PORT (and _HOST, _USER), else starts a throwaway one with
# scripts/pg-up and removes it afterwards. Generates the chain with bench/generate.py (cached in
# bench/.data/plan-N), creates a database of N tables (each with 6 columns, a primary key, a unique
# constraint, an index and a foreign key to the previous table), stamps it at the chain's base so
# that every other revision is pending, and times whole `idemlint plan --format json` runs (launcher
# start-up, connection, catalog snapshot, walk, report): median and min-max of wall time, from
# /usr/bin/time. Not a test: nothing in `mvn verify` runs it. Target: under 2 s.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs=7
revisions=300
tables=1000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --revisions) revisions="$2"; shift ;;
    --tables) tables="$2"; shift ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "plan.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[[ -x /usr/bin/time ]] || { echo "plan.sh: needs GNU time (apt-get install -y time)" >&2; exit 2; }

if [[ ! -f "$root/target/idemlint.jar" || -n "$(find "$root/src/main" "$root/pom.xml" -newer "$root/target/idemlint.jar" -print -quit)" ]]; then
  echo "building idemlint..." >&2
  (cd "$root" && { mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests; }) >&2
fi

started=""
if [[ -z "${IDEMLINT_PG_PORT:-}" ]]; then
  eval "$(bash "$root/scripts/pg-up")"
  started="$IDEMLINT_PG_BASE"
  trap 'bash "$root/scripts/pg-down" "$started"' EXIT
fi
host="${IDEMLINT_PG_HOST:-127.0.0.1}"
user="${IDEMLINT_PG_USER:-postgres}"
psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$IDEMLINT_PG_PORT" -U "$user")
[[ -n "${IDEMLINT_PG_BIN:-}" && -x "$IDEMLINT_PG_BIN/psql" ]] && psql[0]="$IDEMLINT_PG_BIN/psql"

data="$here/.data/plan-$revisions"
if [[ ! -d "$data/versions" ]]; then
  echo "generating $revisions revisions in $data..." >&2
  python3 "$here/generate.py" "$revisions" "$data" >&2
fi
base=$(python3 - "$data" <<'PY'
import glob, re, sys
for f in glob.glob(sys.argv[1] + "/**/*.py", recursive=True):
    t = open(f).read()
    if re.search(r"^down_revision\s*=\s*None", t, re.M):
        print(re.search(r'^revision\s*=\s*"([^"]+)"', t, re.M).group(1))
        break
PY
)
db="idemlint_plan_bench_$$"
"${psql[@]}" -d postgres -c "CREATE DATABASE $db"
cleanup_db() { "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; }
# only a cluster this script started is removed
trap 'cleanup_db; [[ -n "$started" ]] && bash "$root/scripts/pg-down" "$started" || true' EXIT
python3 - "$tables" <<'PY' | "${psql[@]}" -d "$db" >/dev/null
import sys
n = int(sys.argv[1])
print("BEGIN;")
print("CREATE TYPE bench_state AS ENUM ('new', 'active', 'gone');")
for i in range(n):
    ref = f", parent_id integer REFERENCES bench_{i-1:04d} (id)" if i else ""
    print(f"CREATE TABLE bench_{i:04d} (id serial PRIMARY KEY, code text NOT NULL UNIQUE, name varchar(120),"
          f" state bench_state DEFAULT 'new', created_at timestamptz DEFAULT now(){ref});")
    print(f"CREATE INDEX ix_bench_{i:04d}_name ON bench_{i:04d} (name);")
print("CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);")
print("INSERT INTO alembic_version VALUES ('base');")
print("COMMIT;")
PY
"${psql[@]}" -d "$db" -c "UPDATE alembic_version SET version_num = '$base'"
url="postgresql://$user@$host:$IDEMLINT_PG_PORT/$db"
pending=$("$root/idemlint" plan --format json --db "$url" "$data" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["summary"])' || true)
echo "chain: $revisions revisions, stamped at $base; database: $tables tables; summary: $pending" >&2

times=()
for _ in $(seq 1 "$runs"); do
  t=$( { /usr/bin/time -f "%e %U %S %M" "$root/idemlint" plan --format json --db "$url" "$data" >/dev/null || true; } 2>&1 | tail -n1)
  times+=("$t")
done
printf '%s\n' "${times[@]}" | python3 -c '
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
wall = sorted(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = statistics.median(r[3] for r in rows) / 1024
print(f"plan: wall {statistics.median(wall):.2f} s (min {wall[0]:.2f}, max {wall[-1]:.2f}), cpu {cpu:.2f} s, peak RSS {rss:.0f} MB over {len(rows)} runs")
'
