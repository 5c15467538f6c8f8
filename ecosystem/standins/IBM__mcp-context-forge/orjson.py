"""orjson as far as the revisions use it (loads, dumps to bytes, JSONDecodeError), on the standard json module."""
import json

JSONDecodeError = json.JSONDecodeError


def loads(data):
    return json.loads(data)


def dumps(obj, default=None, option=None):
    return json.dumps(obj, default=default, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
