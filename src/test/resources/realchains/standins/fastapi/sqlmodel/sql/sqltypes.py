"""Stand-in for sqlmodel.sql.sqltypes.AutoString: a VARCHAR, as sqlmodel renders it on PostgreSQL."""
import sqlalchemy as sa


class AutoString(sa.types.TypeDecorator):
    impl = sa.String
    cache_ok = True
