"""sqlmodel.sql: re-exports its submodule sqltypes."""
from . import sqltypes
