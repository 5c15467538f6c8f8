"""DataJunction requires SQLAlchemy 2; the harness runs SQLAlchemy 1.4, which does not know the PostgreSQL option
`postgresql_nulls_not_distinct` of a UniqueConstraint (2.0.?+): de7ec1c82fe0's create_table names it, and the walk
stopped there (ArgumentError). Here 1.4 accepts it and renders it as 2.0 does, `UNIQUE NULLS NOT DISTINCT (...)`
(PostgreSQL 15)."""
from sqlalchemy import schema as sa_schema
from sqlalchemy.dialects.postgresql import base as pg

if not any(cls is sa_schema.UniqueConstraint for cls, _ in pg.PGDialect.construct_arguments):
    pg.PGDialect.construct_arguments.append((sa_schema.UniqueConstraint, {"nulls_not_distinct": None}))

    _visit_unique_constraint = pg.PGDDLCompiler.visit_unique_constraint

    def visit_unique_constraint(self, constraint, **kw):
        text = _visit_unique_constraint(self, constraint, **kw)
        if constraint.dialect_options["postgresql"]["nulls_not_distinct"]:
            text = text.replace("UNIQUE (", "UNIQUE NULLS NOT DISTINCT (", 1)
        return text

    pg.PGDDLCompiler.visit_unique_constraint = visit_unique_constraint
