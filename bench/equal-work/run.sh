#!/usr/bin/env bash
# idemlint against Squawk on equal work: real revisions for idemlint, and for Squawk exactly the
# DDL/DML those revisions send to PostgreSQL.
#
#   bench/equal-work/run.sh [--runs N] [--copies K] [--idemlint CMD] [--java LABEL=JAVA]... [--tree DIR] [--daemon]
#                           [--daemon-warmup W] VERSIONS_DIR...
#
# For each VERSIONS_DIR (a real project's Alembic versions directory, extracted outside this
# repository) Debian's Alembic renders the chain offline (`alembic upgrade heads --sql`, env.py here)
# into SQL; split.py cuts it into one file per revision without Alembic's own statements (BEGIN,
# COMMIT, alembic_version). Offline rendering stops at the first revision that needs a live
# connection; only the revisions rendered completely before it are used, on both sides, so idemlint lints a
# sub-chain from the base whose SQL Squawk gets in full. The set is copied K times (default 1) into
# $TMPDIR/idemlint-equal-work/ to reach a size; each copy is its own versions tree. The tools then
# run in turn, round after round (N rounds, default 7), under /usr/bin/time, all writing JSON to
# /dev/null: `idemlint lint --format json --fail-on never` (CMD, default ./idemlint) once per
# --java (IDEMLINT_JAVA=JAVA for that row; default: one row with the launcher's own choice of Java),
# and Squawk's binary with `--reporter json`. Squawk is installed from npm (`squawk-cli`) outside this
# repository, in $IDEMLINT_BENCH_TOOLS (default ~/.cache/idemlint-bench). Prints medians of wall and
# user+sys CPU, and each row's ratio to Squawk: the ratio of the medians and the median of the
# rounds' own ratios (the tools timed back to back in one round).
# Each --java row is run three ways: `--no-cache` (cold), with the result cache warm (nothing changed
# since the last run: `warm`), and after one revision of one tree changed (`1 changed`: a comment line
# appended to a different revision each round, so only that tree is linted again). The caches live in
# each copied tree's project root, as by default. --tree DIR adds a row per --java: one revision of the
# single versions tree DIR changed (e.g. `bench/generate.py 3660 DIR`; a copy of DIR is used), timed
# after an untimed run has filled its cache (idemlint only: Squawk's work does not grow with a tree).
# --daemon adds the same rows per --java through `idemlint daemon` (started in the current directory,
# its socket in the data directory, two untimed runs first): a row's CPU is the client's plus the
# daemon's own during the run and the cache writes it does after answering (its /proc stat read
# before the run and after a `daemon status` that waits for them), counted as user time. The other
# rows run with IDEMLINT_DAEMON=0. --daemon-warmup W: W more untimed `--no-cache` runs before the first timed
# one (a daemon on C2, with IDEMLINT_JAVA_OPTS naming no TieredStopAtLevel, reaches its pace after 25 to 30).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="$(dirname "$here")"
root="$(dirname "$bench")"
runs=7 copies=1 idemlint="$root/idemlint" dirs=() javas=() tree= daemon=0 warmup=0
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --idemlint) idemlint="$2"; shift 2 ;;
    --java) javas+=("$2"); shift 2 ;;
    --tree) tree="$(cd "$2" && pwd)"; shift 2 ;;
    --daemon) daemon=1; shift ;;
    --daemon-warmup) warmup="$2"; shift 2 ;;
    -h|--help) sed -n 2,32p "$0"; exit 0 ;;
    *) dirs+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
((${#dirs[@]})) || { echo "run.sh: give one or more versions directories" >&2; exit 2; }
tools="${IDEMLINT_BENCH_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/idemlint-bench}"
squawk="$tools/node_modules/@squawk-cli/linux-x64/bin/squawk"
[[ -x "$squawk" ]] || { mkdir -p "$tools" && npm install --silent --prefix "$tools" squawk-cli >&2; }
((${#javas[@]})) || javas=("idemlint=")

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
export IDEMLINT_DAEMON=0 IDEMLINT_DAEMON_DIR="$data/daemons"
ticks=$(getconf CLK_TCK)
# the daemon's CPU ticks so far (user + system), or 0 with no daemon
daemon_ticks() {
  if [[ -n "${dpid:-}" ]]; then
    local stat
    read -r stat < "/proc/$dpid/stat"
    stat="${stat##*) }"
    read -r -a f <<< "$stat"
    echo $(( f[11] + f[12] ))
  else
    echo 0
  fi
}
# timed LABEL ROUND COMMAND...: one timed run, a row of the log
timed() {
  local label="$1" round="$2" before after
  shift 2
  before=$(daemon_ticks)
  /usr/bin/time -o "$log.t" -f '%e\t%U\t%S' "$@" > /dev/null
  # the daemon writes the result cache after its client has the answer: `status` is served once that is
  # done, so the row counts that work and the next row does not run beside it
  [[ -z "${dpid:-}" ]] || IDEMLINT_DAEMON=1 "$idemlint" daemon status > /dev/null
  after=$(daemon_ticks)
  IFS=$'\t' read -r wall user sys < <(tail -n 1 "$log.t")
  user=$(/usr/bin/python3 -c "print('%.2f' % ($user + ($after - $before) / $ticks))")
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$round" "$wall" "$user" "$sys" >> "$log"
}
# one untimed run each: page cache, and the launcher records its class-data archive for that Java
for spec in "${javas[@]}"; do
  IDEMLINT_JAVA="${spec#*=}" "$idemlint" lint --format json --fail-on never "$data"/py/*/versions > /dev/null
done
revisions=("$data"/py/*/versions/*.py)
changed=("${revisions[@]:0:runs}")
if [[ -n "$tree" ]]; then
  cp -r "$tree" "$data/tree"
  [[ -d "$data/tree/versions" ]] && big="$data/tree/versions" || big="$data/tree"
  for spec in "${javas[@]}"; do
    IDEMLINT_JAVA="${spec#*=}" "$idemlint" lint --format json --fail-on never "$big" > /dev/null
  done
  in_tree=("$big"/*.py)
  big_n=${#in_tree[@]}
fi
"$squawk" --reporter json "$data/sql/*.sql" > /dev/null || true
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
modes=(direct)
((daemon)) && modes+=(daemon)
for ((r = 1; r <= runs; r++)); do
  for spec in "${javas[@]}"; do
    export IDEMLINT_JAVA="${spec#*=}"
    for mode in "${modes[@]}"; do
      name="${spec%%=*}" dpid=""
      if [[ $mode == daemon ]]; then
        name="$name daemon"
        # one daemon per Java, left running between rounds; two untimed runs warm it up
        if ! IDEMLINT_DAEMON=1 "$idemlint" daemon status > "$log.d" 2>&1; then
          IDEMLINT_DAEMON=1 "$idemlint" daemon start > /dev/null
          for _ in 1 2; do
            IDEMLINT_DAEMON=1 "$idemlint" lint --format json --fail-on never "$data"/py/*/versions > /dev/null
            [[ -z "$tree" ]] || IDEMLINT_DAEMON=1 "$idemlint" lint --format json --fail-on never "$big" > /dev/null
          done
          for ((w = 0; w < warmup; w++)); do
            IDEMLINT_DAEMON=1 "$idemlint" lint --no-cache --format json --fail-on never "$data"/py/*/versions > /dev/null
          done
          IDEMLINT_DAEMON=1 "$idemlint" daemon status > "$log.d"
        fi
        dpid=$(sed -n 's/^idemlint: daemon \([0-9]*\) .*/\1/p' "$log.d")
        export IDEMLINT_DAEMON=1
      fi
      timed "$name cold" "$r" "$idemlint" lint --no-cache --format json --fail-on never "$data"/py/*/versions
      timed "$name warm" "$r" "$idemlint" lint --format json --fail-on never "$data"/py/*/versions
      printf '# changed in round %s, %s\n' "$r" "$mode" >> "${changed[$(( (r - 1) % ${#changed[@]} ))]}"
      timed "$name 1 changed" "$r" "$idemlint" lint --format json --fail-on never "$data"/py/*/versions
      if [[ -n "$tree" ]]; then
        printf '# changed in round %s, %s\n' "$r" "$mode" >> "${in_tree[$(( (r * 37) % big_n ))]}"
        timed "$name 1 changed in one tree of $big_n" "$r" "$idemlint" lint --format json --fail-on never "$big"
      fi
      export IDEMLINT_DAEMON=0
    done
  done
  dpid=""
  timed "squawk $("$squawk" --version | tr -dc '0-9.')" "$r" "$squawk" --reporter json "$data/sql/*.sql" || true
done
if ((daemon)); then
  for spec in "${javas[@]}"; do
    IDEMLINT_JAVA="${spec#*=}" IDEMLINT_DAEMON=1 "$idemlint" daemon stop > /dev/null || true
  done
fi
echo "$runs rounds; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
/usr/bin/python3 - "$log" <<'PY'
import statistics, sys
rows, rounds = {}, {}
for line in open(sys.argv[1]):
    tool, r, wall, user, sys_ = line.rstrip("\n").split("\t")
    rows.setdefault(tool, []).append((float(wall), float(user) + float(sys_)))
    rounds.setdefault(r, {})[tool] = (float(wall), float(user) + float(sys_))
squawk = next(t for t in rows if t.startswith("squawk"))
med = lambda v, k: statistics.median(x[k] for x in v)
print("| tool | wall s, median (min-max) | CPU s, median | wall / Squawk (medians; rounds' median) | CPU / Squawk |")
print("|---|---|---:|---:|---:|")
for tool, v in rows.items():
    w = [a for a, _ in v]
    ratio = ""
    if tool != squawk:
        per_round = statistics.median(x[tool][0] / x[squawk][0] for x in rounds.values() if x[squawk][0] > 0)
        ratio = "%.2f; %.2f | %.2f" % (med(v, 0) / med(rows[squawk], 0), per_round, med(v, 1) / med(rows[squawk], 1))
    else:
        ratio = " | "
    print("| %s | %.2f (%.2f-%.2f) | %.2f | %s |" % (tool, statistics.median(w), min(w), max(w), med(v, 1), ratio))
PY
