"""open_bus_stride_db.model.base at 24f12707b6: the naming convention and the column type the revisions use."""
import datetime

from sqlalchemy import MetaData
from sqlalchemy.orm import declarative_base
from sqlalchemy.types import DateTime as _DateTime
from sqlalchemy.types import TypeDecorator

meta = MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})
Base = declarative_base(metadata=meta)


class DateTimeWithTimeZone(TypeDecorator):
    """A TIMESTAMP WITHOUT TIME ZONE holding UTC; binds aware datetimes only."""
    impl = _DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if not value.tzinfo:
                raise TypeError("tzinfo is required")
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value
