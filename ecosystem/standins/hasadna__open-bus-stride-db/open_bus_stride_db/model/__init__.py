"""open_bus_stride_db.model reduced to its base module (the models' tables are the revisions' business)."""
from . import base  # noqa: F401
from .base import Base  # noqa: F401
