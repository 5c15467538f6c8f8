"""Stands in for box4security's `source.models` (docker/web/source/models.py): the `Role` model, whose `__table__`
the revisions pass to `op.bulk_insert`, with the columns of the project's model."""
import sqlalchemy as sa

from source.extensions import Model


class Role(Model):
    """Role class for defining permissions (table `role`)."""

    __tablename__ = 'role'
    id = sa.Column(sa.Integer(), primary_key=True)
    name = sa.Column(sa.String(50), unique=True)
    description = sa.Column(sa.String(255))
