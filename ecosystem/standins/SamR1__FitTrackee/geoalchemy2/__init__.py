# geoalchemy2 needs PostGIS, which the test cluster lacks; the chain ends at the first revision
# that adds a geometry column (batch_op.add_geospatial_column is geoalchemy2's own operation).
from sqlalchemy.types import UserDefinedType


class Geometry(UserDefinedType):
    cache_ok = True

    def __init__(self, *a, **k):
        pass

    def get_col_spec(self, **kw):
        return "geometry"
