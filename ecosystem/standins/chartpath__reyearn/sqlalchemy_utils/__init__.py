"""Stand-in for sqlalchemy_utils, as reyearn's revisions use it: `from sqlalchemy_utils import LtreeType` and
`sqlalchemy_utils.types.ltree.LtreeType`."""
from sqlalchemy_utils import types  # noqa: F401
from sqlalchemy_utils.types.ltree import LtreeType  # noqa: F401
