"""Stand-in for alembic_postgresql_enum, as far as lilypad's revisions use it: TableReference and the operation
op.sync_enum_values(enum_schema=, enum_name=, new_values=, affected_columns=), which the package registers on import.
It runs the SQL the package's sync_enum_values runs: the enum renamed to <name>_old, the enum created again with
the new values, each listed column converted to it through text, the old type dropped."""
from dataclasses import dataclass

from alembic.operations import MigrateOperation, Operations


@dataclass
class TableReference:
    table_name: str
    column_name: str
    table_schema: str = "public"
    existing_server_default: str = None


@Operations.register_operation("sync_enum_values")
class SyncEnumValuesOp(MigrateOperation):
    def __init__(self, enum_schema, enum_name, new_values, affected_columns):
        self.enum_schema = enum_schema
        self.enum_name = enum_name
        self.new_values = new_values
        self.affected_columns = affected_columns

    @classmethod
    def sync_enum_values(cls, operations, enum_schema, enum_name, new_values, affected_columns,
                         enum_values_to_rename=(), **kw):
        return operations.invoke(cls(enum_schema, enum_name, new_values, affected_columns))


@Operations.implementation_for(SyncEnumValuesOp)
def _sync_enum_values(operations, op):
    qualified = f'"{op.enum_schema}"."{op.enum_name}"'
    values = ", ".join("'" + v.replace("'", "''") + "'" for v in op.new_values)
    operations.execute(f'ALTER TYPE {qualified} RENAME TO "{op.enum_name}_old"')
    operations.execute(f"CREATE TYPE {qualified} AS ENUM({values})")
    for ref in op.affected_columns:
        operations.execute(
            f'ALTER TABLE "{ref.table_schema}"."{ref.table_name}" ALTER COLUMN "{ref.column_name}" '
            f'TYPE {qualified} USING "{ref.column_name}"::text::{qualified}')
    operations.execute(f'DROP TYPE "{op.enum_schema}"."{op.enum_name}_old"')
