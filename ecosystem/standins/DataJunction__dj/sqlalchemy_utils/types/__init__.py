from . import uuid  # noqa: F401
