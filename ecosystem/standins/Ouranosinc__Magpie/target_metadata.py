"""The target_metadata Magpie's env.py configures (magpie/alembic/env.py at 9a35799db2): its naming convention,
copied by hand, so that Alembic's ops name constraints and indexes as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})
