"""Stand-in for the package `sqlmodel.sql` of SQLModel (the package only)."""
from sqlmodel.sql import sqltypes  # noqa: F401
