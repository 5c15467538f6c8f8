"""Stand-in: each SpiceDB schema version has upgrade()/downgrade() lists of requests (no table)."""
from types import SimpleNamespace

_v = SimpleNamespace(upgrade=lambda *a, **k: [], downgrade=lambda *a, **k: [], up=[], down=[])
v1 = v2 = v3 = v4 = v5 = v6 = v7 = v8 = v9 = v10 = v11 = _v


def generate_v4(*args, **kwargs):
    return _v
