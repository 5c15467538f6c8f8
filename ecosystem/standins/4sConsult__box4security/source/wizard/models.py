"""Stands in for box4security's `source.wizard.models` (docker/web/source/wizard/models.py): the models whose
`__table__` the revisions pass to `op.bulk_insert` and name in their `DELETE` statements, with the columns of the
project's models (relationships left out: no revision uses them)."""
import sqlalchemy as sa

from source.extensions import Model


class ScanCategory(Model):
    """Model class for Vulnerability Scan Categories (table `scancategory`)."""

    __tablename__ = 'scancategory'
    id = sa.Column(sa.Integer(), primary_key=True)
    name = sa.Column(sa.String())


class NetworkType(Model):
    """Model class for Network Types (table `networktype`)."""

    __tablename__ = 'networktype'
    id = sa.Column(sa.Integer(), primary_key=True)
    name = sa.Column(sa.String(100))


class SystemType(Model):
    """Model class for System Types (table `systemtype`)."""

    __tablename__ = 'systemtype'
    id = sa.Column(sa.Integer(), primary_key=True)
    name = sa.Column(sa.String(100))


class WizardStateNames(Model):
    """Model to assign changeable names to state ids (table `wizardstatenames`)."""

    __tablename__ = 'wizardstatenames'
    id = sa.Column(sa.Integer(), primary_key=True)
    name = sa.Column(sa.String())


class WizardState(Model):
    """Model to represent the current state the wizard is in (table `wizardstate`)."""

    __tablename__ = 'wizardstate'
    id = sa.Column(sa.Integer(), primary_key=True)
    state_id = sa.Column(sa.ForeignKey('wizardstatenames.id'), nullable=False)
