from sqlalchemy.types import TypeDecorator, INT, STRINGTYPE
class Enum(TypeDecorator):
    impl = INT
    cache_ok = True
    def __init__(self, enum=None, *args, **kwargs):
        self.enum = enum
        super().__init__(*args, **kwargs)
class IntEnum(Enum):
    pass
class StrEnum(Enum):
    impl = STRINGTYPE
