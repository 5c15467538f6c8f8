"""sqlalchemy_utils reduced to JSONType (the root d64c16d7ce0c imports sqlalchemy_utils.types.json)."""
from .types.json import JSONType  # noqa: F401
