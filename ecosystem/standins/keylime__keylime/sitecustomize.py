"""keylime's env.py migrates two databases, `registrar` then `cloud_verifier` (alembic.ini `databases`), each with
its own version table (alembic_version_<name>), calling each revision's upgrade(engine_name), which runs
upgrade_<engine_name>(). The harness's env.py runs one database and calls upgrade(): this wraps each revision
module so that upgrade() runs upgrade_registrar() then upgrade_cloud_verifier() on the one database (the
deployment that gives both names the same URL); their tables are disjoint."""
import alembic.util

_load_python_file = alembic.util.load_python_file
ENGINES = ("registrar", "cloud_verifier")


def _load_keylime_revision(dir_, filename):
    module = _load_python_file(dir_, filename)
    if all(callable(getattr(module, f"upgrade_{name}", None)) for name in ENGINES):
        parts = [getattr(module, f"upgrade_{name}") for name in ENGINES]

        def upgrade():
            for part in parts:
                part()

        module.upgrade = upgrade
    return module


alembic.util.load_python_file = _load_keylime_revision
