"""Stand-in for networking_infoblox.neutron.common.utils: `get_hash`, which a revision calls to key the rows it writes
(the MD5 hex digest of the text given, else of the current time), without the module's infoblox_client imports."""
import hashlib
import time


def get_hash(text=None):
    if text and isinstance(text, str):
        return hashlib.md5(text.encode("utf-8")).hexdigest()
    return hashlib.md5(str(time.time()).encode()).hexdigest()
