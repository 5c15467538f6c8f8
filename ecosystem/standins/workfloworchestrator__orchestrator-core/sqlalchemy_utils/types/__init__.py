from . import ts_vector, uuid  # noqa: F401
