"""Stand-in: GroupORM is used only for its table name in queries."""
import sqlalchemy as sa

_metadata = sa.MetaData(schema="common")
GroupORM = sa.Table("groups", _metadata, sa.Column("id", sa.String(26), primary_key=True))
GroupORM.__table__ = GroupORM
