"""Stand-in for sqlalchemy_utils: the package the root revision imports for its column types (`types` below)."""
from sqlalchemy_utils import types  # noqa: F401
