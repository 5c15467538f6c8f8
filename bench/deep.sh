#!/usr/bin/env bash
# Times idemlint on one revision holding a left-deep chain of N terms ("a" + "a" + ... inside
# upgrade()) beside a plain revision: bench/deep.sh [N...] (default 10000 100000 1000000).
# Figures in bench/NOTES.md, "Deep input".
set -euo pipefail
here="$(cd "${BASH_SOURCE[0]%/*}/.." && pwd)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for n in "${@:-10000 100000 1000000}"; do
  for m in $n; do
    d="$out/$m/versions"
    mkdir -p "$d"
    printf 'revision = "001"\ndown_revision = None\nfrom alembic import op\nimport sqlalchemy as sa\n\ndef upgrade():\n    op.add_column("t", sa.Column("c", sa.Text()))\n' > "$d/001_a.py"
    python3 -c "import sys; n=int(sys.argv[1]); print('revision = \"002\"\ndown_revision = \"001\"\nfrom alembic import op\n\ndef upgrade():\n    x = ' + '+'.join(['\"a\"']*n) + '\n    op.execute(\"CREATE TABLE u (id int)\")')" "$m" > "$d/002_deep.py"
    /usr/bin/time -f "$m terms: %e s wall, %U s user, %M KB max RSS" "$here/idemlint" lint --no-cache --color never "$out/$m" >/dev/null 2>"$out/time" || true
    tail -1 "$out/time"
  done
done
