import os
import sqlalchemy as sa
from alembic import context
engine = sa.create_engine(os.environ["MP_URL"])
with engine.connect() as conn:
    context.configure(connection=conn, target_metadata=None)
    with context.begin_transaction():
        context.run_migrations()
