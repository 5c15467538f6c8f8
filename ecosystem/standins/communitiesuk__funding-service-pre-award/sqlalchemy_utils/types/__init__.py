"""sqlalchemy_utils.types: the submodules the revisions name."""
from sqlalchemy_utils.types import ltree, uuid  # noqa: F401
