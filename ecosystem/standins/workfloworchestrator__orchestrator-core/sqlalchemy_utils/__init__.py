"""Stand-in for sqlalchemy_utils, as far as orchestrator-core's revisions use it: UUIDType and types.ts_vector.TSVectorType."""
from . import types  # noqa: F401
from .types.uuid import UUIDType  # noqa: F401
