"""The target_metadata nmdc-server's env.py configures (nmdc_server.database.metadata at 05c6fa7c55): its naming
convention, copied by hand, so that Alembic's ops name constraints and indexes as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(naming_convention={
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
})
