#!/usr/bin/env bash
# Start-up of the installed wheel against ./idemlint on a small generated project, side by side.
#
#   bench/startup.sh [--runs N] [--size N] [WHEEL...]     (default: target/dist/*.whl, 21 runs, 50 files)
#
# Each wheel is installed into its own fresh virtualenv under bench/.runs/ (pip --no-index) and run
# through its `idemlint` console script, exactly as a user runs it; ./idemlint runs on the java it
# finds (IDEMLINT_JAVA, JAVA_HOME, PATH). Runs alternate between the launchers so every one sees the
# same machine load; each is `lint --format json --fail-on never` of bench/.data/N/versions, timed
# by /usr/bin/time. Prints medians (min-max) of wall time and the median user+sys CPU.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs=21 size=50 wheels=()
while (($#)); do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    -h|--help) sed -n 2,11p "$0"; exit 0 ;;
    *) wheels+=("$1"); shift ;;
  esac
done
((${#wheels[@]})) || wheels=("$root"/target/dist/*.whl)
[[ -f "${wheels[0]}" ]] || { echo "startup.sh: no wheel (run scripts/dist)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "startup.sh: needs GNU time (apt-get install -y time)" >&2; exit 2; }

d="$here/.data/$size"
if [[ ! -f "$d/.done" || "$here/generate.py" -nt "$d/.done" ]]; then
  python3 "$here/generate.py" "$size" "$d"
  touch "$d/.done"
fi
mkdir -p "$here/.runs"
names=(./idemlint) cmds=("$root/idemlint")
for i in "${!wheels[@]}"; do
  venv="$here/.runs/venv-$i"
  rm -rf "$venv"
  /usr/bin/python3 -m venv "$venv"
  "$venv/bin/pip" install -q --no-index --disable-pip-version-check "${wheels[$i]}"
  names+=("$(basename "${wheels[$i]}") ($("$venv/bin/idemlint" --version | sed -n '2s/ (.*//p'))")
  cmds+=("$venv/bin/idemlint")
done

log="$here/.runs/startup-$(date +%Y%m%d-%H%M%S).tsv"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
for c in "${cmds[@]}"; do "$c" lint --no-cache --format json --fail-on never "$d/versions" > /dev/null; done  # warm-up
for ((r = 1; r <= runs; r++)); do
  for i in "${!cmds[@]}"; do
    /usr/bin/time -o "$log.t" -f '%e\t%U\t%S' "${cmds[$i]}" lint --no-cache --format json --fail-on never "$d/versions" > /dev/null
    printf '%s\t%s\n' "$i" "$(tail -1 "$log.t")" >> "$log"
  done
done
rm -f "$log.t"
echo "$size files, $runs alternating runs each; load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
python3 - "$log" "${names[@]}" <<'PY'
import statistics, sys
log, names = sys.argv[1], sys.argv[2:]
rows = {}
for line in open(log):
    i, wall, user, sys_ = line.split("\t")
    rows.setdefault(int(i), []).append((float(wall), float(user) + float(sys_)))
print("| launcher | wall s, median (min-max) | CPU s, median |")
print("|---|---|---:|")
for i, name in enumerate(names):
    walls = [w for w, _ in rows[i]]
    cpus = [c for _, c in rows[i]]
    print("| %s | %.3f (%.2f-%.2f) | %.2f |" % (name, statistics.median(walls), min(walls), max(walls), statistics.median(cpus)))
PY
