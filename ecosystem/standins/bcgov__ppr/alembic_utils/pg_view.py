"""alembic_utils.pg_view.PGView as ppr's revisions use it: CREATE VIEW for create_entity, DROP VIEW for
drop_entity, CREATE OR REPLACE VIEW for replace_entity, the view named "schema"."signature" as alembic_utils
names it."""
from sqlalchemy import text

from alembic_utils import ReplaceableEntity


class PGView(ReplaceableEntity):
    def _name(self):
        return '%s."%s"' % (self.literal_schema, self.signature)

    def to_sql_statement_create(self):
        return text("CREATE VIEW %s AS %s" % (self._name(), self.definition))

    def to_sql_statement_drop(self):
        return text("DROP VIEW %s" % self._name())

    def to_sql_statement_create_or_replace(self):
        yield text("CREATE OR REPLACE VIEW %s AS %s" % (self._name(), self.definition))
