import datetime


def get_utc_now_datetime():
    return datetime.datetime.now(tz=datetime.timezone.utc).replace(tzinfo=None)
