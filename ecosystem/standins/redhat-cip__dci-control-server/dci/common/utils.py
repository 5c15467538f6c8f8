"""dci.common.utils reduced to the column defaults ab48aca06ac4 names (gen_uuid, gen_etag)."""
import hashlib
import uuid


def gen_uuid():
    return str(uuid.uuid4())


def gen_etag():
    """Random etag: the MD5 of a fresh uuid."""
    return hashlib.md5(gen_uuid().encode("utf-8")).hexdigest()
