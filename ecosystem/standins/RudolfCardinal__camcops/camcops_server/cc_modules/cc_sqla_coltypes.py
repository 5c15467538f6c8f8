"""Stand-in for CamCOPS `camcops_server/cc_modules/cc_sqla_coltypes.py`: the column types the revisions name, each a
TypeDecorator over the type the project's class gives as `impl` (what it renders in DDL); the conversions to and from
Python values are left out (the project's module imports pendulum, semantic_version and cardinal_pythonlib at import).
"""
from sqlalchemy import CHAR, String, Text, UnicodeText
from sqlalchemy.types import TypeDecorator


class PendulumDateTimeAsIsoTextColType(TypeDecorator):
    impl = String(length=32)  # StringLengths.ISO8601_DATETIME_STRING_MAX_LEN
    cache_ok = True


class PendulumDurationAsIsoTextColType(TypeDecorator):
    impl = String(length=29)  # StringLengths.ISO8601_DURATION_STRING_MAX_LEN
    cache_ok = True


class SemanticVersionColType(TypeDecorator):
    impl = String(length=147)
    cache_ok = True


class IdNumReferenceListColType(TypeDecorator):
    impl = Text()
    cache_ok = True


class JsonColType(TypeDecorator):
    impl = UnicodeText
    cache_ok = True


class UuidColType(TypeDecorator):
    impl = CHAR(32)
    cache_ok = True


EraColType = String(length=32)  # String(length=StringLengths.ISO8601_DATETIME_STRING_MAX_LEN)
