from sqlalchemy_utils.types import ltree  # noqa: F401
