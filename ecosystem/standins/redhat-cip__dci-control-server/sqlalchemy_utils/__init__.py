"""sqlalchemy_utils reduced to JSONType (the root a918b053c43a imports sqlalchemy_utils.types.json.JSONType)."""
from .types.json import JSONType  # noqa: F401
