"""The target_metadata STRR's env.py configures under `flask db upgrade` (the Flask-SQLAlchemy db's metadata,
strr-api/src/strr_api/models/db.py at 070098e613): its naming convention, copied by hand, so that Alembic's ops
name foreign keys as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(
    naming_convention={
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    }
)
