"""The models' tables as far as the revisions read them."""
import sqlalchemy as sa

_metadata = sa.MetaData()


class User:
    __table__ = sa.Table("users", _metadata, sa.Column("id", sa.Integer, primary_key=True))
    id = __table__.c.id


class Log:
    __table__ = sa.Table("logs", _metadata, sa.Column("_storage_id", sa.Integer, primary_key=True),
                         sa.Column("_execution_fk", sa.Integer))


class Event:
    __table__ = sa.Table("events", _metadata, sa.Column("_storage_id", sa.Integer, primary_key=True),
                         sa.Column("_execution_fk", sa.Integer))


class Deployment:
    __table__ = sa.Table("deployments", _metadata, sa.Column("_storage_id", sa.Integer, primary_key=True),
                         sa.Column("id", sa.Text), sa.Column("display_name", sa.Text))
