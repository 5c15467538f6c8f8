"""The target_metadata fractal-server's env.py configures (SQLModel.metadata with
fractal_server/migrations/naming_convention.py's NAMING_CONVENTION, at 931d0d46cd), copied by hand, so that Alembic's
ops name constraints as they do in production."""
from sqlalchemy import MetaData

from fractal_server.migrations.naming_convention import NAMING_CONVENTION

metadata = MetaData(naming_convention=NAMING_CONVENTION)
