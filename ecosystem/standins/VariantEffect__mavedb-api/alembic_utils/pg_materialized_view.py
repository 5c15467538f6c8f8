"""alembic_utils.pg_materialized_view.PGMaterializedView as mavedb-api's revisions use it: CREATE MATERIALIZED VIEW
... WITH [NO] DATA for create_entity, DROP MATERIALIZED VIEW for drop_entity, named "schema"."signature" as
alembic_utils names it (a materialized view has no CREATE OR REPLACE: replace drops and creates it)."""
from sqlalchemy import text

from alembic_utils import ReplaceableEntity


class PGMaterializedView(ReplaceableEntity):
    def __init__(self, schema, signature, definition, with_data=True):
        super().__init__(schema, signature, definition)
        self.with_data = with_data

    def _name(self):
        return '%s."%s"' % (self.literal_schema, self.signature)

    def to_sql_statement_create(self):
        return text("CREATE MATERIALIZED VIEW %s AS %s WITH %sDATA"
                    % (self._name(), self.definition, "" if self.with_data else "NO "))

    def to_sql_statement_drop(self):
        return text("DROP MATERIALIZED VIEW %s" % self._name())

    def to_sql_statement_create_or_replace(self):
        yield self.to_sql_statement_drop()
        yield self.to_sql_statement_create()
