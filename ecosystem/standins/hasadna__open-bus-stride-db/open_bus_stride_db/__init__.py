"""open_bus_stride_db reduced to what its revisions import (`import open_bus_stride_db` and
`open_bus_stride_db.model.base.DateTimeWithTimeZone`, open_bus_stride_db at 24f12707b6)."""
from . import model  # noqa: F401
