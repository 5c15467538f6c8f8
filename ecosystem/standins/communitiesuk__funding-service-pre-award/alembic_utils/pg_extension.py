"""alembic_utils.pg_extension.PGExtension: CREATE EXTENSION for create_entity, DROP EXTENSION for drop_entity."""
from sqlalchemy import text

from alembic_utils import ReplaceableEntity


class PGExtension(ReplaceableEntity):
    def __init__(self, schema, signature):
        super().__init__(schema, signature)

    def to_sql_statement_create(self):
        return text('CREATE EXTENSION "%s" WITH SCHEMA %s' % (self.signature, self.schema))

    def to_sql_statement_drop(self):
        return text('DROP EXTENSION "%s"' % self.signature)

    def to_sql_statement_create_or_replace(self):
        raise NotImplementedError()
