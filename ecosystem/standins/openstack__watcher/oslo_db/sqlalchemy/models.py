"""Stand-in for oslo_db.sqlalchemy.models: the mixins watcher's models use, with oslo.db's columns."""
from oslo_utils import timeutils
from sqlalchemy import Column, DateTime, Integer


class ModelBase(object):
    """Base class for models (oslo.db's dict-like helpers; they add no column)."""

    def __getitem__(self, key):
        return getattr(self, key)


class TimestampMixin(object):
    created_at = Column(DateTime, default=lambda: timeutils.utcnow())
    updated_at = Column(DateTime, onupdate=lambda: timeutils.utcnow())


class SoftDeleteMixin(object):
    deleted_at = Column(DateTime)
    deleted = Column(Integer, default=0)
