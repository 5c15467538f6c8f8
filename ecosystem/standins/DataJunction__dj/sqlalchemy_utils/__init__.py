"""Stand-in for sqlalchemy_utils, as far as DataJunction's revisions use it: types.uuid.UUIDType."""
from . import types  # noqa: F401
from .types.uuid import UUIDType  # noqa: F401
