"""Stands in for Hyperion's `app.types.sqlalchemy`: `TZDateTime`, the type decorator the revisions use for their
datetime columns, as the project defines it (a `DateTime` storing timezone-aware values as naive UTC)."""
import datetime

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


class TZDateTime(TypeDecorator):
    """Timezone-aware timestamps stored as timezone-naive UTC timestamps (impl `DateTime`)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if not value.tzinfo or value.tzinfo.utcoffset(value) is None:
                raise ValueError("datetime without tzinfo")
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None:
            value = value.replace(tzinfo=datetime.timezone.utc)
        return value
