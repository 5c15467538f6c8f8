"""Stand-in names used to build SpiceDB relationships (no table)."""
from types import SimpleNamespace

_AuthzConverter = SimpleNamespace(platform=lambda *a, **k: None, resource_pool=lambda *a, **k: None)
_Relation = SimpleNamespace(prohibited=SimpleNamespace(value="prohibited"), viewer=SimpleNamespace(value="viewer"))
