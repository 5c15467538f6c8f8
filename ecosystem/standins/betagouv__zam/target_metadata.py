"""The target_metadata zam's env.py configures (zam_repondeur.models.Base.metadata, the MetaData of
repondeur/zam_repondeur/models/base.py at 3686a376de): its naming convention, copied by hand, so that Alembic's ops
name constraints as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(naming_convention={
    "fk": "%(table_name)s_%(column_0_name)s_fkey",
    "uq": "%(table_name)s_%(column_0_N_name)s_key",
    "ck": "ck_%(table_name)s_%(column_0_N_name)s",
})
