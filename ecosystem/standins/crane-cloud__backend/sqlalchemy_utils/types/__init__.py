from . import encrypted, uuid  # noqa: F401
