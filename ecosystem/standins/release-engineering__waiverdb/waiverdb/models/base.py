import json
from sqlalchemy.types import TypeDecorator
from sqlalchemy.dialects.postgresql import JSON
def json_serializer(obj): return json.dumps(obj, sort_keys=True)
class EqualityComparableJSONType(TypeDecorator):
    impl = JSON
    cache_ok = True
