#!/usr/bin/env bash
# Alternating cold-run A/B of two idemlint builds or JVM flag sets on one input, for changes too
# small for bench/run.sh's single-tool medians to show (cold runs vary +-10-25% on a shared machine).
#
#   bench/ab.sh DIR RUNS "JAR_A [JVM flags]" "JAR_B [JVM flags]"
#   bench/ab.sh bench/.data/3700 11 "/tmp/before.jar" "target/idemlint.jar"
#   bench/ab.sh bench/.data/20000 3 "target/idemlint.jar -XX:+UseSerialGC" "target/idemlint.jar"
#
# Flags default to the launcher's (ParallelGC, young generation capped, C1). Each side gets its own
# AppCDS archive, recorded once from a lint of examples/, as the launcher would. Runs alternate
# A, B, A, B...; prints the median and minimum wall time and CPU (user+sys), and the median peak RSS per side.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[[ $# -eq 4 ]] || { sed -n 2,12p "$0"; exit 2; }
dir="$1" runs="$2"
defaults="-XX:+UseParallelGC -XX:MaxNewSize=128m -XX:MaxTenuringThreshold=0 -XX:InitialRAMPercentage=4 -XX:-UsePerfData -XX:TieredStopAtLevel=1"
defaults="$defaults -XX:Tier3InvocationThreshold=50 -XX:Tier3MinInvocationThreshold=25 -XX:Tier3CompileThreshold=500"
defaults="$defaults -XX:Tier3BackEdgeThreshold=5000"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
sides=("$3" "$4")
for k in 0 1; do
  read -r -a parts <<< "${sides[$k]}"
  jar="${parts[0]}"
  flags="${parts[*]:1}"
  [[ -n "$flags" ]] || flags="$defaults"
  cp "$jar" "$tmp/$k.jar"
  echo "$flags" > "$tmp/$k.flags"
  # shellcheck disable=SC2086
  java $flags -XX:ArchiveClassesAtExit="$tmp/$k.jsa" -Xlog:disable -Xlog:all=off -jar "$tmp/$k.jar" \
    lint --no-cache --format json --fail-on never "$here/examples/basketball-api" > /dev/null 2>&1 || true
done
for ((i = 0; i < runs; i++)); do
  for k in 0 1; do
    flags="$(cat "$tmp/$k.flags")"
    # shellcheck disable=SC2086
    /usr/bin/time -f "$k %e %U %S %M" java $flags -XX:SharedArchiveFile="$tmp/$k.jsa" -Xlog:cds=off \
      -jar "$tmp/$k.jar" lint --no-cache --format json --fail-on never "$dir" 2>&1 > /dev/null | tail -1
  done
done | python3 -c '
import collections, statistics as st, sys
names = sys.argv[1:3]
d = collections.defaultdict(list)
for line in sys.stdin:
    k, wall, user, sys_, rss = line.split()
    d[int(k)].append((float(wall), float(user) + float(sys_), float(rss) / 1024))
for k in sorted(d):
    v = d[k]
    print(f"{names[k]}: wall {st.median(x[0] for x in v):.2f} s (min {min(x[0] for x in v):.2f}), "
          f"CPU {st.median(x[1] for x in v):.2f} s (min {min(x[1] for x in v):.2f}), peak RSS {st.median(x[2] for x in v):.0f} MB, {len(v)} runs")
' "A (${sides[0]})" "B (${sides[1]})"
