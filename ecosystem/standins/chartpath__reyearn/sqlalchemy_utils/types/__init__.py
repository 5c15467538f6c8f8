"""sqlalchemy_utils.types: the submodule the revisions name."""
from sqlalchemy_utils.types import ltree  # noqa: F401
