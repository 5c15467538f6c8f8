#!/usr/bin/env bash
# Times `idemlint lint` against `squawk` on generated projects of growing size, side by side.
#
#   bench/run.sh [--quick] [--no-20000] [--runs N] [--sizes "50 500 3700"] [--variants]
#
# --variants also times idemlint under other JVM set-ups (no class-data archive, Java 25 with and
# without its AOT cache, C2, other collectors), each as its own row.
#
# For each size N it generates (once, cached in bench/.data/N) N Alembic revision files and N
# equivalent SQL files, then alternates idemlint and squawk runs so that both see the same
# machine load. Each run is measured with /usr/bin/time: wall, user+sys CPU, peak RSS. The table
# (medians, min-max of wall) goes to stdout and bench/RESULTS.md. Both tools write JSON to
# /dev/null and neither fails on findings. Not a test: nothing in `mvn verify` runs it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
sizes="50 500 3700 20000"
runs=7
variants=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-20000) sizes="${sizes/ 20000/}" ;;
    --quick) sizes="50 500 3700"; runs=3 ;;
    --runs) runs="$2"; shift ;;
    --sizes) sizes="$2"; shift ;;
    --variants) variants=1 ;;
    -h|--help) sed -n 2,14p "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

py="$(command -v python3 || echo /usr/bin/python3)"
[[ -x /usr/bin/time ]] || { echo "run.sh: needs GNU time (apt-get install -y time)" >&2; exit 2; }

# -- tools -------------------------------------------------------------------------------------
if [[ ! -f "$root/target/idemlint.jar" || -n "$(find "$root/src" "$root/grammar" "$root/pom.xml" -newer "$root/target/idemlint.jar" -print -quit)" ]]; then
  echo "building idemlint..." >&2
  (cd "$root" && { mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests; }) >&2
fi
squawk="$here/.tools/node_modules/@squawk-cli/linux-x64/bin/squawk"
if [[ ! -x "$squawk" ]]; then
  echo "installing squawk-cli from npm into bench/.tools..." >&2
  npm install --silent --prefix "$here/.tools" squawk-cli >&2
fi
# The npm package's `squawk` is a node wrapper that spawns the native binary; we time the binary
# (the wrapper adds node's start-up, ~40 ms, which a Rust user installing by cargo/brew never pays).

# -- data --------------------------------------------------------------------------------------
mkdir -p "$here/.data" "$here/.runs"
for n in $sizes; do
  d="$here/.data/$n"
  if [[ ! -f "$d/.done" || "$here/generate.py" -nt "$d/.done" ]]; then
    echo "generating $n revisions..." >&2
    "$py" "$here/generate.py" "$n" "$d"
    touch "$d/.done"
  fi
done

# -- runs --------------------------------------------------------------------------------------
log="$here/.runs/$(date +%Y%m%d-%H%M%S).tsv"
printf 'size\ttool\trun\twall\tuser\tsys\trss_kb\n' > "$log"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
measure() { # size tool run cmd...
  local n="$1" tool="$2" r="$3"; shift 3
  local t="$here/.runs/time.out"
  /usr/bin/time -o "$t" -f '%e\t%U\t%S\t%M' "$@" > /dev/null 2>&1 || true
  printf '%s\t%s\t%s\t%s\n' "$n" "$tool" "$r" "$(tail -1 "$t")" >> "$log"
}
# name => environment for ./idemlint, assignments separated by ';' (the launcher reads
# IDEMLINT_JAVA, IDEMLINT_CDS and IDEMLINT_JAVA_OPTS)
j25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
tools=(idemlint squawk)
declare -A env_of=([idemlint]="" [squawk]="")
if [[ "$variants" == 1 ]]; then
  env_of+=(
    [j17-no-cds]="IDEMLINT_CDS=0"
    [j17-c2]="IDEMLINT_JAVA_OPTS=-XX:+UseParallelGC -XX:MaxNewSize=100m -XX:InitialRAMPercentage=4"
    [j17-serialgc]="IDEMLINT_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
    [j17-parallelgc-uncapped]="IDEMLINT_JAVA_OPTS=-XX:+UseParallelGC -XX:TieredStopAtLevel=1"
    [j17-g1-tiered]="IDEMLINT_JAVA_OPTS=-Xshare:auto"
  )
  tools+=(j17-no-cds j17-c2 j17-serialgc j17-parallelgc-uncapped j17-g1-tiered)
  if [[ -x "$j25" ]]; then
    env_of+=([j25-aot]="IDEMLINT_JAVA=$j25" [j25-no-aot]="IDEMLINT_JAVA=$j25;IDEMLINT_CDS=0"
             [j25-aot-c2]="IDEMLINT_JAVA=$j25;IDEMLINT_JAVA_OPTS=-XX:+UseParallelGC -XX:MaxNewSize=100m -XX:InitialRAMPercentage=4")
    tools+=(j25-aot j25-no-aot j25-aot-c2)
  fi
fi
cmd=()
set_cmd() { # tool dir: sets cmd to the command line of one run
  local tool="$1" d="$2" envs=()
  IFS=';' read -r -a envs <<< "${env_of[$tool]}"
  if [[ "$tool" == squawk ]]; then
    # the pattern is squawk's to expand: 20,000 paths would crowd the argument list
    cmd=("$squawk" --reporter json "$d/sql/*.sql")
  else
    cmd=(env "${envs[@]}" "$root/idemlint" lint --no-cache --format json --fail-on never "$d/versions")
  fi
}
for n in $sizes; do
  d="$here/.data/$n"
  k="$runs"
  [[ "$n" -ge 20000 && "$runs" -gt 3 ]] && k=3
  echo "timing N=$n ($k runs each)..." >&2
  # one untimed warm-up of each, so the page cache holds the files (and archives exist) for all
  for t in "${tools[@]}"; do
    set_cmd "$t" "$d"
    "${cmd[@]}" > /dev/null 2>&1 || true
  done
  for ((r = 1; r <= k; r++)); do
    # interleaved, so every tool sees the same spread of machine load; exit codes are ignored
    # (squawk exits 1 on findings and has no --fail-on)
    for t in "${tools[@]}"; do
      set_cmd "$t" "$d"
      measure "$n" "$t" "$r" "${cmd[@]}"
    done
  done
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

# -- report ------------------------------------------------------------------------------------
"$py" - "$log" "$here/.data" "$load_before" "$load_after" <<'EOF' | tee "$here/RESULTS.md"
import collections, os, statistics, sys, platform, subprocess
log, data, lb, la = sys.argv[1:5]
rows = collections.defaultdict(list)
walls_by_run = collections.defaultdict(dict)  # (n, run) -> tool -> wall
for line in open(log).read().splitlines()[1:]:
    n, tool, r, wall, user, sys_, rss = line.split("\t")
    rows[(int(n), tool)].append((float(wall), float(user) + float(sys_), int(rss)))
    walls_by_run[(int(n), int(r))][tool] = float(wall)
def size_mb(n, sub):
    d = os.path.join(data, str(n), sub)
    return sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d)) / 1e6
def java_version():
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
        return out[0].split('"')[1]
    except Exception:
        return "?"
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"## Benchmark: idemlint vs squawk\n")
print(f"Machine: {os.cpu_count()} cores ({cpu}), Java {java_version()}, load average before {lb}, after {la}"
      " (other jobs share the machine: wall times are noisy, CPU times less so).\n")
print("| files | tool | input MB | wall s (median, min-max) | CPU s (user+sys) | files/s | MB/s | peak RSS MB |")
print("|---:|---|---:|---|---:|---:|---:|---:|")
med = {}
for (n, tool), v in sorted(rows.items()):
    walls = [x[0] for x in v]
    w = statistics.median(walls)
    c = statistics.median(x[1] for x in v)
    m = statistics.median(x[2] for x in v) / 1024
    mb = size_mb(n, "sql" if tool == "squawk" else "versions")
    med[(n, tool)] = (w, c)
    print(f"| {n} | {tool} | {mb:.1f} | {w:.2f} ({min(walls):.2f}-{max(walls):.2f}) | {c:.2f} | {n / w:,.0f} | {mb / w:.1f} | {m:.0f} |")
print()
for n in sorted({n for n, _ in rows}):
    if (n, "idemlint") in med and (n, "squawk") in med:
        (wi, ci), (ws, cs) = med[(n, "idemlint")], med[(n, "squawk")]
        # each run times the tools back to back, so a run's own ratio leaves out most of the host's
        # drift between runs; its spread says how far one run can be from the median
        paired = sorted(t["idemlint"] / t["squawk"] for (m, _), t in walls_by_run.items()
                        if m == n and "idemlint" in t and "squawk" in t and t["squawk"] > 0)
        spread = (f"; run by run {statistics.median(paired):.2f} ({paired[0]:.2f}-{paired[-1]:.2f})"
                  if paired else "")
        print(f"- N={n}: idemlint/squawk wall ratio **{wi / ws:.2f}**, CPU ratio {ci / cs:.2f}"
              f" ({len(rows[(n, 'idemlint')])} runs each{spread})")
print(f"\nRaw runs: {os.path.relpath(log)}")
EOF
