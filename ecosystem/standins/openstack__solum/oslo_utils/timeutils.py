# oslo.utils' timeutils.utcnow: the naive UTC now it returns
import datetime


def utcnow(with_timezone=False):
    now = datetime.datetime.now(datetime.timezone.utc)
    return now if with_timezone else now.replace(tzinfo=None)
