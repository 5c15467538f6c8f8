"""Stand-ins for the project's column types, as the PostgreSQL types they render."""
from sqlalchemy import BigInteger, Integer, String
from sqlalchemy.types import TypeDecorator


class ULIDType(TypeDecorator):
    impl = String(26)
    cache_ok = True


class ComputeCapacityType(TypeDecorator):
    impl = BigInteger
    cache_ok = True


class CreditType(TypeDecorator):
    impl = Integer
    cache_ok = True


class DataSizeType(TypeDecorator):
    impl = BigInteger
    cache_ok = True
