"""Stand-in for CTFd.models: the migrations use `db.Integer`, `db.Text`... as column types only."""
import sqlalchemy


class _Db:
    """Flask-SQLAlchemy's `db` exposes SQLAlchemy's types and constructs as attributes."""

    def __getattr__(self, name):
        return getattr(sqlalchemy, name)


db = _Db()
