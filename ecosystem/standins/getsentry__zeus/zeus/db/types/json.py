from sqlalchemy.types import TypeDecorator, Unicode
class JSONEncodedDict(TypeDecorator):
    impl = Unicode
    cache_ok = True
