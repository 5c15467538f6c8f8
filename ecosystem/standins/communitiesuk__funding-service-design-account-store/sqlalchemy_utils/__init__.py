"""sqlalchemy_utils' UUIDType, the one type the revisions use (UUIDType(binary=False) is PostgreSQL's uuid)."""
from sqlalchemy_utils import types  # noqa: F401
