from alembic import context
from sqlalchemy import engine_from_config, pool

from models import metadata

connectable = engine_from_config(context.config.get_section(context.config.config_ini_section),
                                 prefix="sqlalchemy.", poolclass=pool.NullPool)
with connectable.connect() as connection:
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()
