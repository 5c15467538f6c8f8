"""Stand-in for walle.service.extensions: `db`, the Flask-SQLAlchemy object whose session the root revision runs its
CREATE TABLE and INSERT statements on (`db.session.execute(sql)`, then `db.session.commit()`).

The application's session is a connection of its own to the same database; here it is the migration's connection.
On MariaDB every CREATE TABLE commits by itself either way, and the INSERTs commit with the session or the
revision, so the statements reach the server in the same order with the same outcome."""
import sqlalchemy as sa
from alembic import op


class _Session:
    def execute(self, sql, params=None):
        statement = sa.text(sql) if isinstance(sql, str) else sql
        return op.get_bind().execute(statement, params or {})

    def commit(self):
        pass


class _Db:
    session = _Session()


db = _Db()
