"""pydantic.BaseModel as far as revisions 9bbb32f36d19, 18127fd43a8b, b96ecfffa792 and cf73ba2f0f85 use it: form
classes whose fields have defaults (one model instance is the default of another's field, built when the class is
defined), instantiated without arguments and turned into dicts with .dict() for each submission row."""
import copy


class BaseModel:
    def __init__(self, **values):
        for name in self._fields():
            value = values[name] if name in values else copy.deepcopy(getattr(type(self), name, None))
            setattr(self, name, value)

    @classmethod
    def _fields(cls):
        names = []
        for klass in reversed(cls.__mro__):
            for name in getattr(klass, "__annotations__", {}):
                if name not in names:
                    names.append(name)
        return names

    def dict(self):
        def plain(value):
            if isinstance(value, BaseModel):
                return value.dict()
            if isinstance(value, list):
                return [plain(v) for v in value]
            if isinstance(value, dict):
                return {k: plain(v) for k, v in value.items()}
            return value
        return {name: plain(getattr(self, name)) for name in self._fields()}
