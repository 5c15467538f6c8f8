"""Gives the harness's SQLAlchemy 1.4 the name `sa.Binary` nyaa's revisions use (SQLAlchemy 1.3's deprecated alias of
LargeBinary, removed in 1.4), before the revisions load."""
import sqlalchemy

if not hasattr(sqlalchemy, "Binary"):
    sqlalchemy.Binary = sqlalchemy.LargeBinary
