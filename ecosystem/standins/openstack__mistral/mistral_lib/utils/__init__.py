"""Stand-in for mistral_lib.utils: utc_now_sec() as mistral-lib defines it (oslo's utcnow without microseconds)."""
from oslo_utils import timeutils


def utc_now_sec():
    """Returns current time and drops microseconds."""

    return drop_microseconds(timeutils.utcnow())


def drop_microseconds(date):
    """Drops microseconds and returns date."""
    return date.replace(microsecond=0)
