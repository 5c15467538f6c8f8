"""OpenOversight's models the revisions import, as the tables they map (their primary keys only), and Flask-SQLAlchemy's
`db.session` as a session on the connection Alembic runs the revision on."""
import sqlalchemy as sa
from sqlalchemy import orm

Base = orm.declarative_base()


class Officer(Base):
    __tablename__ = "officers"
    id = sa.Column(sa.Integer, primary_key=True)


class Face(Base):
    __tablename__ = "faces"
    id = sa.Column(sa.Integer, primary_key=True)


class User(Base):
    __tablename__ = "users"
    id = sa.Column(sa.Integer, primary_key=True)


class _Db:
    Model = Base

    @property
    def session(self):
        from alembic import op

        return orm.Session(bind=op.get_bind())


db = _Db()
