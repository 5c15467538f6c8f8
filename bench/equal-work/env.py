"""Alembic environment for `alembic upgrade heads --sql` (offline mode) on a real project's revisions.

Offline mode renders, without a database, the SQL that the revisions' op calls and op.execute strings
send to PostgreSQL. A project module a revision imports (the app's constants, sqlmodel's types) is
replaced by a stub: its names read as strings of themselves, and calling one gives sa.String(). A
revision that needs a live connection (op.get_bind() queries) cannot run offline; such chains are
not used.
"""
import importlib.abc, importlib.machinery, sys, types
import sqlalchemy as sa

class _Stub(str):
    """Stands for a name from a module we cannot import: a string of its own name that can also be
    called (an sa.String type when called with a length) and have attributes."""
    def __new__(cls, name):
        return str.__new__(cls, name.rsplit(".", 1)[-1])
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Stub(self + "." + name)
    def __call__(self, *a, **k):
        return sa.String()

class _StubModule(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Stub(name)

class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in ("alembic", "sqlalchemy"):
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            try:
                spec = finder.find_spec(name, path, target)
            except Exception:
                spec = None
            if spec is not None:
                return None
        return importlib.machinery.ModuleSpec(name, self, is_package=True)
    def create_module(self, spec):
        m = _StubModule(spec.name)
        m.__path__ = []
        return m
    def exec_module(self, module):
        pass

sys.meta_path.append(_Finder())

from alembic import context
context.configure(url="postgresql://", literal_binds=True, dialect_opts={"paramstyle": "named"})
with context.begin_transaction():
    context.run_migrations()
