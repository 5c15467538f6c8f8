#!/usr/bin/python3
"""Apply an Alembic versions dir to a fresh MariaDB database and re-run every revision.

Run with /usr/bin/python3 (Debian's python3-alembic, python3-sqlalchemy, python3-pymysql).

    rerun.py VERSIONS_DIR --out OUT.json [--url URL] [--once] [--dump PATH] [--metadata MODULE:ATTR]
             [--base-sql PATH] [--keep]

The walk is pg/rerun.py's (its revision order, stamping and output format are imported from there), with
what MariaDB does differently:
  - each DDL statement commits, and so does the DML before it: a revision that fails half way keeps its
    first statements, so the first revision whose first run fails ends the walk (what follows would run on
    a half-applied schema);
  - an outcome records the server's error number (1050, 1060, 1061, 1091, 1146, 1062...) in "errno", and
    in "sqlstate" too, so readers of pg/rerun.py's output need no second code path.
For each revision R: first = upgrade R; rerun = stamp R's parents, upgrade R again; then stamp the heads
applied so far. With --dump, SHOW CREATE TABLE of every table but alembic_version, sorted by name, is
written to PATH after the walk (AUTO_INCREMENT counters removed and index lines sorted: see normalized()).
With --base-sql, the SQL file (a `mariadb-dump --no-data`, statements separated by `;`) runs on the fresh database
before anything else, as pg/rerun.py's does: the schema a chain starts from when the application made its tables
with create_all and the chain's first revision alters one of them; it is part of the final --dump.

The server comes from --url (a mysql+pymysql:// URL without a database) or IDEMLINT_MARIADB_* (scripts/mariadb-up).
"""
import argparse
import importlib.util
import json
import os
import re
import shutil
import sys
import tempfile
import traceback
import uuid
import warnings

import alembic
import pymysql
from pymysql.constants import CLIENT
import sqlalchemy
from alembic import command
from alembic.config import Config
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine.url import make_url

_spec = importlib.util.spec_from_file_location(
    "pg_rerun", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pg", "rerun.py"))
pg_rerun = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(pg_rerun)

ENV_PY = '''
from alembic import context
from sqlalchemy import create_engine, event, pool

config = context.config
# A hung metadata lock must fail the revision, not the whole measurement.
engine = create_engine(config.attributes["url"], poolclass=pool.NullPool,
                       connect_args={"init_command": "SET SESSION lock_wait_timeout=30"})


@event.listens_for(engine, "before_cursor_execute")
def _record(conn, cursor, statement, parameters, context, executemany):
    config.attributes.setdefault("statements", []).append(statement)


with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=config.attributes.get("target_metadata"),
                      transaction_per_migration=True)
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
'''


def is_noise(statement):
    """Alembic bookkeeping and SQLAlchemy's catalog probes say nothing about what a migration did."""
    s = statement.lower()
    return ("alembic_version" in s or s.startswith(("show ", "describe ", "select database()"))
            or (s.startswith("select") and "information_schema" in s))


def errno(error):
    """The server's error number of a PyMySQL error (its first argument), else None."""
    args = getattr(error, "args", ())
    return args[0] if args and isinstance(args[0], int) else None


def outcome(fn, cfg):
    """Run fn(), return what happened; never raises."""
    cfg.attributes["statements"] = []
    result = {"ok": True, "errno": None, "sqlstate": None, "error_class": None, "message": None}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            fn()
        except sa_exc.DBAPIError as e:
            code = errno(e.orig)
            result.update(ok=False, errno=code, sqlstate=None if code is None else str(code),
                          error_class=type(e.orig).__name__,
                          message=e.orig.args[1] if code is not None and len(e.orig.args) > 1 else str(e.orig))
        except Exception as e:  # noqa: BLE001 - any failure is a recorded outcome
            code = errno(e) if isinstance(e, pymysql.Error) else None
            result.update(ok=False, errno=code, sqlstate=None if code is None else str(code),
                          error_class=type(e).__name__,
                          message=str(e).strip() or traceback.format_exc(limit=1).strip())
    result["statements"] = [s.strip() for s in cfg.attributes.get("statements", []) if not is_noise(s.strip())]
    result["warnings"] = ["%s: %s" % (w.category.__name__, w.message) for w in caught]
    return result


def load_order(cfg, url):
    """The chain's revisions in walk order, loaded as `alembic upgrade` loads them: inside a migration context on
    the database, so a revision that calls op.get_bind() at import (a module-level Session) loads as it does there."""
    script = ScriptDirectory.from_config(cfg)
    engine = sqlalchemy.create_engine(url, poolclass=sqlalchemy.pool.NullPool)
    try:
        with engine.connect() as conn:
            with Operations.context(MigrationContext.configure(conn)):
                return pg_rerun.topological(script)
    finally:
        engine.dispose()


AUTO_INCREMENT = re.compile(r" AUTO_INCREMENT=\d+")
KEY_LINE = re.compile(r"\s*(UNIQUE KEY|KEY|FULLTEXT KEY|SPATIAL KEY|CONSTRAINT) ")


def normalized(create):
    """SHOW CREATE TABLE without what is not schema: the AUTO_INCREMENT counter (it counts rows) and the
    order of the index and constraint lines (creation order: a re-run that drops and re-adds an index moves
    it last), which are sorted."""
    lines = AUTO_INCREMENT.sub("", create).split("\n")
    body = [l.rstrip(",") for l in lines[1:-1]]
    keys = sorted(l for l in body if KEY_LINE.match(l))
    body = [l for l in body if not KEY_LINE.match(l)] + keys
    return "\n".join([lines[0]] + [l + "," for l in body[:-1]] + body[-1:] + [lines[-1]])


def dump(conn, path):
    with conn.cursor() as cur:
        cur.execute("SHOW FULL TABLES")
        tables = sorted(name for name, kind in cur.fetchall() if name != "alembic_version")
        parts = []
        for name in tables:
            cur.execute("SHOW CREATE TABLE `%s`" % name.replace("`", "``"))
            parts.append(normalized(cur.fetchone()[1]) + ";")
    with open(path, "w") as f:
        f.write("\n\n".join(parts) + "\n")


def run_base(connect, dbname, path):
    """Runs the SQL file on the database, all of it in one multi-statement batch of one session (a dump's
    `SET FOREIGN_KEY_CHECKS=0` then holds for the tables it creates before the tables they reference); the first
    failing statement raises."""
    with open(path) as f:
        sql = f.read()
    with pymysql.connect(**dict(connect, database=dbname,
                                client_flag=CLIENT.MULTI_STATEMENTS)) as conn:
        with conn.cursor() as cur:
            cur.execute(sql)
            while cur.nextset():
                pass


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("versions_dir")
    ap.add_argument("--out", required=True)
    ap.add_argument("--url", help="server URL without a database; default from IDEMLINT_MARIADB_* env")
    ap.add_argument("--once", action="store_true", help="apply each revision once, re-run nothing")
    ap.add_argument("--dump", metavar="PATH", help="SHOW CREATE TABLE of every table after the walk")
    ap.add_argument("--metadata", metavar="MODULE:ATTR",
                    help="the target_metadata env.py configures, e.g. app.models:Base.metadata (from PYTHONPATH)")
    ap.add_argument("--base-sql", metavar="PATH",
                    help="SQL run on the fresh database before the walk: the schema the chain starts from")
    ap.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = ap.parse_args()

    base = make_url(args.url or "mysql+pymysql://%s@%s:%s/" % (
        os.environ.get("IDEMLINT_MARIADB_USER", "root"), os.environ.get("IDEMLINT_MARIADB_HOST", "127.0.0.1"),
        os.environ.get("IDEMLINT_MARIADB_PORT", "3306")))
    connect = dict(host=base.host, port=base.port or 3306, user=base.username or "root",
                   password=base.password or "", charset="utf8mb4", autocommit=True)
    dbname = "idemlint_" + uuid.uuid4().hex[:12]
    url = base.set(drivername="mysql+pymysql", database=dbname, query={"charset": "utf8mb4"})
    versions_dir = os.path.abspath(args.versions_dir)

    admin = pymysql.connect(**connect)
    with admin.cursor() as cur:
        cur.execute("SELECT VERSION()")
        server = cur.fetchone()[0]
        cur.execute("CREATE DATABASE `%s` CHARACTER SET utf8mb4" % dbname)
    report = {"alembic": alembic.__version__, "sqlalchemy": sqlalchemy.__version__, "pymysql": pymysql.__version__,
              "server": server, "database": dbname, "load": None, "warnings": [], "head_run": None,
              "revisions": []}
    env_dir = tempfile.mkdtemp(prefix="idemlint-alembic-")
    try:
        if args.base_sql:
            run_base(connect, dbname, args.base_sql)
        with open(os.path.join(env_dir, "env.py"), "w") as f:
            f.write(ENV_PY)
        cfg = Config()
        cfg.set_main_option("script_location", env_dir)
        cfg.set_main_option("version_path_separator", "os")
        cfg.set_main_option("version_locations", versions_dir.replace("%", "%%"))
        cfg.attributes["url"] = url
        cfg.attributes["target_metadata"] = pg_rerun.case_metadata(versions_dir, args.metadata)

        holder = {}
        report["load"] = outcome(lambda: holder.update(order=load_order(cfg, url)), cfg)
        report["warnings"] = report["load"]["warnings"]
        if report["load"]["ok"]:
            order = holder["order"]
            by_id = {r.revision: r for r in order}
            applied = set()
            for rev in order:
                r = rev.revision
                entry = {"revision": r, "file": os.path.relpath(rev.path, versions_dir),
                         "parents": list(pg_rerun.parents(rev)), "after_failure": False,
                         "first": outcome(lambda: command.upgrade(cfg, r), cfg), "rerun": None}
                report["revisions"].append(entry)
                if not entry["first"]["ok"]:
                    break  # its earlier statements committed: the rest would run on a half-applied schema
                if not args.once:
                    back = pg_rerun.heads_of(applied, by_id)
                    stamp_back = outcome(lambda: command.stamp(cfg, back, purge=True), cfg)
                    entry["rerun"] = (outcome(lambda: command.upgrade(cfg, r), cfg)
                                      if stamp_back["ok"] else dict(stamp_back, stamp_failed=True))
                applied.add(r)
                entry["stamp"] = outcome(lambda: command.stamp(cfg, pg_rerun.heads_of(applied, by_id), purge=True),
                                         cfg)
                entry["stamp"].pop("statements")
        if args.dump:
            with pymysql.connect(**dict(connect, database=dbname)) as conn:
                dump(conn, args.dump)
    finally:
        shutil.rmtree(env_dir, ignore_errors=True)
        if not args.keep:
            with admin.cursor() as cur:
                cur.execute("DROP DATABASE IF EXISTS `%s`" % dbname)
        admin.close()

    with open(args.out, "w") as f:
        json.dump(report, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
