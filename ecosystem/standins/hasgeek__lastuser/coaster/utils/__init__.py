"""coaster.utils as lastuser's revisions use it: buid2uuid and uuid2buid (a UUID as 22 characters of URL-safe
base64), namespace_from_url (a URL's host reversed, without a leading www) and uuid1mc_from_datetime (a version-1
UUID with a random multicast node whose time is the datetime's), as coaster's."""
import base64
import random
import re
import time
import uuid
from datetime import datetime
from urllib.parse import urlparse

_ipv4_re = re.compile(r"^(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)(\.(25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)){3}$")


def buid2uuid(value):
    return uuid.UUID(bytes=base64.urlsafe_b64decode(str(value) + "=="))


def uuid2buid(value):
    return base64.urlsafe_b64encode(value.bytes).decode().rstrip("=")


def namespace_from_url(url):
    parsed = urlparse(url)
    if (parsed.hostname is None or parsed.hostname in ("localhost", "localhost.localdomain")
            or _ipv4_re.search(parsed.hostname)):
        return None
    namespace = parsed.hostname.split(".")
    namespace.reverse()
    if namespace and not namespace[0]:
        namespace.pop(0)
    if namespace and namespace[-1] == "www":
        namespace.pop(-1)
    return type(url)(".".join(namespace))


def uuid1mc_from_datetime(dt):
    fields = list(uuid.uuid1(node=random.getrandbits(48) | 0x010000000000).fields)
    timeval = time.mktime(dt.timetuple()) + dt.microsecond / 1e6 if isinstance(dt, datetime) else dt
    timestamp = int(int(timeval * 1e9) // 100) + 0x01B21DD213814000
    fields[0] = timestamp & 0xFFFFFFFF
    fields[1] = (timestamp >> 32) & 0xFFFF
    fields[2] = ((timestamp >> 48) & 0x0FFF) | (1 << 12)
    return uuid.UUID(fields=tuple(fields))
