from sqlalchemy_utils.types import uuid  # noqa: F401
