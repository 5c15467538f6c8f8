#!/usr/bin/env bash
# Where a run's wall time goes, phase by phase: builds the current commit with phase timestamps in a
# throwaway git worktree (bench/tools/phase-patch.py; main is never touched), records its AppCDS
# archive, then lints DIR RUNS times with the launcher's JVM flags and prints milliseconds since the
# process started at each phase boundary, and at exit. COMMIT (default HEAD) measures another commit.
#
#   bench/tools/phase-times.sh bench/.data/3700 5 [COMMIT]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$(cd "${1:?usage: phase-times.sh DIR RUNS [COMMIT]}" && pwd)" runs="${2:-5}" commit="${3:-HEAD}"
wt="$(mktemp -d)"
trap 'git -C "$here" worktree remove --force "$wt" >/dev/null 2>&1 || rm -rf "$wt"' EXIT
git -C "$here" worktree add --detach -q "$wt" "$commit"
python3 "$wt/bench/tools/phase-patch.py" "$wt" # the commit's own anchors
(cd "$wt" && mvn -B -q -o package -DskipTests -Didemlint.skipArchive=true) >&2
flags="-XX:+UseParallelGC -XX:MaxNewSize=128m -XX:MaxTenuringThreshold=0 -XX:InitialRAMPercentage=4 -XX:-UsePerfData -XX:TieredStopAtLevel=1"
flags="$flags -XX:Tier3InvocationThreshold=50 -XX:Tier3MinInvocationThreshold=25 -XX:Tier3CompileThreshold=500"
flags="$flags -XX:Tier3BackEdgeThreshold=5000"
# shellcheck disable=SC2086
java $flags -XX:ArchiveClassesAtExit="$wt/phase.jsa" -jar "$wt/target/idemlint.jar" \
  lint --format json --fail-on never "$here/examples/basketball-api" > /dev/null 2>&1 || true
for ((i = 0; i < runs; i++)); do
  start=$(date +%s%3N)
  # shellcheck disable=SC2086
  /usr/bin/time -f "TIME %U %S" java $flags -XX:SharedArchiveFile="$wt/phase.jsa" -jar "$wt/target/idemlint.jar" \
    lint --format json --fail-on never "$dir" 2> "$wt/phases.err" > /dev/null || true
  end=$(date +%s%3N)
  awk -v s="$start" -v e="$end" '/^PHASE/ {printf "%s=%d/%d ", $2, $3 - s, $4} /^TIME/ {cpu = 1000 * ($2 + $3)} END {printf "exit=%d/%d\n", e - s, cpu}' "$wt/phases.err"
done
