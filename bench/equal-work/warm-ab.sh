#!/usr/bin/env bash
# Alternating warm-run A/B of two idemlint launchers on the equal-work trees, for changes to the
# result cache's hit path too small for run.sh's medians to show on a shared machine.
#
#   bench/equal-work/warm-ab.sh [--cold|--changed] RUNS LAUNCHER_A LAUNCHER_B [TREES]
#   bench/equal-work/warm-ab.sh 9 /tmp/main/idemlint ./idemlint
#
# TREES is a directory of versions trees (default: what run.sh left in $TMPDIR/idemlint-equal-work/py).
# Each side gets its own copy of it, under one relative name, so both print the same paths; one
# untimed run per side fills its caches (their JSON must match), then rounds run A, B, A, B... with
# the cache warm (nothing changed), each round's JSON compared with the fill's. Prints per side the
# median and range of wall and user+sys CPU seconds, the median of the rounds' own CPU ratios B/A,
# and the load average per round. --cold times the rounds with `--no-cache` instead (per-revision work).
# --changed appends a comment line to one revision before each round (revision 37*round modulo the
# count, the same in both copies), so each timed run re-lints the tree holding it (e.g. one tree of
# `bench/generate.py 3660`); each round's JSON of A is compared with B's instead of with the fill's.
set -euo pipefail
cache=() changed=0
[[ "${1:-}" == --cold ]] && { cache=(--no-cache); shift; }
[[ "${1:-}" == --changed ]] && { changed=1; shift; }
[[ $# -ge 3 ]] || { sed -n 2,16p "$0"; exit 2; }
runs="$1" a="$2" b="$3"
trees="${4:-${TMPDIR:-/tmp}/idemlint-equal-work/py}"
[[ -d "$trees" ]] || { echo "warm-ab.sh: no trees in $trees (run run.sh first, or name a directory)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
launchers=("$a" "$b")
for k in 0 1; do
  mkdir -p "$tmp/$k"
  # modification times kept: a project's revisions are not seconds old when it is linted
  cp -rp "$trees" "$tmp/$k/trees"
  (cd "$tmp/$k" && "${launchers[$k]}" lint --format json --fail-on never trees/*/versions > "$tmp/$k.fill.json") || true
done
cmp -s "$tmp/0.fill.json" "$tmp/1.fill.json" || echo "warm-ab.sh: A and B print different JSON" >&2
for ((i = 0; i < runs; i++)); do
  for k in 0 1; do
    if ((changed)); then
      revisions=("$tmp/$k"/trees/*/versions/*.py)
      printf '# changed in round %s\n' "$i" >> "${revisions[$(( (i + 1) * 37 % ${#revisions[@]} ))]}"
    fi
    (cd "$tmp/$k" && /usr/bin/time -f "$k %e %U %S" -o "$tmp/t" "${launchers[$k]}" lint "${cache[@]}" \
      --format json --fail-on never trees/*/versions > "$tmp/$k.json") || true
    tail -n 1 "$tmp/t" >> "$tmp/times"
    ((changed)) || cmp -s "$tmp/$k.json" "$tmp/$k.fill.json" \
      || echo "warm-ab.sh: round $i, side $k: JSON differs from its fill run" >&2
  done
  ((changed)) && { cmp -s "$tmp/0.json" "$tmp/1.json" || echo "warm-ab.sh: round $i: A and B print different JSON" >&2; }
  echo "round $i: load $(cut -d' ' -f1 /proc/loadavg)"
done
python3 - "$tmp/times" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    k, wall, user, system = line.split()
    rows.setdefault(k, []).append((float(wall), float(user) + float(system)))
for k, name in (("0", "A"), ("1", "B")):
    wall = [r[0] for r in rows[k]]
    cpu = [r[1] for r in rows[k]]
    print(f"{name}: wall {statistics.median(wall):.2f} s ({min(wall):.2f}-{max(wall):.2f}), "
          f"CPU {statistics.median(cpu):.2f} s ({min(cpu):.2f}-{max(cpu):.2f}), {len(cpu)} runs")
print("B/A CPU, median of the rounds' ratios: %.3f"
      % statistics.median(b[1] / a[1] for a, b in zip(rows["0"], rows["1"])))
PY
