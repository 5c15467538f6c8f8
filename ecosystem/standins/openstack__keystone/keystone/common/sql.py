"""Stand-in for keystone.common.sql: the column types the initial revision uses (Text, BigInteger impls)."""
import sqlalchemy as sql
from sqlalchemy import types as sql_types

Text = sql.Text


class JsonBlob(sql_types.TypeDecorator):
    impl = sql.Text
    cache_ok = True


class DateTimeInt(sql_types.TypeDecorator):
    impl = sql.BigInteger
    cache_ok = True
