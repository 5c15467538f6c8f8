#!/usr/bin/env python3
"""Generates a synthetic Alembic project and the equivalent SQL files, for the speed benchmark.

    bench/generate.py N OUT [--seed S]

writes OUT/versions/<rev>_<slug>.py (N revision files: a linear chain with occasional
branches and merges) and OUT/sql/<nnnnn>_<rev>.sql, one SQL file per revision holding one
statement per operation the revision runs (upgrade and downgrade), i.e. the DDL Alembic
would emit for it. Output is deterministic for a given N and seed; about 3 KB per file.
Standard library only.
"""
import argparse
import os
import random
import shutil

WORDS = ("account user player team game season invoice payment order item product price "
         "subscription customer organization member role permission token session event "
         "webhook audit report metric checkout refund discount coupon address shipment "
         "notification message channel attachment comment review rating tag category").split()
ADJ = ("active archived public internal primary external pending legacy billing verified "
       "custom default").split()
ENUM_VALUES = [["pending", "active", "closed"], ["draft", "published", "archived"],
               ["low", "medium", "high", "critical"], ["created", "paid", "refunded", "void"]]

COLTYPES = [  # (python, sql)
    ("sa.Integer()", "integer"), ("sa.BigInteger()", "bigint"), ("sa.String(length=64)", "varchar(64)"),
    ("sa.String(length=255)", "varchar(255)"), ("sa.Text()", "text"), ("sa.Boolean()", "boolean"),
    ("sa.DateTime(timezone=True)", "timestamptz"), ("sa.Numeric(precision=12, scale=2)", "numeric(12, 2)"),
    ("postgresql.JSONB(astext_type=sa.Text())", "jsonb"), ("postgresql.UUID(as_uuid=True)", "uuid"),
]


class Gen:
    def __init__(self, rng):
        self.r = rng
        self.tables = ["users", "organizations", "products"]
        self.columns = {t: ["id", "created_at"] for t in self.tables}
        self.enums = 0
        self.uniq = 0

    def name(self, prefix=""):
        self.uniq += 1
        return f"{prefix}{self.r.choice(ADJ)}_{self.r.choice(WORDS)}_{self.uniq}"

    def table(self):
        return self.r.choice(self.tables[-60:])

    # Each op returns (upgrade_lines, downgrade_lines, upgrade_sql, downgrade_sql); lines are relative
    # to a function body, SQL is one statement per operation.
    def op_create_table(self):
        t = self.name("tbl_")
        ref = self.table()
        lines = [f'op.create_table(', f'    "{t}",',
                 '    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),']
        cols_sql = ["id serial NOT NULL"]
        cols = ["id"]
        for _ in range(self.r.randint(3, 7)):
            c = self.name("c_")
            py, sql = self.r.choice(COLTYPES)
            nullable = self.r.random() < 0.6
            lines.append(f'    sa.Column("{c}", {py}, nullable={nullable}),')
            cols_sql.append(f"{c} {sql}{'' if nullable else ' NOT NULL'}")
            cols.append(c)
        if self.r.random() < 0.35:
            self.enums += 1
            vals = self.r.choice(ENUM_VALUES)
            en = f"status_enum_{self.enums}"
            lines.append(f'    sa.Column("status", sa.Enum({", ".join(repr(v) for v in vals)}, name="{en}"),'
                         ' nullable=False),')
            cols_sql.append(f"status text NOT NULL CHECK (status IN ({', '.join(repr(v) for v in vals)}))")
            cols.append("status")
        lines.append(f'    sa.Column("{ref[:-1] if ref.endswith("s") else ref}_id", sa.Integer(), nullable=True),')
        fk = f"{ref[:-1] if ref.endswith('s') else ref}_id"
        cols_sql.append(f"{fk} integer")
        cols.append(fk)
        lines.append('    sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"),'
                     ' nullable=False),')
        cols_sql.append("created_at timestamptz DEFAULT now() NOT NULL")
        cols.append("created_at")
        lines.append(f'    sa.ForeignKeyConstraint(["{fk}"], ["{ref}.id"], ondelete="CASCADE"),')
        cols_sql.append(f"FOREIGN KEY ({fk}) REFERENCES {ref} (id) ON DELETE CASCADE")
        lines.append('    sa.PrimaryKeyConstraint("id"),')
        cols_sql.append("PRIMARY KEY (id)")
        lines.append(')')
        self.tables.append(t)
        self.columns[t] = cols
        sql = f"CREATE TABLE {t} (\n    " + ",\n    ".join(cols_sql) + "\n);"
        return lines, [f'op.drop_table("{t}")'], [sql], [f"DROP TABLE {t};"]

    def op_add_column(self):
        t = self.table()
        c = self.name("col_")
        py, sql = self.r.choice(COLTYPES[:8])
        default = self.r.random() < 0.3
        up = [f'op.add_column("{t}", sa.Column("{c}", {py}, nullable=True'
              + (', server_default="0"' if default else '') + '))']
        self.columns.setdefault(t, []).append(c)
        return (up, [f'op.drop_column("{t}", "{c}")'],
                [f"ALTER TABLE {t} ADD COLUMN {c} {sql}" + (" DEFAULT '0'" if default else "") + ";"],
                [f"ALTER TABLE {t} DROP COLUMN {c};"])

    def op_create_index(self):
        t = self.table()
        c = self.r.choice(self.columns.get(t, ["id"]))
        ix = f"ix_{t}_{c}"[:60] + f"_{self.uniq}"
        self.uniq += 1
        unique = self.r.random() < 0.2
        conc = self.r.random() < 0.2
        kw = ", postgresql_concurrently=True" if conc else ""
        up = [f'op.create_index(op.f("{ix}"), "{t}", ["{c}"], unique={unique}{kw})']
        return (up, [f'op.drop_index(op.f("{ix}"), table_name="{t}")'],
                [f"CREATE {'UNIQUE ' if unique else ''}INDEX {'CONCURRENTLY ' if conc else ''}{ix} ON {t} ({c});"],
                [f"DROP INDEX {ix};"])

    def op_batch(self):
        t = self.table()
        up = [f'with op.batch_alter_table("{t}", schema=None) as batch_op:']
        down = [f'with op.batch_alter_table("{t}", schema=None) as batch_op:']
        sql_up, sql_down = [], []
        for _ in range(self.r.randint(2, 4)):
            k = self.r.random()
            if k < 0.5:
                c = self.name("b_")
                up.append(f'    batch_op.add_column(sa.Column("{c}", sa.String(length=32), nullable=True))')
                down.append(f'    batch_op.drop_column("{c}")')
                sql_up.append(f"ALTER TABLE {t} ADD COLUMN {c} varchar(32);")
                sql_down.append(f"ALTER TABLE {t} DROP COLUMN {c};")
            elif k < 0.8:
                c = self.r.choice(self.columns.get(t, ["id"]))
                up.append(f'    batch_op.alter_column("{c}", existing_type=sa.Integer(), nullable=False)')
                down.append(f'    batch_op.alter_column("{c}", existing_type=sa.Integer(), nullable=True)')
                sql_up.append(f"ALTER TABLE {t} ALTER COLUMN {c} SET NOT NULL;")
                sql_down.append(f"ALTER TABLE {t} ALTER COLUMN {c} DROP NOT NULL;")
            else:
                ref = self.table()
                fk = f"fk_{t}_{ref}_{self.uniq}"
                self.uniq += 1
                up.append(f'    batch_op.create_foreign_key("{fk}", "{ref}", ["{ref}_id"], ["id"])')
                down.append(f'    batch_op.drop_constraint("{fk}", type_="foreignkey")')
                sql_up.append(f"ALTER TABLE {t} ADD CONSTRAINT {fk} FOREIGN KEY ({ref}_id) REFERENCES {ref} (id);")
                sql_down.append(f"ALTER TABLE {t} DROP CONSTRAINT {fk};")
        return up, down, sql_up, sql_down[::-1]

    def op_execute_update(self):
        t = self.table()
        c = self.r.choice(self.columns.get(t, ["id"]))
        sql = f"UPDATE {t} SET {c} = NULL WHERE {c} IS NOT NULL AND id < 0"
        return [f'op.execute("{sql}")'], [], [sql + ";"], []

    def op_execute_multi(self):
        t = self.table()
        stmts = []
        for _ in range(self.r.randint(2, 4)):
            k = self.r.random()
            if k < 0.4:
                c = self.name("x_")
                stmts.append(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {c} text")
            elif k < 0.7:
                stmts.append(f"CREATE INDEX IF NOT EXISTS ix_{t}_{self.uniq} ON {t} (created_at)")
                self.uniq += 1
            else:
                stmts.append(f"COMMENT ON TABLE {t} IS 'owned by the {self.r.choice(WORDS)} service'")
        body = ";\n            ".join(stmts) + ";"
        up = ['op.execute(', '    """', f'        {body}', '    """', ')']
        return up, [], [s + ";" for s in stmts], []

    def op_do_block(self):
        self.enums += 1
        en = f"kind_enum_{self.enums}"
        vals = ", ".join(f"'{v}'" for v in self.r.choice(ENUM_VALUES))
        sql = (f"DO $$\n        BEGIN\n            IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '{en}') THEN\n"
               f"                CREATE TYPE {en} AS ENUM ({vals});\n            END IF;\n        END\n        $$;")
        up = ['op.execute(', '    """', f'        {sql}', '    """', ')']
        return up, [f'op.execute("DROP TYPE IF EXISTS {en}")'], [sql], [f"DROP TYPE IF EXISTS {en};"]

    def op_function(self):
        t = self.table()
        fn = f"set_{t}_updated_at_{self.uniq}"
        self.uniq += 1
        fsql = (f"CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger AS $$\n"
                f"        BEGIN\n            NEW.created_at := coalesce(NEW.created_at, now());\n"
                f"            RETURN NEW;\n        END;\n        $$ LANGUAGE plpgsql;")
        tsql = (f"CREATE TRIGGER trg_{fn} BEFORE INSERT ON {t}\n"
                f"            FOR EACH ROW EXECUTE FUNCTION {fn}();")
        up = ['op.execute(', '    """', f'        {fsql}', '    """', ')',
              f'op.execute("""{tsql}""")']
        down = [f'op.execute("DROP TRIGGER IF EXISTS trg_{fn} ON {t}")',
                f'op.execute("DROP FUNCTION IF EXISTS {fn}()")']
        return up, down, [fsql, tsql + ";"], [f"DROP TRIGGER IF EXISTS trg_{fn} ON {t};",
                                                 f"DROP FUNCTION IF EXISTS {fn}();"]

    def op_loop(self):
        ts = self.r.sample(self.tables[-40:], k=min(3, len(self.tables)))
        lst = ", ".join(f'"{t}"' for t in ts)
        n = self.uniq
        self.uniq += 1
        up = [f'for table in [{lst}]:',
              f'    op.create_index(f"ix_{{table}}_created_at_{n}", table, ["created_at"])']
        down = [f'for table in [{lst}]:',
                f'    op.drop_index(f"ix_{{table}}_created_at_{n}", table_name=table)']
        sql = [f"CREATE INDEX ix_{t}_created_at_{n} ON {t} (created_at);" for t in ts]
        return up, down, sql, [f"DROP INDEX ix_{t}_created_at_{n};" for t in ts]

    def op_guard(self):
        t = self.table()
        c = self.name("g_")
        up = ['conn = op.get_bind()', 'insp = sa.inspect(conn)',
              f'if "{c}" not in [col["name"] for col in insp.get_columns("{t}")]:',
              f'    op.add_column("{t}", sa.Column("{c}", sa.Boolean(), server_default=sa.false(), nullable=False))']
        return (up, [f'op.drop_column("{t}", "{c}")'],
                [f"ALTER TABLE {t} ADD COLUMN {c} boolean DEFAULT false NOT NULL;"],
                [f"ALTER TABLE {t} DROP COLUMN {c};"])

    def op_misc(self):
        t = self.table()
        k = self.r.random()
        if k < 0.4:
            c = self.r.choice(self.columns.get(t, ["id"]))
            return ([f'op.alter_column("{t}", "{c}", existing_type=sa.VARCHAR(length=64), type_=sa.Text(),'
                     ' existing_nullable=True)'],
                    [f'op.alter_column("{t}", "{c}", existing_type=sa.Text(), type_=sa.VARCHAR(length=64))'],
                    [f"ALTER TABLE {t} ALTER COLUMN {c} TYPE text;"],
                    [f"ALTER TABLE {t} ALTER COLUMN {c} TYPE varchar(64);"])
        uq = f"uq_{t}_{self.uniq}"
        self.uniq += 1
        c = self.r.choice(self.columns.get(t, ["id"]))
        return ([f'op.create_unique_constraint("{uq}", "{t}", ["{c}"])'],
                [f'op.drop_constraint("{uq}", "{t}", type_="unique")'],
                [f"ALTER TABLE {t} ADD CONSTRAINT {uq} UNIQUE ({c});"], [f"ALTER TABLE {t} DROP CONSTRAINT {uq};"])


OPS = [("op_create_table", 14), ("op_add_column", 18), ("op_create_index", 12), ("op_batch", 8),
       ("op_execute_update", 8), ("op_execute_multi", 8), ("op_do_block", 4), ("op_function", 3),
       ("op_loop", 5), ("op_guard", 6), ("op_misc", 8)]


def indent(lines, n=4):
    return [(" " * n + l) if l else l for l in lines]


def revision_file(g, rev, down, when, message, merge):
    r = g.r
    out = [f'"""{message}', "", f"Revision ID: {rev}",
           f"Revises: {', '.join(down) if isinstance(down, tuple) else (down or '')}",
           f"Create Date: {when}", "", '"""', "from alembic import op", "import sqlalchemy as sa"]
    uses_pg = r.random() < 0.5
    if uses_pg:
        out.append("from sqlalchemy.dialects import postgresql")
    out += ["", "# revision identifiers, used by Alembic.", f'revision = "{rev}"']
    if isinstance(down, tuple):
        out.append("down_revision = (" + ", ".join(f'"{d}"' for d in down) + ")")
    else:
        out.append(f'down_revision = "{down}"' if down else "down_revision = None")
    out += ["branch_labels = None", "depends_on = None", ""]
    sql = []
    if merge:
        out += ["", "def upgrade():", "    pass", "", "", "def downgrade():", "    pass", ""]
        return "\n".join(out), sql
    names = [n for n, _ in OPS]
    weights = [w for _, w in OPS]
    ups, downs, sql_up, sql_down = [], [], [], []
    helper = None
    if r.random() < 0.2:
        # a module-level helper called from upgrade(): Alembic projects factor repeated columns out
        helper = f"_add_audit_columns_{g.uniq}"
        g.uniq += 1
        out += ["", f"def {helper}(table):",
                '    op.add_column(table, sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))',
                '    op.add_column(table, sa.Column("updated_by", sa.Integer(), nullable=True))', ""]
        t = g.table()
        ups.append(f'{helper}("{t}")')
        downs += [f'op.drop_column("{t}", "updated_by")', f'op.drop_column("{t}", "updated_at")']
        sql_up += [f"ALTER TABLE {t} ADD COLUMN updated_at timestamptz;",
                   f"ALTER TABLE {t} ADD COLUMN updated_by integer;"]
        sql_down += [f"ALTER TABLE {t} DROP COLUMN updated_by;", f"ALTER TABLE {t} DROP COLUMN updated_at;"]
    if r.random() < 0.1:
        t = g.table()
        const = (f'BACKFILL_SQL = """\nUPDATE {t}\n   SET created_at = now()\n WHERE created_at IS NULL\n"""')
        out += [const, ""]
        ups.append("op.execute(BACKFILL_SQL)")
        sql_up.append(f"UPDATE {t} SET created_at = now() WHERE created_at IS NULL;")
    budget = r.randint(3, 8)
    for _ in range(budget):
        fn = r.choices(names, weights)[0]
        u, d, su, sd = getattr(g, fn)()
        if r.random() < 0.3:
            ups.append("# " + r.choice(["backfill first, then tighten", "see ticket in the tracker",
                                        "### commands auto generated by Alembic - please adjust! ###"]))
        ups += u
        downs = d + downs
        # the SQL file follows upgrade order then downgrade order, one statement per operation
        sql_up += su
        sql_down = sd + sql_down
    out += ["", "def upgrade():"] + indent(ups) + ["", "", "def downgrade():"] + indent(downs or ["pass"]) + [""]
    return "\n".join(out), sql_up + sql_down


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    r = random.Random(a.seed)
    g = Gen(r)
    vdir = os.path.join(a.out, "versions")
    sdir = os.path.join(a.out, "sql")
    for d in (vdir, sdir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    head = None
    pending_branch = None  # (tip_a, tip_b) to merge later
    i = 0
    day = 0
    while i < a.n:
        day += 1
        when = f"20{18 + day // 3000:02d}-{1 + (day // 250) % 12:02d}-{1 + day % 28:02d} 10:{day % 60:02d}:00.000000"
        rev = "%012x" % r.getrandbits(48)
        merge = False
        if pending_branch and pending_branch[2] == 0:
            down = (pending_branch[0], pending_branch[1])
            merge = True
            pending_branch = None
            message = "merge heads"
        elif pending_branch:
            # alternate commits between the two branches
            a_tip, b_tip, left = pending_branch
            if left % 2:
                down = a_tip
                pending_branch = (rev, b_tip, left - 1)
            else:
                down = b_tip
                pending_branch = (a_tip, rev, left - 1)
            message = f"{r.choice(ADJ)} {r.choice(WORDS)} changes"
        else:
            down = head
            message = f"add {r.choice(ADJ)} {r.choice(WORDS)} {r.choice(WORDS)}"
            if head and i + 8 < a.n and r.random() < 0.01:
                # a branch: two revisions on the same parent, a few commits each, then a merge
                pending_branch = (rev, rev, r.randint(2, 5) * 2)
        text, sql = revision_file(g, rev, down, when, message, merge)
        slug = message.replace(" ", "_")[:40]
        with open(os.path.join(vdir, f"{rev}_{slug}.py"), "w") as f:
            f.write(text)
        with open(os.path.join(sdir, f"{i:05d}_{rev}.sql"), "w") as f:
            f.write(f"-- {message} ({rev})\n" + "\n\n".join(sql) + "\n")
        if not pending_branch or merge or pending_branch[0] == pending_branch[1] == rev:
            head = rev
        i += 1
    if pending_branch:
        pass  # a branch left open at the end is two heads; rare and realistic enough
    # Like a real project, the pins sit beside the migrations: idemlint reads the Alembic and
    # SQLAlchemy versions from here instead of searching the tree the data happens to live in.
    with open(os.path.join(a.out, "requirements.txt"), "w") as f:
        f.write("alembic==1.13.2\nSQLAlchemy==2.0.31\npsycopg2-binary==2.9.9\n")


if __name__ == "__main__":
    main()
