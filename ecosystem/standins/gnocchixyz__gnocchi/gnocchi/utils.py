"""Stand-ins: a resource id made from its original id, and the current time in UTC."""
import datetime
import uuid

_NS = uuid.UUID("0a7a15ff-aa13-4ac2-897c-9bdf30ce175b")


def ResourceUUID(value, creator=None):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return uuid.uuid5(_NS, "%s\x00%s" % (value, creator or ""))


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc)
