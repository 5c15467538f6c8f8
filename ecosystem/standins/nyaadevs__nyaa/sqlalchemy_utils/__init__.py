"""Stands in for sqlalchemy_utils (not installed for the harness): the types nyaa's revisions name."""
from sqlalchemy_utils import types  # noqa: F401
