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


class _Bind:
    """The migration's connection, looked up when used: revisions call get_engine() at import time too."""

    def __getattr__(self, name):
        return getattr(op.get_bind(), name)


def _bind(engine):
    return op.get_bind() if isinstance(engine, _Bind) else engine


class _Engine:
    def __init__(self):
        self.engine = _Bind()

    def scoped_session(self):
        return sqlalchemy.orm.Session(bind=op.get_bind())

    session = scoped_session


def get_engine(envname="public"):
    return _Engine()


def create_schema_if_not_exists(engine, envname):
    pass


def has_table(table_name, engine):
    return table_name in sqlalchemy.inspect(_bind(engine)).get_table_names()


def has_column(schema, table, column, engine):
    return any(column in c["name"] for c in sqlalchemy.inspect(_bind(engine)).get_columns(table_name=table))
