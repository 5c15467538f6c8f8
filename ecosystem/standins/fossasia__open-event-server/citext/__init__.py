"""Stand-in for sqlalchemy-citext's CIText: the citext type of the extension the revisions create."""
from sqlalchemy import types


class CIText(types.UserDefinedType):
    cache_ok = True

    def get_col_spec(self, **kw):
        return "CITEXT"
