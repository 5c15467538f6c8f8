"""The target_metadata cabotage's env.py configures (current_app.extensions["migrate"].db.metadata, the MetaData of
cabotage.server.Base in cabotage/server/__init__.py at b150ad2f99): its naming convention, copied by hand, so that
Alembic's ops name constraints and indexes as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})
