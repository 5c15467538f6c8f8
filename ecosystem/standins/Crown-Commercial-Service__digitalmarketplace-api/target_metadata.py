"""The target_metadata digitalmarketplace-api's env.py configures (the Flask-SQLAlchemy db of app/__init__.py at
2c3681e72e, reached through current_app.extensions['migrate']): its naming convention, copied by hand, so that
Alembic's ops name constraints as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(naming_convention={
    "ix": 'ix_%(column_0_label)s',
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "%(constraint_name)s",
    "fk": "%(table_name)s_%(column_0_name)s_fkey",
    "pk": "%(table_name)s_pkey",
})
