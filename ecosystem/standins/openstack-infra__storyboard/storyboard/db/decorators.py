"""Stand-in for storyboard.db.decorators: UTCDateTime, a DateTime stored without its time zone (UTC)."""
import datetime

from sqlalchemy.types import DateTime, TypeDecorator


class UTCDateTime(TypeDecorator):
    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, engine):
        if value is not None:
            if not value.tzinfo:
                raise RuntimeError("Datetime value without timezone provided, please provide a timezone.")
            return value.astimezone(datetime.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, engine):
        if value is not None:
            return value.replace(tzinfo=datetime.timezone.utc)
