#!/usr/bin/env bash
# JFR profile of warm runs (nothing changed), of runs with one revision changed, or of cold runs, of
# one idemlint checkout on the equal-work trees, the way bench/NOTES.md reads them.
#
#   bench/equal-work/profile.sh [--changed|--cold] RUNS IDEMLINT_DIR OUT [TREES]
#   bench/equal-work/profile.sh 5 . /tmp/prof
#
# IDEMLINT_DIR holds the `idemlint` launcher and target/idemlint.jar. TREES is a directory of versions
# trees (default: what run.sh left in $TMPDIR/idemlint-equal-work/py), copied to OUT/trees. The JVM gets
# the launcher's default flags plus what JFR needs, and an AOT cache the launcher records for exactly
# those flags: with the launcher's own cache the JVM refuses it once `jdk.jfr` is added (the module
# graph differs) and the profile would show class loading a user's run does not do. One untimed run
# fills the result cache; then RUNS recorded runs, each at 1 ms Java and native sampling (--changed:
# a comment line appended to the same revision before each; --cold: each run with `--no-cache`).
# Writes OUT/samples.txt (Java execution samples) and OUT/native.txt (threads in native code: file
# reads, stats), both with 300 frames (`jfr print`'s default of 5 makes every inclusive share
# meaningless), and prints bench/jfr-top.py of each. Java samples leave out C1's compiler thread and
# the GC (a third or more of a warm run).
set -euo pipefail
changed=0 cache=()
[[ "${1:-}" == --changed ]] && { changed=1; shift; }
[[ "${1:-}" == --cold ]] && { cache=(--no-cache); shift; }
[[ $# -ge 3 ]] || { sed -n 2,16p "$0"; exit 2; }
runs="$1" dir="$(cd "$2" && pwd)" out="$3"
trees="${4:-${TMPDIR:-/tmp}/idemlint-equal-work/py}"
[[ -d "$trees" ]] || { echo "profile.sh: no trees in $trees (run run.sh first, or name a directory)" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# the launcher's default flags on a machine with 2 GB or more (keep in step with ./idemlint)
jit="-XX:TieredStopAtLevel=1 -XX:Tier3InvocationThreshold=50 -XX:Tier3MinInvocationThreshold=25"
jit="$jit -XX:Tier3CompileThreshold=500 -XX:Tier3BackEdgeThreshold=5000"
opts="-XX:+UseParallelGC -XX:MaxNewSize=128m -XX:MaxTenuringThreshold=0 -XX:InitialRAMPercentage=4 -XX:-UsePerfData $jit"
opts="$opts --add-modules=jdk.jfr -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints"
java="${IDEMLINT_JAVA:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -n 1)/bin/java}"
IDEMLINT_JAVA="$java" IDEMLINT_JAVA_OPTS="$opts" "$dir/idemlint" --version > /dev/null
aot="$(ls -t "$dir"/target/idemlint-*-flags*.aot | head -n 1)"
mkdir -p "$out"
rm -rf "$out/trees" "$out"/run*.jfr
cp -r "$trees" "$out/trees"
settings="$out/1ms.jfc"
sed 's/>[0-9]* ms</>1 ms</' "${java%/bin/java}/lib/jfr/profile.jfc" > "$settings"
read -r -a flags <<< "$opts"
cd "$out"
"$java" "${flags[@]}" -XX:AOTCache="$aot" -jar "$dir/target/idemlint.jar" lint --format json --fail-on never \
  trees/*/versions > fill.json || true
revisions=(trees/*/versions/*.py)
first="${revisions[0]}"
for ((i = 0; i < runs; i++)); do
  ((changed)) && echo "# changed $i" >> "$first"
  "$java" "${flags[@]}" -XX:AOTCache="$aot" -Xlog:aot=warning -Xlog:jfr+startup=off \
    -XX:StartFlightRecording=settings="$settings",filename="run$i.jfr" \
    -jar "$dir/target/idemlint.jar" lint "${cache[@]}" --format json --fail-on never trees/*/versions > run.json || true
  ((changed)) || cmp -s run.json fill.json || echo "profile.sh: run $i printed other JSON than the fill" >&2
done
jfr="${java%/java}/jfr"
for event in ExecutionSample NativeMethodSample; do
  for ((i = 0; i < runs; i++)); do
    "$jfr" print --stack-depth 300 --events "jdk.$event" "run$i.jfr"
  done > "$([[ $event == ExecutionSample ]] && echo samples.txt || echo native.txt)"
done
echo "== Java samples"
python3 "$here/../jfr-top.py" samples.txt --top 40
echo "== native samples"
python3 "$here/../jfr-top.py" native.txt --top 25
