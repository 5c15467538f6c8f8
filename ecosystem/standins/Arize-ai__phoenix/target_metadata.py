"""The target_metadata phoenix's env.py configures (phoenix.db.models.Base.metadata at 9478f954bb): its naming
convention, copied by hand, so that Alembic's ops name constraints and indexes as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_`%(constraint_name)s`",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})
