"""Stands in for sqlalchemy_utils.types."""
from sqlalchemy_utils.types import choice, email  # noqa: F401
