"""The target_metadata mcp-context-forge's env.py configures (mcpgateway.db.Base.metadata at ecba50e482): its naming
convention, copied by hand, so that Alembic's ops name constraints and indexes as they do in production."""
from sqlalchemy import MetaData

metadata = MetaData(naming_convention={
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
})
