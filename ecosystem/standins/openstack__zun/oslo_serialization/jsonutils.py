"""Stand-in for oslo_serialization.jsonutils: dumps/loads, json.dumps/json.loads for the plain values revisions pass."""
import json


def dumps(obj, default=None, **kwargs):
    return json.dumps(obj, default=default, **kwargs)


def loads(s, encoding='utf-8', **kwargs):
    return json.loads(s.decode(encoding) if isinstance(s, bytes) else s, **kwargs)
