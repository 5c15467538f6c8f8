"""alembic_utils.pg_function.PGFunction: CREATE FUNCTION, DROP FUNCTION, CREATE OR REPLACE FUNCTION for replace_entity."""
from sqlalchemy import text

from alembic_utils import ReplaceableEntity


class PGFunction(ReplaceableEntity):
    def to_sql_statement_create(self):
        return text("CREATE FUNCTION %s.%s %s" % (self.literal_schema, self.signature, self.definition))

    def to_sql_statement_drop(self):
        return text("DROP FUNCTION %s.%s" % (self.literal_schema, self.signature))

    def to_sql_statement_create_or_replace(self):
        yield text("CREATE OR REPLACE FUNCTION %s.%s %s" % (self.literal_schema, self.signature, self.definition))
