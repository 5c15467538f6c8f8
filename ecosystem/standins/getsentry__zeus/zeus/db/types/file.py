from sqlalchemy.types import TypeDecorator, Unicode
class File(TypeDecorator):
    impl = Unicode
    cache_ok = True
    def __init__(self, path="", *args, **kwargs):
        super().__init__(*args, **kwargs)
