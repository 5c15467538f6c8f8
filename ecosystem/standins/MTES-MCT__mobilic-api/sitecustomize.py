"""mobilic-api pins SQLAlchemy 1.3 (Pipfile at 94ff988588: sqlalchemy ~=1.3.24); the harness runs 1.4, which changed
the default of `Enum(create_constraint=...)` from True to False. On 1.3 every `sa.Enum(..., native_enum=False,
name=N)` the revisions create comes with a CHECK constraint named N, which later revisions drop by that name
(74b82d635596: `DROP CONSTRAINT activityvalidationstatus`). Here the 1.3 default is restored."""
from sqlalchemy.sql import sqltypes

_init = sqltypes.Enum.__init__


def _enum_init(self, *enums, **kw):
    kw.setdefault("create_constraint", True)
    _init(self, *enums, **kw)


sqltypes.Enum.__init__ = _enum_init
