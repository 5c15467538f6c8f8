"""Stands in for box4security's `source.extensions`: `db` is Flask-SQLAlchemy's `SQLAlchemy()` there; here a plain
declarative base, so `db.Model` subclasses map their tables the same way and carry `__table__`."""
from sqlalchemy.orm import declarative_base

Model = declarative_base()
