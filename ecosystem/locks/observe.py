#!/usr/bin/python3
"""Apply an Alembic chain revision by revision on PostgreSQL and observe, from the server, what each statement
does to the relations that existed before its revision began.

Run with /usr/bin/python3 (Debian's python3-alembic, python3-sqlalchemy, python3-psycopg2), on the cluster named
by IDEMLINT_PG_* (scripts/pg-up):

    observe.py VERSIONS_DIR --out OUT.jsonl [--dsn URL] [--metadata MODULE:ATTR] [--recursive] [--no-seed]

The revision files (and the other files of VERSIONS_DIR, which revisions may read; of its subfolders too with
--recursive) are copied flat to a scratch
folder and run, unchanged, with an env.py of this harness: one transaction per revision
(transaction_per_migration), as src/test/resources/pg/rerun.py runs them, on a fresh database. Each revision is run
once (`upgrade r`), parents before children; the first revision whose run fails ends the chain.

Before each revision, every table with no row gets a row (seed), committed: each column the insert can fill is
filled (a number, '1', now(), '{}', an enum's first label, a referenced row's key), so a later SET NOT NULL,
USING cast or unique index sees a value. The observations below do not need rows (PostgreSQL assigns a new
relfilenode to a rewritten table, and counts a sequential scan when it starts, rows or not); the rows make the
data migrations between them run on something. A revision that fails with rows in its tables (a CHECK, a cast or a
foreign key the seeded values break) is run again after TRUNCATE of every table, and its statements are those of that
second run ("seeded": false); the tables are seeded again before the next revision.

For every statement SQLAlchemy sends (its before_cursor_execute and after_cursor_execute events), outside
Alembic's own bookkeeping and SQLAlchemy's catalog probes, on the relations (tables, indexes, sequences,
materialized views) that existed before the revision's transaction began:
  locks_new      lock modes the backend holds after the statement and did not hold before it (pg_locks where
                 pid = pg_backend_pid(), granted, per relation); a mode already held from an earlier statement of
                 the same transaction cannot be seen again
  locks_held     every mode the backend holds on such relations after the statement
  rewrites       relations whose pg_class.relfilenode changed
  seq_scans      tables whose pg_stat_xact_user_tables.seq_scan grew, with the delta
  index_builds   indexes built on such a table: a new index with storage of its own ("concurrent": the statement
                 says CONCURRENTLY); an index ALTER COLUMN ... TYPE re-creates on the old storage is not built
  dropped        relations that are gone
  tables         the tables among them that are still there
  index_tables   for a statement that names an index (DROP INDEX [CONCURRENTLY] [IF EXISTS] name, ...;
                 ALTER INDEX [IF EXISTS] name ...; REINDEX INDEX [CONCURRENTLY] name): each such index that exists
                 before the statement, as written, and its table (schema.name, from pg_index before the statement)
Relations are named as they are after the statement (schema.name): a table renamed earlier in the revision by its
new name.
In an autocommit block (`autocommit_block()`), each statement commits: its locks are released and its
transaction's counters reset before they can be read, so only rewrites, index builds and drops are observed there
("autocommit": true).

The op call's position: the frames of the Python stack at the statement that lie in a revision file ("frames":
[[file, first line, last line of the call], ...], innermost last; "line" is the innermost's first line, the op call
inside the revision).

Output, one JSON object a line: {"kind": "statement", "revision", "file", "line", "frames", "autocommit", "sql"
(with its parameters rendered by psycopg2), "locks_new", "locks_held", "rewrites", "seq_scans", "index_builds",
"dropped", "tables", "index_tables", "seeded"}, and after each revision {"kind": "revision", "revision", "file", "ok", "sqlstate", "message",
"seeded", "existing_tables"}. The first line is {"kind": "run", "alembic", "sqlalchemy", "server"}.
"""
import argparse
import json
import os
import re
import shutil
import sys
import tempfile
import traceback
import uuid

import alembic
import psycopg2
import sqlalchemy
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine.url import make_url

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "src", "test", "resources", "pg"))
import rerun  # noqa: E402 - the proof suite's walker: topological order, the chain's target_metadata, noise

ENV_PY = r'''
from alembic import context
from sqlalchemy import create_engine, event, pool

config = context.config
observer = config.attributes["observer"]
engine = create_engine(config.attributes["url"], poolclass=pool.NullPool,
                       connect_args={"options": "-c lock_timeout=10s -c statement_timeout=120s"})
event.listen(engine, "before_cursor_execute", observer.before)
event.listen(engine, "after_cursor_execute", observer.after)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=config.attributes.get("target_metadata"),
                      transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
'''

# the modes that block writes to the table (SHARE and up): reads still pass under SHARE and SHARE ROW EXCLUSIVE
STRONG = ("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock")
CONCURRENTLY = re.compile(r"\bCONCURRENTLY\b", re.IGNORECASE)
# the statements that name an index rather than its table, and the names they list (DROP INDEX takes a list)
INDEX_STATEMENT = re.compile(r"^\s*(?:(DROP)\s+INDEX(?:\s+CONCURRENTLY)?(?:\s+IF\s+EXISTS)?"
                             r"|ALTER\s+INDEX(?:\s+IF\s+EXISTS)?"
                             r"|REINDEX\s+(?:\([^)]*\)\s*)?INDEX(?:\s+CONCURRENTLY)?)\s+", re.IGNORECASE)
IDENT = r'(?:"(?:[^"]|"")+"|[A-Za-z_][\w$]*)'
INDEX_NAME = re.compile(r"\s*(%s(?:\s*\.\s*%s)?)\s*(,)?" % (IDENT, IDENT))
USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%%'" \
               " AND n.nspname NOT LIKE 'pg_temp%%'"


def relations(cur):
    """{oid: {"name", "kind", "table"}} of the user relations: tables, partitioned tables, indexes, sequences,
    materialized views ("table": an index's table oid)."""
    cur.execute("SELECT c.oid, n.nspname || '.' || c.relname, c.relkind, i.indrelid FROM pg_class c"
                " JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid"
                " WHERE c.relkind IN ('r', 'p', 'i', 'I', 'S', 'm') AND " + USER_SCHEMAS)
    return {oid: {"name": name, "kind": kind, "table": table} for oid, name, kind, table in cur.fetchall()}


def named_indexes(statement):
    """The index names a statement lists, as written (quoted, schema-qualified or not): one for ALTER INDEX and
    REINDEX INDEX, each of DROP INDEX's list; [] for any other statement."""
    head = INDEX_STATEMENT.match(statement)
    if not head:
        return []
    names, at = [], head.end()
    while True:
        name = INDEX_NAME.match(statement, at)
        if not name:
            return names
        names.append(name.group(1))
        at = name.end()
        if not (head.group(1) and name.group(2)):
            return names


def index_tables(cur, names):
    """{index name as written: its table (schema.name)} for the named indexes that exist; to_regclass resolves a
    name as the server does (search_path, quoting) and takes no lock."""
    found = {}
    for written in names:
        cur.execute("SELECT n.nspname || '.' || c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE i.indexrelid = to_regclass(%s)",
                    (written,))
        row = cur.fetchone()
        if row:
            found[written] = row[0]
    return found


class Observer:
    """The statement hooks: a snapshot of the backend's view of the existing relations before and after each
    statement, one JSON line per statement."""

    def __init__(self, scratch):
        self.scratch = scratch
        self.existing = {}
        self.revision = None
        self.file = None
        self.records = []
        self.pending = None

    def start(self, revision, file, existing):
        self.revision, self.file, self.existing, self.records = revision, file, existing, []

    def snapshot(self, raw):
        oids = list(self.existing)
        tables = [o for o, r in self.existing.items() if r["kind"] in ("r", "p", "m")]
        with raw.cursor() as cur:
            cur.execute("SELECT relation, mode FROM pg_locks WHERE pid = pg_backend_pid() AND granted"
                        " AND locktype = 'relation' AND relation = ANY(%s::oid[])", (oids,))
            locks = {}
            for oid, mode in cur.fetchall():
                locks.setdefault(oid, set()).add(mode)
            cur.execute("SELECT c.oid, c.relfilenode, n.nspname || '.' || c.relname FROM pg_class c"
                        " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ANY(%s::oid[])", (oids,))
            files, names = {}, {}
            for oid, node, current in cur.fetchall():
                files[oid], names[oid] = node, current
            cur.execute("SELECT relid, seq_scan FROM pg_stat_xact_user_tables WHERE relid = ANY(%s::oid[])",
                        (tables,))
            scans = dict(cur.fetchall())
            cur.execute("SELECT i.indexrelid, i.indrelid, n.nspname || '.' || c.relname, c.relfilenode FROM pg_index i"
                        " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                        " WHERE i.indrelid = ANY(%s::oid[])", (tables,))
            indexes = {oid: (table, name, node) for oid, table, name, node in cur.fetchall()}
        return {"locks": locks, "files": files, "scans": scans, "indexes": indexes, "names": names}

    @staticmethod
    def noise(statement):
        return rerun.is_noise(statement.strip())

    def frames(self):
        found = []
        for frame in traceback.extract_stack():
            if os.path.dirname(os.path.abspath(frame.filename)) == self.scratch:
                # the call's first and last line (Python 3.11 positions): an op call spread over lines is found by
                # a finding on any of them
                found.append([os.path.basename(frame.filename), frame.lineno,
                              getattr(frame, "end_lineno", None) or frame.lineno])
        return found

    def before(self, conn, cursor, statement, parameters, context, executemany):
        if self.revision is None or self.noise(statement):
            self.pending = None
            return
        raw = cursor.connection
        named = named_indexes(statement)
        if named:
            with raw.cursor() as cur:
                named = index_tables(cur, named)
        self.pending = {"frames": self.frames(), "autocommit": bool(raw.autocommit),
                        "before": self.snapshot(raw), "index_tables": named or {}}

    def after(self, conn, cursor, statement, parameters, context, executemany):
        pending, self.pending = self.pending, None
        if pending is None:
            return
        raw = cursor.connection
        after = self.snapshot(raw)
        before = pending["before"]
        # the name the relation has after the statement (a table renamed earlier in the revision by its new name)
        name = lambda oid: after["names"].get(oid) or before["names"].get(oid) or self.existing[oid]["name"]  # noqa: E731
        locks_new, locks_held = {}, {}
        for oid, modes in after["locks"].items():
            locks_held[name(oid)] = sorted(modes)
            new = modes - before["locks"].get(oid, set())
            if new:
                locks_new[name(oid)] = sorted(new)
        rewrites = sorted(name(o) for o, f in after["files"].items() if before["files"].get(o) not in (None, f))
        seq_scans = {name(o): n - before["scans"].get(o, 0) for o, n in after["scans"].items()
                     if n > before["scans"].get(o, 0)}
        concurrent = bool(CONCURRENTLY.search(statement))
        # ALTER COLUMN ... TYPE re-creates the column's indexes under new OIDs; when the change needs no rebuild
        # (varchar -> text) the new index keeps the old one's relfilenode: no build, nothing read
        storage = set(before["files"].values()) | {node for _, _, node in before["indexes"].values()}
        index_builds = [{"index": ix, "table": name(t), "concurrent": concurrent}
                        for o, (t, ix, node) in after["indexes"].items()
                        if o not in before["indexes"] and node not in storage]
        dropped = sorted(name(o) for o in before["files"] if o not in after["files"])
        try:
            sql = (cursor.mogrify(statement, parameters).decode() if parameters and not executemany
                   else statement)
        except Exception:  # noqa: BLE001 - a statement whose parameters psycopg2 cannot render stays as sent
            sql = statement
        frames = pending["frames"]
        self.records.append({
            "kind": "statement", "revision": self.revision, "file": self.file,
            "line": frames[-1][1] if frames and frames[-1][0] == os.path.basename(self.file) else None,
            "frames": frames, "autocommit": pending["autocommit"], "sql": sql.strip(),
            "locks_new": locks_new, "locks_held": locks_held, "rewrites": rewrites, "seq_scans": seq_scans,
            "index_builds": index_builds, "dropped": dropped, "index_tables": pending["index_tables"],
            "tables": sorted(name(o) for o, r in self.existing.items()
                             if r["kind"] in ("r", "p", "m") and o in after["files"])})


def seed(conn):
    """One row in every user table that has none, in passes so a referenced table's row exists before the row
    that references it; returns the tables seeded. Each insert runs under a savepoint: one the table refuses is
    left out."""
    seeded = set()
    with conn.cursor() as cur:
        cur.execute("SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                    " AND c.relname <> 'alembic_version' AND NOT c.relispartition AND " + USER_SCHEMAS)
        tables = dict(cur.fetchall())
        empty = {}
        for oid, qname in tables.items():
            cur.execute("SELECT EXISTS (SELECT FROM %s)" % qname)
            if not cur.fetchone()[0]:
                empty[oid] = qname
        for _ in range(4):
            progress = False
            for oid, qname in list(empty.items()):
                values = row_values(cur, oid)
                cur.execute("SAVEPOINT seed")
                try:
                    if values:
                        cur.execute("INSERT INTO %s (%s) VALUES (%s)" % (
                            qname, ", ".join(c for c, _ in values), ", ".join(v for _, v in values)))
                    else:  # every column has a default (a serial key alone)
                        cur.execute("INSERT INTO %s DEFAULT VALUES" % qname)
                    cur.execute("RELEASE SAVEPOINT seed")
                    seeded.add(qname)
                    del empty[oid]
                    progress = True
                except psycopg2.Error:
                    cur.execute("ROLLBACK TO SAVEPOINT seed")
            if not progress:
                break
    conn.commit()
    return sorted(seeded)


def row_values(cur, table):
    """[(quoted column, SQL expression)] for one row of `table`: a referenced key for a single-column foreign
    key, else a value by the column's type category; columns with a default, identity or generated columns are
    left to the server unless NOT NULL forces nothing."""
    cur.execute("SELECT a.attname, quote_ident(a.attname), format_type(a.atttypid, a.atttypmod), t.typcategory,"
                " t.typtype, a.atttypid, a.atthasdef, a.attidentity, a.attgenerated, a.attnotnull,"
                " (SELECT quote_ident(rn.nspname) || '.' || quote_ident(rc.relname) || '|' || quote_ident(ra.attname)"
                "    FROM pg_constraint k JOIN pg_class rc ON rc.oid = k.confrelid"
                "    JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
                "    JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]"
                "   WHERE k.conrelid = a.attrelid AND k.contype = 'f' AND cardinality(k.conkey) = 1"
                "     AND k.conkey[1] = a.attnum LIMIT 1)"
                " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                " WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", (table,))
    values = []
    for _, col, typ, category, typtype, typoid, hasdef, identity, generated, notnull, ref in cur.fetchall():
        if identity or generated or hasdef:
            continue
        if ref:
            ref_table, ref_col = ref.split("|")
            values.append((col, "(SELECT %s FROM %s LIMIT 1)" % (ref_col, ref_table)))
            continue
        expr = value_of(cur, typ, category, typtype, typoid)
        if expr is not None:
            values.append((col, "CAST(%s AS %s)" % (expr, typ)))
    return values


def value_of(cur, typ, category, typtype, typoid):
    if typtype == "e":
        cur.execute("SELECT quote_literal(enumlabel) FROM pg_enum WHERE enumtypid = %s ORDER BY enumsortorder"
                    " LIMIT 1", (typoid,))
        row = cur.fetchone()
        return row[0] if row else None
    if typ in ("uuid",):
        return "gen_random_uuid()"
    if typ in ("json", "jsonb"):
        return "'{}'"
    if typ == "bytea":
        return "'\\x00'"
    return {"N": "'1'", "S": "'1'", "B": "false", "D": "now()", "T": "'1 day'", "A": "'{}'",
            "I": "'127.0.0.1'"}.get(category)


def truncate_all(conn):
    with conn.cursor() as cur:
        cur.execute("SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                    " AND c.relname <> 'alembic_version' AND " + USER_SCHEMAS)
        names = [r[0] for r in cur.fetchall()]
        if names:
            cur.execute("TRUNCATE %s CASCADE" % ", ".join(names))
    conn.commit()


def run(cfg, revision):
    """(ok, sqlstate, message) of `upgrade revision`."""
    try:
        command.upgrade(cfg, revision)
        return True, None, None
    except sa_exc.DBAPIError as e:
        return False, getattr(e.orig, "pgcode", None), str(e.orig).strip()[:400]
    except Exception as e:  # noqa: BLE001 - a failed revision is an outcome of the walk
        return False, getattr(e, "pgcode", None), (str(e).strip() or traceback.format_exc(limit=1))[:400]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("versions_dir")
    ap.add_argument("--out", required=True)
    ap.add_argument("--dsn", help="maintenance database URL; default from IDEMLINT_PG_* env")
    ap.add_argument("--metadata", metavar="MODULE:ATTR", help="the chain's target_metadata (rerun.py --metadata)")
    ap.add_argument("--recursive", action="store_true", help="read the revisions of subfolders too, as"
                    " recursive_version_locations = true does")
    ap.add_argument("--no-seed", action="store_true", help="run every revision on empty tables")
    args = ap.parse_args()

    dsn = args.dsn or "postgresql://%s@%s:%s/postgres" % (
        os.environ.get("IDEMLINT_PG_USER", "postgres"), os.environ.get("IDEMLINT_PG_HOST", "127.0.0.1"),
        os.environ.get("IDEMLINT_PG_PORT", "5432"))
    base_url = make_url(dsn)
    conn_kwargs = {k: v for k, v in dict(host=base_url.host, port=base_url.port, user=base_url.username,
                                         password=base_url.password,
                                         dbname=base_url.database or "postgres").items() if v is not None}
    dbname = "idemlint_locks_" + uuid.uuid4().hex[:12]
    url = base_url.set(drivername="postgresql+psycopg2", database=dbname)
    versions_dir = os.path.abspath(args.versions_dir)
    scratch = tempfile.mkdtemp(prefix="idemlint-locks-")
    env_dir = tempfile.mkdtemp(prefix="idemlint-locks-env-")
    origin = {}
    for top, dirs, files in os.walk(versions_dir):
        # Alembic reads subfolders only with recursive_version_locations (keystone's release folders)
        dirs[:] = [d for d in dirs if d != "__pycache__"] if args.recursive else []
        for f in sorted(files):
            if f == "env.py" or f.endswith((".pyc", ".pyo")):
                continue
            if f in origin:
                sys.exit("two files named %s under %s" % (f, versions_dir))
            shutil.copy(os.path.join(top, f), os.path.join(scratch, f))
            origin[f] = os.path.relpath(os.path.join(top, f), versions_dir)

    admin = psycopg2.connect(**conn_kwargs)
    admin.autocommit = True
    out = open(args.out, "w")
    emit = lambda obj: out.write(json.dumps(obj) + "\n")  # noqa: E731
    try:
        with admin.cursor() as cur:
            cur.execute('CREATE DATABASE "%s" TEMPLATE template0' % dbname)
            cur.execute("SHOW server_version")
            server = cur.fetchone()[0]
        emit({"kind": "run", "alembic": alembic.__version__, "sqlalchemy": sqlalchemy.__version__,
              "server": server, "versions": versions_dir})
        with open(os.path.join(env_dir, "env.py"), "w") as f:
            f.write(ENV_PY)
        observer = Observer(scratch)
        cfg = Config()
        cfg.set_main_option("script_location", env_dir)
        cfg.set_main_option("version_path_separator", "os")
        cfg.set_main_option("version_locations", scratch.replace("%", "%%"))
        cfg.attributes["url"] = url
        cfg.attributes["observer"] = observer
        cfg.attributes["target_metadata"] = rerun.case_metadata(versions_dir, args.metadata)
        cfg.cmd_opts = argparse.Namespace(x=[])
        order = rerun.topological(ScriptDirectory.from_config(cfg))
        data = psycopg2.connect(**dict(conn_kwargs, dbname=dbname))
        for rev in order:
            file = origin.get(os.path.basename(rev.path), os.path.basename(rev.path))
            seeded = [] if args.no_seed else seed(data)
            with data.cursor() as cur:
                existing = relations(cur)
            data.commit()
            observer.start(rev.revision, file, existing)
            ok, sqlstate, message = run(cfg, rev.revision)
            with_rows = not args.no_seed
            first_failure = None
            if not ok and with_rows:
                first_failure = (sqlstate, message)
                truncate_all(data)
                observer.start(rev.revision, file, existing)
                ok, sqlstate, message = run(cfg, rev.revision)
                with_rows = False
            for record in observer.records:
                record["file"] = file
                record["seeded"] = with_rows
                emit(record)
            emit({"kind": "revision", "revision": rev.revision, "file": file, "ok": ok, "sqlstate": sqlstate,
                  "message": message, "seeded": with_rows, "seeded_now": seeded, "seeded_run_failed": first_failure,
                  "existing_tables": sorted(r["name"] for r in existing.values() if r["kind"] in ("r", "p"))})
            out.flush()
            observer.revision = None
            if not ok:
                break
        data.close()
    finally:
        out.close()
        with admin.cursor() as cur:
            cur.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % dbname)
        admin.close()
        shutil.rmtree(scratch, ignore_errors=True)
        shutil.rmtree(env_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
