"""sqlalchemy_utils.types.ltree.LtreeType: the ltree type of PostgreSQL's ltree extension."""
from sqlalchemy.types import UserDefinedType


class LtreeType(UserDefinedType):
    cache_ok = True

    def get_col_spec(self, **kw):
        return "LTREE"
