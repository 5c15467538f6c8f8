"""Stand-in for pay_api.utils.migration_utils.column_exists: the inspector's columns of the table, as pay_api's."""
from alembic import op
from sqlalchemy import inspect


def column_exists(table_name, column_name):
    return column_name in [col["name"] for col in inspect(op.get_bind()).get_columns(table_name)]
