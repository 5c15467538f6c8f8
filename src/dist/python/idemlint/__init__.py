"""idemlint: finds Alembic migrations that cannot be re-applied on PostgreSQL.

This package carries the idemlint jar linked into its own Java runtime; the ``idemlint`` command
(``idemlint.__main__``) runs it. No Java needs to be installed.
"""
