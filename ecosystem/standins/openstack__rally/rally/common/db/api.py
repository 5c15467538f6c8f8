from alembic import op


def get_engine():
    return op.get_bind().engine
