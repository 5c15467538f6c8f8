"""The target_metadata cloudify-manager's env.py configures (the Flask-SQLAlchemy db's metadata, MetaData of
rest-service/manager_rest/storage/models_base.py at cdd961dd6e): its naming convention, copied by hand, so that
Alembic's ops name constraints as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(
    naming_convention={
        "ix": "%(table_name)s_%(column_0_name)s_idx",
        "uq": "%(table_name)s_%(column_0_name)s_key",
        "ck": "%(table_name)s_%(column_0_name)s_check",
        "fk": "%(table_name)s_%(column_0_name)s_fkey",
        "pk": "%(table_name)s_pkey",
    },
)
