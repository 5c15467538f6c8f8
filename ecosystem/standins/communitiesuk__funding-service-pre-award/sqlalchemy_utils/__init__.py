"""Stand-in for sqlalchemy_utils, as funding-service-pre-award's revisions use it: sqlalchemy_utils.types.uuid.UUIDType
and sqlalchemy_utils.types.ltree.LtreeType."""
from sqlalchemy_utils import types  # noqa: F401
