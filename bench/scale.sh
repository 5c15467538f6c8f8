#!/usr/bin/env bash
# Times `idemlint lint` on one large revision per shape and on a long chain, to show that the work
# grows linearly with the input (issue 26). Not a test: nothing in `mvn verify` runs it.
#
#   bench/scale.sh [--jar JAR] [--runs N] [--sizes "0.25 0.5 1 2 5"] [--chain N] [--heap 512m]
#
# For each size (MB) it generates (bench/scale.py, cached in bench/.data/scale) a revision of op
# calls, one of op.execute calls and one of a single SQL string, then times each with /usr/bin/time
# (wall, user+sys CPU, peak RSS; the median of N runs), JSON to /dev/null, the result cache off. Then 8,000
# create_table + create_index + drop_table triples, 8,000 columns of one table each added, indexed, renamed
# and dropped, one op.execute of 16,000 CREATE INDEX CONCURRENTLY
# statements under -Xmx (--heap), hostile reads (a statement of 20,000 FROMs, a 1 MiB literal, 5,000 reads then
# 5,000 drops), the schema-state shapes of bench/scale.py at 8,000, and a chain of --chain revisions (20,000 by default); each shape of
# 5 MB or more runs again under -Xmx (--heap). A run that fails (out of memory, exit >= 2) or passes
# 600 s is reported as such.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$root/target/idemlint.jar"
# the launcher's default flags on a machine with 2 GB or more (see ./idemlint), without its class-data
# archive, so that another jar (--jar, a build from before a change) runs the same way
flags=(-XX:+UseParallelGC -XX:MaxNewSize=128m -XX:MaxTenuringThreshold=0 -XX:InitialRAMPercentage=4
  -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=50 -XX:Tier3MinInvocationThreshold=25
  -XX:Tier3CompileThreshold=500 -XX:Tier3BackEdgeThreshold=5000)
runs=1
sizes="0.25 0.5 1 2 5"
chain=20000
heap=512m
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) jar="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --chain) chain="$2"; shift ;;
    --heap) heap="$2"; shift ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) echo "scale.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[[ -x /usr/bin/time ]] || { echo "scale.sh: needs GNU time (apt-get install -y time)" >&2; exit 2; }
if [[ "$jar" == "$root/target/idemlint.jar" && ( ! -f "$jar" || -n "$(find "$root/src" -newer "$jar" -print -quit)" ) ]]; then
  echo "building idemlint..." >&2
  (cd "$root" && mvn -B -q -o package -DskipTests) >&2
fi
data="$here/.data/scale"
mkdir -p "$data"
# the result cache off; a jar from before the cache (--jar) has no --no-cache and nothing to turn off
nocache=(--no-cache)
java -jar "$jar" lint --help 2>/dev/null | grep -q -- --no-cache || nocache=()

gen() { # shape size dir
  [[ -d "$3/versions" ]] || python3 "$here/scale.py" "$1" "$2" "$3"
}

# one row: label, then the median wall / CPU / RSS of $runs runs of `java $flags -jar $jar lint DIR`
time_one() { # label dir [java flags...]
  local label="$1" dir="$2"; shift 2
  local rows=() status=ok
  for ((r = 0; r < runs; r++)); do
    local rc=0
    /usr/bin/time -o "$data/time.txt" -f '%e %U %S %M' timeout 600 java "${flags[@]}" "$@" -jar "$jar" lint "${nocache[@]}" \
      --format json --fail-on never "$dir" > /dev/null 2> "$data/stderr.txt" || rc=$?
    [[ $rc -ne 0 ]] && status="failed (exit $rc)"
    rows+=("$(tail -1 "$data/time.txt")")
  done
  printf '%s\n' "${rows[@]}" | sort -n | awk -v label="$label" -v status="$status" -v n="$runs" '
    { w[NR] = $1; c[NR] = $2 + $3; m[NR] = $4 }
    END { i = int((n + 1) / 2); printf "| %s | %.2f | %.2f | %d | %s |\n", label, w[i], c[i], m[i] / 1024, status }'
}

echo "| input | wall s | CPU s (user+sys) | peak RSS MB | status |"
echo "|---|---:|---:|---:|---|"
for size in $sizes; do
  bytes=$(python3 -c "print(int($size * 1000000))")
  for shape in ops executes sql; do
    gen "$shape" "$bytes" "$data/$shape-$size"
    time_one "$size MB, $shape" "$data/$shape-$size"
  done
done
# the issue's target is a 5 MB revision under 512 MB of heap: measured with -Xmx, not read from RSS
for size in $sizes; do
  if python3 -c "import sys; sys.exit(0 if $size >= 5 else 1)"; then
    for shape in ops executes sql; do
      time_one "$size MB, $shape, -Xmx$heap" "$data/$shape-$size" "-Xmx$heap"
    done
  fi
done
gen triples 8000 "$data/triples-8000"
time_one "8,000 create_table + create_index + drop_table" "$data/triples-8000"
gen columns 8000 "$data/columns-8000"
time_one "one table: 8,000 add_column, create_index, rename, drop_column" "$data/columns-8000"
gen concurrently 16000 "$data/concurrently-16000"
time_one "16,000 CREATE INDEX CONCURRENTLY in one execute, -Xmx$heap" "$data/concurrently-16000" "-Xmx$heap"
gen froms 500000 "$data/froms-500000"
time_one "one read, 0.5 MB: 20,000 FROMs of substring(), one table" "$data/froms-500000"
gen literal 1048576 "$data/literal-1048576"
time_one "one read holding a 1 MiB string literal" "$data/literal-1048576"
gen reads 5000 "$data/reads-5000"
time_one "5,000 reads of one table, then 5,000 drop_column" "$data/reads-5000"
# the schema state's own lookups: a table's drop or rename, named opaque code, DROP TYPE ... CASCADE, a long guard,
# one table's many foreign keys, statements of names read at run time
for shape in fkdrops fkrenames helpers typedrops guards guardsnamed fkmany dynamic dynamicmix touchmix wide; do
  gen "$shape" 8000 "$data/$shape-8000"
  time_one "8,000 $shape (bench/scale.py)" "$data/$shape-8000"
done
gen chain "$chain" "$data/chain-$chain"
time_one "chain of $chain revisions" "$data/chain-$chain"
