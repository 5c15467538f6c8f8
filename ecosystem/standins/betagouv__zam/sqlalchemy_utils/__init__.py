"""sqlalchemy_utils reduced to JSONType and UUIDType (bf01601790f4 imports both)."""
from .types.json import JSONType  # noqa: F401
from .types.uuid import UUIDType  # noqa: F401
