from . import encrypted_type  # noqa: F401
