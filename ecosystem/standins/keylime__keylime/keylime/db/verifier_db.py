"""JSONPickleType as keylime/db defines it: a PickleType stored in a text column."""
from sqlalchemy import PickleType, Text


class JSONPickleType(PickleType):  # pylint: disable=abstract-method,too-many-ancestors
    impl = Text
    cache_ok = True
