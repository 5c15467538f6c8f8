"""alembic_utils.pg_trigger.PGTrigger: CREATE TRIGGER, DROP TRIGGER; replace_entity drops and creates it."""
from sqlalchemy import text

from alembic_utils import ReplaceableEntity


class PGTrigger(ReplaceableEntity):
    def __init__(self, schema, signature, on_entity, definition, is_constraint=False):
        super().__init__(schema, signature, definition)
        self.on_entity = on_entity
        self.is_constraint = is_constraint

    def to_sql_statement_create(self):
        prefix = "CREATE CONSTRAINT" if self.is_constraint else "CREATE"
        return text('%s TRIGGER "%s" %s' % (prefix, self.signature, self.definition))

    def to_sql_statement_drop(self):
        return text('DROP TRIGGER "%s" ON %s' % (self.signature, self.on_entity))

    def to_sql_statement_create_or_replace(self):
        # PostgreSQL 14+ has CREATE OR REPLACE TRIGGER; alembic_utils drops and creates
        yield text('DROP TRIGGER IF EXISTS "%s" ON %s' % (self.signature, self.on_entity))
        yield self.to_sql_statement_create()
