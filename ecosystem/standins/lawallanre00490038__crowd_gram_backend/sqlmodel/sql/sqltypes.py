"""Stand-in for `sqlmodel.sql.sqltypes` of SQLModel: `AutoString`, a String that renders VARCHAR (as SQLModel's does on
PostgreSQL, where a length is optional)."""
from sqlalchemy import String


class AutoString(String):
    cache_ok = True
