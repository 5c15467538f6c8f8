"""kitchenowl's app.config reduced to the names its revisions read.

DB_URL: the harness runs on PostgreSQL. UPLOAD_FOLDER: a folder that does not exist (no uploaded files; the revisions
that scan it catch FileNotFoundError). db: Flask-SQLAlchemy's object, whose engine the revisions inspect (the
migration's own connection here) and whose column types they use (sqlalchemy's)."""
import sqlalchemy
from alembic import op
from sqlalchemy.engine import URL

DB_URL = URL.create("postgresql")
UPLOAD_FOLDER = "/nonexistent/kitchenowl-upload"


class _FlaskSQLAlchemy:
    @property
    def engine(self):
        return op.get_bind()

    def __getattr__(self, name):
        return getattr(sqlalchemy, name)


db = _FlaskSQLAlchemy()
