"""cloudkitty's c50ed2c19204 shape: the batch's table is the loop variable over a model's metadata

Revision ID: e8a0b0000001
Revises:
"""
import sqlalchemy
from alembic import op
from sqlalchemy.ext import declarative

revision = "e8a0b0000001"
down_revision = None

Base = declarative.declarative_base()


def upgrade():
    for name, table in Base.metadata.tables.items():
        if name == "storage_states":

            with op.batch_alter_table(name, copy_from=table, recreate="auto") as batch_op:
                batch_op.alter_column("identifier")
                batch_op.create_unique_constraint(
                    "uq_storage_states_identifier",
                    ["identifier", "scope_key"])

            break


def downgrade():
    pass


class StorageState(Base):
    __tablename__ = "storage_states"
    __table_args__ = (sqlalchemy.schema.UniqueConstraint("identifier", "scope_key",
                                                         name="uq_storage_states_identifier"),)

    id = sqlalchemy.Column(sqlalchemy.Integer, primary_key=True)
    identifier = sqlalchemy.Column(sqlalchemy.String(256), nullable=False)
    scope_key = sqlalchemy.Column(sqlalchemy.String(40), nullable=True)
