# oslo.serialization's jsonutils.dumps and loads, as the json module's
import json


def dumps(obj, default=None, **kwargs):
    return json.dumps(obj, default=default or str, **kwargs)


def loads(s, encoding='utf-8', **kwargs):
    return json.loads(s.decode(encoding) if isinstance(s, bytes) else s, **kwargs)
