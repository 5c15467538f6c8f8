"""Stand-in for dataall.base.db. data.all's get_engine opens its own engine on the same database with
search_path set to the environment's schema; here it is the migration's own connection, whose schema
is the harness database's default one, so has_table sees what the earlier revisions made."""
import datetime

import sqlalchemy
from alembic import op
from sqlalchemy import Column, DateTime, String
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.declarative import declarative_base

from . import utils

Base = declarative_base()


class Resource(object):
    label = Column(String, nullable=False)
    name = Column(String, nullable=False, default=utils.slugifier("label"))
    owner = Column(String, nullable=False)
    created = Column(DateTime, default=datetime.datetime.now)
    updated = Column(DateTime, onupdate=datetime.datetime.now)
    deleted = Column(DateTime, default=None)
    description = Column(String, default="No description provided")
    tags = Column(postgresql.ARRAY(String))


class _Engine:
    def __init__(self, bind):
        self.engine = bind

    def scoped_session(self):
        return sqlalchemy.orm.Session(bind=self.engine)

    session = scoped_session


def get_engine(envname="public"):
    return _Engine(op.get_bind())


def create_schema_if_not_exists(engine, envname):
    pass


def has_table(table_name, engine):
    return table_name in sqlalchemy.inspect(engine).get_table_names()


def has_column(schema, table, column, engine):
    return any(column in c["name"] for c in sqlalchemy.inspect(engine).get_columns(table_name=table))
