"""Stand-in: a stable hash of a dict (the real one also handles numpy and pydantic values)."""
import hashlib
import json


def hash_dict_1(d):
    return hashlib.sha256(json.dumps(d, sort_keys=True, default=str).encode()).hexdigest()
