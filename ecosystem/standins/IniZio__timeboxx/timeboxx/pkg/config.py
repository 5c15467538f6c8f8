"""Stands in for timeboxx's `timeboxx.pkg.config` (backend/timeboxx/pkg/config.py): `AlembicSettings`, a pydantic
`BaseSettings` there whose `from_env()` gives the field defaults unless the environment sets them; here a plain
class with the project's defaults (`DATABASE_SCHEMA` "timeboxx"), which every revision uses as its schema."""


class AlembicSettings:
    """The settings the revisions read."""

    DATABASE_URL: str = ""
    DATABASE_SCHEMA: str = "timeboxx"

    @classmethod
    def from_env(cls):
        return cls()
