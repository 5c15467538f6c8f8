"""spiffworkflow_backend.models.db: dialect_name() and db, imported by revisions 3191627ae224 and 7eaec0e12079.

The project's dialect_name() reads the Flask-SQLAlchemy engine's dialect name; here it reads the dialect of the
connection Alembic runs the revision on, which is the same database. Neither revision uses db itself."""
from alembic import op

db = None


def dialect_name():
    return op.get_bind().dialect.name
