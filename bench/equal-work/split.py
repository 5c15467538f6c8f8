"""Splits `alembic upgrade --sql` output into one SQL file per revision, the statements each sends.

    python3 split.py OFFLINE.sql OUT_DIR COMPLETE

COMPLETE is 0 when the rendering stopped with an error: the last revision's SQL is then partial and
is left out. Alembic's own statements are left out (BEGIN/COMMIT and everything on alembic_version): they are
not the revisions' DDL/DML. Prints the number of revisions and statements.
"""
import os
import re
import sys

src, out, complete = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
parts = re.split(r"^-- Running upgrade (.*?) -> (\S+)\s*$", open(src, encoding="utf-8").read(), flags=re.M)
if not complete and len(parts) >= 4:
    parts = parts[:-3]
os.makedirs(out, exist_ok=True)
statements = 0
for k, i in enumerate(range(1, len(parts), 3)):
    rev, body = parts[i + 1], parts[i + 2]
    keep = [s.strip() for s in body.split(";\n")]
    keep = [s for s in keep if s and not re.fullmatch(r"BEGIN|COMMIT", s) and "alembic_version" not in s]
    with open(os.path.join(out, "%04d_%s.sql" % (k, rev)), "w", encoding="utf-8") as f:
        f.write("".join(s + ";\n\n" for s in keep))
    statements += len(keep)
print(len(parts) // 3, statements)
