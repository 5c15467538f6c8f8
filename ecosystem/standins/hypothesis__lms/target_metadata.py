"""The target_metadata lms' env.py configures (lms.db.Base.metadata, lms/db/__init__.py at 3c66b21737): its
naming convention, copied by hand, so that Alembic's ops name constraints as they do in production."""
import sqlalchemy

metadata = sqlalchemy.MetaData(
    naming_convention={
        "ix": "ix__%(column_0_label)s",
        "uq": "uq__%(table_name)s__%(column_0_name)s",
        "ck": "ck__%(table_name)s__%(constraint_name)s",
        "fk": "fk__%(table_name)s__%(column_0_name)s__%(referred_table_name)s",
        "pk": "pk__%(table_name)s",
    }
)
