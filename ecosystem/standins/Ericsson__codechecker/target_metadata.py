"""The target_metadata both CodeChecker env.py files configure (Base.metadata of run_db_model.py and
config_db_model.py under web/server/codechecker_server/database at 91350fda1d, the same convention): its
naming convention, copied by hand, so that Alembic's ops name constraints as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    },
)
