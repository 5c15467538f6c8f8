"""Stand-in for oslo_utils.timeutils: utcnow() as oslo.utils defines it (naive UTC now, aware on request)."""
import datetime


def utcnow(with_timezone=False):
    if with_timezone:
        return datetime.datetime.now(tz=datetime.timezone.utc)
    return datetime.datetime.now(tz=datetime.timezone.utc).replace(tzinfo=None)
