#!/usr/bin/python3
"""Drive real Alembic for the plan proof: what `alembic upgrade` really does on a database.

Run with /usr/bin/python3 (Debian's python3-alembic, python3-sqlalchemy, python3-psycopg2).

    plan_proof.py VERSIONS_DIR --url URL --out OUT.json upgrade [TARGET]
    plan_proof.py VERSIONS_DIR --url URL --out OUT.json stamp REV [REV...]

upgrade runs `alembic upgrade TARGET` (default: heads) on the database at URL, with env.py's usual single
transaction, and reports which revision it was running when it failed (from Alembic's own
"Running upgrade A -> B" log line), the SQLSTATE and the message, and the revisions it ran.
stamp runs `alembic stamp --purge REV...`.

Output JSON: {"ok", "revision", "sqlstate", "error_class", "message", "ran": [rev...], "version": [rows]}
"""
import argparse
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import traceback
import warnings

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, pool, text
from sqlalchemy import exc as sa_exc

ENV_PY = '''
from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
engine = create_engine(
    config.attributes["url"],
    poolclass=pool.NullPool,
    connect_args={"options": "-c lock_timeout=10s -c statement_timeout=60s"},
)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=config.attributes.get("target_metadata"))
    with context.begin_transaction():
        context.run_migrations()
engine.dispose()
'''

def case_metadata(versions_dir):
    """The MetaData of the chain's models.py next to its versions dir (the naming convention its env.py
    configures), or None: Alembic's ops name constraints and indexes with its naming convention."""
    path = os.path.join(os.path.dirname(versions_dir), "models.py")
    if not os.path.isfile(path):
        return None
    import importlib.util
    spec = importlib.util.spec_from_file_location("idemlint_case_models", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.metadata


# the message ends with the revision's doc, which may hold commas and newlines: the id stops at the first
RUNNING = re.compile(r"Running upgrade (.*?) -> ([^,\s]+)")


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.ran = []

    def emit(self, record):
        m = RUNNING.match(record.getMessage())
        if m:
            self.ran.append(m.group(2).strip())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("versions_dir")
    ap.add_argument("--url", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("action", choices=["upgrade", "stamp"])
    ap.add_argument("revisions", nargs="*")
    args = ap.parse_args()

    env_dir = tempfile.mkdtemp(prefix="idemlint-plan-")
    result = {"ok": True, "revision": None, "sqlstate": None, "error_class": None, "message": None,
              "ran": [], "version": []}
    recorder = Recorder()
    log = logging.getLogger("alembic.runtime.migration")
    log.setLevel(logging.INFO)
    log.addHandler(recorder)
    try:
        with open(os.path.join(env_dir, "env.py"), "w") as f:
            f.write(ENV_PY)
        cfg = Config()
        cfg.set_main_option("script_location", env_dir)
        cfg.set_main_option("version_path_separator", "os")
        cfg.set_main_option("version_locations", os.path.abspath(args.versions_dir).replace("%", "%%"))
        cfg.attributes["url"] = args.url
        cfg.attributes["target_metadata"] = case_metadata(os.path.abspath(args.versions_dir))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                if args.action == "upgrade":
                    command.upgrade(cfg, args.revisions[0] if args.revisions else "heads")
                else:
                    command.stamp(cfg, args.revisions, purge=True)
            except sa_exc.DBAPIError as e:
                orig = e.orig
                diag = getattr(orig, "diag", None)
                result.update(ok=False, sqlstate=getattr(orig, "pgcode", None), error_class=type(orig).__name__,
                              message=(diag.message_primary if diag is not None and diag.message_primary
                                       else str(orig).strip()))
            except Exception as e:  # noqa: BLE001 - any failure is an outcome
                result.update(ok=False, sqlstate=getattr(e, "pgcode", None), error_class=type(e).__name__,
                              message=str(e).strip() or traceback.format_exc(limit=1).strip())
        result["ran"] = recorder.ran
        if not result["ok"] and recorder.ran:
            result["revision"] = recorder.ran[-1]
        engine = create_engine(args.url, poolclass=pool.NullPool)
        with engine.connect() as conn:
            try:
                result["version"] = sorted(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version")))
            except sa_exc.DBAPIError:
                result["version"] = None
        engine.dispose()
    finally:
        shutil.rmtree(env_dir, ignore_errors=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
