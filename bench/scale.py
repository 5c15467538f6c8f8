#!/usr/bin/env python3
"""Inputs for bench/scale.sh: one large revision of a given shape, or a long chain.

    bench/scale.py SHAPE SIZE OUT

writes OUT/versions/001_big.py (OUT/versions/*.py for `chain`). SIZE is bytes of the revision file
(approximate, the generator stops at the first statement past it), or a count for `concurrently`
(statements), `triples` (create_table + create_index + drop_table groups), `columns` (columns) and
`chain` (revisions).

Shapes:
  ops           op calls of many kinds (create_table, add_column, create_index, alter_column,
                drop_index, drop_column, create_unique_constraint, drop_table, rename_table)
  executes      one op.execute per statement (the same kinds of DDL in SQL)
  sql           one op.execute of one triple-quoted string holding all the statements
  triples       create_table + create_index + drop_table of the same name, SIZE times
  concurrently  one op.execute holding SIZE `CREATE INDEX CONCURRENTLY ...;` statements
  columns       one table given SIZE columns, an index on each, then each column renamed, then
                dropped: every statement is about the same table
  chain         SIZE revisions in a line, a few ops each
  fkdrops       SIZE tables, each with a foreign key to the one before, then each dropped, last first
  fkrenames     SIZE tables, each with a foreign key to the one before, then each renamed
  helpers       SIZE tables, then SIZE calls of an imported helper, each naming one table
  typedrops     SIZE enum types and a column of each on one table, then each type dropped CASCADE
  dynamic       SIZE tables and SIZE columns of one table, then SIZE drop_column and SIZE drop_table
                calls whose names are read at run time
  fkmany        SIZE tables, one table with a column referencing each and a named foreign key on it, then each of them dropped
  dynamicmix    SIZE tables, then SIZE pairs of a create_table and a drop_table of a name read at run time
  guards        one `if not (... or ...)` of SIZE has_table checks over SIZE add_column calls on
                another table
  wide          an ALTER TABLE of SIZE actions, a UNIQUE and an EXCLUDE of SIZE columns, a CREATE TABLE of SIZE
                columns: one statement each
  guardsnamed   one `if not (... or ...)` of SIZE has_table checks over SIZE create_table calls, each
                of a table the condition checks
Stdlib only and deterministic (no randomness), so a size always gives the same file.
"""
import os
import sys

HEAD = '''"""big

Revision ID: {rev}
Revises: {down}
"""
from alembic import op
import sqlalchemy as sa

revision = "{rev}"
down_revision = {down_lit}


def upgrade():
'''
TAIL = '''

def downgrade():
    pass
'''


def op_calls(i):
    t = f"t{i}"
    k = i % 9
    if k == 0:
        return (f'    op.create_table(\n        "{t}",\n        sa.Column("id", sa.Integer(), primary_key=True),\n'
                f'        sa.Column("name", sa.String(80), nullable=False),\n    )\n')
    if k == 1:
        return f'    op.add_column("t{i - 1}", sa.Column("c{i}", sa.Text(), nullable=True))\n'
    if k == 2:
        return f'    op.create_index("ix_{i}", "t{i - 2}", ["name"])\n'
    if k == 3:
        return f'    op.alter_column("t{i - 3}", "name", existing_type=sa.String(80), nullable=True)\n'
    if k == 4:
        return f'    op.create_unique_constraint("uq_{i}", "t{i - 4}", ["name"])\n'
    if k == 5:
        return f'    op.drop_index("ix_{i - 3}", table_name="t{i - 5}")\n'
    if k == 6:
        return f'    op.drop_column("t{i - 6}", "c{i - 5}")\n'
    if k == 7:
        return f'    op.rename_table("t{i - 7}", "r{i - 7}")\n'
    return f'    op.drop_table("r{i - 8}")\n'


def sql_stmt(i):
    t = f"t{i}"
    k = i % 8
    if k == 0:
        return f"CREATE TABLE {t} (id serial PRIMARY KEY, name varchar(80) NOT NULL)"
    if k == 1:
        return f"ALTER TABLE t{i - 1} ADD COLUMN c{i} text"
    if k == 2:
        return f"CREATE INDEX ix_{i} ON t{i - 2} (name)"
    if k == 3:
        return f"CREATE SEQUENCE s{i}"
    if k == 4:
        return f"INSERT INTO t{i - 4} (id, name) VALUES ({i}, 'n{i}')"
    if k == 5:
        return f"DROP INDEX ix_{i - 3}"
    if k == 6:
        return f"ALTER TABLE t{i - 6} DROP COLUMN c{i - 5}"
    return f"DROP TABLE t{i - 7}"


def body(shape, size):
    out, n, i = [], 0, 0
    if shape == "ops":
        while n < size:
            s = op_calls(i)
            out.append(s)
            n += len(s)
            i += 1
    elif shape == "executes":
        while n < size:
            s = f'    op.execute("{sql_stmt(i)}")\n'
            out.append(s)
            n += len(s)
            i += 1
    elif shape == "sql":
        out.append('    op.execute(\n        """\n')
        while n < size:
            s = f"        {sql_stmt(i)};\n"
            out.append(s)
            n += len(s)
            i += 1
        out.append('        """\n    )\n')
    elif shape == "triples":
        for i in range(size):
            out.append(f'    op.create_table("t{i}", sa.Column("id", sa.Integer(), primary_key=True))\n'
                       f'    op.create_index("ix_{i}", "t{i}", ["id"])\n'
                       f'    op.drop_table("t{i}")\n')
    elif shape == "concurrently":
        out.append('    op.execute(\n        """\n')
        for i in range(size):
            out.append(f"        CREATE INDEX CONCURRENTLY ix_{i} ON t{i % 100} (c{i});\n")
        out.append('        """\n    )\n')
    elif shape == "columns":
        out.append('    op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True))\n')
        out += [f'    op.add_column("t", sa.Column("c{i}", sa.Text()))\n' for i in range(size)]
        out += [f'    op.create_index("ix_{i}", "t", ["c{i}"])\n' for i in range(size)]
        out += [f'    op.alter_column("t", "c{i}", new_column_name="d{i}")\n' for i in range(size)]
        out += [f'    op.drop_column("t", "d{i}")\n' for i in range(size)]
    elif shape == "froms":
        # one read opening one table, FROM written once per substring(): each FROM once scanned to the end
        out.append('    op.execute("SELECT ')
        while n < size:
            s = "substring(name from (2)) || "
            out.append(s)
            n += len(s)
        out.append("'' FROM t WHERE old IS NULL\")\n")
        out.append('    op.drop_column("t", "old")\n')
    elif shape == "literal":
        # one read holding a string literal of about `size` chars, quotes doubled inside
        piece = "it''s t.gone, FROM x "
        literal = piece * (size // len(piece))
        out.append(f"    op.execute(\"UPDATE t SET note = '{literal}' WHERE old IS NULL\")\n")
        out.append('    op.drop_column("t", "old")\n')
    elif shape == "reads":
        # `size` reads of one table, then `size` drops of the columns they name
        out += [f'    op.execute("UPDATE t SET c{i} = 0 WHERE t.k{i} IS NULL")\n' for i in range(size)]
        out += [f'    op.drop_column("t", "c{i}")\n' for i in range(size)]
    elif shape in ("fkdrops", "fkrenames"):
        out.append('    op.create_table("t0", sa.Column("id", sa.Integer(), primary_key=True))\n')
        out += [f'    op.create_table("t{i}", sa.Column("id", sa.Integer(), primary_key=True),\n'
                f'                    sa.Column("p", sa.Integer(), sa.ForeignKey("t{i - 1}.id")))\n'
                for i in range(1, size)]
        if shape == "fkdrops":
            out += [f'    op.drop_table("t{i}")\n' for i in reversed(range(size))]
        else:
            out += [f'    op.rename_table("t{i}", "r{i}")\n' for i in range(size)]
    elif shape == "helpers":
        out.append("    from helpers import rebuild\n\n")
        out += [f'    op.create_table("t{i}", sa.Column("id", sa.Integer(), primary_key=True))\n' for i in range(size)]
        out += [f'    rebuild("t{i}")\n' for i in range(size)]
    elif shape == "typedrops":
        out.append('    op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True))\n')
        out += [f'    op.execute("CREATE TYPE e{i} AS ENUM (\'a\')")\n' for i in range(size)]
        out += [f'    op.execute("ALTER TABLE t ADD COLUMN c{i} e{i}")\n' for i in range(size)]
        out += [f'    op.execute("DROP TYPE e{i} CASCADE")\n' for i in range(size)]
    elif shape == "dynamic":
        out.append('    op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True))\n')
        out += [f'    op.add_column("t", sa.Column("c{i}", sa.Text()))\n' for i in range(size)]
        out += [f'    op.create_table("t{i}", sa.Column("id", sa.Integer(), primary_key=True))\n' for i in range(size)]
        out += [f'    op.drop_column("t", COLUMNS[{i}])\n' for i in range(size)]
        out += [f'    op.drop_table(TABLES[{i}])\n' for i in range(size)]
    elif shape == "fkmany":
        # one table with a foreign key to each of SIZE tables, then each of those dropped
        out += [f'    op.create_table("p{i}", sa.Column("id", sa.Integer(), primary_key=True))\n' for i in range(size)]
        out.append('    op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True))\n')
        out += [f'    op.add_column("t", sa.Column("c{i}", sa.Integer(), sa.ForeignKey("p{i}.id")))\n'
                for i in range(size)]
        out += [f'    op.create_foreign_key("fk_{i}", "t", "p{i}", ["c{i}"], ["id"])\n' for i in range(size)]
        out += [f'    op.drop_table("p{i}")\n' for i in range(size)]
    elif shape == "dynamicmix":
        # SIZE tables, then SIZE times a table made and one of a name read at run time dropped, interleaved
        out += [f'    op.create_table("t{i}", sa.Column("id", sa.Integer(), primary_key=True))\n' for i in range(size)]
        out += [f'    op.create_table("u{i}", sa.Column("id", sa.Integer(), primary_key=True))\n'
                f'    op.drop_table(TABLES[{i}])\n' for i in range(size)]
    elif shape == "touchmix":
        # one table touched between each of SIZE drops of a name read at run time: a column added, then a drop
        out.append('    op.create_table("t", sa.Column("id", sa.Integer(), primary_key=True))\n')
        out += [f'    op.add_column("t", sa.Column("c{i}", sa.Text()))\n'
                f'    op.drop_table(TABLES[{i}])\n' for i in range(size)]
    elif shape == "wide":
        # single statements of `size` parts: an ALTER TABLE of that many actions, a key, an exclusion constraint and
        # a table body of that many columns, each part an operation or a name of one statement
        cols = ", ".join(f"c{i}" for i in range(size))
        out.append('    op.execute("ALTER TABLE t ' + ", ".join(f"ADD COLUMN c{i} int" for i in range(size)) + '")\n')
        out.append(f'    op.execute("ALTER TABLE t ADD CONSTRAINT uq_t UNIQUE ({cols})")\n')
        out.append('    op.execute("ALTER TABLE t ADD CONSTRAINT ex_t EXCLUDE ('
                   + ", ".join(f"c{i} WITH =" for i in range(size)) + ')")\n')
        out.append('    op.execute("CREATE TABLE u (' + ", ".join(f"c{i} int" for i in range(size)) + ')")\n')
    elif shape == "guards":
        out.append('    inspector = sa.inspect(op.get_bind())\n    if not (\n')
        out.append("\n".join(f'        inspector.has_table("x{i}") or' for i in range(size - 1)))
        out.append(f'\n        inspector.has_table("x{size - 1}")\n    ):\n')
        out += [f'        op.add_column("t", sa.Column("c{i}", sa.Text()))\n' for i in range(size)]
    elif shape == "guardsnamed":
        # every operation under the guard touches a name its condition tests
        out.append('    inspector = sa.inspect(op.get_bind())\n    if not (\n')
        out.append("\n".join(f'        inspector.has_table("t{i}") or' for i in range(size - 1)))
        out.append(f'\n        inspector.has_table("t{size - 1}")\n    ):\n')
        out += [f'        op.create_table("t{i}", sa.Column("id", sa.Integer(), primary_key=True))\n' for i in range(size)]
    else:
        raise SystemExit(f"unknown shape {shape}")
    return "".join(out)


def write(path, rev, down, text):
    down_lit = "None" if down is None else f'"{down}"'
    with open(path, "w") as f:
        f.write(HEAD.format(rev=rev, down=down or "", down_lit=down_lit) + text + TAIL)


def main():
    shape, size, out = sys.argv[1], int(float(sys.argv[2])), sys.argv[3]
    versions = os.path.join(out, "versions")
    os.makedirs(versions, exist_ok=True)
    if shape == "chain":
        down = None
        for n in range(size):
            rev = f"{n:012x}"
            text = "".join(op_calls(9 * n + j) for j in range(9))
            write(os.path.join(versions, f"{n:06d}_{rev}.py"), rev, down, text)
            down = rev
    else:
        write(os.path.join(versions, "001_big.py"), "001", None, body(shape, size))


if __name__ == "__main__":
    main()
