"""Writes <file>.stmts next to each valid torture file: every statement (pre-order) as
"Kind start end" with UTF-16 char offsets (Java's), as CPython's own parser sees it. Run after editing a file:
    python3 src/test/resources/python/cpython_statements.py src/test/resources/python/valid/*.py
"""
import ast
import re
import sys

KINDS = {
    "Expr": "ExprStmt", "ImportFrom": "Import", "AsyncFunctionDef": "FunctionDef", "AsyncFor": "For",
    "AsyncWith": "With", "TryStar": "Try", "Pass": "pass", "Break": "break", "Continue": "continue",
    "Delete": "del", "Global": "global", "Nonlocal": "nonlocal", "Raise": "raise", "Assert": "assert",
    "Match": "match", "TypeAlias": "type",
}


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def walk(stmts, starts, lines, out):
    for s in stmts:
        def offset(line, col):
            raw = lines[line - 1].encode("utf-8")
            return starts[line - 1] + utf16_len(raw[:col].decode("utf-8"))
        out.append("%s %d %d" % (KINDS.get(type(s).__name__, type(s).__name__),
                                 offset(s.lineno, s.col_offset), offset(s.end_lineno, s.end_col_offset)))
        for field in ("body", "handlers", "orelse", "finalbody", "cases"):
            for child in getattr(s, field, []) or []:
                if isinstance(child, ast.stmt):
                    walk([child], starts, lines, out)
                else:
                    walk(child.body, starts, lines, out)


for path in sys.argv[1:]:
    text = open(path, encoding="utf-8", newline="").read()
    bom = 1 if text.startswith("\ufeff") else 0
    body = text[bom:]
    lines = re.split(r"\r\n|\r|\n", body)
    starts = [bom + utf16_len(body[:m.start()]) for m in re.finditer(r"[^\r\n]*(\r\n|\r|\n|$)", body)]
    out = []
    walk(ast.parse(body).body, starts, lines, out)
    with open(path[:-3] + ".stmts", "w", newline="\n") as f:
        f.write("\n".join(out) + ("\n" if out else ""))
