"""sqlalchemy_utils' LtreeType, the one name the revisions use (PostgreSQL's ltree type)."""
from sqlalchemy_utils import types  # noqa: F401
