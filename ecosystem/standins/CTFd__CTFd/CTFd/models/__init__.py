# Flask-SQLAlchemy's `db`, as far as the revisions use it: `db.Integer`, `db.Text` and the other SQLAlchemy
# names it re-exports (CTFd/models/__init__.py builds it with flask_sqlalchemy, which needs the application).
import sqlalchemy


class _Db:
    def __getattr__(self, name):
        return getattr(sqlalchemy, name)


db = _Db()
