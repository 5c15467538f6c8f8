"""app.models.db (Flask-SQLAlchemy's db) as 605e99996497 uses it: db.engine.execute(sql), run here on the revision's
own connection, as the application's engine would reach the same database."""
import sqlalchemy as sa


class _Engine:
    def execute(self, sql):
        from alembic import op
        return op.get_bind().execute(sa.text(sql))


class _Db:
    engine = _Engine()


db = _Db()
