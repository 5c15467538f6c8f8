#!/usr/bin/python3
"""Apply an Alembic versions dir to a fresh PostgreSQL database and re-run every revision.

Run with /usr/bin/python3 (Debian's python3-alembic, python3-sqlalchemy, python3-psycopg2).

    rerun.py VERSIONS_DIR --out OUT.json [--dsn URL] [--upgrade-head-only | --once] [--skip-failing] [--pg-dump PATH]
             [--chain-end-dump PATH] [--end-after REV] [--dump-dir DIR] [--metadata MODULE:ATTR] [--base-sql PATH]
             [--keep]

For each revision R, parents before children:
  first  = upgrade R                       (the deploy that applies it)
  rerun  = stamp back to R's parents, upgrade R again  (the deploy that finds it applied
           but not recorded: the crash-loop case this project exists for)
  then stamp R so the walk goes on, whatever happened.

A chain of Alembic's multidb template (upgrade(engine_name) dispatching to upgrade_<engine>()) runs as the
template's env.py runs it: each engine on a database of its own (with its own alembic_version), every revision's
function of each engine in one transaction per engine, all rolled back when one fails; dumps hold each engine's
schema under "-- engine: <name>".

The version table is always stamped to the exact set of heads applied so far, so branches
and merges walk correctly (a purge to a single revision would forget the other branches).

With --upgrade-head-only, a single `upgrade heads` on a fresh database is run instead. With --once,
the walk applies each revision once and re-runs nothing (the deploy from scratch, revision by
revision). With --skip-failing, each statement runs under a savepoint and one that fails because its
effect is already there (duplicate / undefined object SQLSTATEs) is rolled back and skipped (the chain with
each failing statement's effect applied once: a reference schema built without any fix). With --dump-dir, `pg_dump --schema-only` of the state after each revision's runs is
written to DIR/<revision>.sql.
With --chain-end-dump, `pg_dump --schema-only` of the state at the chain's end: after the first revision whose first
run fails (rolled back, its transaction_per_migration transaction leaves the state of the revisions before it), or
after the walk when none fails. With --end-after REV, the walk stops after REV (the schema two walks of one chain are
compared on is the one both reach). With --base-sql, the SQL file runs on the fresh database before anything else:
the schema a chain starts from when its first revision only stamps tables an older release of the application made.

Output JSON:
  {"alembic", "sqlalchemy", "psycopg2", "server", "database",
   "load": outcome,            # loading the script directory (missing parents, cycles...)
   "warnings": [str],          # Python warnings while loading (duplicate revision ids...)
   "head_run": outcome|null,   # --upgrade-head-only
   "revisions": [{"revision", "file", "parents", "after_failure",
                  "first": outcome, "rerun": outcome|null}]}
  outcome = {"ok", "sqlstate", "error_class", "message", "statements", "warnings",
             "skipped"}            # --skip-failing: "<sqlstate> <statement>" of each statement skipped
"""
import argparse
import inspect
import json
import re
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
import uuid
import warnings

import alembic
import psycopg2
import sqlalchemy
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine.url import make_url

ENV_PY = r'''
from alembic import context
from sqlalchemy import create_engine, event, pool

config = context.config
statements = config.attributes.setdefault("statements", [])
connect_args = {"options": "-c lock_timeout=10s -c statement_timeout=60s"}
if config.attributes.get("skip_failing"):
    import re

    import psycopg2
    import psycopg2.extensions

    # What a statement raises when its effect is already there (an object or row it makes exists, one it
    # drops or renames is gone): skipping it leaves that effect applied once. Any other failure (a syntax
    # error, a wrong type) had no effect to apply, and stays a failure.
    ALREADY_DONE = {"42P07", "42710", "42701", "42P06", "42723", "42P16", "23505", "42704", "42P01", "42703",
                    "42883", "3F000"}
    # "does not exist" means already done only for a statement that drops or renames; an ADD COLUMN whose
    # enum type is missing raises 42704 too, and that is a first-run failure with no effect to apply
    MISSING = {"42704", "42P01", "42703", "42883", "3F000"}
    DROPS_OR_RENAMES = re.compile(r"\b(DROP|RENAME)\b", re.IGNORECASE)

    class SkippingCursor(psycopg2.extensions.cursor):
        """Each statement under a savepoint: one that fails because its effect is already there is rolled
        back and skipped, so an object or row the chain makes twice ends up made once (autocommit blocks run
        as they are: no savepoint there)."""

        def execute(self, query, vars=None):
            return self._skipping(super().execute, query, vars)

        def executemany(self, query, vars_list):
            return self._skipping(super().executemany, query, vars_list)

        def _skipping(self, run, query, args):
            if self.connection.autocommit:
                return run(query, args)
            # the savepoint through a cursor of its own: this one keeps the statement's result rows
            with psycopg2.extensions.cursor(self.connection) as side:
                side.execute("SAVEPOINT idemlint_skip")
                try:
                    result = run(query, args)
                except psycopg2.Error as e:
                    side.execute("ROLLBACK TO SAVEPOINT idemlint_skip")
                    text = query.decode() if isinstance(query, bytes) else str(query)
                    if e.pgcode not in ALREADY_DONE or e.pgcode in MISSING and not DROPS_OR_RENAMES.search(text):
                        raise
                    config.attributes.setdefault("skipped", []).append("%s %s" % (
                        e.pgcode, (query.decode() if isinstance(query, bytes) else str(query)).strip()[:200]))
                    return None
                side.execute("RELEASE SAVEPOINT idemlint_skip")
                return result

    connect_args["cursor_factory"] = SkippingCursor


def _record(conn, cursor, statement, parameters, context, executemany):
    statements.append(statement)


def _engine(url):
    engine = create_engine(
        url,
        poolclass=pool.NullPool,
        # A hung lock must fail the fact, not the whole test run.
        connect_args=connect_args,
    )
    event.listen(engine, "before_cursor_execute", _record)
    return engine


engine_names = config.attributes.get("engines")
if engine_names:
    # Alembic's multidb template: one database per engine, each with its own connection, transaction and
    # alembic_version; every revision's upgrade(engine_name) runs once per engine, and one failure rolls all back
    records = []
    for name in engine_names:
        engine = _engine(config.attributes["urls"][name])
        connection = engine.connect()
        records.append((name, engine, connection, connection.begin()))
    try:
        for name, engine, connection, transaction in records:
            context.configure(
                connection=connection,
                upgrade_token="%s_upgrades" % name,
                downgrade_token="%s_downgrades" % name,
                target_metadata=config.attributes.get("target_metadata"),
            )
            context.run_migrations(engine_name=name)
        for name, engine, connection, transaction in records:
            transaction.commit()
    except BaseException:
        for name, engine, connection, transaction in records:
            transaction.rollback()
        raise
    finally:
        for name, engine, connection, transaction in records:
            connection.close()
            engine.dispose()
else:
    engine = _engine(config.attributes["url"])
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=config.attributes.get("target_metadata"),
            transaction_per_migration=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
'''



def case_metadata(versions_dir, spec=None):
    """The MetaData of the chain's models.py next to its versions dir (the naming convention its env.py
    configures), or None: Alembic's ops name constraints and indexes with its naming convention. A spec
    MODULE:ATTR.ATTR (--metadata) names it instead, imported from PYTHONPATH: a real project's own models
    module, the one its env.py passes as target_metadata."""
    if spec:
        import importlib
        module, _, attrs = spec.partition(":")
        value = importlib.import_module(module)
        for attr in attrs.split("."):
            value = getattr(value, attr)
        return value
    path = os.path.join(os.path.dirname(versions_dir), "models.py")
    if not os.path.isfile(path):
        return None
    import importlib.util
    spec = importlib.util.spec_from_file_location("idemlint_case_models", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.metadata


def multidb_engines(order):
    """The engines of Alembic's multidb template, in the order the revisions define them: every revision whose
    upgrade takes one parameter (engine_name) dispatches to its functions upgrade_<engine>(); empty for a chain of
    one database."""
    names = []
    for rev in order:
        module = rev.module
        upgrade = getattr(module, "upgrade", None)
        if upgrade is None or len(inspect.signature(upgrade).parameters) != 1:
            continue
        for attr, value in vars(module).items():
            if (attr.startswith("upgrade_") and inspect.isfunction(value) and not inspect.signature(value).parameters
                    and attr[len("upgrade_"):] not in names):
                names.append(attr[len("upgrade_"):])
    return names


def is_noise(statement):
    """Alembic bookkeeping and SQLAlchemy's catalog probes say nothing about what a migration did."""
    s = statement.lower()
    return ("alembic_version" in s or s.startswith("show ")
            or (s.startswith("select") and ("pg_catalog" in s or "pg_class" in s or "current_schema" in s)))


def outcome(fn, cfg):
    """Run fn(), return what happened; never raises."""
    cfg.attributes["statements"] = []
    cfg.attributes["skipped"] = []
    result = {"ok": True, "sqlstate": None, "error_class": None, "message": None}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            fn()
        except sa_exc.DBAPIError as e:
            orig = e.orig
            diag = getattr(orig, "diag", None)
            result.update(ok=False,
                          sqlstate=getattr(orig, "pgcode", None),
                          error_class=type(orig).__name__,
                          message=(diag.message_primary if diag is not None and diag.message_primary
                                   else str(orig).strip()))
        except Exception as e:  # noqa: BLE001 - any failure is a recorded outcome
            # psycopg2 errors that escape SQLAlchemy's wrapping still carry their SQLSTATE.
            result.update(ok=False,
                          sqlstate=getattr(e, "pgcode", None),
                          error_class=type(e).__name__,
                          message=str(e).strip() or traceback.format_exc(limit=1).strip())
    result["statements"] = [s.strip() for s in cfg.attributes.get("statements", []) if not is_noise(s.strip())]
    result["warnings"] = ["%s: %s" % (w.category.__name__, w.message) for w in caught]
    result["skipped"] = list(cfg.attributes.get("skipped", []))
    return result


def topological(script):
    """Revisions with every parent before its children; ties broken by Alembic's own walk."""
    walked = list(reversed(list(script.walk_revisions("base", "heads"))))
    rank = {r.revision: i for i, r in enumerate(walked)}
    by_id = {r.revision: r for r in walked}
    done, order = set(), []
    pending = sorted(walked, key=lambda r: rank[r.revision])
    while pending:
        for r in pending:
            if all(p in done or p not in by_id for p in parents(r)):
                order.append(r)
                done.add(r.revision)
                pending.remove(r)
                break
        else:  # cannot happen for a map Alembic accepted; keep the walk's order
            order.extend(pending)
            break
    return order


def parents(rev):
    down = rev.down_revision
    if down is None:
        return ()
    return tuple(down) if isinstance(down, (tuple, list)) else (down,)


def heads_of(applied, by_id):
    """Revisions in the ancestor-closed set `applied` that no other applied revision builds on or depends on
    (`depends_on`: Alembic refuses a stamp that names a revision and one it depends on)."""
    covered = set()
    for r in applied:
        covered.update(parents(by_id[r]))
        covered.update(by_id[r]._resolved_dependencies)
    return sorted(applied - covered) or ["base"]


def server_version(conn_kwargs):
    with psycopg2.connect(**conn_kwargs) as conn, conn.cursor() as cur:
        cur.execute("SHOW server_version")
        return cur.fetchone()[0]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("versions_dir")
    ap.add_argument("--out", required=True)
    ap.add_argument("--dsn", help="maintenance database URL; default from IDEMLINT_PG_* env")
    ap.add_argument("--upgrade-head-only", action="store_true")
    ap.add_argument("--once", action="store_true", help="apply each revision once, re-run nothing")
    ap.add_argument("--pg-dump", metavar="PATH")
    ap.add_argument("--skip-failing", action="store_true",
                    help="roll back and skip each statement that fails (a savepoint per statement)")
    ap.add_argument("--dump-dir", metavar="DIR")
    ap.add_argument("--chain-end-dump", metavar="PATH",
                    help="pg_dump at the first revision whose first run fails, or at the end of the walk")
    ap.add_argument("--end-after", metavar="REV", help="stop the walk after this revision")
    ap.add_argument("--order", metavar="IDS", help="comma-separated revision ids to walk first, in this order"
                    " (a topological order of another run of the same chain)")
    ap.add_argument("--metadata", metavar="MODULE:ATTR",
                    help="the target_metadata env.py configures, e.g. app.models:Base.metadata (from PYTHONPATH)")
    ap.add_argument("--base-sql", metavar="PATH",
                    help="SQL run on the fresh database before the walk: the schema the chain starts from")
    ap.add_argument("--pg-bin", default=os.environ.get("IDEMLINT_PG_BIN"))
    ap.add_argument("--keep", action="store_true", help="keep the database afterwards")
    ap.add_argument("--x-arg", action="append", default=[], metavar="KEY=VALUE",
                    help="an -x argument of every alembic command run (context.get_x_argument), as `alembic -x`")
    args = ap.parse_args()

    dsn = args.dsn or "postgresql://%s@%s:%s/postgres" % (
        os.environ.get("IDEMLINT_PG_USER", "postgres"),
        os.environ.get("IDEMLINT_PG_HOST", "127.0.0.1"),
        os.environ.get("IDEMLINT_PG_PORT", "5432"))
    base_url = make_url(dsn)
    conn_kwargs = {k: v for k, v in dict(host=base_url.host, port=base_url.port, user=base_url.username,
                                         password=base_url.password,
                                         dbname=base_url.database or "postgres").items() if v is not None}
    dbname = "idemlint_" + uuid.uuid4().hex[:12]
    url = base_url.set(drivername="postgresql+psycopg2", database=dbname)
    versions_dir = os.path.abspath(args.versions_dir)

    report = {"alembic": alembic.__version__, "sqlalchemy": sqlalchemy.__version__,
              "psycopg2": psycopg2.__version__.split()[0], "server": server_version(conn_kwargs),
              "database": dbname, "load": None, "warnings": [], "head_run": None, "revisions": []}

    admin = psycopg2.connect(**conn_kwargs)
    admin.autocommit = True
    # the chain's database, then one per multidb engine
    databases = [dbname]
    env_dir = tempfile.mkdtemp(prefix="idemlint-alembic-")
    try:
        with admin.cursor() as cur:
            cur.execute('CREATE DATABASE "%s" TEMPLATE template0' % dbname)
        if args.base_sql:
            with open(args.base_sql) as f:
                base_sql = f.read()
            with psycopg2.connect(**dict(conn_kwargs, dbname=dbname)) as conn, conn.cursor() as cur:
                cur.execute(base_sql)
            conn.close()
        with open(os.path.join(env_dir, "env.py"), "w") as f:
            f.write(ENV_PY)
        cfg = Config()
        cfg.set_main_option("script_location", env_dir)
        # ConfigParser would treat '%' in a path specially; the 'os' separator keeps spaces in paths.
        cfg.set_main_option("version_path_separator", "os")
        cfg.set_main_option("version_locations", versions_dir.replace("%", "%%"))
        cfg.attributes["url"] = url  # not through the ini: passwords may hold '%'
        cfg.attributes["target_metadata"] = case_metadata(versions_dir, args.metadata)
        cfg.attributes["skip_failing"] = args.skip_failing
        # what `alembic -x KEY=VALUE` gives context.get_x_argument(), on the first run and on the re-run alike
        cfg.cmd_opts = argparse.Namespace(x=list(args.x_arg))

        holder = {}

        def load():
            holder["order"] = topological(ScriptDirectory.from_config(cfg))
        report["load"] = outcome(load, cfg)
        report["warnings"] = report["load"]["warnings"]
        engines = multidb_engines(holder["order"]) if report["load"]["ok"] else []
        if engines:
            # a database of its own per engine, on the same throwaway cluster
            cfg.attributes["engines"] = engines
            cfg.attributes["urls"] = {}
            for name in engines:
                db = "%s_%s" % (dbname, len(databases))
                with admin.cursor() as cur:
                    cur.execute('CREATE DATABASE "%s" TEMPLATE template0' % db)
                databases.append(db)
                cfg.attributes["urls"][name] = base_url.set(drivername="postgresql+psycopg2", database=db)
            report["engines"] = dict(zip(engines, databases[1:]))

        if args.upgrade_head_only:
            report["head_run"] = outcome(lambda: command.upgrade(cfg, "heads"), cfg)
        elif report["load"]["ok"]:
            order = holder["order"]
            if args.order:
                known = {r.revision: r for r in order}
                first = [known[i] for i in args.order.split(",") if i in known]
                order = first + [r for r in order if r not in first]
            by_id = {r.revision: r for r in order}
            applied, failed = set(), set()
            chain_ended = False
            for rev in order:
                r = rev.revision
                entry = {"revision": r, "file": os.path.relpath(rev.path, versions_dir),
                         "parents": list(parents(rev)),
                         # an ancestor's first run failed: this one may fail for that reason alone
                         "after_failure": any(p in failed for p in parents(rev)),
                         "first": outcome(lambda: command.upgrade(cfg, r), cfg), "rerun": None}
                if entry["after_failure"] or not entry["first"]["ok"]:
                    failed.add(r)
                if entry["first"]["ok"] and not args.once:
                    back = heads_of(applied, by_id)
                    stamp_back = outcome(lambda: command.stamp(cfg, back, purge=True), cfg)
                    entry["rerun"] = (outcome(lambda: command.upgrade(cfg, r), cfg)
                                      if stamp_back["ok"] else dict(stamp_back, stamp_failed=True))
                applied.add(r)
                entry["stamp"] = outcome(lambda: command.stamp(cfg, heads_of(applied, by_id), purge=True), cfg)
                entry["stamp"].pop("statements")
                report["revisions"].append(entry)
                if args.dump_dir:
                    dump(args, conn_kwargs, cfg, os.path.join(args.dump_dir, r + ".sql"))
                if args.chain_end_dump and not chain_ended and not entry["first"]["ok"]:
                    chain_ended = True
                    dump(args, conn_kwargs, cfg, args.chain_end_dump)
                if r == args.end_after:
                    break
            if args.chain_end_dump and not chain_ended:
                dump(args, conn_kwargs, cfg, args.chain_end_dump)

        if args.pg_dump:
            dump(args, conn_kwargs, cfg, args.pg_dump)
    finally:
        shutil.rmtree(env_dir, ignore_errors=True)
        if not args.keep:
            with admin.cursor() as cur:
                for db in databases:
                    cur.execute('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % db)
        admin.close()

    with open(args.out, "w") as f:
        json.dump(report, f, indent=2)
    return 0


def dump(args, conn_kwargs, cfg, path):
    """pg_dump --schema-only of the chain's database, or of each multidb engine's, one after the other under the
    engine's name."""
    engines = cfg.attributes.get("engines")
    if not engines:
        parts = [dump_one(args, conn_kwargs, cfg.attributes["url"].database)]
    else:
        parts = ["-- engine: %s\n%s" % (name, dump_one(args, conn_kwargs, cfg.attributes["urls"][name].database))
                 for name in engines]
    with open(path, "w") as f:
        f.write("".join(parts))


def dump_one(args, conn_kwargs, dbname):
    pg_dump = os.path.join(args.pg_bin, "pg_dump") if args.pg_bin else shutil.which("pg_dump")
    cmd = [pg_dump, "--schema-only", "--no-owner", "--no-privileges",
           "--exclude-table=public.alembic_version",
           "-h", conn_kwargs.get("host", "127.0.0.1"), "-p", str(conn_kwargs.get("port", 5432)),
           "-U", conn_kwargs.get("user", "postgres"), dbname]
    text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    # Versions and pg_dump's random \restrict keys would make two dumps of one schema differ.
    keep = [l for l in text.splitlines()
            if not l.startswith(("-- Dumped from", "-- Dumped by", "\\restrict", "\\unrestrict"))]
    return "\n".join(keep) + "\n"


if __name__ == "__main__":
    sys.exit(main())
