"""The part of alembic_utils the revisions use: ReplaceableEntity, PGMaterializedView and the operations
op.create_entity / op.drop_entity / op.replace_entity, issuing the statements alembic_utils issues (a plain CREATE
for create_entity, CREATE OR REPLACE for replace_entity)."""
from alembic.operations import MigrateOperation, Operations


class ReplaceableEntity:
    def __init__(self, schema, signature, definition=""):
        self.schema = schema
        self.signature = signature
        self.definition = definition.strip().rstrip(";")

    @property
    def literal_schema(self):
        return '"%s"' % self.schema


class _EntityOp(MigrateOperation):
    def __init__(self, target):
        self.target = target


@Operations.register_operation("create_entity")
class CreateOp(_EntityOp):
    @classmethod
    def create_entity(cls, operations, target, **kw):
        return operations.invoke(cls(target))


@Operations.register_operation("drop_entity")
class DropOp(_EntityOp):
    @classmethod
    def drop_entity(cls, operations, target, **kw):
        return operations.invoke(cls(target))


@Operations.register_operation("replace_entity")
class ReplaceOp(_EntityOp):
    @classmethod
    def replace_entity(cls, operations, target, **kw):
        return operations.invoke(cls(target))


@Operations.implementation_for(CreateOp)
def _create(operations, operation):
    operations.execute(operation.target.to_sql_statement_create())


@Operations.implementation_for(DropOp)
def _drop(operations, operation):
    operations.execute(operation.target.to_sql_statement_drop())


@Operations.implementation_for(ReplaceOp)
def _replace(operations, operation):
    for statement in operation.target.to_sql_statement_create_or_replace():
        operations.execute(statement)
