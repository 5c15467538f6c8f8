"""The target_metadata test_observer's env.py configures (test_observer.data_access.Base.metadata,
backend/test_observer/data_access/models.py at 01c5ca9256): its naming convention, copied by hand, so that
Alembic's ops name constraints as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(
    naming_convention={
        "ix": "%(table_name)s_%(column_0_N_name)s_ix",
        "uq": "%(table_name)s_%(column_0_N_name)s_key",
        "ck": "%(table_name)s_%(column_0_N_name)s_check",
        "fk": "%(table_name)s_%(column_0_N_name)s_fkey",
        "pk": "%(table_name)s_pkey",
    },
)
