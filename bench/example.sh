#!/usr/bin/env bash
# The README's small-run figures: `lint --no-cache examples/basketball-api`, a process per run, with
# each launcher given, alternating round by round so every launcher sees the same load.
#
#   bench/example.sh [--runs N] [LAUNCHER...]     (default: 15 runs; ./idemlint, and the installed
#                                                 wheel's `idemlint` when one is on PATH)
#
# Prints the machine (CPU model, cores), the load average before and after, each launcher's
# `--version` line, then per launcher the median (min-max) wall seconds and the median user+sys CPU
# seconds, timed by GNU time. The first run of each launcher is a warm-up and is not counted.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs=15 launchers=()
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) launchers+=("$1"); shift ;;
  esac
done
if ((${#launchers[@]} == 0)); then
  launchers=("$root/idemlint")
  installed=$(command -v idemlint || true)
  [[ -n "$installed" && "$installed" != "$root/idemlint" ]] && launchers+=("$installed")
fi
[[ -x /usr/bin/time ]] || { echo "example.sh: needs GNU time (apt-get install -y time)" >&2; exit 2; }
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for l in "${launchers[@]}"; do
  "$l" lint --no-cache examples/basketball-api >/dev/null 2>&1 || true   # warm-up: builds, trains
  echo "$l: $("$l" --version 2>&1 | head -1)"
done
for ((r = 0; r < runs; r++)); do
  for i in "${!launchers[@]}"; do
    /usr/bin/time -f '%e %U %S' -a -o "$tmp/$i" "${launchers[$i]}" lint --no-cache examples/basketball-api \
      >/dev/null 2>/dev/null || true
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!launchers[@]}"; do
  python3 - "$tmp/$i" "${launchers[$i]}" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip() and line[0].isdigit()]
wall = [float(r[0]) for r in rows]
cpu = [float(r[1]) + float(r[2]) for r in rows]
print(f"{sys.argv[2]}: wall {statistics.median(wall):.3f} s ({min(wall):.2f}-{max(wall):.2f}), "
      f"CPU {statistics.median(cpu):.3f} s, {len(rows)} runs")
PY
done
